// Loads and validates the clinical content (content/clinical/*.yaml) into the engine's ClinicalContent.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { LEVELS, levelRank } from '../engine/types.js';
import type {
  ClinicalContent, Condition, DerivationDef, FindingDef, QuestionDef, RiskScoreDef, RuleDef,
} from '../engine/types.js';
import { parseCondition, type SyntaxProblem } from './condition-syntax.js';
import { checkReferences } from './clinical-checks.js';
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

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and underscores');
const level = z.enum(LEVELS);
const text = z.string().trim().min(1);
const unit = z.enum(['days', 'weeks', 'months']);

const findingSchema = z.object({
  type: z.enum(['boolean', 'number', 'choice']),
  required: z.boolean().default(false),
  meaning: text,
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().default(false),
  units: z.array(unit).optional(),
  values: z.array(id).min(2).optional(),
}).strict();

const optionSchema = z.object({ value: id, label: text, hint: text.optional(), finding: id.optional() }).strict();
const questionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'kebab-case'),
  kind: z.enum(['boolean', 'number', 'choice', 'multi']),
  findings: z.array(id).min(1),
  text,
  hint: text.optional(),
  unknown_allowed: z.boolean(),
  options: z.array(optionSchema).optional(),
  risk_topic: z.boolean().optional(),
  ask_when: z.unknown().optional(),
  priority: level.optional(),
}).strict();

const ruleSchema = z.object({
  id: z.string().regex(/^[A-Z][0-9]+$/, 'a letter and a number, like E1'),
  level,
  title: text,
  reason: text,
  when: z.unknown(),
  sources: z.array(z.string()).min(1),
  displaced_by: z.array(z.string()).optional(),
  nothing_above: z.boolean().optional(),
  explain: z.boolean().optional(),
  tiers: z.object({
    list: id,
    tiers: z.array(z.object({ at_least: z.number().int().min(1), code: id, label: text }).strict()).min(1),
  }).strict().optional(),
  article_tags: z.array(z.string().regex(/^[a-z][a-z-]*$/)).min(1),
}).strict();

const schemas = {
  'findings.yaml': z.object({ findings: z.record(id, findingSchema) }).strict(),
  'questions.yaml': z.object({ questions: z.array(questionSchema).min(1) }).strict(),
  'rules.yaml': z.object({
    definitions: z.record(id, z.unknown()),
    lists: z.record(id, z.array(z.unknown())),
    rules: z.array(ruleSchema).min(1),
  }).strict(),
  'risk.yaml': z.object({
    applies_when: z.unknown(),
    items: z.array(id).min(1),
    psychosocial: z.array(id).min(1),
    bothersome: z.object({ finding: id, values: z.array(id).min(1) }).strict(),
    sources: z.array(z.string()).min(1),
  }).strict(),
  'derived.yaml': z.object({
    derived: z.array(z.object({ finding: id, onset_before_age: z.number(), age: id, duration_weeks: id }).strict()),
    scope: z.object({ minimum_age: z.number().int().min(0) }).strict(),
  }).strict(),
  'regions.yaml': z.object({
    regions: z.record(id, z.object({ tags: z.array(z.string()).min(1), safety_net: id }).strict()),
    safety_nets: z.record(id, z.array(text).min(1)),
  }).strict(),
} as const;

type FileName = keyof typeof schemas;
type Parsed = { [K in FileName]: z.infer<(typeof schemas)[K]> };

const wordingSchema = z.object({
  questions: z.record(z.string(), z.object({
    text: text.optional(),
    hint: text.optional(),
    options: z.record(z.string(), text).optional(),
  }).strict()),
}).strict();

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
  const problems: ContentProblem[] = [];
  const raw = new Map<string, string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    raw.set(name, readFileSync(join(dir, name), 'utf8'));
  }
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
  let wording: z.infer<typeof wordingSchema> | undefined;
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

function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return issue.expected;
  if (issue.code === 'invalid_value') return issue.values.map((v) => JSON.stringify(v)).join(' | ');
  if (issue.code === 'unrecognized_keys') return 'no other keys';
  if (issue.code === 'too_small') return `at least ${String(issue.minimum)}`;
  if (issue.code === 'invalid_format') return issue.format;
  return 'see message';
}

