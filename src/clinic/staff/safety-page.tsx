// The safety page: per rule and content version, how often staff disagreed with the triage.
import type { SafetyRow } from '../../db/submission-types.js';
import type { RuleDef } from '../../engine/types.js';
import type { Site } from '../../web/site.js';
import type { StaffPrincipal } from '../auth/staff-principal.js';
import { StaffPage } from '../views/staff-layout.js';

function percent(n: number, of: number): string {
  return of === 0 ? '–' : `${Math.round((100 * n) / of)}%`;
}

export function SafetyPage(p: { site: Site; staff: StaffPrincipal; csrf: string; rows: readonly SafetyRow[]; rules: readonly RuleDef[] }) {
  const title = (id: string) => p.rules.find((r) => r.id === id)?.title ?? '';
  return (
    <StaffPage site={p.site} title="Safety" staff={p.staff} csrf={p.csrf}>
      <h1>How often staff disagreed with the triage</h1>
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
