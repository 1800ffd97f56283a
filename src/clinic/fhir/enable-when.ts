// The Questionnaire's enableWhen, from the scope of each finding (enable-scope.ts): the gate answers (age, region,
// main concern) it can be asked for, and the earlier answers that rule it out.
import type * as fhir4 from 'fhir/r4.js';
import { recheckOf, type ClinicalContent } from '../../engine/types.js';
import { AGE_FINDING, contentScope, UNSURE, type GateValues, type NumberRange, type Trigger } from './enable-scope.js';
import { ASKED_UNKNOWN, NO, YES, type FhirSystems } from './fhir-systems.js';
import { itemLayout } from './questionnaire-items.js';

type EnableWhen = fhir4.QuestionnaireItemEnableWhen;

/** The conditions that limit a finding's item (all must hold), or none when the check can always ask it. */
export function findingConditions(content: ClinicalContent, sys: FhirSystems, finding: string): EnableWhen[] {
  // A recheck (principle 2b) is asked only after "I'm not sure" to its finding: shown when that item says so.
  const of = recheckOf(content.findings.get(finding));
  if (of !== undefined) {
    const original = itemLayout(content).byFinding.get(of);
    if (original !== undefined) {
      return [...findingConditions(content, sys, of), { question: original.linkId, operator: '=', answerCoding: { system: ASKED_UNKNOWN.system, code: ASKED_UNKNOWN.code } }];
    }
  }
  const scope = contentScope(content);
  const s = scope.findings.get(finding);
  if (s === undefined) return [];
  return [
    ...scope.gates.flatMap((g) => gateConditions(content, sys, g, s.gates.get(g.finding) ?? [])),
    ...s.triggers.flatMap((t) => triggerConditions(content, sys, t)),
  ];
}

/** The conditions of a group: the gates any of its findings can be asked for, and the triggers they all share. */
export function groupConditions(content: ClinicalContent, sys: FhirSystems, findings: readonly string[]): EnableWhen[] {
  const scope = contentScope(content);
  const scopes = findings.flatMap((f) => {
    const s = scope.findings.get(f);
    return s === undefined ? [] : [s];
  });
  if (scopes.length === 0) return [];
  const union = (gate: string): number[] => [...new Set(scopes.flatMap((s) => s.gates.get(gate) ?? []))].sort((a, b) => a - b);
  const shared = (scopes[0]?.triggers ?? []).filter((t) => scopes.every((s) => s.triggers.some((x) => x.finding === t.finding
    && x.allowed.length === t.allowed.length && x.allowed.every((v) => t.allowed.includes(v)))));
  return [
    ...scope.gates.flatMap((g) => gateConditions(content, sys, g, union(g.finding))),
    ...shared.flatMap((t) => triggerConditions(content, sys, t)),
  ];
}

/** A gate question is asked after the minimum-age question only when the age is in scope (the under-16 exit). */
export function gateItemConditions(content: ClinicalContent, finding: string): EnableWhen[] {
  const order = contentScope(content).gateOrder;
  if (finding === AGE_FINDING || !order.includes(AGE_FINDING) || order.indexOf(finding) < order.indexOf(AGE_FINDING)) return [];
  return [ageAtLeast(content, content.minimumAge)];
}

export function ageAtLeast(content: ClinicalContent, age: number): EnableWhen {
  const def = content.findings.get(AGE_FINDING);
  return def?.type === 'number' && !def.integer
    ? { question: AGE_FINDING, operator: '>=', answerDecimal: age }
    : { question: AGE_FINDING, operator: '>=', answerInteger: age };
}

export function ageBelow(content: ClinicalContent, age: number): EnableWhen {
  const def = content.findings.get(AGE_FINDING);
  return def?.type === 'number' && !def.integer
    ? { question: AGE_FINDING, operator: '<', answerDecimal: age }
    : { question: AGE_FINDING, operator: '<', answerInteger: age };
}

function gateConditions(content: ClinicalContent, sys: FhirSystems, gate: GateValues, allowed: readonly number[]): EnableWhen[] {
  if (gate.kind === 'number') return numberConditions(content, gate, allowed);
  const all = gate.values.map((_, i) => i);
  if (allowed.length === all.length) return [];
  const coded = (i: number): Pick<EnableWhen, 'answerCoding' | 'answerBoolean'> => {
    const v = gate.values[i];
    return typeof v === 'boolean' ? { answerBoolean: v } : { answerCoding: { system: sys.valueSystem(gate.finding), code: v ?? '' } };
  };
  if (allowed.length === 1) return [{ question: gate.finding, operator: '=', ...coded(allowed[0] ?? 0) }];
  // Gates are required and asked before anything else, so "not one of the excluded values" is "one of the allowed".
  return all.filter((i) => !allowed.includes(i)).map((i): EnableWhen => ({ question: gate.finding, operator: '!=', ...coded(i) }));
}

function numberConditions(content: ClinicalContent, gate: Extract<GateValues, { kind: 'number' }>, allowed: readonly number[]): EnableWhen[] {
  const def = content.findings.get(gate.finding);
  if (def?.type !== 'number' || allowed.length === 0) return [];
  const lo: NumberRange | undefined = gate.ranges[allowed[0] ?? 0];
  const hi: NumberRange | undefined = gate.ranges[allowed[allowed.length - 1] ?? 0];
  const value = (n: number): Pick<EnableWhen, 'answerInteger' | 'answerDecimal'> => (def.integer ? { answerInteger: n } : { answerDecimal: n });
  const out: EnableWhen[] = [];
  if (lo?.min !== undefined && !(lo.min.value === def.min && lo.min.inclusive)) {
    out.push({ question: gate.finding, operator: lo.min.inclusive ? '>=' : '>', ...value(lo.min.value) });
  }
  if (hi?.max !== undefined && !(hi.max.value === def.max && hi.max.inclusive)) {
    out.push({ question: gate.finding, operator: hi.max.inclusive ? '<=' : '<', ...value(hi.max.value) });
  }
  return out;
}

/** "Not answered with an excluded value": true while the earlier question is unanswered, so no answer is ever hidden. */
function triggerConditions(content: ClinicalContent, sys: FhirSystems, t: Trigger): EnableWhen[] {
  const item = itemLayout(content).byFinding.get(t.finding);
  if (item === undefined) return [];
  return t.all.filter((v) => !t.allowed.includes(v)).map((v): EnableWhen => {
    if (v === UNSURE) return { question: item.linkId, operator: '!=', answerCoding: { system: ASKED_UNKNOWN.system, code: ASKED_UNKNOWN.code } };
    if (typeof v === 'boolean') {
      return item.type === 'boolean'
        ? { question: item.linkId, operator: '!=', answerBoolean: v }
        : { question: item.linkId, operator: '!=', answerCoding: v ? { system: YES.system, code: YES.code } : { system: NO.system, code: NO.code } };
    }
    return { question: item.linkId, operator: '!=', answerCoding: { system: sys.valueSystem(t.finding), code: v } };
  });
}

/** enableWhen and enableBehavior for an item, or nothing when there is no condition. */
export function enableFields(conditions: readonly EnableWhen[]): Pick<fhir4.QuestionnaireItem, 'enableWhen' | 'enableBehavior'> {
  if (conditions.length === 0) return {};
  return conditions.length === 1 ? { enableWhen: [...conditions] } : { enableWhen: [...conditions], enableBehavior: 'all' };
}