function compile(p: Parsed, problems: ContentProblem[], wording: z.infer<typeof wordingSchema> | undefined, version: string): ClinicalContent {
  const findings = new Map<string, FindingDef>();
  for (const [fid, f] of Object.entries(p['findings.yaml'].findings)) {
    const at = (message: string, expected: string): void => { problems.push({ file: 'findings.yaml', path: `findings.${fid}`, message, expected }); };
    if (f.type === 'number') {
      if (f.min === undefined || f.max === undefined || f.min > f.max) at('a number finding needs min <= max', 'min and max');
      findings.set(fid, { id: fid, type: 'number', required: f.required, meaning: f.meaning, min: f.min ?? 0, max: f.max ?? 0, integer: f.integer, ...(f.units ? { units: f.units } : {}) });
    } else if (f.type === 'choice') {
      if (!f.values) at('a choice finding needs values', 'values: [a, b]');
      findings.set(fid, { id: fid, type: 'choice', required: f.required, meaning: f.meaning, values: f.values ?? [] });
    } else {
      findings.set(fid, { id: fid, type: 'boolean', required: f.required, meaning: f.meaning });
    }
  }
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
    ...(r.tiers ? { tiers: { list: r.tiers.list, tiers: r.tiers.tiers.map((t) => ({ atLeast: t.at_least, code: t.code, label: t.label })) } } : {}),
  }));
  checkRules(rules, lists, problems);

  const questions = p['questions.yaml'].questions.map((q, i) => compileQuestion(q, i, findings, syntax('questions.yaml'), wording, problems));
  const elicited = new Map<string, string>();
  for (const q of questions) {
    for (const f of q.findings) {
      const before = elicited.get(f);
      if (before !== undefined) problems.push({ file: 'questions.yaml', path: `questions.${q.id}`, message: `finding ${f} is already asked by question ${before}`, expected: 'each finding asked by one question' });
      elicited.set(f, q.id);
    }
  }
  if (wording) {
    for (const qid of Object.keys(wording.questions)) {
      if (!questions.some((q) => q.id === qid && q.riskTopic === true)) problems.push({ file: 'risk wording', path: `questions.${qid}`, message: 'only risk-topic questions can be reworded', expected: questions.filter((q) => q.riskTopic).map((q) => q.id).join(' | ') });
    }
  }

  const risk = p['risk.yaml'];
  const riskScore: RiskScoreDef = {
    items: risk.items,
    psychosocial: risk.psychosocial,
    bothersome: risk.bothersome,
    appliesWhen: syntax('risk.yaml')(risk.applies_when, 'applies_when'),
    sources: risk.sources,
  };
  for (const f of [...risk.items, risk.bothersome.finding]) {
    if (!findings.has(f)) problems.push({ file: 'risk.yaml', path: 'items', message: `unknown finding ${f}`, expected: 'a finding of findings.yaml' });
  }
  const derived = p['derived.yaml'];
  const derivations: DerivationDef[] = derived.derived.map((d) => ({ finding: d.finding, onsetBeforeAge: d.onset_before_age, age: d.age, durationWeeks: d.duration_weeks }));
  for (const d of derivations) {
    for (const f of [d.finding, d.age, d.durationWeeks]) {
      if (!findings.has(f)) problems.push({ file: 'derived.yaml', path: 'derived', message: `unknown finding ${f}`, expected: 'a finding of findings.yaml' });
    }
  }
  const regionFile = p['regions.yaml'];
  const regions = new Map<string, { tags: readonly string[]; safetyNet: readonly string[] }>();
  const regionFinding = findings.get('body_region');
  const regionValues = regionFinding?.type === 'choice' ? regionFinding.values : [];
  for (const r of regionValues) {
    const entry = regionFile.regions[r];
    const net = entry ? regionFile.safety_nets[entry.safety_net] : undefined;
    if (!entry || !net) {
      problems.push({ file: 'regions.yaml', path: `regions.${r}`, message: `region ${r} has no tags or safety net`, expected: 'tags and a known safety_net' });
      continue;
    }
    regions.set(r, { tags: entry.tags, safetyNet: net });
  }
  return { version, findings, questions, rules, definitions, lists, riskScore, derivations, regions, minimumAge: derived.scope.minimum_age };
}

