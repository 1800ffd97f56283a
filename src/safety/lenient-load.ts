// Loads clinical content with the current loader while ignoring fields it does not know, so that newer or older content can be compared.
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { compileClinicalFiles, ContentError, contentVersion, readClinicalFiles } from '../content/clinical-loader.js';
import { schemas, type FileName } from '../content/clinical-schema.js';
import type { ClinicalContent } from '../engine/types.js';

export type LenientLoad =
  | { ok: true; content: ClinicalContent; version: string; ignored: string[]; filled: string[] }
  | { ok: false; version: string; problems: string[]; ignored: string[]; filled: string[] };

/** Deletes the keys zod reported as unknown; returns the dotted paths deleted. */
function stripUnknown(data: unknown, file: string): { data: unknown; ignored: string[] } {
  const ignored: string[] = [];
  const schema = schemas[file as FileName];
  for (let round = 0; round < 10; round++) {
    const result = schema.safeParse(data);
    const unknown = result.success ? [] : result.error.issues.filter((i) => i.code === 'unrecognized_keys');
    if (unknown.length === 0) break;
    for (const issue of unknown) {
      let node: unknown = data;
      for (const key of issue.path) node = (node as Record<PropertyKey, unknown> | undefined)?.[key];
      for (const key of issue.keys) {
        if (node !== null && typeof node === 'object') Reflect.deleteProperty(node, key);
        ignored.push(`${file} ${[...issue.path.map(String), key].join('.')}`);
      }
    }
  }
  return { data, ignored };
}

const PLACEHOLDER = '(not in this content version)';

/**
 * Adds what a newer loader requires but that carries only wording, never a level, when an older content version
 * lacks it: the level actions, and the warning sign of each emergency and urgent rule (principle 9). A placeholder
 * stands in so that the version's vignette outcomes can still be compared. Returns the dotted paths added.
 */
function fillWordingOnly(data: unknown, file: string): string[] {
  if (file !== 'rules.yaml' || data === null || typeof data !== 'object') return [];
  const record = data as { level_actions?: unknown; rules?: unknown };
  const added: string[] = [];
  if (record.level_actions === undefined) {
    record.level_actions = Object.fromEntries(['emergency', 'urgent', 'soon', 'routine', 'self_care'].map((l) => [l, PLACEHOLDER]));
    added.push(`${file} level_actions`);
  }
  for (const [i, rule] of (Array.isArray(record.rules) ? record.rules : []).entries()) {
    const r = rule as { id?: unknown; level?: unknown; warning?: unknown } | null;
    if (r === null || typeof r !== 'object' || r.warning !== undefined || (r.level !== 'emergency' && r.level !== 'urgent')) continue;
    r.warning = { text: PLACEHOLDER, signs: [], keywords: [] };
    added.push(`${file} rules[${String(i)}] (${String(r.id)}).warning`);
  }
  return added;
}

/**
 * Loads `<contentDir>/clinical` with the current loader. Fields the loader does not know (content written for
 * a newer policy version) are dropped first and listed in `ignored`; required fields that carry only wording and
 * that an older version lacks are filled with a placeholder and listed in `filled`; anything else the loader
 * refuses is returned as problems. The version is that of the files as they are, never of the trimmed texts.
 */
export function loadLenient(contentDir: string): LenientLoad {
  const clinical = join(contentDir, 'clinical');
  const raw = readClinicalFiles(clinical);
  const version = contentVersion(raw);
  const texts = new Map(raw);
  const ignored: string[] = [];
  const filled: string[] = [];
  for (const [name, text] of raw) {
    if (!(name in schemas)) continue;
    let data: unknown;
    try {
      data = parse(text, { schema: 'core' });
    } catch {
      continue;
    }
    const stripped = stripUnknown(data, name);
    const added = fillWordingOnly(stripped.data, name);
    ignored.push(...stripped.ignored);
    filled.push(...added);
    if (stripped.ignored.length > 0 || added.length > 0) texts.set(name, stringify(stripped.data));
  }
  try {
    const content = compileClinicalFiles(texts, clinical);
    return { ok: true, content: { ...content, version }, version, ignored, filled };
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { ok: false, version, problems: error.problems.map((p) => `${p.file} ${p.path}: ${p.message} (expected ${p.expected})`), ignored, filled };
  }
}
