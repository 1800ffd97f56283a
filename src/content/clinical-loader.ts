// Loads and validates the clinical content (content/clinical/*.yaml) into the engine's ClinicalContent.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { RECHECK_VALUES, recheckId } from '../engine/types.js';
import type { ClinicalContent, Condition, DerivationDef, FindingDef, QuestionDef, RiskScoreDef, RuleDef } from '../engine/types.js';
import { parseCondition, type SyntaxProblem } from './condition-syntax.js';
import { checkCondition, checkReferences, checkRules } from './clinical-checks.js';
import { expectedOf, schemas, wordingSchema, type FileName, type Parsed, type Wording, type QuestionInput } from './clinical-schema.js';
import type { ContentProblem } from './content-problem.js';

/** Invalid clinical content: the service refuses to start on it. */
export class ContentError extends Error {
  constructor(readonly problems: readonly ContentProblem[]) {
    super(`Invalid clinical content:\n${problems.map((p) => `  ${p.file} ${p.path}: ${p.message} (expected ${p.expected})`).join('\n')}`);
    this.name = 'ContentError';
  }
}

export interface LoadOptions {
  /** A licensed clinic's file replacing the risk-group topics' wording (see content/clinical/README.md). */
  riskWordingFile?: string | undefined;
}

/** The content version: a stable hash of the clinical files (not the articles). */
export function contentVersion(files: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const name of [...files.keys()].sort()) {
    hash.update(`${name}\n${(files.get(name) ?? '').replace(/\r\n/g, '\n')}\n`);
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * Reads, validates and compiles content/clinical. Throws ContentError listing every problem (file, path,
 * what is wrong, what was expected); the service refuses to start on invalid content.
 */
export function loadClinicalContent(dir = 'content/clinical', options: LoadOptions = {}): ClinicalContent {
  return compileClinicalFiles(readClinicalFiles(dir), dir, options);
}

/** The texts of the clinical files (content/clinical/*.yaml), by file name. */
export function readClinicalFiles(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort().map((n) => [n, readFileSync(join(dir, n), 'utf8')] as const));
}

/**
 * Validates and compiles the clinical files given as texts (`dir` is where they came from: references are checked
 * beside it). Throws ContentError listing every problem.
 */
export function compileClinicalFiles(files: ReadonlyMap<string, string>, dir: string, options: LoadOptions = {}): ClinicalContent {
  const problems: ContentProblem[] = [];
  const raw = new Map(files);
  const parsed: Partial<Parsed> = {};
  for (const name of Object.keys(schemas) as FileName[]) {
    const source = raw.get(name);
    if (source === undefined) {
      problems.push({ file: name, path: '', message: 'file is missing', expected: `content/clinical/${name}` });
      continue;
    }
    let data: unknown;
    try {
      data = parse(source, { schema: 'core' });
    } catch (error) {
      problems.push({ file: name, path: '', message: `not valid YAML: ${(error as Error).message.split('\n')[0] ?? ''}`, expected: 'YAML' });
      continue;
    }
    const result = schemas[name].safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ file: name, path: issue.path.map(String).join('.'), message: issue.message, expected: expectedOf(issue) });
      }
      continue;
    }
    (parsed as Record<string, unknown>)[name] = result.data;
  }
  if (problems.length > 0) throw new ContentError(problems);
  const p = parsed as Parsed;
  let wording: Wording | undefined;
  if (options.riskWordingFile !== undefined) {
    const w = wordingSchema.safeParse(parse(readFileSync(options.riskWordingFile, 'utf8'), { schema: 'core' }));
    if (w.success) wording = w.data;
    else for (const issue of w.error.issues) problems.push({ file: options.riskWordingFile, path: issue.path.join('.'), message: issue.message, expected: expectedOf(issue) });
    raw.set('risk-wording.yaml', readFileSync(options.riskWordingFile, 'utf8'));
  }
  const content = compile(p, problems, wording, contentVersion(raw));
  problems.push(...checkReferences(content, dir));
  if (problems.length > 0) throw new ContentError(problems);
  return content;
}

