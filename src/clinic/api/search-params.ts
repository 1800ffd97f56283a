// Reads the query of GET /fhir/QuestionnaireResponse into a repository search: _lastUpdated with FHIR's prefixes and
// precision, _id, _count and the paging cursor. Anything else is refused by name, so a client knows what was not applied.
import type { ApiSearch, Comparison } from '../../db/api-read-repo.js';
import { FhirError } from '../../fhir/fhir-errors.js';

export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 100;

export interface ParsedSearch {
  search: ApiSearch;
  /** The parameters that shaped the result, in a fixed order, for the self and next links (without the cursor). */
  canonical: [string, string][];
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
const ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** Accepted with no effect: the Patient and the RiskAssessment of every match are always included. */
const INCLUDES: Readonly<Record<string, (v: string) => boolean>> = {
  _include: (v) => ['QuestionnaireResponse:subject', 'QuestionnaireResponse:patient', 'QuestionnaireResponse:*', '*'].includes(v),
  _revinclude: (v) => v.startsWith('RiskAssessment:') || v === '*',
  _format: (v) => ['json', 'application/json', 'application/fhir+json'].includes(v),
  _total: (v) => ['none', 'estimate', 'accurate'].includes(v),
  _sort: (v) => v === '_lastUpdated',
};

function bad(message: string, parameter: string): FhirError {
  return new FhirError('invalid_search', message, parameter);
}

/** The instant range [from, to) a FHIR date or dateTime of any precision stands for (dates without a zone: UTC). */
export function dateRange(text: string): { from: Date; to: Date } | undefined {
  const m = DATE.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const n = (v: string | undefined, dflt: number) => (v === undefined ? dflt : Number(v));
  const [year, month, day, hour, minute, second] = [n(y, 0), n(mo, 1), n(d, 1), n(h, 0), n(mi, 0), n(s, 0)];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  // A day past the end of its month (2026-02-30) would roll over: refuse it.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined;
  const ms = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  const offset = zone === undefined || zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
  const from = new Date(utc);
  const to = new Date(utc);
  if (frac !== undefined) to.setTime(utc + 10 ** Math.max(0, 3 - frac.length));
  else if (s !== undefined) to.setTime(utc + 1000);
  else if (mi !== undefined) to.setTime(utc + 60_000);
  else if (d !== undefined) to.setUTCDate(to.getUTCDate() + 1);
  else if (mo !== undefined) to.setUTCMonth(to.getUTCMonth() + 1);
  else to.setUTCFullYear(to.getUTCFullYear() + 1);
  return { from, to };
}

/** FHIR date search: the conditions on an exact instant for one prefixed value. */
function lastUpdated(value: string): { op: Comparison; at: string }[] {
  const m = /^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(.*)$/.exec(value);
  const prefix = m?.[1] ?? 'eq';
  const range = dateRange(m?.[2] ?? '');
  if (range === undefined) throw bad(`"${value}" is not a FHIR date or dateTime (with a time zone when it has a time), like gt2026-03-02T09:00:00Z.`, '_lastUpdated');
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  switch (prefix) {
    case 'eq': return [{ op: '>=', at: from }, { op: '<', at: to }];
    case 'gt': case 'sa': return [{ op: '>=', at: to }];
    case 'ge': return [{ op: '>=', at: from }];
    case 'lt': case 'eb': return [{ op: '<', at: from }];
    case 'le': return [{ op: '<', at: to }];
    default: throw bad(`The prefix "${prefix}" is not supported for _lastUpdated; use eq, gt, ge, lt or le.`, '_lastUpdated');
  }
}

export function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

function decodeCursor(text: string): { at: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && dateRange(value[0]) !== undefined) {
      return { at: value[0], id: value[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw bad('This paging cursor is not one this server made; follow the Bundle\'s next link as given.', '_cursor');
}

/** Parses the query (values repeated as arrays by the framework); throws invalid_search naming the parameter. */
export function parseSearch(query: Readonly<Record<string, unknown>>): ParsedSearch {
  const sent: { op: Comparison; at: string }[] = [];
  const canonical: [string, string][] = [];
  let ids: string[] | undefined;
  let count = DEFAULT_COUNT;
  let after: { at: string; id: string } | undefined;
  for (const [name, raw] of Object.entries(query)) {
    const values = (Array.isArray(raw) ? raw : [raw]).map(String);
    const once = () => {
      if (values.length > 1) throw bad(`Give ${name} once.`, name);
      return values[0] ?? '';
    };
    if (name === '_lastUpdated') {
      for (const v of values) {
        sent.push(...lastUpdated(v));
        canonical.push([name, v]);
      }
    } else if (name === '_id') {
      ids = once().split(',');
      if (ids.length > MAX_COUNT || ids.some((id) => !ID.test(id))) throw bad(`_id takes up to ${MAX_COUNT} ids separated by commas.`, name);
      canonical.push([name, ids.join(',')]);
    } else if (name === '_count') {
      const v = once();
      if (!/^\d{1,3}$/.test(v) || Number(v) > MAX_COUNT) throw bad(`_count takes a whole number from 0 to ${MAX_COUNT}.`, name);
      count = Number(v);
      canonical.push([name, v]);
    } else if (name === '_cursor') {
      after = decodeCursor(once());
    } else if (INCLUDES[name] !== undefined) {
      const accepts = INCLUDES[name];
      const bad_ = values.find((v) => !accepts(v));
      if (bad_ !== undefined) throw bad(`${name}=${bad_} is not supported.`, name);
    } else {
      throw bad(`The search parameter "${name}" is not supported here; use _lastUpdated, _id, _count and the next link.`, name);
    }
  }
  return { search: { sent, count, ...(ids === undefined ? {} : { ids }), ...(after === undefined ? {} : { after }) }, canonical };
}
