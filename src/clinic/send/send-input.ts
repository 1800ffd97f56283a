// Reading and checking the "send to the clinic" form: consent, name, phone and/or email, best time, optional message.
import { hasControlCharacter, withoutControlCharacters } from '../../server/control-chars.js';
import { parsePhone } from '../phone.js';
import type { FieldError } from '../views/form-parts.js';

export const BEST_TIMES = ['any', 'morning', 'afternoon', 'evening'] as const;
export type BestTime = (typeof BEST_TIMES)[number];

export const LIMITS = { name: 100, phone: 30, email: 254, message: 1000 } as const;

export interface SendFields {
  consent: boolean;
  name: string;
  phone: string;
  email: string;
  bestTime: string;
  message: string;
}

export interface ValidSend {
  name: string;
  phone: string | null;
  email: string | null;
  bestTime: BestTime;
  message: string | null;
}

const MESSAGES = {
  consent: 'Tick the box to agree that the clinic can keep your details and contact you',
  nameMissing: 'Enter your name',
  nameLong: `Your name must be ${LIMITS.name} characters or fewer`,
  contactMissing: 'Enter a phone number or an email address, so the clinic can contact you',
  phoneInvalid: 'Enter a phone number, like 01632 960 001 or 07700 900 982',
  emailInvalid: 'Enter an email address in the correct format, like name@example.com',
  bestTime: 'Choose the best time for the clinic to contact you',
  messageLong: `Your message must be ${LIMITS.message.toLocaleString('en-GB')} characters or fewer`,
  hidden: (what: string) => `Your ${what} had a hidden character we cannot accept. We took it out: check it and send again`,
} as const;

/** The typed fields that may hold new lines (the message); the others are one line. */
const TEXT_FIELDS = [['name', 'name', false], ['phone', 'phone number', false], ['email', 'email address', false], ['message', 'message', true]] as const;

/** The fields as typed, less any control characters, for showing the form again after one was refused. */
export function withoutHiddenCharacters(f: SendFields): SendFields {
  const clean = { ...f };
  for (const [key, , multiline] of TEXT_FIELDS) clean[key] = withoutControlCharacters(f[key], multiline);
  return clean;
}

function text(body: Record<string, unknown>, name: string, max: number): string {
  const v = body[name];
  const s: unknown = Array.isArray(v) ? (v as unknown[])[0] : v;
  // Over-long values are kept (cut well past the limit) so the error can say so and show what was typed.
  return typeof s === 'string' ? s.slice(0, max * 2 + 10) : '';
}

/** The fields as typed (for showing the form again). */
export function readSendFields(body: unknown): SendFields {
  const b = (body !== null && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return {
    consent: text(b, 'consent', 5) === 'yes',
    name: text(b, 'name', LIMITS.name),
    phone: text(b, 'phone', LIMITS.phone),
    email: text(b, 'email', LIMITS.email),
    bestTime: text(b, 'best_time', 20),
    message: text(b, 'message', LIMITS.message),
  };
}

// Deliberately simple: one @, something on each side, a dot in the domain, no spaces (GOV.UK's advice).
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

/** Checks the fields; errors come in the order of the form, each naming the input it belongs to. */
export function validateSend(f: SendFields): { ok: true; value: ValidSend } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const hidden = TEXT_FIELDS.filter(([key, , multiline]) => hasControlCharacter(f[key], multiline));
  if (hidden.length > 0) {
    // NUL and other control characters are never stored (PostgreSQL cannot hold NUL); the form is shown again without them.
    return { ok: false, errors: hidden.map(([key, what]) => ({ field: key, message: MESSAGES.hidden(what) })) };
  }
  const name = f.name.trim().replace(/\s+/g, ' ');
  const phone = f.phone.trim();
  const email = f.email.trim();
  const message = f.message.trim();
  if (!f.consent) errors.push({ field: 'consent', message: MESSAGES.consent });
  if (name === '') errors.push({ field: 'name', message: MESSAGES.nameMissing });
  else if (name.length > LIMITS.name) errors.push({ field: 'name', message: MESSAGES.nameLong });
  if (phone === '' && email === '') errors.push({ field: 'phone', message: MESSAGES.contactMissing });
  // Stored in E.164 (+447700900982), so every export and system reads one form; national numbers are UK ones.
  const e164 = phone === '' || phone.length > LIMITS.phone ? undefined : parsePhone(phone)?.e164;
  if (phone !== '' && e164 === undefined) errors.push({ field: 'phone', message: MESSAGES.phoneInvalid });
  if (email !== '' && (!EMAIL.test(email) || email.length > LIMITS.email)) errors.push({ field: 'email', message: MESSAGES.emailInvalid });
  if (!(BEST_TIMES as readonly string[]).includes(f.bestTime)) errors.push({ field: 'best_time', message: MESSAGES.bestTime });
  if (message.length > LIMITS.message) errors.push({ field: 'message', message: MESSAGES.messageLong });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name, phone: e164 ?? null, email: email === '' ? null : email,
      bestTime: f.bestTime as BestTime, message: message === '' ? null : message,
    },
  };
}
