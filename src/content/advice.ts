// Outcome advice: what a result means, what to do now and what to expect, per level and per rule.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { LEVELS, type Level, type Outcome, type Region } from '../engine/types.js';
import { ContentFileError, type ContentProblem } from './content-problem.js';
import { fillPlaceholders, unknownPlaceholders, type Placeholders } from './placeholders.js';
import { zodProblems } from './zod-problems.js';

const REGIONS = ['lower_back', 'upper_back', 'neck', 'jaw', 'shoulder', 'elbow', 'wrist_hand', 'hip', 'knee', 'ankle_foot', 'other'] as const satisfies readonly Region[];

export interface LevelAdvice {
  /** When to act, in a few words ("Today"); the out-of-scope advice has none. */
  timeFrame?: string;
  title: string;
  meaning: string;
  doNow: readonly string[];
  expect: string;
}

/** Self-management tips for one kind of outcome (see advice.yaml `self_management`). */
export interface SelfManagementSet {
  id: string;
  /** Chosen when every rule of the outcome is in this list. */
  rules?: readonly string[];
  /** Otherwise chosen by the outcome's body region. */
  regions?: readonly Region[];
  sources: readonly string[];
  items: readonly string[];
}

export interface RuleNote {
  text: string;
  /** Extra text per tier code (S5: test, refer). */
  tiers?: Readonly<Record<string, string>>;
}

export interface Advice {
  levels: Readonly<Record<Level, LevelAdvice>>;
  outOfScope: LevelAdvice;
  selfManagement: readonly SelfManagementSet[];
  rules: ReadonlyMap<string, RuleNote>;
  file: string;
}

/** The advice shown with one result, placeholders filled (plain text: templates escape it). */
export interface OutcomeAdvice {
  timeFrame?: string;
  title: string;
  meaning: string;
  doNow: string[];
  expect: string;
  selfManagement: string[];
  ruleNotes: { rule: string; text: string }[];
}

const text = z.string().trim().min(1);
const levelSchema = z.strictObject({ time_frame: text.optional(), title: text, meaning: text, do_now: z.array(text).min(1), expect: text });
const ruleNoteSchema = z.union([text, z.strictObject({ text, tiers: z.record(z.string().regex(/^[a-z_]+$/), text) })]);
const fileSchema = z.strictObject({
  levels: z.strictObject(Object.fromEntries(LEVELS.map((l) => [l, levelSchema])) as Record<Level, typeof levelSchema>),
  out_of_scope: levelSchema,
  self_management: z.array(z.strictObject({
    id: z.string().regex(/^[a-z_]+$/),
    rules: z.array(z.string()).min(1).optional(),
    regions: z.array(z.enum(REGIONS)).min(1).optional(),
    sources: z.array(z.string()).min(1),
    items: z.array(text).min(1),
  })).min(1),
  rules: z.record(z.string().regex(/^[A-Z][0-9]+$/), ruleNoteSchema),
});

const EXPECTED: Readonly<Record<string, string>> = {
  levels: `advice for each level: ${LEVELS.join(', ')}`,
  title: 'a short title', meaning: 'what this result means, as text', do_now: 'a list of steps', expect: 'what to expect, as text',
  out_of_scope: 'advice for people under the minimum age', self_management: 'a list of self-management sets',
  id: 'a lowercase id', regions: `body regions from: ${REGIONS.join(', ')}`, sources: 'reference ids', items: 'a list of tips',
  rules: 'a note per rule id (E1 … C4): text, or {text, tiers: {code: text}}', text: 'the note as text', tiers: 'text per tier code',
};

/** Every text in the advice, with its path, for placeholder and readability checks. */
export function adviceTexts(advice: Advice): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const level = (prefix: string, a: LevelAdvice): void => {
    out.push({ path: `${prefix}.title`, text: a.title }, { path: `${prefix}.meaning`, text: a.meaning }, { path: `${prefix}.expect`, text: a.expect });
    if (a.timeFrame !== undefined) out.push({ path: `${prefix}.time_frame`, text: a.timeFrame });
    a.doNow.forEach((t, i) => out.push({ path: `${prefix}.do_now.${i}`, text: t }));
  };
  for (const l of LEVELS) level(`levels.${l}`, advice.levels[l]);
  level('out_of_scope', advice.outOfScope);
  for (const s of advice.selfManagement) s.items.forEach((t, i) => out.push({ path: `self_management.${s.id}.items.${i}`, text: t }));
  for (const [id, note] of advice.rules) {
    out.push({ path: `rules.${id}`, text: note.text });
    for (const [code, t] of Object.entries(note.tiers ?? {})) out.push({ path: `rules.${id}.tiers.${code}`, text: t });
  }
  return out;
}

function toLevel(a: z.infer<typeof levelSchema>): LevelAdvice {
  return { title: a.title, meaning: a.meaning, doNow: a.do_now, expect: a.expect, ...(a.time_frame === undefined ? {} : { timeFrame: a.time_frame }) };
}

