// The safety page: whether the running content is signed off, the clinical safety case, and how often staff disagreed per rule and hazard.
import type { SafetyRow } from '../../db/submission-types.js';
import type { RuleDef } from '../../engine/types.js';
import type { HazardFeedback } from '../../safety/hazard-feedback.js';
import type { SafetyCase } from '../../safety/safety-case.js';
import type { SignoffStatus } from '../../safety/signoffs.js';
import type { Site } from '../../web/site.js';
import type { StaffPrincipal } from '../auth/staff-principal.js';
import { StaffPage } from '../views/staff-layout.js';

function percent(n: number, of: number): string {
  return of === 0 ? '–' : `${Math.round((100 * n) / of)}%`;
}

export interface SafetyPageProps {
  site: Site;
  staff: StaffPrincipal;
  csrf: string;
  rows: readonly SafetyRow[];
  rules: readonly RuleDef[];
  signoff: SignoffStatus;
  safetyCase: SafetyCase;
  feedback: readonly HazardFeedback[];
}

function Signoff({ s }: { s: SignoffStatus }) {
  if (s.signedOff && s.signoff !== undefined) {
    return (
      <div class="st-ok" id="signoff"><p><strong>Signed off.</strong> Content version <span class="code">{s.contentVersion}</span> was signed off by{' '}
        {s.signoff.name}, {s.signoff.role}, on {s.signoff.date}. Reviewed: {s.signoff.reviewed}</p></div>
    );
  }
  return (
    <div class="st-warn" id="signoff"><p><strong>Not signed off.</strong> The running content version <span class="code">{s.contentVersion}</span> has no
      sign-off. A clinical safety officer must review it (<span class="code">npx creak diff</span> and the safety case below) and record the sign-off in
      content/safety/signoffs.yaml before the check is used with patients.</p></div>
  );
}

function SafetyCaseSection({ sc, feedback }: { sc: SafetyCase; feedback: readonly HazardFeedback[] }) {
  const byHazard = new Map(feedback.map((f) => [f.hazard, f]));
  const often = feedback.filter((f) => f.often);
  return (
    <section aria-labelledby="safety-case">
      <h2 id="safety-case">Clinical safety case</h2>
      {sc.ok
        ? <p>The safety case passes: every hazard has a verified control and a residual risk rating of 2 or less (built {sc.generatedAt}).</p>
        : (
          <div class="st-warn" id="safety-case-fails">
            <p><strong>The safety case fails</strong> ({sc.failures.length} reason{sc.failures.length === 1 ? '' : 's'}):</p>
            <ul>{sc.failures.map((f) => <li>{f}</li>)}</ul>
          </div>
        )}
      {often.length === 0 ? null : (
        <div class="st-warn" id="hazards-disputed">
          <p><strong>Clinicians often disagree with the rules of {often.map((f) => f.hazard).join(', ')}.</strong> The clinical safety officer should review these hazards and their rules.</p>
        </div>
      )}
      <table class="st-table" id="hazards">
        <thead><tr><th scope="col">Hazard</th><th scope="col">Risk after controls (severity × likelihood)</th><th scope="col">Controls verified</th>
          <th scope="col">Feedback on its rules</th><th scope="col">Disagree</th></tr></thead>
        <tbody>
          {sc.hazards.map((h) => {
            const f = byHazard.get(h.id);
            return (
              <tr class={f?.often === true ? 'is-overdue' : undefined}>
                <td><strong>{h.id}</strong> {h.title}</td>
                <td>{h.residual.rating} ({h.residual.severity} × {h.residual.likelihood})</td>
                <td class={h.verifiedControls === 0 ? 'overdue' : undefined}>{h.verifiedControls} of {h.controls.length}</td>
                <td>{f === undefined || f.total === 0 ? 'none' : `${String(f.total)}${f.rules.length > 0 ? `; disagreed on ${f.rules.map((r) => `${r.rule} ${String(r.disagree)} of ${String(r.total)}`).join(', ')}` : ''}`}</td>
                <td class={f?.often === true ? 'overdue' : undefined}>{f === undefined ? '–' : percent(f.total - f.agree, f.total)}{f?.often === true ? ' (often)' : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p><a href="/clinic/safety/report.html" download="safety-case.html">Download the full safety case report</a> (one HTML file to read or print:
        each hazard with its controls and their evidence, the risk matrix, the vignette results and the lint).</p>
    </section>
  );
}

export function SafetyPage(p: SafetyPageProps) {
  const title = (id: string) => p.rules.find((r) => r.id === id)?.title ?? '';
  return (
    <StaffPage site={p.site} title="Safety" staff={p.staff} csrf={p.csrf}>
      <h1>Safety</h1>
      <Signoff s={p.signoff} />
      <SafetyCaseSection sc={p.safetyCase} feedback={p.feedback} />
      <h2 id="disagreement">How often staff disagreed with the triage</h2>
      <p>Each row is a rule that fired, for one version of the check’s content, with the feedback staff gave on results it was part of.
        Rules with the most disagreement come first: those are the ones for the clinical lead to review.</p>
      {p.rows.length === 0 ? <p>No feedback yet.</p> : (
        <table class="st-table" id="safety">
          <thead><tr><th scope="col">Rule</th><th scope="col">Content version</th><th scope="col">Feedback</th><th scope="col">Agree</th>
            <th scope="col">Should have been more urgent</th><th scope="col">Should have been less urgent</th><th scope="col">Disagree</th></tr></thead>
          <tbody>
            {p.rows.map((r) => (
              <tr>
                <td><strong>{r.rule}</strong> {title(r.rule)}</td>
                <td class="code">{r.contentVersion}</td>
                <td>{r.total}</td>
                <td>{r.agree}</td>
                <td>{r.moreUrgent}</td>
                <td>{r.lessUrgent}</td>
                <td class={r.moreUrgent > 0 ? 'overdue' : undefined}>{percent(r.total - r.agree, r.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </StaffPage>
  );
}
