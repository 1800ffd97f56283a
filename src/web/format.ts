// Small formatting helpers for pages: dates in UK style, lists in plain English.

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2026-11-02" → "2 November 2026". */
export function formatDay(isoDay: string): string {
  return dateFormat.format(new Date(`${isoDay}T00:00:00Z`));
}

/** ["a", "b", "c"] → "a, b and c". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** "wrist-hand" → "Wrist and hand"; "joint-noises" → "Joint noises". */
export function tagLabel(tag: string): string {
  const special: Readonly<Record<string, string>> = { 'wrist-hand': 'Wrist and hand', 'ankle-foot': 'Ankle and foot', 'after-surgery': 'After surgery' };
  const label = special[tag] ?? tag.replace(/-/g, ' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}
