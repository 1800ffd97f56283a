// SDC $next-question: replays the engine over the answers given so far and returns the response with the next item
// added, or completed with the result. The same triage(content, answers) as the web check and the JSON API.
import type * as fhir4 from 'fhir/r4.js';
import { fhirSystems, type FhirSystems } from '../../clinic/fhir/fhir-systems.js';
import { contentQuestionnaire } from '../../clinic/fhir/questionnaire.js';
import type { AppConfig } from '../../config.js';
import { triage } from '../../engine/index.js';
import { UNKNOWN, type AnswerError, type ClinicalContent, type QuestionView, type TriageResult } from '../../engine/types.js';
import type { Library } from '../../web/library.js';
import { EXT, PROFILE } from '../fhir-codes.js';
import { FhirError } from '../fhir-errors.js';
import { readAnswer, type Values } from './adaptive-answers.js';
import { adaptiveItem, linkIdOf } from './adaptive-items.js';
import { readAdaptiveRequest, type AdaptiveRequest, type BaseQuestionnaire } from './adaptive-request.js';
import { outcomeResult, outOfScopeResult, RISK_ID, type ResultParts } from './adaptive-result.js';

export interface AdaptiveService {
  config: AppConfig;
  content: ClinicalContent;
  library: Library;
  now: () => Date;
}

/** No check asks anywhere near this many pages; a guard against an engine fault, never reached by a client. */
const MAX_STEPS = 200;

interface Step {
  question: QuestionView;
  item: fhir4.QuestionnaireItem;
  /** The client's response item; absent for a number left blank ("I'm not sure"). */
  given: fhir4.QuestionnaireResponseItem | undefined;
  values: Values;
}

interface Replayed {
  steps: Step[];
  values: Values;
  result: Exclude<TriageResult, { status: 'invalid' }>;
}

type Base = BaseQuestionnaire & { ids: readonly string[]; title: string };
const baseCache = new WeakMap<ClinicalContent, Map<string, Base>>();

/** The service's own Questionnaire: what adaptive responses derive from, and the ids the instance-level call accepts. */
export function baseQuestionnaire(svc: AdaptiveService): Base {
  const perContent = baseCache.get(svc.content) ?? new Map<string, Base>();
  baseCache.set(svc.content, perContent);
  const key = svc.config.fhirCanonicalBase;
  const cached = perContent.get(key);
  if (cached !== undefined) return cached;
  const q = contentQuestionnaire(svc.content, svc.config.fhirCanonicalBase);
  const url = q.url ?? '';
  const base = { url, version: q.version ?? svc.content.version, title: q.title ?? 'Self-check', ids: [q.id ?? '', url.slice(url.lastIndexOf('/') + 1)].filter((i) => i !== '') };
  perContent.set(key, base);
  return base;
}

function engineError(errors: readonly AnswerError[], steps: readonly Step[], request: AdaptiveRequest): FhirError {
  const [first] = errors;
  const finding = (first?.path ?? '').replace(/^answers\./, '');
  const step = steps.find((s) => s.question.findings.includes(finding));
  const at = step === undefined ? undefined : request.answers.get(step.item.linkId);
  const path = at === undefined ? 'QuestionnaireResponse.item' : `QuestionnaireResponse.item[${at.index}].answer[0]`;
  return new FhirError(first?.code ?? 'invalid_answer', first?.message, path);
}

/**
 * Walks the check from no answers: each question the engine asks must be the next item of the contained Questionnaire,
 * answered in the response. It stops at the first question the client has not been given (the next item), or where the
 * path leaves the contained items because an earlier answer changed (later items are then asked again, as on the web).
 */
