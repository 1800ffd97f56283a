// One sent result for staff, decision first: a summary (level, due time, deciding rule, key answers, contact) beside the
// actions, then the reasons as lists, every answer as asked, feedback on the triage and the history of who did what.
import type { Reference } from '../../content/references.js';
import { NEXT_STATUSES, VERDICTS, type SubmissionDetail } from '../../db/submission-types.js';
import type { ClinicalContent } from '../../engine/types.js';
import type { Site } from '../../web/site.js';
import { answersAsAsked } from '../answers-as-asked.js';
import type { StaffPrincipal } from '../auth/staff-principal.js';
import { formatTime } from '../format-time.js';
import { STATUS_LABEL, VERDICT_LABEL } from '../levels.js';
import { ErrorSummary, Hidden, Radios, TextArea, type FieldError } from '../views/form-parts.js';
import { Notice, StaffPage } from '../views/staff-layout.js';
import { Reasons, Summary } from './detail-summary.js';
import { isOverdue, LevelTag } from './inbox-page.js';

export interface DetailPageProps {
  site: Site;
  staff: StaffPrincipal;
  csrf: string;
  s: SubmissionDetail;
  content: ClinicalContent;
  references: ReadonlyMap<string, Reference>;
  assignable: readonly { id: string; name: string }[];
  now: Date;
  timeZone: string;
  errors: readonly FieldError[];
  notice?: string;
  typed?: { note?: string; comment?: string; verdict?: string };
}

function Row({ label, children }: { label: string; children?: unknown }) {
  return <div><dt>{label}</dt><dd>{children}</dd></div>;
}

/** Moving the submission on: status with a note, and assignment (the decision's first actions). */
function Actions({ p, base }: { p: DetailPageProps; base: string }) {
  const { s } = p;
  return (
    <section class="st-actions" aria-labelledby="actions-title">
      <h2 id="actions-title" class="visually-hidden">Actions</h2>
      <form method="post" action={`${base}/status`}>
        <Hidden name="_csrf" value={p.csrf} />
        <div class="fg"><label class="lbl" for="to">Move to</label>
          <select id="to" name="to">{NEXT_STATUSES[s.status].map((st) => <option value={st}>{STATUS_LABEL[st]}</option>)}</select></div>
        <TextArea id="note" label="Note (optional)" value={p.typed?.note ?? ''} errors={p.errors} maxlength={2000} rows={3} />
        <button class="btn" type="submit">Save status</button>
      </form>
      <form method="post" action={`${base}/assign`}>
        <Hidden name="_csrf" value={p.csrf} />
        <div class="fg"><label class="lbl" for="assignee">Assign to</label>
          <select id="assignee" name="assignee">
            <option value="">Nobody</option>
            {p.assignable.map((u) => <option value={u.id} selected={u.id === s.assigneeId}>{u.name}</option>)}
          </select></div>
        <button class="btn btn-2" type="submit">Assign</button>
      </form>
    </section>
  );
}

export function DetailPage(p: DetailPageProps) {
  const { s, timeZone } = p;
  const base = `/clinic/submissions/${s.reference}`;
  const overdue = isOverdue(s, p.now);
  const asked = answersAsAsked(p.content, s.answers);
  const findingText = (f: string) => asked.flatMap((a) => a.answers.filter((x) => x.finding === f).map((x) => `${x.label ?? a.question}: ${x.text}`))[0] ?? f;
  return (
    <StaffPage site={p.site} title={s.reference} staff={p.staff} csrf={p.csrf} hasError={p.errors.length > 0}>
      <ErrorSummary errors={p.errors} />
      <Notice text={p.notice} />
      <p><a href="/clinic" class="back">Back to the inbox</a></p>
      <h1>{s.reference} <LevelTag level={s.level} /></h1>
      {s.emergency ? <div class="em"><p><strong>Emergency result.</strong> The person was told to call 999 or go to A&amp;E now.</p></div> : null}
      <div class="st-top">
        <Summary s={s} content={p.content} findingText={findingText} now={p.now} timeZone={timeZone} overdue={overdue} />
        <Actions p={p} base={base} />
      </div>

      <Reasons s={s} findingText={findingText} references={p.references} />

      <h2>Answers</h2>
      <dl class="sum" id="answers">
        {asked.map((a) => {
          const only = a.answers.length === 1 ? a.answers[0] : undefined;
          return only !== undefined && only.label === undefined
            ? <Row label={a.question}>{only.text}</Row>
            : <Row label={a.question}><ul>{a.answers.map((x) => <li>{x.label}: {x.text}</li>)}</ul></Row>;
        })}
        <Row label="Content version">{s.contentVersion}</Row>
      </dl>

      <h2>Feedback on the triage</h2>
      <form method="post" action={`${base}/feedback`}>
        <Hidden name="_csrf" value={p.csrf} />
        <Radios name="verdict" legend="Was the level right?" value={p.typed?.verdict ?? ''} errors={p.errors}
          options={VERDICTS.map((v) => ({ value: v, label: VERDICT_LABEL[v] ?? v }))} />
        <TextArea id="comment" label="Comment (optional)" value={p.typed?.comment ?? ''} errors={p.errors} maxlength={2000} rows={3} />
        <button class="btn btn-2" type="submit">Save feedback</button>
      </form>
      {s.feedback.length === 0 ? null : (
        <ul class="history">{s.feedback.map((f) => (
          <li><strong>{VERDICT_LABEL[f.verdict]}</strong> by {f.userName ?? 'a former user'}, {formatTime(f.at, timeZone)}{f.comment === null ? null : <><br />{f.comment}</>}</li>
        ))}</ul>
      )}

      <h2>History</h2>
      <ul class="history" id="history">
        {s.events.map((e) => (
          <li>
            {formatTime(e.at, timeZone)}: {e.action === 'created' ? 'Sent by the person'
              : e.action === 'status' ? `${STATUS_LABEL[e.fromValue ?? ''] ?? ''} → ${STATUS_LABEL[e.toValue ?? ''] ?? ''}`
                : e.action === 'assign' ? `Assigned to ${p.assignable.find((u) => u.id === e.toValue)?.name ?? (e.toValue === null ? 'nobody' : 'a former user')}`
                  : 'Note'}
            {e.userName === null ? null : <> by {e.userName}</>}
            {e.note === null ? null : <><br />{e.note}</>}
          </li>
        ))}
      </ul>

      <h2>Export</h2>
      <p><a href={`${base}/fhir.json`}>Download as FHIR R4 (JSON)</a></p>
      {p.staff.role === 'admin' ? (
        <form method="post" action={`${base}/delete`}>
          <Hidden name="_csrf" value={p.csrf} />
          <h2>Delete this person’s data</h2>
          <p>Deletes the contact details, answers, notes and comments. The audit trail and the feedback verdicts stay.</p>
          <div class="opt"><input type="checkbox" id="confirm" name="confirm" value="yes" /><label for="confirm">Yes, delete {s.reference}</label></div>
          <button class="btn btn-2" type="submit">Delete</button>
        </form>
      ) : null}
    </StaffPage>
  );
}
