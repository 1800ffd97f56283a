// A page of sent results as a FHIR searchset Bundle: each QuestionnaireResponse (search mode "match", its id the
// submission's id) with its Patient and RiskAssessment ("include"), all built by the export's own submissionsBundle().
import type * as fhir4 from 'fhir/r4.js';
import type { SubmissionRecord } from '../../db/submission-types.js';
import { submissionsBundle, type BundleOptions } from '../fhir/bundle.js';

export interface SearchsetLinks {
  self: string;
  next?: string;
}

/** The id a resource goes by here: its own, else the uuid of its urn:uuid fullUrl. */
function idOf(entry: fhir4.BundleEntry, fallback: string): string {
  const own = entry.resource?.id;
  if (own !== undefined) return own;
  const uuid = /^urn:uuid:([0-9a-f-]{36})$/.exec(entry.fullUrl ?? '')?.[1];
  return uuid ?? fallback;
}

/** Replaces every `reference` equal to a key of `map` (anywhere in the resource) with its value. */
function rewriteReferences(value: unknown, map: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteReferences(v, map));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) =>
    [k, k === 'reference' && typeof v === 'string' ? (map.get(v) ?? v) : rewriteReferences(v, map)]));
}

/** The resources of one sent result, with server ids and absolute fullUrls, references made relative to them. */
function entriesOf(s: SubmissionRecord, o: SearchsetOptions): fhir4.BundleEntry[] {
  const baseUrl = o.baseUrl;
  const built = (submissionsBundle([s], o).entry ?? []).filter((e) => e.resource !== undefined && e.resource.resourceType !== 'Questionnaire');
  const named = built.map((e) => {
    const type = e.resource?.resourceType ?? 'Resource';
    const id = type === 'QuestionnaireResponse' ? s.id : idOf(e, `${s.id}-${type.toLowerCase()}`);
    return { entry: e, type, id };
  });
  const map = new Map(named.map((n) => [n.entry.fullUrl ?? '', `${n.type}/${n.id}`]));
  const entries = named.map(({ entry, type, id }): fhir4.BundleEntry => {
    const resource = rewriteReferences(entry.resource, map) as fhir4.FhirResource;
    return {
      fullUrl: `${baseUrl}/fhir/${type}/${id}`,
      resource: { ...resource, id, meta: { lastUpdated: s.createdAt } },
      search: { mode: type === 'QuestionnaireResponse' ? 'match' : 'include' },
    };
  });
  // The match first, then what it includes.
  return [...entries.filter((e) => e.search?.mode === 'match'), ...entries.filter((e) => e.search?.mode !== 'match')];
}

/** What a search page is built from: the export's own options, and this service's address. */
export type SearchsetOptions = BundleOptions & { baseUrl: string };

export function searchsetBundle(records: readonly SubmissionRecord[], total: number, links: SearchsetLinks, o: SearchsetOptions): fhir4.Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    timestamp: o.now.toISOString(),
    total,
    link: [{ relation: 'self', url: links.self }, ...(links.next === undefined ? [] : [{ relation: 'next', url: links.next }])],
    // FHIR JSON has no empty arrays: a page with no results has no entry at all.
    ...(records.length === 0 ? {} : { entry: records.flatMap((s) => entriesOf(s, o)) }),
  };
}