function compile(p: Parsed, problems: ContentProblem[], wording: Wording | undefined, version: string): ClinicalContent {
  const findings = compileFindings(p['findings.yaml'], problems);
  const rulesFile = p['rules.yaml'];
  const syntax = (file: string) => (raw: unknown, path: string): Condition => {
    const local: SyntaxProblem[] = [];
    const c = parseCondition(raw, path, {
      isDefinition: (n) => n in rulesFile.definitions,
      list: (n) => rulesFile.lists[n],
    }, local);
    for (const s of local) problems.push({ file, ...s });
    checkCondition(c, file, path, findings, rulesFile.definitions, problems);
    return c;
  };
  const definitions = new Map<string, Condition>();
  for (const [name, raw] of Object.entries(rulesFile.definitions)) definitions.set(name, syntax('rules.yaml')(raw, `definitions.${name}`));
  const lists = new Map<string, readonly Condition[]>();
  for (const [name, items] of Object.entries(rulesFile.lists)) lists.set(name, items.map((c, i) => syntax('rules.yaml')(c, `lists.${name}[${String(i)}]`)));
  const rules: RuleDef[] = rulesFile.rules.map((r, i) => ({
    id: r.id,
    level: r.level,
    title: r.title,
    reason: r.reason,
    when: syntax('rules.yaml')(r.when, `rules[${String(i)}].when`),
    sources: r.sources,
    articleTags: r.article_tags,
    ...(r.displaced_by ? { displacedBy: r.displaced_by } : {}),
    ...(r.nothing_above ? { nothingAbove: true } : {}),
    ...(r.explain ? { explain: true } : {}),
    ...(r.action !== undefined ? { action: r.action } : {}),
    ...(r.warning ? { warning: { text: r.warning.text, signs: r.warning.signs, keywords: r.warning.keywords } } : {}),
    ...(r.tiers ? { tiers: { list: r.tiers.list, tiers: r.tiers.tiers.map((t) => ({ atLeast: t.at_least, code: t.code, label: t.label })) } } : {}),
  }));
  checkRules(rules, lists, problems);
  const questions = p['questions.yaml'].questions.map((q, i) => compileQuestion(q, i, findings, syntax('questions.yaml'), wording, problems));
  checkQuestions(questions, wording, problems);
  const risk = p['risk.yaml'];
  const riskScore: RiskScoreDef = {
    items: risk.items,
    psychosocial: risk.psychosocial,
    bothersome: risk.bothersome,
    appliesWhen: syntax('risk.yaml')(risk.applies_when, 'applies_when'),
    sources: risk.sources,
  };
  const derived = p['derived.yaml'];
  const derivations: DerivationDef[] = derived.derived.map((d, i) => ('value' in d
    ? { kind: 'value', finding: d.finding, value: d.value, when: syntax('derived.yaml')(d.when, `derived[${String(i)}].when`) }
    : { kind: 'onset', finding: d.finding, onsetBeforeAge: d.onset_before_age, age: d.age, durationWeeks: d.duration_weeks }));
  const known = (file: string, path: string, ids: readonly string[]): void => {
    for (const f of ids) if (!findings.has(f)) problems.push({ file, path, message: `unknown finding ${f}`, expected: 'a finding of findings.yaml' });
  };
  known('risk.yaml', 'items', [...risk.items, risk.bothersome.finding]);
  for (const d of derivations) known('derived.yaml', 'derived', d.kind === 'onset' ? [d.finding, d.age, d.durationWeeks] : [d.finding]);
  addRechecks(questions, findings);
  const regions = compileRegions(p['regions.yaml'], findings, problems);
  return {
    version, findings, questions, rules, definitions, lists, riskScore, derivations, regions,
    minimumAge: derived.scope.minimum_age, levelActions: rulesFile.level_actions,
  };
}

/**
 * Principle 2b: each finding with a `clarify` text gets a companion finding, `<finding>_recheck` (yes or no), that
 * holds the answer when it is asked again on its own. It is a choice, not a yes/no finding, so that a simulated
 * person who does not list it answers "I'm not sure" (the clinical README's semantics), never a reassuring "no".
 */
function addRechecks(questions: readonly QuestionDef[], findings: Map<string, FindingDef>): void {
  for (const q of questions) {
    const f = q.findings[0];
    const def = f === undefined ? undefined : findings.get(f);
    if (q.clarify === undefined || f === undefined || def === undefined) continue;
    const values = def.type === 'choice' ? def.values : RECHECK_VALUES;
    findings.set(recheckId(f), {
      id: recheckId(f), type: 'choice', required: false, values, recheckOf: f,
      meaning: `The answer when ${f} is asked again on its own after "I'm not sure" (safety principle 2b): it replaces the unsure answer.`,
    });
  }
}

function compileFindings(file: Parsed['findings.yaml'], problems: ContentProblem[]): Map<string, FindingDef> {
  const findings = new Map<string, FindingDef>();
  for (const [fid, f] of Object.entries(file.findings)) {
    const at = (message: string, expected: string): void => { problems.push({ file: 'findings.yaml', path: `findings.${fid}`, message, expected }); };
    const notAsked = f.not_asked === undefined ? {} : { notAsked: f.not_asked };
    if (f.type === 'number') {
      if (f.min === undefined || f.max === undefined || f.min > f.max) at('a number finding needs min <= max', 'min and max');
      findings.set(fid, { id: fid, type: 'number', required: f.required, meaning: f.meaning, min: f.min ?? 0, max: f.max ?? 0, integer: f.integer, ...(f.units ? { units: f.units } : {}), ...notAsked });
    } else if (f.type === 'choice') {
      if (!f.values) at('a choice finding needs values', 'values: [a, b]');
      findings.set(fid, { id: fid, type: 'choice', required: f.required, meaning: f.meaning, values: f.values ?? [], ...notAsked });
    } else {
      findings.set(fid, { id: fid, type: 'boolean', required: f.required, meaning: f.meaning, ...notAsked });
    }
  }
  return findings;
}

