// The shapes the submission repository takes and gives: a person's sent result, its events and the staff's feedback.
import type { Answers, Level, Outcome, Region } from '../engine/types.js';

export const STATUSES = ['new', 'in_progress', 'contacted', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

/** Allowed moves of the workflow new → in progress → contacted → closed (a closed one may be reopened). */
export const NEXT_STATUSES: Readonly<Record<Status, readonly Status[]>> = {
  new: ['in_progress', 'contacted', 'closed'],
  in_progress: ['contacted', 'closed'],
  contacted: ['in_progress', 'closed'],
  closed: ['in_progress'],
};

export const VERDICTS = ['agree', 'more_urgent', 'less_urgent'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface NewSubmission {
  name: string;
  phone: string | null;
  email: string | null;
  bestTime: string;
  message: string | null;
  answers: Answers;
  outcome: Outcome;
  /** When the clinic should have acted, from the level, opening hours and bank holidays. */
  dueAt: string;
  /** The send form's nonce, so the same form sent twice makes one record. */
  formNonce?: string;
  /** Whether the clinic must be emailed about it (urgent and soon results). */
  needsEmail: boolean;
}

/** What SubmissionRepo.create stored, or found already stored for the same form. */
export interface CreatedSubmission {
  id: string;
  reference: string;
  createdAt: string;
  /** The stored level (for a form sent again, the level of what was stored the first time). */
  level: Level;
  /** The same form (nonce) was stored before; nothing new was stored. */
  duplicate: boolean;
  /** A duplicate whose answers or contact details differ from what is stored: none of the differences were kept. */
  changed: boolean;
}

export interface SubmissionSummary {
  id: string;
  reference: string;
  createdAt: string;
  status: Status;
  level: Level;
  region: Region;
  emergency: boolean;
  dueAt: string;
  assigneeId: string | null;
  assigneeName: string | null;
  name: string;
  phone: string | null;
  email: string | null;
  bestTime: string;
}

export interface SubmissionRecord extends SubmissionSummary {
  updatedAt: string;
  message: string | null;
  answers: Answers;
  outcome: Outcome;
  contentVersion: string;
}

export interface SubmissionEvent {
  id: string;
  at: string;
  userId: string | null;
  userName: string | null;
  action: 'created' | 'status' | 'note' | 'assign';
  fromValue: string | null;
  toValue: string | null;
  note: string | null;
}

export interface FeedbackRecord {
  id: string;
  at: string;
  userId: string;
  userName: string | null;
  verdict: Verdict;
  comment: string | null;
}

export interface SubmissionDetail extends SubmissionRecord {
  events: SubmissionEvent[];
  feedback: FeedbackRecord[];
}

export interface InboxFilter {
  /** A status, 'open' (anything not closed, the default) or 'all'. */
  status?: Status | 'open' | 'all';
  level?: Level;
  region?: Region;
  /** YYYY-MM-DD, inclusive, on the day the result was sent (UTC). */
  from?: string;
  to?: string;
  /** A user id, or 'none' for unassigned. */
  assignee?: string;
  /** Reference code or part of a name. */
  q?: string;
  /** Only items past their due time and not yet contacted. */
  overdue?: boolean;
}

export interface SafetyRow {
  rule: string;
  contentVersion: string;
  total: number;
  agree: number;
  moreUrgent: number;
  lessUrgent: number;
}

/** A domain failure returned as a value, for the route to map to a page. */
export type RepoFailure = { ok: false; code: 'not_found' | 'bad_transition' | 'unknown_user' };
export type RepoResult<T> = { ok: true; value: T } | RepoFailure;