/** Reads and checks content/clinical/advice.yaml; returns the advice (if readable) and every problem. */
export function readAdvice(dir = 'content/clinical'): { advice?: Advice; problems: ContentProblem[] } {
  const file = join(dir, 'advice.yaml');
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'), { schema: 'core' });
  } catch (err) {
    return { problems: [{ file, path: '', message: `cannot read: ${(err as Error).message}`, expected: 'a readable YAML file' }] };
  }
  const result = fileSchema.safeParse(data, { reportInput: true });
  if (!result.success) return { problems: zodProblems(file, result.error, EXPECTED) };
  const d = result.data;
  const advice: Advice = {
    levels: Object.fromEntries(LEVELS.map((l) => [l, toLevel(d.levels[l])])) as Record<Level, LevelAdvice>,
    outOfScope: toLevel(d.out_of_scope),
    selfManagement: d.self_management.map((s) => {
      const set: SelfManagementSet = { id: s.id, sources: s.sources, items: s.items };
      if (s.rules !== undefined) set.rules = s.rules;
      if (s.regions !== undefined) set.regions = s.regions;
      return set;
    }),
    rules: new Map(Object.entries(d.rules).map(([id, n]) => [id, typeof n === 'string' ? { text: n } : { text: n.text, tiers: n.tiers }])),
    file,
  };
  const problems: ContentProblem[] = [];
  for (const { path, text: t } of adviceTexts(advice)) {
    for (const name of unknownPlaceholders(t)) problems.push({ file, path, message: `unknown placeholder {{${name}}}`, expected: 'one of the placeholders in src/content/placeholders.ts' });
  }
  d.self_management.forEach((s, i) => {
    if ((s.rules === undefined) === (s.regions === undefined)) problems.push({ file, path: `self_management.${i}`, message: 'needs exactly one of rules or regions', expected: 'either `rules` or `regions`' });
  });
  return problems.length > 0 ? { problems } : { advice, problems };
}

/** Loads the outcome advice; throws ContentFileError listing every problem. */
export function loadAdvice(dir = 'content/clinical'): Advice {
  const { advice, problems } = readAdvice(dir);
  if (advice === undefined || problems.length > 0) throw new ContentFileError(problems);
  return advice;
}

/** The self-management set for an outcome: by its rules first (e.g. painless noise), else by region. */
export function selfManagementFor(advice: Advice, outcome: Pick<Outcome, 'region' | 'rules'>): SelfManagementSet | undefined {
  const ids = outcome.rules.map((r) => r.id);
  const byRules = advice.selfManagement.find((s) => s.rules !== undefined && ids.length > 0 && ids.every((id) => s.rules?.includes(id)));
  return byRules ?? advice.selfManagement.find((s) => s.regions?.includes(outcome.region));
}

/**
 * The advice for an outcome: the level's title, meaning, steps and expectations; a note for each rule
 * that fired (with its tier, e.g. S5 test/refer); and self-management for self_care and routine results
 * (rules.md "Disposition levels"; self-management per NICE NG59 and NG226). Every rule has a note
 * (checked by the tests and the content lint); a rule without one is left out rather than failing
 * a person's result page.
 */
export function adviceFor(advice: Advice, outcome: Pick<Outcome, 'level' | 'region' | 'rules'>, placeholders: Placeholders): OutcomeAdvice {
  const fill = (t: string): string => fillPlaceholders(t, placeholders);
  const level = advice.levels[outcome.level];
  const ruleNotes = outcome.rules.flatMap((r) => {
    const note = advice.rules.get(r.id);
    if (note === undefined) return [];
    const tier = r.tier === undefined ? undefined : note.tiers?.[r.tier.code];
    return [{ rule: r.id, text: fill(tier === undefined ? note.text : `${note.text} ${tier}`) }];
  });
  const withSelfCare = outcome.level === 'self_care' || outcome.level === 'routine';
  const set = withSelfCare ? selfManagementFor(advice, outcome) : undefined;
  return {
    ...(level.timeFrame === undefined ? {} : { timeFrame: fill(level.timeFrame) }),
    title: fill(level.title), meaning: fill(level.meaning), doNow: level.doNow.map(fill), expect: fill(level.expect),
    selfManagement: (set?.items ?? []).map(fill), ruleNotes,
  };
}

/** The advice for someone under the minimum age: contact a GP, NHS 111 or 999 as appropriate. */
export function outOfScopeAdvice(advice: Advice, placeholders: Placeholders): OutcomeAdvice {
  const fill = (t: string): string => fillPlaceholders(t, placeholders);
  const a = advice.outOfScope;
  return { title: fill(a.title), meaning: fill(a.meaning), doNow: a.doNow.map(fill), expect: fill(a.expect), selfManagement: [], ruleNotes: [] };
}

/** What the advice must cover: rule ids with their tier codes, and the body regions. */
export interface AdviceScope {
  rules: readonly { id: string; tiers: readonly string[] }[];
  regions: readonly string[];
}

/** Problems where a rule, a tier or a region has no advice, or advice names a rule that does not exist. */
export function adviceCoverage(advice: Advice, scope: AdviceScope): ContentProblem[] {
  const file = advice.file;
  const problems: ContentProblem[] = [];
  for (const rule of scope.rules) {
    const note = advice.rules.get(rule.id);
    if (note === undefined) {
      problems.push({ file, path: `rules.${rule.id}`, message: `no note for rule ${rule.id}`, expected: 'a note saying what this result means and what to expect' });
      continue;
    }
    for (const code of rule.tiers) {
      if (note.tiers?.[code] === undefined) problems.push({ file, path: `rules.${rule.id}.tiers.${code}`, message: `no text for tier "${code}" of rule ${rule.id}`, expected: 'a sentence for this tier' });
    }
  }
  const known = new Set(scope.rules.map((r) => r.id));
  for (const id of advice.rules.keys()) {
    if (!known.has(id)) problems.push({ file, path: `rules.${id}`, message: `note for unknown rule ${id}`, expected: `one of ${[...known].join(', ')}` });
  }
  for (const region of scope.regions) {
    if (!advice.selfManagement.some((s) => s.regions?.includes(region as Region))) {
      problems.push({ file, path: 'self_management', message: `no self-management for region ${region}`, expected: 'a set listing this region' });
    }
  }
  return problems;
}
