// Reads the names of the tests in a test file (test, it, describe, suite) without running it, so the hazard log can cite tests by name.

const CALL = /(?<![\w.$])(?:test|it|describe|suite)(?:\.(?:only|skip|todo))?\s*\(\s*(['"`])/g;

/** The string literal starting at `start` (just after its opening quote), or undefined if it is a template with `${…}`. */
function readLiteral(source: string, start: number, quote: string): string | undefined {
  let out = '';
  for (let i = start; i < source.length; i++) {
    const c = source[i] ?? '';
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      i++;
      continue;
    }
    if (c === quote) return out;
    if (quote === '`' && c === '$' && source[i + 1] === '{') return undefined;
    if (c === '\n' && quote !== '`') return undefined;
    out += c;
  }
  return undefined;
}

/**
 * The literal names given to test(), it(), describe() and suite() in a test file's source. Names built
 * with `${…}` (one test per vignette, per example) are left out: a hazard control names a fixed test.
 */
export function testNames(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(CALL)) {
    const quote = m[1] ?? "'";
    const name = readLiteral(source, (m.index) + m[0].length, quote);
    if (name !== undefined) names.push(name);
  }
  return names;
}
