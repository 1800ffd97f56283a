// Compares two content folders for sign-off: rules, wording, articles and sources changed, and every vignette whose outcome changed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FRONT_MATTER } from '../content/articles.js';
import type { ClinicalContent, Level } from '../engine/types.js';
import { simulate, type Run } from '../eval/simulate.js';
import { loadVignettes, type Vignette } from '../eval/vignettes.js';
import type { EvalSuite, SuiteInput } from './eval-gates.js';
import { loadLenient } from './lenient-load.js';
import { show, yamlChanges, type Change } from './yaml-diff.js';

export interface Side {
  label: string;
  version: string;
  /** Whether the current code could load it (and so run vignettes on it). */
  loaded: boolean;
  /** Why it could not be loaded. */
  problems: string[];
  /** Fields the current code does not read, left out of the loaded content (still compared as text). */
  ignored: string[];
  /** Wording-only fields the current code needs and this side lacks, given a placeholder to load it. */
  filled: string[];
}

export interface RuleEntry { id: string; level: string; title: string }
export interface RuleChange extends RuleEntry { changes: Change[] }
export interface ArticleChange { file: string; frontMatter: Change[]; body: { changed: boolean; wordsBefore: number; wordsAfter: number } }

export interface RunSummary { level: Level | null; rules: string[]; failure?: string }
export interface VignetteChange {
  suite: EvalSuite;
  id: string;
  file: string;
  expected: Level;
  before: RunSummary;
  after: RunSummary;
  levelChanged: boolean;
}


export interface ContentDiff {
  before: Side;
  after: Side;
  files: { added: string[]; removed: string[] };
  rules: { added: RuleEntry[]; removed: RuleEntry[]; changed: RuleChange[] };
  /** Named definitions and lists of rules.yaml, with the rules whose condition names each. */
  definitions: (Change & { usedBy: string[] })[];
  findings: Change[];
  questions: Change[];
  advice: Change[];
  /** regions.yaml: safety-netting and article tags per region. */
  regions: Change[];
  /** Any other clinical file (risk.yaml, derived.yaml, files the current code does not know). */
  other: Change[];
  references: Change[];
  articles: { added: string[]; removed: string[]; changed: ArticleChange[] };
  vignettes: { compared: boolean; note?: string; suites: SuiteInput[]; total: number; changed: VignetteChange[] };
}

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

function yamlFiles(dir: string, filter: (name: string) => boolean): Map<string, unknown> {
  if (!existsSync(dir)) return new Map();
  return new Map(readdirSync(dir).filter(filter).sort().map((n) => [n, parse(readFileSync(join(dir, n), 'utf8'), { schema: 'core' }) as unknown] as const));
}

function rulesOf(rulesFile: unknown): Map<string, Obj> {
  const list = asObj(rulesFile).rules;
  return new Map((Array.isArray(list) ? list : []).map((r) => asObj(r)).filter((r) => typeof r.id === 'string').map((r) => [String(r.id), r]));
}

const text = (v: unknown): string => (typeof v === 'string' ? v : show(v));
const entry = (r: Obj): RuleEntry => ({ id: text(r.id), level: text(r.level), title: text(r.title) });

function ruleDiff(before: unknown, after: unknown): ContentDiff['rules'] {
  const b = rulesOf(before);
  const a = rulesOf(after);
  return {
    added: [...a.values()].filter((r) => !b.has(String(r.id))).map(entry),
    removed: [...b.values()].filter((r) => !a.has(String(r.id))).map(entry),
    changed: [...a.values()].flatMap((r) => {
      const old = b.get(String(r.id));
      const changes = old === undefined ? [] : yamlChanges(old, r);
      return changes.length === 0 ? [] : [{ ...entry(r), changes }];
    }),
  };
}

function definitionDiff(before: unknown, after: unknown): ContentDiff['definitions'] {
  const pick = (f: unknown) => ({ definitions: asObj(f).definitions, lists: asObj(f).lists });
  const rules = [...rulesOf(after).values(), ...rulesOf(before).values()];
  return yamlChanges(pick(before), pick(after)).map((c) => {
    const name = c.path.split('.')[1] ?? '';
    const re = new RegExp(`(?<![\\w])${name}(?![\\w])`);
    return { ...c, usedBy: [...new Set(rules.filter((r) => re.test(show(r.when)) || re.test(show(r.tiers))).map((r) => String(r.id)))] };
  });
}

const words = (s: string): number => s.split(/\s+/).filter((w) => w !== '').length;

function articleDiff(beforeDir: string, afterDir: string): ContentDiff['articles'] {
  const list = (dir: string): Map<string, string> => (existsSync(dir)
    ? new Map(readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const))
    : new Map<string, string>());
  const b = list(beforeDir);
  const a = list(afterDir);
  const split = (text: string): { fm: unknown; body: string } => {
    const m = FRONT_MATTER.exec(text);
    if (m === null) return { fm: {}, body: text };
    try {
      return { fm: parse(m[1] ?? '', { schema: 'core' }) as unknown, body: m[2] ?? '' };
    } catch {
      return { fm: { front_matter: m[1] ?? '' }, body: m[2] ?? '' };
    }
  };
  const changed: ArticleChange[] = [];
  for (const [file, text] of a) {
    const old = b.get(file);
    if (old === undefined || old === text) continue;
    const x = split(old);
    const y = split(text);
    changed.push({ file, frontMatter: yamlChanges(x.fm, y.fm), body: { changed: x.body.trim() !== y.body.trim(), wordsBefore: words(x.body), wordsAfter: words(y.body) } });
  }
  return { added: [...a.keys()].filter((f) => !b.has(f)), removed: [...b.keys()].filter((f) => !a.has(f)), changed };
}

