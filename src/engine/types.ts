// The triage engine's vocabulary: content (findings, questions, rules) and results (questions, outcomes).

/** Disposition levels, least urgent first. rules.md "Disposition levels". */
export const LEVELS = ['self_care', 'routine', 'soon', 'urgent', 'emergency'] as const;
export type Level = (typeof LEVELS)[number];

/** Rank of a level: self_care 0 … emergency 4. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

export type Region =
  | 'lower_back' | 'upper_back' | 'neck' | 'jaw' | 'shoulder' | 'elbow'
  | 'wrist_hand' | 'hip' | 'knee' | 'ankle_foot' | 'other';

/** A finding of the catalogue, as loaded from content/clinical/findings.yaml. */
export type FindingDef =
  | { id: string; type: 'boolean'; required: boolean; meaning: string }
  | { id: string; type: 'number'; required: boolean; meaning: string; min: number; max: number; integer: boolean; units?: readonly DurationUnit[] }
  | { id: string; type: 'choice'; required: boolean; meaning: string; values: readonly string[] };

export type DurationUnit = 'days' | 'weeks' | 'months';

/** One answer: a boolean, a number, a choice value, or "unknown" ("I'm not sure"). */
export type AnswerValue = boolean | number | string;
export const UNKNOWN = 'unknown';
export type Answers = Readonly<Record<string, AnswerValue>>;

/** A condition over findings, as written in rules.yaml (see content/clinical/README.md). */
export type Condition =
  | { kind: 'true'; finding: string }
  | { kind: 'compare'; finding: string; op: 'eq' | 'ne' | 'gte' | 'gt' | 'lte' | 'lt'; value: number | string }
  | { kind: 'in'; finding: string; values: readonly string[] }
  | { kind: 'all'; of: readonly Condition[] }
  | { kind: 'any'; of: readonly Condition[] }
  | { kind: 'not'; of: Condition }
  | { kind: 'atLeast'; count: number; of: readonly Condition[] }
  | { kind: 'def'; name: string }
  | { kind: 'riskGroup'; groups: readonly RiskGroup[] };

export type RiskGroup = 'low' | 'medium' | 'high';

export interface QuestionOption {
  /** For choice questions the catalogue value; for multi questions the finding id. */
  value: string;
  label: string;
  hint?: string;
  /** For multi questions: the finding this option sets true when ticked. */
  finding?: string;
}

export type QuestionKind = 'boolean' | 'number' | 'choice' | 'multi';

export interface QuestionDef {
  id: string;
  kind: QuestionKind;
  /** The finding(s) this question answers. */
  findings: readonly string[];
  text: string;
  hint?: string;
  options?: readonly QuestionOption[];
  unknownAllowed: boolean;
  /** For number questions that take a duration: the units a person may answer in. */
  units?: readonly DurationUnit[];
  /** True for the risk-group topics, whose wording a licensed clinic may replace. */
  riskTopic?: boolean;
  /** A context question: asked whenever this holds (below emergency), not only when it could raise the level. */
  askWhen?: Condition;
  /** For context questions: the level they rank with when choosing the next question. */
  priority?: Level;
}

export interface Tier {
  atLeast: number;
  code: string;
  label: string;
}

export interface RuleDef {
  id: string;
  level: Level;
  title: string;
  /** Plain-English reason shown to the person. */
  reason: string;
  when: Condition;
  /** Reference ids into the reference list. */
  sources: readonly string[];
  /** Rules of a higher level that, when they fire, make this one redundant in the explanation. */
  displacedBy?: readonly string[];
  /** Self-care rules apply only when no rule of a higher level fired ("nothing above"). */
  nothingAbove?: boolean;
  /** Care that varies with how many of a list are present (S5: 3 → test, 4+ → refer). */
  tiers?: { list: string; tiers: readonly Tier[] };
  articleTags: readonly string[];
  /** Keep asking while this rule could still fire at the outcome's level, since it changes the advice shown. */
  explain?: boolean;
}