function compileQuestion(
  q: z.infer<typeof questionSchema>, i: number, findings: ReadonlyMap<string, FindingDef>,
  syntax: (raw: unknown, path: string) => Condition, wording: z.infer<typeof wordingSchema> | undefined, problems: ContentProblem[],
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
  return {
    id: q.id,
    kind: q.kind,
    findings: q.findings,
    text: reword?.text ?? q.text,
    unknownAllowed: q.unknown_allowed,
    ...(hint !== undefined ? { hint } : {}),
    ...(options ? { options } : {}),
    ...(first?.type === 'number' && first.units ? { units: first.units } : {}),
    ...(q.risk_topic === true ? { riskTopic: true } : {}),
    ...(q.ask_when !== undefined ? { askWhen: syntax(q.ask_when, `questions[${String(i)}].ask_when`) } : {}),
    ...(q.priority !== undefined ? { priority: q.priority } : {}),
  };
}

function checkCondition(
  c: Condition, file: string, path: string, findings: ReadonlyMap<string, FindingDef>,
  definitions: Readonly<Record<string, unknown>>, problems: ContentProblem[],
): void {
  const at = (message: string, expected: string): void => { problems.push({ file, path, message, expected }); };
  switch (c.kind) {
    case 'true': {
      const f = findings.get(c.finding);
      if (!f) at(`unknown finding or definition "${c.finding}"`, 'a finding of findings.yaml or a definition');
      else if (f.type !== 'boolean') at(`${c.finding} is a ${f.type}; compare it instead`, `"${c.finding} = value" or "${c.finding} >= n"`);
      return;
    }
    case 'compare': {
      const f = findings.get(c.finding);
      if (!f) at(`unknown finding "${c.finding}"`, 'a finding of findings.yaml');
      else if (f.type === 'number' && typeof c.value !== 'number') at(`${c.finding} is a number`, 'a number to compare with');
      else if (f.type === 'choice' && (!['eq', 'ne'].includes(c.op) || !f.values.includes(String(c.value)))) at(`${c.finding} is a choice`, `= or != one of ${f.values.join(', ')}`);
      else if (f.type === 'boolean') at(`${c.finding} is yes/no: write just its name`, c.finding);
      return;
    }
    case 'in': {
      const f = findings.get(c.finding);
      if (f?.type !== 'choice') {
        at(`"in" needs a choice finding, got ${c.finding}`, 'a choice finding');
        return;
      }
      for (const v of c.values) if (!f.values.includes(v)) at(`"${v}" is not a value of ${c.finding}`, f.values.join(', '));
      return;
    }
    case 'all':
    case 'any':
    case 'atLeast':
      c.of.forEach((x, i) => { checkCondition(x, file, `${path}[${String(i)}]`, findings, definitions, problems); });
      return;
    case 'not':
      checkCondition(c.of, file, path, findings, definitions, problems);
      return;
    case 'def':
    case 'riskGroup':
      return;
  }
}

function checkRules(rules: readonly RuleDef[], lists: ReadonlyMap<string, readonly Condition[]>, problems: ContentProblem[]): void {
  const byId = new Map(rules.map((r) => [r.id, r]));
  rules.forEach((r, i) => {
    const at = (message: string, expected: string): void => { problems.push({ file: 'rules.yaml', path: `rules[${String(i)}] (${r.id})`, message, expected }); };
    if (rules.findIndex((x) => x.id === r.id) !== i) at(`duplicate rule id ${r.id}`, 'unique ids');
    for (const d of r.displacedBy ?? []) {
      const other = byId.get(d);
      if (!other) at(`displaced_by names an unknown rule ${d}`, 'a rule id');
      else if (levelRank(other.level) <= levelRank(r.level)) at(`displaced_by ${d} is not of a higher level`, 'a rule of a higher level');
    }
    if (r.nothingAbove === true && r.level !== 'self_care') at('nothing_above is for self-care rules', 'level: self_care');
    if (r.tiers && !lists.has(r.tiers.list)) at(`tiers name an unknown list ${r.tiers.list}`, [...lists.keys()].join(', '));
  });
}