function referencesOf(dir: string): unknown {
  const files = yamlFiles(dir, (n) => n === 'references.yaml' || /^references-extra-[a-z0-9-]+\.yaml$/.test(n));
  return { references: [...files.values()].flatMap((f): unknown[] => { const r = asObj(f).references; return Array.isArray(r) ? (r as unknown[]) : []; }) };
}

function summary(run: Run): RunSummary {
  return run.outcome === undefined
    ? { level: null, rules: [], failure: run.failure ?? 'no outcome' }
    : { level: run.outcome.level, rules: run.outcome.rules.map((r) => (r.tier === undefined ? r.id : `${r.id} (${r.tier.code})`)) };
}

function vignetteDiff(before: ClinicalContent, after: ClinicalContent, suites: readonly SuiteInput[]): { total: number; changed: VignetteChange[] } {
  let total = 0;
  const changed: VignetteChange[] = [];
  for (const s of suites.filter((x) => x.absent === undefined && x.files.length > 0)) {
    const vignettes: Vignette[] = loadVignettes(s.files);
    total += vignettes.length;
    for (const v of vignettes) {
      const b = summary(simulate(before, v));
      const a = summary(simulate(after, v));
      if (JSON.stringify(b) !== JSON.stringify(a)) {
        changed.push({ suite: s.suite, id: v.id, file: v.file, expected: v.expected, before: b, after: a, levelChanged: b.level !== a.level });
      }
    }
  }
  return { total, changed };
}

/**
 * Everything that changed between two content folders, for a clinical safety officer to review before
 * signing off: rules added, removed or changed (condition, level, sources, service and any other field),
 * definitions, findings, question, advice and safety-netting wording, sources, articles, and every
 * vignette whose outcome (level or deciding rules) changed. Both sides are loaded by the current code,
 * ignoring fields it does not know; a side it cannot load is reported, and then no vignettes are run.
 */
export function diffContent(beforeDir: string, afterDir: string, labels: { before: string; after: string }, suites: readonly SuiteInput[]): ContentDiff {
  const sideOf = (dir: string, label: string): { side: Side; content?: ClinicalContent } => {
    const load = loadLenient(dir);
    return load.ok
      ? { side: { label, version: load.version, loaded: true, problems: [], ignored: load.ignored, filled: load.filled }, content: load.content }
      : { side: { label, version: load.version, loaded: false, problems: load.problems, ignored: load.ignored, filled: load.filled } };
  };
  const b = sideOf(beforeDir, labels.before);
  const a = sideOf(afterDir, labels.after);
  const isYaml = (n: string): boolean => n.endsWith('.yaml');
  const bf = yamlFiles(join(beforeDir, 'clinical'), isYaml);
  const af = yamlFiles(join(afterDir, 'clinical'), isYaml);
  const names = [...new Set([...bf.keys(), ...af.keys()])].sort();
  const within = (name: string, prefix = false): Change[] => {
    const changes = yamlChanges(bf.get(name), af.get(name));
    return prefix ? changes.map((c) => ({ ...c, path: `${name}: ${c.path}` })) : changes;
  };
  const known = new Set(['rules.yaml', 'findings.yaml', 'questions.yaml', 'advice.yaml', 'regions.yaml']);
  let vignettes: ContentDiff['vignettes'];
  if (b.content !== undefined && a.content !== undefined) {
    vignettes = { compared: true, suites: [...suites], ...vignetteDiff(b.content, a.content, suites) };
  } else {
    const which = [b.content === undefined ? `the "before" side (${labels.before})` : '', a.content === undefined ? `the "after" side (${labels.after})` : ''].filter((x) => x !== '').join(' and ');
    vignettes = { compared: false, note: `${which} cannot be loaded by the current code, so no vignette outcomes were compared`, suites: [...suites], total: 0, changed: [] };
  }
  return {
    before: b.side,
    after: a.side,
    files: { added: names.filter((n) => !bf.has(n)), removed: names.filter((n) => !af.has(n)) },
    rules: ruleDiff(bf.get('rules.yaml'), af.get('rules.yaml')),
    definitions: definitionDiff(bf.get('rules.yaml'), af.get('rules.yaml')),
    findings: within('findings.yaml'),
    questions: within('questions.yaml'),
    advice: within('advice.yaml'),
    regions: within('regions.yaml'),
    other: names.filter((n) => !known.has(n) && bf.has(n) && af.has(n)).flatMap((n) => within(n, true)),
    references: yamlChanges(referencesOf(beforeDir), referencesOf(afterDir)),
    articles: articleDiff(join(beforeDir, 'articles'), join(afterDir, 'articles')),
    vignettes,
  };
}
