// The clinical safety case report as one self-contained, printable HTML page (no external files).
import { raw } from 'hono/html';
import { renderPage } from '../web/render.js';
import { formatProblem } from '../content/content-problem.js';
import type { ControlStatus } from './controls.js';
import type { SuiteResult } from './eval-gates.js';
import { LIKELIHOODS, MATRIX, RATING_MEANING, SEVERITIES, MAX_RESIDUAL_RATING, type RiskRating } from './risk-matrix.js';
import type { HazardReport, RiskReport, SafetyCase } from './safety-case.js';

const CSS = `
body{font:16px/1.45 system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#0b0c0c;margin:0 auto;max-width:64rem;padding:1.5rem}
h1{font-size:2rem;margin:0 0 .5rem}h2{font-size:1.5rem;margin:2.5rem 0 .75rem;border-top:2px solid #b1b4b6;padding-top:1rem}
h3{font-size:1.2rem;margin:2rem 0 .5rem}
table{border-collapse:collapse;width:100%;margin:0 0 1rem;font-size:.95rem}
th,td{text-align:left;vertical-align:top;border-bottom:1px solid #b1b4b6;padding:.35rem .6rem .35rem 0}
.verdict{padding:1rem 1.25rem;margin:1rem 0;border-left:.5rem solid}
.pass{border-color:#00703c;background:#eef7ee}.fail{border-color:#d4351c;background:#fff4f2}
.warn{border-left:.5rem solid #ed8b00;background:#fff8e6;padding:.75rem 1rem}
.st{font-weight:700;white-space:nowrap}.st-verified,.st-passed{color:#00703c}.st-missing,.st-failed{color:#d4351c}
.st-not-run,.st-unexercised{color:#6f4e00}
.r{display:inline-block;min-width:1.6rem;text-align:center;font-weight:700;border-radius:.2rem;padding:0 .2rem}
.r1{background:#cce2d8}.r2{background:#e5f2d3}.r3{background:#fff2c4}.r4{background:#f9d6b6}.r5{background:#f4b4a9}
.matrix td,.matrix th{text-align:center;border:1px solid #b1b4b6;padding:.4rem}
.matrix td{height:3rem;min-width:6rem}.matrix .ids{display:block;font-size:.85rem;font-weight:400}
.code{font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all}
.small{font-size:.9rem;color:#505a5f}
nav ol{columns:2}
@media print{body{max-width:none;padding:0;font-size:11pt}h2{break-before:page}.hazard{break-inside:avoid}a{color:inherit;text-decoration:none}}
`;

function Rating({ r }: { r: RiskRating }) {
  return <span class={`r r${String(r)}`}>{r}</span>;
}

function Risk({ risk }: { risk: RiskReport }) {
  return (
    <>
      Severity {risk.severity} ({SEVERITIES[risk.severity - 1]}) × likelihood {risk.likelihood} ({LIKELIHOODS[risk.likelihood - 1]}) → rating{' '}
      <Rating r={risk.rating} />. {risk.reason}
    </>
  );
}

/** A note as a sentence: capital first letter. */
const sentence = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const STATUS_WORD: Readonly<Record<ControlStatus, string>> = {
  verified: 'verified', missing: 'MISSING', failed: 'FAILED', 'not-run': 'not run', unexercised: 'not shown firing',
};

