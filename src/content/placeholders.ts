// The `{{name}}` placeholders that content may use, filled from the clinic's configuration.

/** Every placeholder name content may use (see src/config.ts `placeholders(config)`). */
export const PLACEHOLDER_NAMES = ['emergencyNumber', 'urgentLine', 'clinicName', 'clinicPhone', 'bookingUrl'] as const;
export type PlaceholderName = (typeof PLACEHOLDER_NAMES)[number];

/** Values for the placeholders; extra names are allowed, but content may only use known ones. */
export type Placeholders = Readonly<Record<string, string>>;

/** UK defaults, used to measure readability and in tests; a clinic's config supplies the real values. */
export const EXAMPLE_PLACEHOLDERS: Readonly<Record<PlaceholderName, string>> = {
  emergencyNumber: '999',
  urgentLine: 'NHS 111',
  clinicName: 'the clinic',
  clinicPhone: '0161 496 0000',
  bookingUrl: 'https://clinic.example/book',
};

const PATTERN = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;
/** Any `{{`…`}}`, well-formed or not, to catch typos such as `{{ clinic phone }}`. */
const LOOSE = /\{\{([^{}]*)\}\}/g;

/** Thrown when text uses a placeholder that has no value. */
export class PlaceholderError extends Error {
  readonly names: readonly string[];

  constructor(names: readonly string[]) {
    super(`Unknown placeholder(s): ${names.map((n) => `{{${n}}}`).join(', ')}`);
    this.name = 'PlaceholderError';
    this.names = names;
  }
}

/** The placeholder names used in a text (raw inner text for malformed ones), in order of first use. */
export function placeholdersIn(text: string): string[] {
  const names = [...text.matchAll(LOOSE)].map((m) => (m[1] ?? '').trim());
  return [...new Set(names)];
}

/** Names used in the text that are not in the allowed list. */
export function unknownPlaceholders(text: string, allowed: readonly string[] = PLACEHOLDER_NAMES): string[] {
  return placeholdersIn(text).filter((n) => !allowed.includes(n));
}

/**
 * Replaces every `{{name}}` with its value, unescaped (the caller escapes: templates do, and the
 * Markdown renderer escapes text tokens). Throws PlaceholderError on any name without a value.
 */
export function fillPlaceholders(text: string, values: Placeholders): string {
  const missing = placeholdersIn(text).filter((n) => !Object.hasOwn(values, n) || !/^[A-Za-z][A-Za-z0-9_]*$/.test(n));
  if (missing.length > 0) throw new PlaceholderError(missing);
  return text.replace(PATTERN, (_m, name: string) => values[name] ?? '');
}