export interface RiskScoreDef {
  /** The nine topics: booleans scoring 1 when true, plus a choice finding scoring 1 for some values. */
  items: readonly string[];
  psychosocial: readonly string[];
  bothersome: { finding: string; values: readonly string[] };
  /** When it is computed (back pain). */
  appliesWhen: Condition;
  sources: readonly string[];
}

export interface DerivationDef {
  /** Derived boolean finding, e.g. ibp_onset_before_45. */
  finding: string;
  /** True when age − duration (in years) is below this age. */
  onsetBeforeAge: number;
  age: string;
  durationWeeks: string;
}


export interface ClinicalContent {
  version: string;
  findings: ReadonlyMap<string, FindingDef>;
  questions: readonly QuestionDef[];
  rules: readonly RuleDef[];
  definitions: ReadonlyMap<string, Condition>;
  lists: ReadonlyMap<string, readonly Condition[]>;
  riskScore: RiskScoreDef;
  derivations: readonly DerivationDef[];
  /** Per region: article tags and safety-netting lines (with {{placeholders}}). */
  regions: ReadonlyMap<string, { tags: readonly string[]; safetyNet: readonly string[] }>;
  /** Age below which the check is out of scope (16). */
  minimumAge: number;
}

/** The next question, in the public API's shape. */
export interface QuestionView {
  id: string;
  kind: QuestionKind;
  /** For boolean, number and choice questions. */
  finding?: string;
  findings: readonly string[];
  text: string;
  hint?: string;
  options?: readonly QuestionOption[];
  unknownAllowed: boolean;
  min?: number;
  max?: number;
  units?: readonly DurationUnit[];
  /** A back-pain risk-group topic, asked in Creak's own words (the page says so). */
  riskTopic?: boolean;
}

export interface FiredRule {
  id: string;
  level: Level;
  title: string;
  reason: string;
  /** The findings (with their answers) that made it fire. */
  because: readonly string[];
  sources: readonly string[];
  tier?: Tier;
  /** Unsure answers this rule assumed were "no" (or reassuring): it fires in the best-case reading. */
  assuming?: readonly string[];
}

/** An unsure answer that, read the worrying way, could fire a rule above the level shown. */
export interface UnsureEffect {
  finding: string;
  rule: string;
  /** The level the rule would give if the unsure answer were yes (or the worrying value). */
  couldBe: Level;
}

export interface RiskGroupResult {
  /** The group with every unsure topic read as "no". */
  group: RiskGroup;
  total: number;
  psychosocial: number;
  /** When some topics were answered "I'm not sure": every group still possible. */
  couldBe?: readonly RiskGroup[];
}

export interface Outcome {
  level: Level;
  region: Region;
  rules: readonly FiredRule[];
  /** The finding ids that set the level. */
  decisive: readonly string[];
  /** Unsure answers that raised the level (safety principle 2). */
  unsure: readonly UnsureEffect[];
  /** Red flags asked about and answered no. */
  checkedAbsent: readonly string[];
  riskGroup?: RiskGroupResult;
  /** Region-specific warning signs: when to call 999 or get urgent help. */
  safetyNet: readonly string[];
  articleTags: readonly string[];
  /** Level reached reading every unsure answer in the most reassuring and most worrying way. */
  bestCase: Level;
  worstCase: Level;
  contentVersion: string;
}

export interface AnswerError {
  code: AnswerErrorCode;
  path: string;
  message: string;
}

export type AnswerErrorCode =
  | 'unknown_finding'
  | 'wrong_type'
  | 'out_of_range'
  | 'not_whole_number'
  | 'invalid_choice'
  | 'unknown_not_allowed';

export type TriageResult =
  | { status: 'question'; question: QuestionView; asked: number; contentVersion: string }
  | { status: 'outcome'; outcome: Outcome; contentVersion: string }
  | { status: 'out_of_scope'; reason: 'under_minimum_age'; minimumAge: number; contentVersion: string }
  | { status: 'invalid'; errors: readonly AnswerError[]; contentVersion: string };
