// Reading the inbox's filters from the query string; a bad value is reported, never silently dropped.
import { STATUSES, type InboxFilter } from '../../db/submission-types.js';
import { LEVELS, type Region } from '../../engine/types.js';
import type { FieldError } from '../views/form-parts.js';

export const PAGE_SIZE = 50;

export interface InboxQuery {
  filter: InboxFilter;
  page: number;
  /** The filter values as typed, to fill the form again. */
  raw: Record<string, string>;
  errors: FieldError[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FILTER_KEYS = ['status', 'level', 'region', 'from', 'to', 'assignee', 'q', 'overdue', 'page'] as const;

function isRealDay(s: string): boolean {
  return DAY.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
}

/** Parses the filters; `me` as assignee means the signed-in user. */
export function parseInboxQuery(query: unknown, userId: string, regions: Readonly<Record<string, string>>): InboxQuery {
  const q = (query !== null && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const raw: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const v = q[key];
    if (typeof v === 'string' && v !== '') raw[key] = v.slice(0, 120);
  }
  const errors: FieldError[] = [];
  const filter: InboxFilter = {};
  const status = raw.status ?? 'open';
  if (status === 'open' || status === 'all' || (STATUSES as readonly string[]).includes(status)) filter.status = status as InboxFilter['status'] & string;
  else errors.push({ field: 'f-status', message: 'Choose a status from the list' });
  if (raw.level !== undefined) {
    const level = LEVELS.find((l) => l === raw.level);
    if (level === undefined) errors.push({ field: 'f-level', message: 'Choose a level from the list' });
    else filter.level = level;
  }
  if (raw.region !== undefined) {
    if (Object.hasOwn(regions, raw.region)) filter.region = raw.region as Region;
    else errors.push({ field: 'f-region', message: 'Choose a body area from the list' });
  }
  for (const key of ['from', 'to'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (isRealDay(v)) filter[key] = v;
    else errors.push({ field: `f-${key}`, message: `Enter a real date for "${key === 'from' ? 'Sent from' : 'Sent to'}", like 2026-03-02` });
  }
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) {
    errors.push({ field: 'f-to', message: '"Sent to" must be the same as or after "Sent from"' });
  }
  if (raw.assignee !== undefined) {
    if (raw.assignee === 'me') filter.assignee = userId;
    else if (raw.assignee === 'none' || /^[0-9a-f-]{36}$/.test(raw.assignee)) filter.assignee = raw.assignee;
    else errors.push({ field: 'f-assignee', message: 'Choose who it is assigned to from the list' });
  }
  if (raw.q !== undefined) {
    if (raw.q.length > 100) errors.push({ field: 'f-q', message: 'Search for 100 characters or fewer' });
    else filter.q = raw.q;
  }
  if (raw.overdue === 'yes') filter.overdue = true;
  let page = 1;
  if (raw.page !== undefined) {
    const n = Number(raw.page);
    if (Number.isInteger(n) && n >= 1 && n <= 100_000) page = n;
    else errors.push({ field: 'f-q', message: 'The page number is not valid' });
  }
  return { filter, page, raw, errors };
}

/** The query string for the same filters (for page links and exports). */
export function filterQueryString(raw: Record<string, string>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...raw, ...extra })) if (k !== 'page' || extra.page !== undefined) params.set(k, v);
  const s = params.toString();
  return s === '' ? '' : `?${s}`;
}