/** Each finding is asked by one question; a licensed wording file may reword only the risk-group topics. */
function checkQuestions(questions: readonly QuestionDef[], wording: Wording | undefined, problems: ContentProblem[]): void {
  const elicited = new Map<string, string>();
  for (const q of questions) {
    for (const f of q.findings) {
      const before = elicited.get(f);
      if (before !== undefined) problems.push({ file: 'questions.yaml', path: `questions.${q.id}`, message: `finding ${f} is already asked by question ${before}`, expected: 'each finding asked by one question' });
      elicited.set(f, q.id);
    }
  }
  for (const qid of Object.keys(wording?.questions ?? {})) {
    if (!questions.some((q) => q.id === qid && q.riskTopic === true)) problems.push({ file: 'risk wording', path: `questions.${qid}`, message: 'only risk-topic questions can be reworded', expected: questions.filter((q) => q.riskTopic).map((q) => q.id).join(' | ') });
  }
}

function compileRegions(file: Parsed['regions.yaml'], findings: ReadonlyMap<string, FindingDef>, problems: ContentProblem[]): ClinicalContent['regions'] {
  const regions = new Map<string, { tags: readonly string[] }>();
  const regionFinding = findings.get('body_region');
  for (const r of regionFinding?.type === 'choice' ? regionFinding.values : []) {
    const entry = file.regions[r];
    if (!entry) {
      problems.push({ file: 'regions.yaml', path: `regions.${r}`, message: `region ${r} has no article tags`, expected: 'tags: [...]' });
      continue;
    }
    regions.set(r, { tags: entry.tags });
  }
  return regions;
}

function compileQuestion(
  q: QuestionInput, i: number, findings: ReadonlyMap<string, FindingDef>,
  syntax: (raw: unknown, path: string) => Condition, wording: Wording | undefined, problems: ContentProblem[],
): QuestionDef {
  const at = (message: string, expected: string): void => { problems.push({ file: 'questions.yaml', path: `questions[${String(i)}] (${q.id})`, message, expected }); };
  const defs = q.findings.map((f) => findings.get(f));
  defs.forEach((d, k) => { if (!d) at(`unknown finding ${q.findings[k] ?? ''}`, 'a finding of findings.yaml'); });
  const first = defs[0];
  if (q.kind !== 'multi') {
    if (q.findings.length !== 1) at(`a ${q.kind} question asks exactly one finding`, 'findings: [one]');
    if (first && first.type !== q.kind) at(`finding ${first.id} is a ${first.type}, the question is a ${q.kind}`, `kind: ${first.type}`);
  } else if (defs.some((d) => d && d.type !== 'boolean')) {
    at('a multi question asks only yes/no findings', 'boolean findings');
  }
  if (first?.required === true && q.unknown_allowed) at('a required finding cannot be answered "I\'m not sure"', 'unknown_allowed: false');
  if (q.kind === 'choice' && first?.type === 'choice') {
    const values = (q.options ?? []).map((o) => o.value);
    if (values.join() !== first.values.join()) at('the options must be the finding\'s values, in order', first.values.join(', '));
  }
  if (q.kind === 'multi') {
    const opts = (q.options ?? []).map((o) => o.finding);
    if (opts.join() !== q.findings.join()) at('a multi question has one option per finding, in the same order, each with `finding`', q.findings.join(', '));
  }
  if ((q.kind === 'boolean' || q.kind === 'number') && q.options) at(`a ${q.kind} question has no options`, 'no options');
  if ((q.ask_when === undefined) !== (q.priority === undefined)) at('ask_when and priority go together', 'both or neither');
  const reword = q.risk_topic === true ? wording?.questions[q.id] : undefined;
  const options = q.options?.map((o) => ({
    value: o.value,
    label: reword?.options?.[o.value] ?? o.label,
    ...(o.hint !== undefined ? { hint: o.hint } : {}),
    ...(o.finding !== undefined ? { finding: o.finding } : {}),
  }));
  const hint = reword?.hint ?? q.hint;
  if (q.label !== undefined && q.kind !== 'boolean') at('label is for yes/no questions', 'kind: boolean');
  if (q.clarify !== undefined && q.kind !== 'boolean' && q.kind !== 'choice') at('clarify is for yes/no and choice questions', 'kind: boolean or choice');
  return {
    id: q.id,
    kind: q.kind,
    findings: q.findings,
    text: reword?.text ?? q.text,
    unknownAllowed: q.unknown_allowed,
    ...(hint !== undefined ? { hint } : {}),
    ...(options ? { options } : {}),
    ...(first?.type === 'number' && first.units ? { units: first.units } : {}),
    ...(q.label !== undefined ? { label: q.label } : {}),
    ...(q.clarify !== undefined ? { clarify: { text: q.clarify.text, sign: q.clarify.sign, ...(q.clarify.hint === undefined ? {} : { hint: q.clarify.hint }) } } : {}),
    ...(q.risk_topic === true ? { riskTopic: true } : {}),
    ...(q.ask_when !== undefined ? { askWhen: syntax(q.ask_when, `questions[${String(i)}].ask_when`) } : {}),
    ...(q.priority !== undefined ? { priority: q.priority } : {}),
  };
}

