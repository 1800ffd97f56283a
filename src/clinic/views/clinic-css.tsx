// The extra stylesheet for the send form and the staff pages (text inputs, tables, overdue marks), served by hashed URL.
import { createHash } from 'node:crypto';

export const CLINIC_CSS = `
.txt{display:block;box-sizing:border-box;width:100%;max-width:30em;font:inherit;padding:.35rem .4rem;border:2px solid #0b0c0c;border-radius:0}
.txt-short{max-width:12em}
textarea.txt{max-width:40em}
.fg-err .txt{border-color:#d4351c}
.st-nav{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;border-bottom:1px solid #b1b4b6;padding:.5rem 0;margin:0 0 1.5rem}
.st-nav form{display:inline;margin:0}
.st-table{border-collapse:collapse;width:100%;margin:0 0 1.5rem;font-size:1rem}
.st-table th,.st-table td{text-align:left;vertical-align:top;border-bottom:1px solid #b1b4b6;padding:.5rem .75rem .5rem 0}
.st-table th{font-weight:700}
.st-wide{max-width:none}
.lvl-tag{display:inline-block;font-weight:700;padding:.1rem .4rem;border-left:.3rem solid #505a5f;background:#f3f2f1}
.lvl-emergency{border-color:#d4351c;background:#d4351c;color:#fff}
.lvl-urgent{border-color:#d4351c;background:#fff4f2}
.lvl-soon{border-color:#ed8b00;background:#fff8e6}
.lvl-routine{border-color:#005eb8;background:#eef5fb}
.lvl-self_care{border-color:#007f3b;background:#eef7ee}
.overdue{font-weight:700;color:#d4351c}
tr.is-overdue td:first-child{border-left:.3rem solid #d4351c;padding-left:.5rem}
.filters{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-end;background:#f3f2f1;padding:1rem 1rem 0;margin:0 0 1.5rem}
.filters .fg{margin-bottom:1rem}
.filters select,.filters .txt{max-width:14em}
.panel{background:#00703c;color:#fff;padding:1.5rem;margin:0 0 2rem;text-align:center}
.panel h1{color:#fff;margin:0 0 1rem}
.panel .ref{font-size:1.6rem;font-weight:700;letter-spacing:.05em}
.history{list-style:none;padding:0}
.history li{border-left:.3rem solid #b1b4b6;padding:.25rem 0 .25rem .75rem;margin:0 0 .75rem}
.code{font-family:ui-monospace,monospace;word-break:break-all}
.st-warn{border-left:.5rem solid #d4351c;background:#fff4f2;padding:.75rem 1rem;margin:0 0 1.5rem}
.st-warn p{margin:0}
.st-ok{border-left:.5rem solid #00703c;background:#eef7ee;padding:.75rem 1rem;margin:0 0 1.5rem}
.st-ok p{margin:0}
.st-top{margin:0 0 1rem}
.st-actions form{margin:0 0 1.5rem}
.sum dd ul{margin:0;padding-left:1.25rem}
ul.plain{list-style:none;padding:0}ul.plain li{margin:0}
.reasons>li{margin:0 0 1rem}.reasons ul{margin:.25rem 0 0}
@media (min-width:64rem){
  .st-top{display:grid;grid-template-columns:minmax(0,2fr) minmax(18rem,1fr);gap:0 2.5rem;align-items:start}
  .st-actions{border-left:1px solid #b1b4b6;padding-left:1.5rem}
}
@media (max-width:47.99rem){
  .st-stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
  .st-stack,.st-stack tbody,.st-stack tr,.st-stack td{display:block;width:100%}
  .st-stack tr{border-bottom:2px solid #0b0c0c;padding:.5rem 0}
  .st-stack td{display:grid;grid-template-columns:minmax(6rem,35%) minmax(0,1fr);gap:0 .75rem;border:0;padding:.2rem 0;overflow-wrap:anywhere}
  .st-stack td::before{content:attr(data-label);font-weight:700}
  .st-stack td>*{justify-self:start}
  .st-stack tr.is-overdue td:first-child{border-left:0;padding-left:0}
  .st-stack tr.is-overdue{border-left:.3rem solid #d4351c;padding-left:.5rem}
}
`;

export const CLINIC_CSS_URL = `/clinic/static/clinic.${createHash('sha256').update(CLINIC_CSS).digest('hex').slice(0, 10)}.css`;

/** The stylesheet link, placed in the body (allowed for stylesheets) because the shared Layout has one head link. */
export function ClinicStyles() {
  return <link rel="stylesheet" href={CLINIC_CSS_URL} />;
}
