// The service's configuration, read once from environment variables and checked before the server starts.
import { isIP } from 'node:net';
import { z } from 'zod';
import { parseKeyring, type Keyring } from './web/state/seal.js';

export interface UrgentLine {
  /** The service's name as people know it, e.g. "NHS 111". */
  name: string;
  /** The number to dial, e.g. "111". */
  number: string;
  /** Its online service, e.g. https://111.nhs.uk/. */
  url: string;
}

export interface ClinicConfig {
  name: string;
  phone: string;
  bookingUrl: string;
  logoUrl?: string;
  /** A hex colour; white text on it must reach 4.5:1 contrast (WCAG AA). */
  accentColour: string;
  openingHours: string;
  email?: string;
}

export interface AppConfig {
  port: number;
  host: string;
  /** Public address of the service, without a trailing slash; used for canonical URLs, feeds and share links. */
  baseUrl: string;
  clinic: ClinicConfig;
  emergencyNumber: string;
  urgentLine: UrgentLine;
  dataDir: string;
  databaseUrl?: string;
  /** Origins allowed to call the JSON API from a browser; empty means no CORS headers. */
  corsOrigins: readonly string[];
  /** Sources allowed to frame the pages (CSP frame-ancestors); empty means only this site. */
  frameAncestors: readonly string[];
  /**
   * Which X-Forwarded-* entries to believe: false (none), a number of proxy hops in front of the service, or the
   * proxies' addresses and CIDR ranges. Never "all": the left-most X-Forwarded-For entry is written by the client.
   */
  trustProxy: TrustProxy;
  contentDir: string;
  /** A licensed clinic's wording for the back-pain risk-group topics (CREAK_RISK_WORDING). */
  riskWordingFile?: string;
  /**
   * The root of the canonical URLs of Creak's FHIR definitions (Questionnaire, code systems, value sets): the same for
   * every deployment, never derived from `baseUrl` (FHIR_CANONICAL_BASE; docs/fhir.md).
   */
  fhirCanonicalBase: string;
  /** Keys for the check's page addresses, newest first (CHECK_STATE_KEYS); the generated key is added after them. */
  checkStateKeys?: Keyring;
}

export type TrustProxy = false | number | readonly string[];
/**
 * The default canonical base of Creak's FHIR definitions. A name under the reserved .example domain (RFC 2606): an
 * identifier that no one else can ever own, the same for every clinic running Creak; each service answers
 * `GET /fhir/<type>?url=` for it (docs/fhir.md, "Canonical URLs").
 */
export const DEFAULT_FHIR_CANONICAL_BASE = 'https://fhir.creak.example';

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

/** A whole number in a range, with the same plain message for every setting ("must be a whole number from 0 to 365"). */
export function wholeNumber(min: number, max: number, def: number) {
  const message = `must be a whole number from ${String(min)} to ${String(max)}`;
  return z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message }).default(def);
}

/** A number (fractions allowed) above 0 and at most `max`. */
export function positiveNumber(max: number, def: number) {
  const message = `must be a number above 0 and at most ${String(max)}`;
  return z.coerce.number({ error: message }).positive({ error: message }).max(max, { error: message }).default(def);
}