function replayAnswers(request: AdaptiveRequest, svc: AdaptiveService, sys: FhirSystems): Replayed & { next?: QuestionView } {
  const values: Values = {};
  const steps: Step[] = [];
  for (;;) {
    const result = triage(svc.content, values);
    if (result.status === 'invalid') throw engineError(result.errors, steps, request);
    if (result.status !== 'question') return { steps, values, result };
    const question = result.question;
    const linkId = linkIdOf(question);
    if (steps.length >= MAX_STEPS || question.findings.some((f) => Object.hasOwn(values, f))) throw new FhirError('internal');
    if (request.asked[steps.length] !== linkId) return { steps, values, result, next: question };
    const found = request.answers.get(linkId);
    const path = found === undefined ? `QuestionnaireResponse.item.where(linkId='${linkId}')` : `QuestionnaireResponse.item[${found.index}]`;
    const read = readAnswer(question, found?.item, path, svc.content, sys);
    Object.assign(values, read);
    steps.push({ question, item: adaptiveItem(question, svc.content, sys), given: found?.item, values: read });
  }
}

function responseItem(step: Step): fhir4.QuestionnaireResponseItem {
  const base = { linkId: step.item.linkId, ...(step.item.text === undefined ? {} : { text: step.item.text }) };
  const answer = step.given?.answer ?? [];
  if (answer.length > 0) return { ...base, answer };
  // A blank number the person was not sure about, said explicitly so a reader need not know the convention.
  const unsure = Object.values(step.values).every((v) => v === UNKNOWN);
  return unsure ? { ...base, extension: [{ url: EXT.dataAbsentReason, valueCode: 'asked-unknown' }] } : base;
}

/** What the answer keeps of the client's response: who and what it is about, not our earlier output. */
const KEPT_FIELDS = ['id', 'language', 'identifier', 'basedOn', 'partOf', 'subject', 'encounter', 'author', 'source'] as const;

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => from[k] !== undefined).map((k) => [k, from[k]])) as Partial<Pick<T, K>>;
}

/** Runs the operation on a request body; `instanceId` is the id of the instance-level form, if used. */
export function nextQuestion(svc: AdaptiveService, body: unknown, instanceId?: string): fhir4.QuestionnaireResponse {
  const base = baseQuestionnaire(svc);
  if (instanceId !== undefined && !base.ids.includes(instanceId)) {
    throw new FhirError('unknown_questionnaire', `There is no adaptive Questionnaire "${instanceId}"; use ${base.ids.join(' or ')}.`);
  }
  const request = readAdaptiveRequest(body, base);
  const sys = fhirSystems(svc.config.fhirCanonicalBase);
  const now = svc.now();
  const { steps, values, result, next } = replayAnswers(request, svc, sys);
  const input = request.response;
  let end: ResultParts | undefined;
  if (next === undefined) {
    end = result.status === 'outcome'
      ? outcomeResult({ ...svc, now, sys }, result.outcome, values, input.subject)
      : outOfScopeResult({ ...svc, now, sys });
  }
  const questionnaire: fhir4.Questionnaire = {
    resourceType: 'Questionnaire',
    id: request.containedId,
    meta: { profile: [PROFILE.questionnaireAdapt] },
    extension: [{ url: EXT.questionnaireAdaptive, valueBoolean: true }],
    version: base.version,
    title: base.title,
    derivedFrom: [`${base.url}|${base.version}`],
    status: 'active',
    subjectType: ['Patient'],
    item: [...steps.map((s) => s.item), ...(next === undefined ? [] : [adaptiveItem(next, svc.content, sys)]), ...(end === undefined ? [] : [end.item])],
  };
  const kept = (input.contained ?? []).filter((r) => r.id !== request.containedId && r.id !== RISK_ID);
  return {
    resourceType: 'QuestionnaireResponse',
    ...pick(input, KEPT_FIELDS),
    meta: { profile: [PROFILE.responseAdapt] },
    ...(end === undefined ? {} : { text: end.narrative }),
    contained: [questionnaire, ...(end?.risk === undefined ? [] : [end.risk]), ...kept],
    questionnaire: `#${request.containedId}`,
    status: end === undefined ? 'in-progress' : 'completed',
    authored: now.toISOString(),
    item: [...steps.map(responseItem), ...(end === undefined ? [] : [end.answer])],
  };
}
