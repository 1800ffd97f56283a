// FHIR R4's enableWhen rules, read straight from the specification (Questionnaire.item.enableWhen), to see a form as
// any renderer would: which items it shows for a response's answers.
import type * as fhir4 from 'fhir/r4.js';

type Answer = fhir4.QuestionnaireResponseItemAnswer;

/** Every answer in a response, by linkId (nested items included). */
export function answersByLinkId(response: fhir4.QuestionnaireResponse): Map<string, Answer[]> {
  const out = new Map<string, Answer[]>();
  const walk = (items: readonly fhir4.QuestionnaireResponseItem[] | undefined): void => {
    for (const item of items ?? []) {
      if (item.answer !== undefined) out.set(item.linkId, [...(out.get(item.linkId) ?? []), ...item.answer]);
      walk(item.item);
      for (const a of item.answer ?? []) walk(a.item);
    }
  };
  walk(response.item);
  return out;
}

/** Every item of a Questionnaire, by linkId, with its parent. */
export function itemsByLinkId(q: fhir4.Questionnaire): Map<string, { item: fhir4.QuestionnaireItem; parent: string | undefined }> {
  const out = new Map<string, { item: fhir4.QuestionnaireItem; parent: string | undefined }>();
  const walk = (items: readonly fhir4.QuestionnaireItem[] | undefined, parent: string | undefined): void => {
    for (const item of items ?? []) {
      out.set(item.linkId, { item, parent });
      walk(item.item, item.linkId);
    }
  };
  walk(q.item, undefined);
  return out;
}

function valueOf(a: Answer | fhir4.QuestionnaireItemEnableWhen): unknown {
  const x = a as Record<string, unknown>;
  for (const [k, v] of Object.entries(x)) {
    if (!k.startsWith('value') && !k.startsWith('answer')) continue;
    if (k === 'answer') continue;
    if (v !== null && typeof v === 'object') {
      const c = v as { system?: string; code?: string };
      return `${c.system ?? ''}|${c.code ?? ''}`;
    }
    return v;
  }
  return undefined;
}

function compare(op: string, answer: unknown, target: unknown): boolean {
  switch (op) {
    case '=': return answer === target;
    case '!=': return answer !== target;
    case '>': return (answer as number) > (target as number);
    case '<': return (answer as number) < (target as number);
    case '>=': return (answer as number) >= (target as number);
    case '<=': return (answer as number) <= (target as number);
    default: throw new Error(`operator ${op}`);
  }
}

/**
 * The linkIds enabled for these answers. R4: "exists" tests whether the question has an answer; "!=" is true when no
 * answer matches; the other operators need an answer that matches; an item whose question is disabled counts as
 * unanswered; an item inside a disabled group is disabled.
 */
export function enabledLinkIds(q: fhir4.Questionnaire, answers: ReadonlyMap<string, Answer[]>): Set<string> {
  const items = itemsByLinkId(q);
  const memo = new Map<string, boolean>();
  const enabled = (linkId: string, depth = 0): boolean => {
    const known = memo.get(linkId);
    if (known !== undefined) return known;
    if (depth > 50) throw new Error(`enableWhen cycle at ${linkId}`);
    const entry = items.get(linkId);
    if (entry === undefined) throw new Error(`enableWhen names an unknown item ${linkId}`);
    const { item, parent } = entry;
    let result = parent === undefined || enabled(parent, depth + 1);
    if (result && item.enableWhen !== undefined && item.enableWhen.length > 0) {
      const tests = item.enableWhen.map((w) => {
        const given = enabled(w.question, depth + 1) ? (answers.get(w.question) ?? []) : [];
        if (w.operator === 'exists') return (given.length > 0) === w.answerBoolean;
        const target = valueOf(w);
        if (w.operator === '!=') return !given.some((a) => valueOf(a) === target);
        return given.some((a) => compare(w.operator, valueOf(a), target));
      });
      if (item.enableWhen.length > 1 && item.enableBehavior === undefined) throw new Error(`${linkId}: enableBehavior missing (que-12)`);
      result = item.enableBehavior === 'any' ? tests.some(Boolean) : tests.every(Boolean);
    }
    memo.set(linkId, result);
    return result;
  };
  return new Set([...items.keys()].filter((id) => enabled(id)));
}
