// The top of a submission's page for staff: what was decided and by what, how to reach the person, and the reasons as lists.
import type { Reference } from '../../content/references.js';
import type { SubmissionDetail } from '../../db/submission-types.js';
import type { ClinicalContent, FiredRule } from '../../engine/types.js';
import { Tel } from '../../web/tel.js';
import { formatDuration, formatTime } from '../format-time.js';
import { BEST_TIME_LABEL, LEVEL_LABEL, STATUS_LABEL, regionLabels } from '../levels.js';

function Row({ label, children }: { label: string; children?: unknown }) {
  return <div><dt>{label}</dt><dd>{children}</dd></div>;
}

/** The rule that set the level: the first one fired at the outcome's level. */
export function decidingRule(s: SubmissionDetail): FiredRule | undefined {
  return s.outcome.rules.find((r) => r.level === s.outcome.level);
}

export interface SummaryProps {
  s: SubmissionDetail;
  content: ClinicalContent;
  /** "Question: answer" for a finding, as the person saw it. */
  findingText: (finding: string) => string;
  now: Date;
  timeZone: string;
  overdue: boolean;
}

/** Level, due time, deciding rule, the answers that decided it, the contact details, and where the work stands. */
export function Summary({ s, content, findingText, now, timeZone, overdue }: SummaryProps) {
  const rule = decidingRule(s);
  // Unsure answers set the level when it is above the best-case reading (safety principle 2).
  const raisedBy = s.outcome.level === s.outcome.bestCase ? [] : s.outcome.unsure;
  const key = [...new Set([...s.outcome.decisive, ...raisedBy.map((u) => u.finding)])];
  return (
    <dl class="sum st-summary" id="summary">
      <Row label="Result"><strong>{LEVEL_LABEL[s.level]}</strong> ({regionLabels(content)[s.region] ?? s.region})</Row>
      <Row label="Due">
        {formatTime(s.dueAt, timeZone)}{overdue ? <> <span class="overdue">Overdue by {formatDuration(now.getTime() - Date.parse(s.dueAt))}</span></> : null}
      </Row>
      <Row label="Deciding rule">
        {rule === undefined ? 'None fired at this level' : `${rule.id}: ${rule.title}`}
        {raisedBy.length === 0 ? null : (
          <><br /><span class="meta">Raised from {s.outcome.bestCase} by “I’m not sure” (rule {[...new Set(raisedBy.map((u) => u.rule))].join(', ')})</span></>
        )}
      </Row>
      <Row label="Key answers">
        {key.length === 0 ? 'None' : <ul>{key.map((f) => <li>{findingText(f)}{raisedBy.some((u) => u.finding === f) ? ' (not sure)' : ''}</li>)}</ul>}
      </Row>
      <Row label="Contact">
        <ul class="plain">
          <li><strong>{s.name}</strong></li>
          <li>Phone: {s.phone === null ? 'not given' : <Tel number={s.phone} />}</li>
          <li>Email: {s.email === null ? 'not given' : <a href={`mailto:${s.email}`}>{s.email}</a>}</li>
          <li>Best time: {BEST_TIME_LABEL[s.bestTime] ?? s.bestTime}</li>
        </ul>
      </Row>
      <Row label="Message">{s.message ?? 'None'}</Row>
      <Row label="Status">{STATUS_LABEL[s.status]}, assigned to {s.assigneeName ?? 'nobody'}</Row>
      <Row label="Sent">{formatTime(s.createdAt, timeZone)} (waiting {formatDuration(now.getTime() - Date.parse(s.createdAt))})</Row>
    </dl>
  );
}

/** Every rule that fired with its reason, the answers behind it and its sources; then what was unsure and what was ruled out. */
export function Reasons({ s, findingText, references }: { s: SubmissionDetail; findingText: (f: string) => string; references: ReadonlyMap<string, Reference> }) {
  return (
    <section id="reasons" aria-labelledby="reasons-title">
      <h2 id="reasons-title">Why this result</h2>
      <ul class="reasons">
        {s.outcome.rules.map((r) => (
          <li>
            <strong>{r.id}: {r.title}</strong> <span class="meta">({r.level}{r.tier === undefined ? '' : `, ${r.tier.label}`})</span>
            <ul>
              <li>{r.reason}</li>
              {r.because.length === 0 ? null : <li>Because:<ul>{r.because.map((f) => <li>{findingText(f)}</li>)}</ul></li>}
              {r.sources.length === 0 ? null : <li>Sources:<ul>{r.sources.map((id) => <li>{references.get(id)?.citation ?? id}</li>)}</ul></li>}
            </ul>
          </li>
        ))}
      </ul>
      {s.outcome.unsure.length === 0 ? null : (
        <>
          <h3>Raised by “I’m not sure”</h3>
          <ul>{s.outcome.unsure.map((u) => <li>{findingText(u.finding)}: rule {u.rule} could give {u.couldBe}</li>)}</ul>
        </>
      )}
      <ul>
        <li>Best case {s.outcome.bestCase}, worst case {s.outcome.worstCase}.</li>
        {s.outcome.riskGroup === undefined ? null : (
          <li>Back pain risk group: {s.outcome.riskGroup.group} (score {s.outcome.riskGroup.total}, psychosocial {s.outcome.riskGroup.psychosocial}).</li>
        )}
      </ul>
      {s.outcome.checkedAbsent.length === 0 ? null : (
        <>
          <h3>Warning signs asked about and answered no</h3>
          <ul>{s.outcome.checkedAbsent.map((f) => <li>{findingText(f)}</li>)}</ul>
        </>
      )}
    </section>
  );
}
