// Phone numbers: checked and stored in E.164 (+447700900982) with libphonenumber's metadata, UK numbers by default.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export const DEFAULT_PHONE_REGION = 'GB';

export interface Phone {
  /** E.164, e.g. +447700900982. */
  e164: string;
  mobile: boolean;
}

/**
 * The number in E.164 when it is a possible number (the right length for its country; national numbers are read as UK
 * ones), otherwise undefined. Possible rather than "valid" (an allocated range): the metadata's list of allocated
 * ranges lags behind new allocations, and a clinic must not turn away a real number; Ofcom's drama numbers (07700 900…)
 * are possible but not allocated, which is why they are safe in tests and examples.
 */
export function parsePhone(input: string): Phone | undefined {
  if (!/^\+?[0-9 ()-]+$/.test(input.trim())) return undefined;
  const parsed = parsePhoneNumberFromString(input.trim(), DEFAULT_PHONE_REGION);
  if (parsed?.isPossible() !== true) return undefined;
  return { e164: parsed.number, mobile: parsed.getType() === 'MOBILE' };
}

/** A stored number as E.164 when it is valid (older records kept it as typed), else as stored. */
export function phoneForExport(stored: string): string {
  return parsePhone(stored)?.e164 ?? stored;
}

/** Exactly an E.164 number: "+" and 8 to 15 digits, nothing else (so no spreadsheet can read it as a formula). */
export function isE164(value: string): boolean {
  return /^\+[1-9][0-9]{7,14}$/.test(value);
}