function Matrix({ hazards }: { hazards: readonly HazardReport[] }) {
  const at = (s: number, l: number, which: 'initial' | 'residual') =>
    hazards.filter((h) => h[which].severity === s && h[which].likelihood === l).map((h) => h.id);
  return (
    <table class="matrix" aria-describedby="matrix-note">
      <thead>
        <tr><th scope="col">Likelihood ↓ / severity →</th>{SEVERITIES.map((s, i) => <th scope="col">{i + 1} {s}</th>)}</tr>
      </thead>
      <tbody>
        {[5, 4, 3, 2, 1].map((l) => (
          <tr>
            <th scope="row">{l} {LIKELIHOODS[l - 1]}</th>
            {[1, 2, 3, 4, 5].map((s) => {
              const rating = MATRIX[l - 1]?.[s - 1] ?? 1;
              const residual = at(s, l, 'residual');
              const initial = at(s, l, 'initial');
              return (
                <td class={`r${String(rating)}`}>
                  <strong>{rating}</strong>
                  {residual.length > 0 ? <span class="ids">after: {residual.join(', ')}</span> : null}
                  {initial.length > 0 ? <span class="ids">before: {initial.join(', ')}</span> : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Suite({ s }: { s: SuiteResult }) {
  const m = s.metrics;
  const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);
  return (
    <>
      <h3>{s.suite === 'development' ? 'Development vignettes (shared)' : s.suite === 'project' ? "The project's own vignettes" : 'Vignette files given on the command line'}</h3>
      {s.absent !== undefined ? <p class="warn">Not run: {s.absent}.</p> : (
        <p class="small">Files: {s.files.join(', ')}{s.declaredVersions.length > 0 ? `; they declare policy version ${s.declaredVersions.join(', ')}` : ''}.</p>
      )}
      {m === undefined ? null : (
        <table>
          <tbody>
            <tr><th scope="row">Vignettes</th><td>{m.total}</td></tr>
            <tr><th scope="row">Exact level</th><td>{m.exact} ({pct(m.exact, m.total)})</td></tr>
            <tr><th scope="row">Under-triage (of them, emergencies)</th><td>{m.under} ({pct(m.under, m.total)}); {m.emergencyUnder}</td></tr>
            <tr><th scope="row">Over-triage</th><td>{m.over} ({pct(m.over, m.total)})</td></tr>
            <tr><th scope="row">Safe (exact, more urgent or one level less)</th><td>{m.safe} ({pct(m.safe, m.total)})</td></tr>
            <tr><th scope="row">Three-band accuracy; emergent</th><td>{pct(m.threeBand.all, m.total)}; {pct(m.threeBand.emergent.correct, m.threeBand.emergent.total)}</td></tr>
            <tr><th scope="row">No outcome</th><td>{m.noOutcome}</td></tr>
            <tr><th scope="row">Questions per vignette (pages; findings)</th><td>median {m.pages.median}, max {m.pages.max}; median {m.findings.median}, max {m.findings.max}</td></tr>
          </tbody>
        </table>
      )}
      <table>
        <thead><tr><th scope="col">Gate</th><th scope="col">Result</th><th scope="col">Detail</th></tr></thead>
        <tbody>
          {s.gates.map((g) => <tr><td class="code">{g.gate}</td><td class={`st st-${g.status}`}>{g.status}</td><td>{g.detail}</td></tr>)}
        </tbody>
      </table>
    </>
  );
}

function Hazard({ h }: { h: HazardReport }) {
  return (
    <section class="hazard" id={`hazard-${h.id}`}>
      <h3>{h.id}. {h.title}</h3>
      <p>{h.description}</p>
      <p><strong>Causes:</strong> {h.causes.join(' ')}</p>
      <p><strong>Possible harm:</strong> {h.harms.join(' ')}</p>
      <p><strong>Before the controls:</strong> <Risk risk={h.initial} /></p>
      <table>
        <thead><tr><th scope="col">Control</th><th scope="col">Links to</th><th scope="col">Evidence</th></tr></thead>
        <tbody>
          {h.controls.map((c) => (
            <tr>
              <td>{c.description}</td>
              <td class="code">{c.target}</td>
              <td><span class={`st st-${c.status}`}>{STATUS_WORD[c.status]}</span>: {c.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p><strong>After the controls:</strong> <Risk risk={h.residual} /> Status: {h.status}{h.source === 'clinic' ? ' (the clinic\'s own hazard)' : ''}.</p>
    </section>
  );
}

/** The report as a complete HTML document. */
export function SafetyCaseReport({ sc, clinicName }: { sc: SafetyCase; clinicName: string }) {
  const signoff = sc.signoff;
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Clinical safety case report – Creak {sc.contentVersion ?? ''}</title>
        <style>{raw(CSS)}</style>
      </head>
      <body>
        <main>
          <h1>Clinical safety case report</h1>
          <p>Creak, the joint noise and back pain self-check, as run by {clinicName}. Content version{' '}
            <span class="code">{sc.contentVersion ?? 'not loaded'}</span>; generated {sc.generatedAt}; review dates judged on {sc.today}.</p>
          <div class={`verdict ${sc.ok ? 'pass' : 'fail'}`} id="verdict">
            {sc.ok
              ? <p><strong>The safety case passes.</strong> Every hazard has a verified control and a residual risk rating of {MAX_RESIDUAL_RATING} or less, and every eval gate and lint check passes.</p>
              : (
                <>
                  <p><strong>The safety case fails</strong>, for {sc.failures.length} reason(s):</p>
                  <ul>{sc.failures.map((f) => <li>{f}</li>)}</ul>
                </>
              )}
          </div>
          {signoff === null ? null : signoff.signedOff && signoff.signoff !== undefined
            ? <p id="signoff">This content version was signed off by {signoff.signoff.name}, {signoff.signoff.role}, on {signoff.signoff.date}. Reviewed: {signoff.signoff.reviewed}</p>
            : <p id="signoff" class="warn"><strong>This content version is not signed off.</strong> A clinical safety officer must review it and record a sign-off in content/safety/signoffs.yaml before it is used with patients.</p>}
          <nav aria-label="Contents">
            <h2 id="contents">Contents</h2>
            <ol>
              <li><a href="#scope">Scope and method</a></li>
              <li><a href="#matrix">Risk matrix</a></li>
              <li><a href="#summary">Hazards at a glance</a></li>
              <li><a href="#hazards">Hazards and their controls</a></li>
              <li><a href="#eval">Vignette evaluation</a></li>
              <li><a href="#lint">Content lint</a></li>
              <li><a href="#properties">Safety property tests</a></li>
            </ol>
          </nav>

          <h2 id="scope">1. Scope and method</h2>
          <p>This report follows DCB0129. It is built by <span class="code">npx creak safety-case</span> from the hazard log in the repository
            (<span class="code">content/safety/hazards.yaml</span>{sc.hazards.some((h) => h.source === 'clinic') ? ' and the clinic\'s own content/safety/clinic-hazards.yaml' : ''}) and from live evidence:
            each control is checked against the project itself (the rule exists and fires in a vignette, the lint check exists and passes,
            the test exists by name, the eval gate passes, the document has the section). Tests are cited by name and run by the project's test suite.
            The deploying clinic's own duties are in docs/dcb0160.md.</p>
          {sc.startingLog.note !== undefined ? <p class="warn">{sentence(sc.startingLog.note)}.</p>
            : <p>Every hazard of the shared starting log ({sc.startingLog.ids.join(', ')}) is checked to be in the log.</p>}

          <h2 id="matrix">2. Risk matrix</h2>
          <p id="matrix-note">Ratings from the DCB0129 matrix. Each cell lists the hazards scored there before and after their controls.
            A hazard is acceptable for release only at a residual rating of {MAX_RESIDUAL_RATING} or less.</p>
          <Matrix hazards={sc.hazards} />
          <ul>{([1, 2, 3, 4, 5] as const).map((r) => <li><Rating r={r} /> {RATING_MEANING[r]}</li>)}</ul>

          <h2 id="summary">3. Hazards at a glance</h2>
          <table>
            <thead><tr><th scope="col">Hazard</th><th scope="col">Before</th><th scope="col">After</th><th scope="col">Controls verified</th><th scope="col">Status</th></tr></thead>
            <tbody>
              {sc.hazards.map((h) => (
                <tr>
                  <td><a href={`#hazard-${h.id}`}>{h.id}</a> {h.title}</td>
                  <td><Rating r={h.initial.rating} /></td>
                  <td><Rating r={h.residual.rating} /></td>
                  <td>{h.verifiedControls} of {h.controls.length}</td>
                  <td>{h.status}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2 id="hazards">4. Hazards and their controls</h2>
          {sc.hazards.map((h) => <Hazard h={h} />)}

          <h2 id="eval">5. Vignette evaluation</h2>
          <p>The audit metrics of <span class="code">creak eval</span>, run in this process on the content above.</p>
          {sc.eval.map((s) => <Suite s={s} />)}

          <h2 id="lint">6. Content lint</h2>
          {sc.lint.problems.length === 0 ? <p>No problems.</p> : <ul>{sc.lint.problems.map((p) => <li><span class="code">{p.check}</span> {formatProblem(p)}</li>)}</ul>}
          {sc.lint.warnings.length === 0 ? null : (
            <>
              <p>Warnings (these do not fail the lint yet):</p>
              <ul>{sc.lint.warnings.map((p) => <li><span class="code">{p.check}</span> {formatProblem(p)}</li>)}</ul>
            </>
          )}

          <h2 id="properties">7. Safety property tests</h2>
          <p>Property tests of the engine over random answer sets (<span class="code">{sc.propertyTests.file}</span>):</p>
          <ul>{sc.propertyTests.names.map((n) => <li>{n}</li>)}</ul>
        </main>
      </body>
    </html>
  );
}

/** The report as an HTML string. */
export function renderSafetyCaseHtml(sc: SafetyCase, clinicName: string): Promise<string> {
  return renderPage(<SafetyCaseReport sc={sc} clinicName={clinicName} />);
}
