// The schemas of the clinical content files (zod), with the "expected" text for each kind of problem.
import { z } from 'zod';
import { LEVELS } from '../engine/types.js';

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
  not_asked: text.optional(),
}).strict();

const optionSchema = z.object({ value: id, label: text, hint: text.optional(), finding: id.optional() }).strict();
export const questionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'kebab-case'),
  kind: z.enum(['boolean', 'number', 'choice', 'multi']),
  findings: z.array(id).min(1),
  text,
  hint: text.optional(),
  unknown_allowed: z.boolean(),
  options: z.array(optionSchema).optional(),
  label: text.optional(),
  clarify: z.object({ text, hint: text.optional(), sign: text }).strict().optional(),
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
  action: text.optional(),
  warning: z.object({
    text,
    signs: z.array(id),
    keywords: z.array(z.array(z.string().trim().min(2)).min(1)),
  }).strict().optional(),
}).strict();

export const schemas = {
  'findings.yaml': z.object({ findings: z.record(id, findingSchema) }).strict(),
  'questions.yaml': z.object({ questions: z.array(questionSchema).min(1) }).strict(),
  'rules.yaml': z.object({
    level_actions: z.object({ emergency: text, urgent: text, soon: text, routine: text, self_care: text }).strict(),
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
    derived: z.array(z.union([
      z.object({ finding: id, onset_before_age: z.number(), age: id, duration_weeks: id }).strict(),
      z.object({ finding: id, value: z.boolean(), when: z.unknown() }).strict(),
    ])),
    scope: z.object({ minimum_age: z.number().int().min(0) }).strict(),
  }).strict(),
  'regions.yaml': z.object({
    regions: z.record(id, z.object({ tags: z.array(z.string()).min(1) }).strict()),
  }).strict(),
} as const;

export type FileName = keyof typeof schemas;
export type Parsed = { [K in FileName]: z.infer<(typeof schemas)[K]> };

export const wordingSchema = z.object({
  questions: z.record(z.string(), z.object({
    text: text.optional(),
    hint: text.optional(),
    options: z.record(z.string(), text).optional(),
  }).strict()),
}).strict();

export type Wording = z.infer<typeof wordingSchema>;
export type QuestionInput = z.infer<typeof questionSchema>;

/** What a zod issue expected, in words for the problem list. */
export function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return issue.expected;
  if (issue.code === 'invalid_value') return issue.values.map((v) => JSON.stringify(v)).join(' | ');
  if (issue.code === 'unrecognized_keys') return 'no other keys';
  if (issue.code === 'too_small') return `at least ${String(issue.minimum)}`;
  if (issue.code === 'invalid_format') return issue.format;
  return 'see message';
}
