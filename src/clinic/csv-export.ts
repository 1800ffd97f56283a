// The inbox as CSV for spreadsheets, with every cell that a spreadsheet could run as a formula neutralised.
import { stringify } from 'csv-stringify/sync';
import type { SubmissionRecord } from '../db/submission-types.js';
import { isoWithOffset } from './format-time.js';
import { BEST_TIME_LABEL, LEVEL_SHORT, STATUS_LABEL } from './levels.js';
import { isE164, phoneForExport } from './phone.js';

/**
 * OWASP's CSV-injection advice: a cell starting with =, +, -, @, tab or carriage return is prefixed with a single quote,
 * so Excel, LibreOffice and Sheets show it as text instead of evaluating it.
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** A phone number cell: a valid number in E.164 ("+" and digits only, which no spreadsheet can run) as it is; anything else neutralised. */
export function phoneCell(stored: string | null): string {
  if (stored === null) return '';
  const phone = phoneForExport(stored);
  return isE164(phone) ? phone : neutralise(phone);
}

const HEADER = ['Reference', 'Sent', 'Level', 'Emergency', 'Body area', 'Status', 'Due', 'Overdue', 'Assigned to', 'Name', 'Phone', 'Email',
  'Best time', 'Message', 'Rules', 'Content version'];
const PHONE_COLUMN = HEADER.indexOf('Phone');

export function inboxCsv(rows: readonly SubmissionRecord[], timeZone: string, now: Date, regions: Readonly<Record<string, string>>): string {
  // Dates are ISO 8601 with the clinic's offset, so a spreadsheet or a records system reads the same instant.
  const body = rows.map((s) => [
    s.reference, isoWithOffset(s.createdAt, timeZone), LEVEL_SHORT[s.level], s.emergency ? 'yes' : 'no', regions[s.region] ?? s.region,
    STATUS_LABEL[s.status] ?? s.status, isoWithOffset(s.dueAt, timeZone),
    (s.status === 'new' || s.status === 'in_progress') && Date.parse(s.dueAt) < now.getTime() ? 'yes' : 'no',
    s.assigneeName ?? '', s.name, null, s.email ?? '', BEST_TIME_LABEL[s.bestTime] ?? s.bestTime, s.message ?? '',
    s.outcome.rules.map((r) => r.id).join(' '), s.contentVersion,
  ].map((cell, i) => (i === PHONE_COLUMN ? phoneCell(s.phone) : neutralise(cell ?? ''))));
  // A byte-order mark makes Excel read the file as UTF-8.
  return `\ufeff${stringify([HEADER, ...body], { record_delimiter: '\r\n', quoted_string: true })}`;
}
