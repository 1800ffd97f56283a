// The inbox: most urgent first, then longest waiting; overdue rows marked; filters, search, exports and paging.
import type { SubmissionSummary } from '../../db/submission-types.js';
import { LEVELS, type Level } from '../../engine/types.js';
import type { Site } from '../../web/site.js';
import type { StaffPrincipal } from '../auth/staff-principal.js';
import { formatDuration, formatTime } from '../format-time.js';
import { LEVEL_SHORT, STATUS_LABEL } from '../levels.js';
import { ErrorSummary, type FieldError } from '../views/form-parts.js';
import { StaffPage } from '../views/staff-layout.js';
import { filterQueryString, PAGE_SIZE } from './inbox-query.js';

export function LevelTag({ level }: { level: Level }) {
  return <span class={`lvl-tag lvl-${level}`}>{LEVEL_SHORT[level]}</span>;
}

export function isOverdue(s: Pick<SubmissionSummary, 'dueAt' | 'status'>, now: Date): boolean {
  return (s.status === 'new' || s.status === 'in_progress') && Date.parse(s.dueAt) < now.getTime();
}

function Select(p: { id: string; name: string; label: string; value: string; options: readonly [string, string][] }) {
  return (
    <div class="fg">
      <label class="lbl" for={p.id}>{p.label}</label>
      <select id={p.id} name={p.name}>
        {p.options.map(([value, label]) => <option value={value} selected={p.value === value}>{label}</option>)}
      </select>
    </div>
  );
}

export interface InboxPageProps {
  site: Site;
  staff: StaffPrincipal;
  /** Body areas in the check's own words (regionLabels). */
  regions: Readonly<Record<string, string>>;
  csrf: string;
  items: readonly SubmissionSummary[];
  total: number;
  page: number;
  raw: Record<string, string>;
  errors: readonly FieldError[];
  assignable: readonly { id: string; name: string }[];
  now: Date;
  timeZone: string;
}

export function InboxPage(p: InboxPageProps) {
  const pages = Math.max(1, Math.ceil(p.total / PAGE_SIZE));
  return (
    <StaffPage site={p.site} title="Inbox" staff={p.staff} csrf={p.csrf} hasError={p.errors.length > 0}>
      <ErrorSummary errors={p.errors} />
      <h1>Inbox</h1>
      <form method="get" action="/clinic" class="filters" role="search" aria-label="Filter the inbox">
        <Select id="f-status" name="status" label="Status" value={p.raw.status ?? 'open'}
          options={[['open', 'Open (not closed)'], ['all', 'All'], ...Object.entries(STATUS_LABEL)]} />
        <Select id="f-level" name="level" label="Level" value={p.raw.level ?? ''}
          options={[['', 'Any'], ...[...LEVELS].reverse().map((l): [string, string] => [l, LEVEL_SHORT[l]])]} />
        <Select id="f-region" name="region" label="Body area" value={p.raw.region ?? ''}
          options={[['', 'Any'], ...Object.entries(p.regions)]} />
        <div class="fg"><label class="lbl" for="f-from">Sent from</label><input class="txt" type="date" id="f-from" name="from" value={p.raw.from ?? ''} /></div>
        <div class="fg"><label class="lbl" for="f-to">Sent to</label><input class="txt" type="date" id="f-to" name="to" value={p.raw.to ?? ''} /></div>
        <Select id="f-assignee" name="assignee" label="Assigned to" value={p.raw.assignee ?? ''}
          options={[['', 'Anyone'], ['me', 'Me'], ['none', 'Nobody'], ...p.assignable.map((u): [string, string] => [u.id, u.name])]} />
        <div class="fg"><label class="lbl" for="f-q">Reference or name</label><input class="txt" type="search" id="f-q" name="q" value={p.raw.q ?? ''} maxlength={100} /></div>
        <div class="fg opt"><input type="checkbox" id="f-overdue" name="overdue" value="yes" checked={p.raw.overdue === 'yes'} /><label for="f-overdue">Overdue only</label></div>
        <div class="fg"><button class="btn btn-2" type="submit">Apply filters</button></div>
      </form>
      <p>
        {p.total} {p.total === 1 ? 'result' : 'results'}.{' '}
        <a href={`/clinic/export/inbox.csv${filterQueryString(p.raw)}`}>Download as CSV</a>{' · '}
        <a href={`/clinic/export/bundle.json${filterQueryString(p.raw)}`}>Download as FHIR</a>
      </p>
      {p.items.length === 0 ? <p>Nothing matches these filters.</p> : (
        <table class="st-table st-stack" id="inbox">
          <caption class="visually-hidden">Sent results, most urgent first, then longest waiting</caption>
          <thead>
            <tr><th scope="col">Reference</th><th scope="col">Level</th><th scope="col">Name</th><th scope="col">Body area</th>
              <th scope="col">Sent</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col">Assigned to</th></tr>
          </thead>
          <tbody>
            {p.items.map((s) => {
              const overdue = isOverdue(s, p.now);
              return (
                <tr class={overdue ? 'is-overdue' : undefined} data-reference={s.reference}>
                  <td data-label="Reference"><a href={`/clinic/submissions/${s.reference}`}>{s.reference}</a></td>
                  <td data-label="Level"><LevelTag level={s.level} /></td>
                  <td data-label="Name">{s.name}</td>
                  <td data-label="Body area">{p.regions[s.region] ?? s.region}</td>
                  <td data-label="Sent"><div>{formatTime(s.createdAt, p.timeZone)}<br /><span class="meta">waiting {formatDuration(p.now.getTime() - Date.parse(s.createdAt))}</span></div></td>
                  <td data-label="Due"><div>{formatTime(s.dueAt, p.timeZone)}{overdue ? <><br /><span class="overdue">Overdue by {formatDuration(p.now.getTime() - Date.parse(s.dueAt))}</span></> : null}</div></td>
                  <td data-label="Status">{STATUS_LABEL[s.status]}</td>
                  <td data-label="Assigned to">{s.assigneeName ?? 'Nobody'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {pages > 1 ? (
        <nav class="pager" aria-label="Pages">
          {p.page > 1 ? <a href={`/clinic${filterQueryString(p.raw, { page: String(p.page - 1) })}`}>Previous page</a> : null}
          {' '}Page {p.page} of {pages}{' '}
          {p.page < pages ? <a href={`/clinic${filterQueryString(p.raw, { page: String(p.page + 1) })}`}>Next page</a> : null}
        </nav>
      ) : null}
    </StaffPage>
  );
}
