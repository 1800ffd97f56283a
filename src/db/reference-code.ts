// Reference codes a person can read out on the phone: CRK- and eight characters with no look-alikes (0/O, 1/I/L, U/V).
import { randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
const CODE_BODY = new RegExp(`^[${ALPHABET}]{8}$`);

/** A new random code, e.g. CRK-7K4M-2QXZ (about 39 bits; uniqueness is enforced by the database). */
export function newReferenceCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET.charAt(randomInt(ALPHABET.length));
  return `CRK-${s.slice(0, 4)}-${s.slice(4)}`;
}

/** Normalises what someone typed ("crk 7k4m2qxz") to the stored form, or undefined if it cannot be a code. */
export function parseReferenceCode(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  const body = compact.startsWith('CRK') ? compact.slice(3) : compact;
  if (!CODE_BODY.test(body)) return undefined;
  return `CRK-${body.slice(0, 4)}-${body.slice(4)}`;
}
