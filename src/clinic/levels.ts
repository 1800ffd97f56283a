// Words for the five levels, for staff pages, emails and exports (the message map, not scattered strings).
import type { ClinicalContent, Level } from '../engine/types.js';

/** What the level means for the person, in the words of rules.md's disposition table, made plain. */
export const LEVEL_LABEL: Readonly<Record<Level, string>> = {
  emergency: 'Emergency: call 999 or go to A&E now',
  urgent: 'Urgent: get help today',
  soon: 'Soon: see a GP or physio within 1 to 2 weeks',
  routine: 'Routine: book a physio appointment',
  self_care: 'Self-care: look after it at home',
};

/** Short form for tables. */
export const LEVEL_SHORT: Readonly<Record<Level, string>> = {
  emergency: 'Emergency',
  urgent: 'Urgent',
  soon: 'Soon',
  routine: 'Routine',
  self_care: 'Self-care',
};

const regionLabelCache = new WeakMap<ClinicalContent, Readonly<Record<string, string>>>();

/** Body areas in the words of the check's own region question (content/clinical/questions.yaml), in its order. */
export function regionLabels(content: ClinicalContent): Readonly<Record<string, string>> {
  let labels = regionLabelCache.get(content);
  if (labels === undefined) {
    const question = content.questions.find((q) => q.findings.includes('body_region'));
    labels = Object.fromEntries((question?.options ?? []).map((o) => [o.value, o.label]));
    regionLabelCache.set(content, labels);
  }
  return labels;
}

export const STATUS_LABEL: Readonly<Record<string, string>> = {
  new: 'New', in_progress: 'In progress', contacted: 'Contacted', closed: 'Closed',
};

export const VERDICT_LABEL: Readonly<Record<string, string>> = {
  agree: 'Agree with the triage',
  more_urgent: 'Should have been more urgent',
  less_urgent: 'Should have been less urgent',
};

export const BEST_TIME_LABEL: Readonly<Record<string, string>> = {
  any: 'Any time', morning: 'Morning', afternoon: 'Afternoon', evening: 'Early evening',
};
