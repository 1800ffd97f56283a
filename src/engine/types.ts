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
  | { id: string; type: 'boolean'; required: boolean; meaning: string; notAsked?: string }
  | { id: string; type: 'number'; required: boolean; meaning: string; min: number; max: number; integer: boolean; units?: readonly DurationUnit[]; notAsked?: string }
  | { id: string; type: 'choice'; required: boolean; meaning: string; values: readonly string[]; notAsked?: string; recheckOf?: string };

/** The answers to the recheck of a yes/no finding (`<finding>_recheck`, safety principle 2b). */
export const RECHECK_VALUES = ['yes', 'no'] as const;

/** The id of the finding that records the answer when `finding` is asked again on its own (principle 2b). */
export function recheckId(finding: string): string {
  return `${finding}_recheck`;
}

/** The finding a recheck finding asks again (principle 2b), or undefined when `def` is not a recheck. */
export function recheckOf(def: FindingDef | undefined): string | undefined {
  return def?.type === 'choice' ? def.recheckOf : undefined;
}

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

/** How to ask about an emergency sign again, on its own, after "I'm not sure" (safety principle 2b). */
export interface Clarify {
  text: string;
  hint?: string;
  /** The sign in a few words, for the result: "If you do have <sign>, …". */
  sign: string;
}

export interface QuestionDef {
  id: string;
  kind: QuestionKind;
  /** The finding(s) this question answers. */
  findings: readonly string[];
  text: string;
  hint?: string;
  /** For yes/no questions: the same fact as a short statement, so it can share a "Do any of these apply?" page. */
  label?: string;
  /** For yes/no and choice questions about an emergency sign: how to ask again after "I'm not sure". */
  clarify?: Clarify;
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
  /** Where to go when this rule decides the result (rules.md "Where to go"), as a clause; else the level's own. */
  action?: string;
  /** The rule's warning sign for safety-netting (principle 9); every emergency and urgent rule has one. */
  warning?: RuleWarning;
}

/** A rule's warning sign in plain words, and the findings that can still develop (see rules.yaml). */
export interface RuleWarning {
  /** Follows "… if you", e.g. "get numbness around your bottom". */
  text: string;
  /** Findings that can still develop; the rule's other findings are read from the answers. */
  signs: readonly string[];
  /** Word sets that find hand-written text about the same sign (for the content lint). */
  keywords: readonly (readonly string[])[];
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

/** A finding worked out from other answers instead of asked (safety principle 6). */
export type DerivationDef =
  | {
    kind: 'onset';
    /** Derived boolean finding, e.g. ibp_onset_before_45. */
    finding: string;
    /** True when age − duration (in years) is below this age. */
    onsetBeforeAge: number;
    age: string;
    durationWeeks: string;
  }
  | {
    kind: 'value';
    finding: string;
    /** The value the finding takes when `when` holds (e.g. noise_painful = false for "pain only"). */
    value: boolean;
    when: Condition;
  };


export interface ClinicalContent {
  version: string;
  findings: ReadonlyMap<string, FindingDef>;
  questions: readonly QuestionDef[];
  rules: readonly RuleDef[];
  definitions: ReadonlyMap<string, Condition>;
  lists: ReadonlyMap<string, readonly Condition[]>;
  riskScore: RiskScoreDef;
  derivations: readonly DerivationDef[];
  /** Per region: the article tags its outcomes link to. */
  regions: ReadonlyMap<string, { tags: readonly string[] }>;
  /** Age below which the check is out of scope (16). */
  minimumAge: number;
  /** Where to go for each level when no deciding rule names its own service (rules.md "Where to go"). */
  levelActions: Readonly<Record<Level, string>>;
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
  /** The finding this page asks about again after "I'm not sure" (principle 2b). */
  clarifies?: string;
  /** Where the person is in the check, for a progress line. */
  stage: Stage;
}

/** The parts of the check, in order: about you, warning signs, your symptoms. */
export const STAGES = ['about_you', 'warning_signs', 'your_symptoms'] as const;
export type Stage = (typeof STAGES)[number];

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
  /**
   * Safety-netting (principle 9): the emergency and urgent rules whose warning sign the person should watch for,
   * most urgent first: every such rule that could still fire for them and has not already fired.
   */
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