/** The problems of a failed zod parse, one line each: "NAME: what is wrong". */
export function settingProblems(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const hexColour = /^#[0-9a-fA-F]{6}$/;
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' });
const list = (value: string | undefined): string[] =>
  (value ?? '').split(/[\s,]+/).map((s) => s.trim()).filter((s) => s !== '');

const envSchema = z.object({
  PORT: wholeNumber(0, 65535, 3000),
  HOST: z.string().min(1).default('localhost'),
  BASE_URL: httpUrl.optional(),
  CLINIC_NAME: z.string().min(1).max(80).default('Riverside Physiotherapy'),
  CLINIC_PHONE: z.string().regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number').default('01632 960 000'),
  CLINIC_BOOKING_URL: httpUrl.default('https://example.com/book'),
  CLINIC_LOGO_URL: z.string().min(1).optional(),
  CLINIC_ACCENT_COLOUR: z.string().regex(hexColour, 'must be a colour like #005eb8').default('#005eb8'),
  CLINIC_OPENING_HOURS: z.string().min(1).max(120).default('Monday to Friday, 8am to 6pm'),
  CLINIC_EMAIL: z.email().optional(),
  EMERGENCY_NUMBER: z.string().regex(/^[0-9]{3,4}$/).default('999'),
  URGENT_LINE_NAME: z.string().min(1).default('NHS 111'),
  URGENT_LINE_NUMBER: z.string().regex(/^[0-9]{3,11}$/).default('111'),
  URGENT_LINE_URL: httpUrl.default('https://111.nhs.uk/'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  CORS_ORIGINS: z.string().optional(),
  FRAME_ANCESTORS: z.string().optional(),
  TRUST_PROXY: z.string().default('false'),
  CONTENT_DIR: z.string().min(1).default('content'),
  CREAK_RISK_WORDING: z.string().min(1).optional(),
  FHIR_CANONICAL_BASE: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
    .refine((u) => !/[?#]/.test(u), 'must have no query or fragment').default(DEFAULT_FHIR_CANONICAL_BASE),
  CHECK_STATE_KEYS: z.string().min(1).optional(),
});

/** Reads the configuration from the environment (see README, "Configuration"); throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(defined);
  if (!parsed.success) {
    throw new ConfigError(settingProblems(parsed.error));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const corsOrigins = list(e.CORS_ORIGINS);
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) problems.push(`CORS_ORIGINS: "${origin}" is not an origin like https://clinic.example`);
  }
  const trustProxy = parseTrustProxy(e.TRUST_PROXY, problems);
  const frameAncestors = list(e.FRAME_ANCESTORS);
  for (const source of frameAncestors) {
    if (!/^(https?:\/\/[^/\s;']+|'self'|'none')$/.test(source)) problems.push(`FRAME_ANCESTORS: "${source}" is not an origin like https://clinic.example`);
  }
  if (contrastWithWhite(e.CLINIC_ACCENT_COLOUR) < 4.5) {
    problems.push(`CLINIC_ACCENT_COLOUR: ${e.CLINIC_ACCENT_COLOUR} is too light for white text (needs 4.5:1 contrast)`);
  }
  let checkStateKeys: Keyring | undefined;
  try {
    checkStateKeys = e.CHECK_STATE_KEYS === undefined ? undefined : parseKeyring(e.CHECK_STATE_KEYS);
  } catch (error) {
    problems.push(`CHECK_STATE_KEYS: ${error instanceof Error ? error.message : 'invalid'}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    clinic: {
      name: e.CLINIC_NAME,
      phone: e.CLINIC_PHONE,
      bookingUrl: e.CLINIC_BOOKING_URL,
      ...(e.CLINIC_LOGO_URL === undefined ? {} : { logoUrl: e.CLINIC_LOGO_URL }),
      accentColour: e.CLINIC_ACCENT_COLOUR.toLowerCase(),
      openingHours: e.CLINIC_OPENING_HOURS,
      ...(e.CLINIC_EMAIL === undefined ? {} : { email: e.CLINIC_EMAIL }),
    },
    emergencyNumber: e.EMERGENCY_NUMBER,
    urgentLine: { name: e.URGENT_LINE_NAME, number: e.URGENT_LINE_NUMBER, url: e.URGENT_LINE_URL },
    dataDir: e.DATA_DIR,
    ...(e.DATABASE_URL === undefined ? {} : { databaseUrl: e.DATABASE_URL }),
    corsOrigins,
    frameAncestors,
    trustProxy,
    contentDir: e.CONTENT_DIR,
    ...(e.CREAK_RISK_WORDING === undefined ? {} : { riskWordingFile: e.CREAK_RISK_WORDING }),
    fhirCanonicalBase: e.FHIR_CANONICAL_BASE.replace(/\/+$/, ''),
    ...(checkStateKeys === undefined ? {} : { checkStateKeys }),
  };
}

/** Names proxy-addr (Fastify's trustProxy) accepts for common private ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IPv4 or IPv6 address, optionally with a /prefix of the right size. */
function isAddressOrCidr(text: string): boolean {
  const [address = '', prefix, extra] = text.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: "false"/"0" (no proxy), a number of hops ("1" for one nginx in front), or a comma-separated list of
 * proxy addresses and CIDR ranges. "true" is refused: it would trust every X-Forwarded-For entry, and the left-most
 * one is whatever the client wrote, so anyone could pick their own address and escape the rate limits.
 */
function parseTrustProxy(value: string, problems: string[]): TrustProxy {
  const v = value.trim();
  if (v === 'false' || v === '0') return false;
  if (v === 'true') {
    problems.push('TRUST_PROXY: "true" would believe a client-written X-Forwarded-For address. Set the number of proxies in front of the service ' +
      '(TRUST_PROXY=1 for one nginx or Caddy) or their addresses (TRUST_PROXY=10.0.0.0/8,127.0.0.1)');
    return false;
  }
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops <= 10) return hops;
    problems.push(`TRUST_PROXY: ${v} hops is more than any real deployment has; use 1 for one proxy`);
    return false;
  }
  const entries = list(v);
  const bad = entries.filter((x) => !PROXY_RANGE_NAMES.has(x) && !isAddressOrCidr(x));
  if (entries.length === 0 || bad.length > 0) {
    problems.push(`TRUST_PROXY: "${bad[0] ?? v}" is not a number of proxies or a proxy address like 127.0.0.1 or 10.0.0.0/8`);
    return false;
  }
  return entries;
}

export interface Placeholders {
  emergencyNumber: string;
  urgentLine: string;
  clinicName: string;
  clinicPhone: string;
  bookingUrl: string;
  [name: string]: string;
}

/** The values substituted for `{{name}}` placeholders in articles and advice. */
export function placeholders(config: AppConfig): Placeholders {
  return {
    emergencyNumber: config.emergencyNumber,
    urgentLine: config.urgentLine.name,
    clinicName: config.clinic.name,
    clinicPhone: config.clinic.phone,
    bookingUrl: config.clinic.bookingUrl,
  };
}

/** A `tel:` address for a phone number as people write it ("01632 960 000" → "tel:01632960000"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

/** WCAG contrast ratio of a hex colour against white. */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}
