// Publishing at start: the Questionnaire and terminology of the running content version are stored the first time that
// version is seen, under the one canonical base this database has ever used.
import type * as fhir4 from 'fhir/r4.js';
import type { FhirResourceRepo } from '../../db/fhir-resource-repo.js';
import type { ClinicalContent } from '../../engine/types.js';
import { fhirSystems } from './fhir-systems.js';
import { contentQuestionnaire } from './questionnaire.js';
import { terminologyResources, type Definition } from './terminology.js';

export class CanonicalBaseChanged extends Error {
  constructor(readonly configured: string, readonly published: string) {
    super(`FHIR_CANONICAL_BASE is ${configured}, but this database already published Creak's FHIR definitions under ${published}. `
      + 'The canonical base is set once and kept: published URLs must never change. Set FHIR_CANONICAL_BASE back to the old value.');
    this.name = 'CanonicalBaseChanged';
  }
}

/** Every definition of one content version: its Questionnaire, code systems, value sets, concept map, extension. */
export function publishedDefinitions(content: ClinicalContent, canonicalBase: string): Definition[] {
  return [contentQuestionnaire(content, canonicalBase), ...terminologyResources(content, canonicalBase)];
}

/** Stores this content version's definitions unless already stored; refuses a canonical base other than the one used before. */
export async function publishContent(repo: FhirResourceRepo, content: ClinicalContent, canonicalBase: string): Promise<number> {
  const expected = fhirSystems(canonicalBase).questionnaireUrl;
  const other = (await repo.urls('Questionnaire')).find((u) => u !== expected);
  if (other !== undefined) throw new CanonicalBaseChanged(canonicalBase, other.replace(/\/Questionnaire\/[^/]+$/, ''));
  return repo.publish(publishedDefinitions(content, canonicalBase));
}

/** The published Questionnaires of these content versions, by version. */
export async function questionnairesFor(repo: FhirResourceRepo, canonicalBase: string, versions: Iterable<string>): Promise<Map<string, fhir4.Questionnaire>> {
  const url = fhirSystems(canonicalBase).questionnaireUrl;
  const out = new Map<string, fhir4.Questionnaire>();
  for (const version of new Set(versions)) {
    const [found] = await repo.search('Questionnaire', { url, version });
    if (found !== undefined) out.set(version, found as fhir4.Questionnaire);
  }
  return out;
}
