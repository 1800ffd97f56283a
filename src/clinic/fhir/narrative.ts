// A resource's human-readable narrative (FHIR's Resource.text, dom-6): plain XHTML built from escaped text only.
import type * as fhir4 from 'fhir/r4.js';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** One line is a paragraph; a [label, value] pair is "<b>label</b>: value"; a list becomes bullet points. */
export type NarrativeLine = string | readonly [string, string] | { list: readonly string[] };

/** A generated narrative; every piece of text is escaped, so names and messages can never become markup. */
export function narrative(title: string, lines: readonly NarrativeLine[]): fhir4.Narrative {
  const body = lines.map((line) => {
    if (typeof line === 'string') return `<p>${escapeXml(line)}</p>`;
    if ('list' in line) return line.list.length === 0 ? '' : `<ul>${line.list.map((x) => `<li>${escapeXml(x)}</li>`).join('')}</ul>`;
    const [label, value] = line;
    return `<p><b>${escapeXml(label)}</b>: ${escapeXml(value)}</p>`;
  }).join('');
  return { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml"><p><b>${escapeXml(title)}</b></p>${body}</div>` };
}
