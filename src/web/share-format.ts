// The saved-result link's fragment: answers grouped compactly (yes, no, not sure, values). Used by the server and the browser script.

export type SharedValue = boolean | number | string;

/**
 * Encodes answers for a URL fragment: `v=<content version>&y=<ids>&n=<ids>&u=<ids>&<id>=<value>…`,
 * where y, n and u list the findings answered yes, no and "unknown" (comma-separated).
 */
export function encodeShared(version: string, answers: Readonly<Record<string, SharedValue>>): string {
  const groups: Record<'y' | 'n' | 'u', string[]> = { y: [], n: [], u: [] };
  const rest: [string, string][] = [];
  for (const id of Object.keys(answers).sort()) {
    const value = answers[id];
    if (value === true) groups.y.push(id);
    else if (value === false) groups.n.push(id);
    else if (value === 'unknown') groups.u.push(id);
    else if (value !== undefined) rest.push([id, String(value)]);
  }
  const params = new URLSearchParams({ v: version });
  for (const key of ['y', 'n', 'u'] as const) if (groups[key].length > 0) params.set(key, groups[key].join(','));
  for (const [id, value] of rest) params.append(id, value);
  return params.toString().replace(/%2C/g, ',');
}

/** Decodes a fragment (with or without the leading #) into the version and answer texts as form fields carry them. */
export function decodeShared(fragment: string): { version: string; fields: [string, string][] } {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const fields: [string, string][] = [];
  const groups = { y: 'true', n: 'false', u: 'unknown' } as const;
  for (const [key, value] of params) {
    if (key === 'v') continue;
    if (key === 'y' || key === 'n' || key === 'u') {
      for (const id of value.split(',')) if (id !== '') fields.push([id, groups[key]]);
    } else {
      fields.push([key, value]);
    }
  }
  return { version: params.get('v') ?? '', fields };
}
