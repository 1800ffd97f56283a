// Reads the body of $next-question: a QuestionnaireResponse (or a Parameters holding one) whose contained
// Questionnaire lists the items asked so far; checks its shape and that it belongs to this check and content version.
import type * as fhir4 from 'fhir/r4.js';
import { z } from 'zod';
import { FhirError } from '../fhir-errors.js';

/** The items of a response, by linkId, with where each sits (for error paths). */
export interface ResponseItem {
  item: fhir4.QuestionnaireResponseItem;
  index: number;
}

export interface AdaptiveRequest {
  response: fhir4.QuestionnaireResponse;
  /** The id the contained Questionnaire goes by (kept in the answer). */
  containedId: string;
  /** The linkIds of the contained Questionnaire's items, in order: the questions asked so far. */
  asked: readonly string[];
  answers: ReadonlyMap<string, ResponseItem>;
}

/** What the service's own Questionnaire is called, to check what a client says it is answering. */
export interface BaseQuestionnaire {
  url: string;
  version: string;
}

const looseObject = z.object({}).loose();
const responseItem = z.object({
  linkId: z.string().min(1),
  answer: z.array(looseObject).optional(),
  item: z.array(looseObject).optional(),
  extension: z.array(looseObject).optional(),
}).loose();
const containedQuestionnaire = z.object({
  resourceType: z.literal('Questionnaire'),
  id: z.string().min(1).optional(),
  version: z.string().optional(),
  derivedFrom: z.array(z.string()).optional(),
  item: z.array(z.object({ linkId: z.string().min(1) }).loose()).optional(),
}).loose();
const responseSchema = z.object({
  resourceType: z.literal('QuestionnaireResponse'),
  status: z.enum(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']),
  questionnaire: z.string().min(1).optional(),
  contained: z.array(z.object({ resourceType: z.string(), id: z.string().optional() }).loose()).optional(),
  item: z.array(responseItem).optional(),
}).loose();
const parametersSchema = z.object({
  resourceType: z.literal('Parameters'),
  parameter: z.array(z.object({ name: z.string(), resource: z.unknown().optional() }).loose()),
}).loose();

function pathOf(root: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((at, key) => (typeof key === 'number' ? `${at}[${key}]` : `${at}.${String(key)}`), root);
}

function parse<T>(schema: z.ZodType<T>, value: unknown, root: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = pathOf(root, issue?.path ?? []);
  throw new FhirError('invalid_resource', `${where}: ${issue?.message ?? 'not the expected shape'}.`, where);
}

/** The QuestionnaireResponse itself, or the "questionnaire-response" (SDC STU 4) or "in" (STU 3) parameter. */
function unwrap(body: unknown): unknown {
  const kind = typeof body === 'object' && body !== null ? (body as { resourceType?: unknown }).resourceType : undefined;
  if (kind !== 'Parameters') return body;
  const parameters = parse(parametersSchema, body, 'Parameters');
  const found = parameters.parameter.find((p) => p.name === 'questionnaire-response' || p.name === 'in');
  if (found?.resource === undefined) {
    throw new FhirError('invalid_resource', 'The Parameters has no "questionnaire-response" parameter with a QuestionnaireResponse.', 'Parameters.parameter');
  }
  return found.resource;
}

function checkBelongs(q: z.infer<typeof containedQuestionnaire>, base: BaseQuestionnaire, at: string): void {
  const from = q.derivedFrom?.[0];
  if (from !== undefined && from !== base.url && !from.startsWith(`${base.url}|`)) {
    throw new FhirError('unknown_questionnaire', `This service runs ${base.url}, not ${from}.`, `${at}.derivedFrom[0]`);
  }
  const version = q.version ?? (from?.includes('|') === true ? from.slice(from.indexOf('|') + 1) : undefined);
  if (version !== undefined && version !== base.version) {
    throw new FhirError('content_changed', `This response was started on version ${version} of the check; it is now ${base.version}. Start again.`, `${at}.version`);
  }
}

/** Parses and checks the request body; throws a FhirError with the path of the first problem. */
export function readAdaptiveRequest(body: unknown, base: BaseQuestionnaire): AdaptiveRequest {
  const parsed = parse(responseSchema, unwrap(body), 'QuestionnaireResponse');
  // Checked above for what this operation reads; the rest passes through as the client sent it.
  const response = parsed as unknown as fhir4.QuestionnaireResponse;
  const items = parsed.item ?? [];
  const answers = new Map<string, ResponseItem>();
  items.forEach((item, index) => {
    if (answers.has(item.linkId)) {
      throw new FhirError('invalid_resource', `Two items have the linkId "${item.linkId}".`, `QuestionnaireResponse.item[${index}].linkId`);
    }
    answers.set(item.linkId, { item: item as fhir4.QuestionnaireResponseItem, index });
  });
  const reference = response.questionnaire;
  const contained = parsed.contained ?? [];
  const at = contained.findIndex((r) => r.resourceType === 'Questionnaire' && reference === `#${r.id ?? ''}`);
  if (at < 0) {
    // The first call may name the check by its canonical URL instead of sending an empty contained Questionnaire.
    const named = reference === undefined || reference === base.url || reference.startsWith(`${base.url}|`);
    if (!named) throw new FhirError('unknown_questionnaire', `This service runs ${base.url}; "questionnaire" must be "#<id>" of a contained Questionnaire or that URL.`, 'QuestionnaireResponse.questionnaire');
    if (reference?.includes('|') === true) checkBelongs({ resourceType: 'Questionnaire', derivedFrom: [reference] }, base, 'QuestionnaireResponse.questionnaire');
    if (items.length > 0) throw new FhirError('item_not_asked', 'There are answers but no contained Questionnaire with the items asked.', 'QuestionnaireResponse.item[0]');
    return { response, containedId: 'q', asked: [], answers };
  }
  const where = `QuestionnaireResponse.contained[${at}]`;
  const questionnaire = parse(containedQuestionnaire, contained[at], where);
  checkBelongs(questionnaire, base, where);
  const asked = (questionnaire.item ?? []).map((i) => i.linkId);
  for (const [linkId, { index }] of answers) {
    if (!asked.includes(linkId)) throw new FhirError('item_not_asked', `"${linkId}" is not an item of the contained Questionnaire.`, `QuestionnaireResponse.item[${index}].linkId`);
  }
  return { response, containedId: questionnaire.id ?? 'q', asked, answers };
}
