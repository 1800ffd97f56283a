// The database's tables as Kysely sees them. Every key is a text UUID, every time ISO-8601 UTC text, JSON is text,
// booleans are 0/1 integers: the same DDL and the same values on SQLite and PostgreSQL (STACK.md §4, P11).
import type { Generated } from 'kysely';

export interface SubmissionTable {
  id: string;
  reference: string;
  created_at: string;
  updated_at: string;
  status: string;
  level: string;
  /** 0 self_care … 4 emergency, so the inbox can sort by urgency in SQL. */
  level_rank: number;
  region: string;
  emergency: number;
  due_at: string;
  assignee_id: string | null;
  name: string;
  /** lower-cased name, for case-insensitive search on both engines. */
  name_search: string;
  phone: string | null;
  email: string | null;
  best_time: string;
  message: string | null;
  answers_json: string;
  outcome_json: string;
  content_version: string;
  /** The send form's token nonce: a form sent twice makes one record. */
  form_nonce: string | null;
  /** When the mail server accepted the clinic's email about it ('not-needed' when no email is due; null: not yet). */
  notified_at: string | null;
  /** Not to be claimed for emailing before this: a sender's lease on it, or the back-off after a failed send. */
  notify_after: string | null;
  /** Failed attempts to email it so far (the back-off grows with them); 0 by default. */
  notify_attempts: Generated<number>;
}

export interface SubmissionEventTable {
  id: string;
  submission_id: string;
  at: string;
  user_id: string | null;
  action: string;
  from_value: string | null;
  to_value: string | null;
  note: string | null;
}

export interface FeedbackTable {
  id: string;
  /** Null once the submission is purged; the verdict stays for the safety page. */
  submission_id: string | null;
  at: string;
  user_id: string;
  verdict: string;
  comment: string | null;
  level: string;
  /** JSON array of the rule ids that fired. */
  rules_json: string;
  content_version: string;
}

export interface StaffUserTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  active: number;
  totp_secret: string | null;
  created_at: string;
  password_changed_at: string | null;
  /** The last TOTP time step accepted for this user: codes of that step or earlier are refused (no replay). */
  totp_last_step: number | null;
}

export interface StaffSessionTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface OneTimeTokenTable {
  id: string;
  token_hash: string;
  kind: string;
  user_id: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  /** The staff member who made the link (null: the system, e.g. the first-admin link at start). */
  created_by: string | null;
}

/** A rate-limit window: hits counted for one client in one fixed window (the client key is hashed, not stored). */
export interface RateLimitTable {
  /** scope, hashed client key and window start. */
  bucket: string;
  hits: number;
  expires_at: string;
}

/** Sign-in throttling: failures per keyed hash of an account, client address or device (never the typed text). */
export interface LoginThrottleTable {
  /** kind and keyed hash, e.g. "account:Zq…" */
  key: string;
  /** Tries counted in the current run of failures (each counted before its password was checked). */
  failures: number;
  /** No try on this key before this time. */
  blocked_until: string | null;
  last_failed_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_kind: string;
  user_id: string | null;
  action: string;
  /** The staff account an action was about (a password link made for them, their account disabled…). */
  subject_user_id: string | null;
  submission_id: string | null;
  reference: string | null;
  /** JSON object with ids, counts and codes only: never patient data. */
  detail_json: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface JobRunTable {
  job: string;
  run_key: string;
  at: string;
}

/** A published FHIR definition (Questionnaire, CodeSystem, ValueSet, …) of one content version, kept read-only for good. */
export interface FhirResourceTable {
  resource_type: string;
  id: string;
  /** Canonical URL (without version). */
  url: string;
  version: string;
  published_at: string;
  resource_json: string;
}

/** A records system's API client: read-only; only the SHA-256 of its key is kept. */
export interface ApiClientTable {
  id: string;
  name: string;
  /** 'read': search and read sent results as FHIR. */
  scope: string;
  key_hash: string;
  created_at: string;
  created_by: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** Where new-submission notifications go, and the secret they are signed with (kept: it signs every delivery). */
export interface WebhookEndpointTable {
  id: string;
  url: string;
  secret: string;
  created_at: string;
  created_by: string | null;
  disabled_at: string | null;
}

/** The webhook outbox and its log: one row per event per endpoint; the id is the notification's id. */
export interface WebhookDeliveryTable {
  id: string;
  endpoint_id: string;
  event: string;
  submission_id: string;
  created_at: string;
  /** 'pending', 'delivered' or 'failed' (gave up). */
  status: string;
  attempts: number;
  next_attempt_at: string;
  /** Claimed by a sender until then, so two instances do not send the same attempt. */
  locked_until: string | null;
  last_attempt_at: string | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: string | null;
}

export interface Database {
  submission: SubmissionTable;
  submission_event: SubmissionEventTable;
  feedback: FeedbackTable;
  staff_user: StaffUserTable;
  staff_session: StaffSessionTable;
  one_time_token: OneTimeTokenTable;
  login_throttle: LoginThrottleTable;
  rate_limit: RateLimitTable;
  audit_log: AuditLogTable;
  setting: SettingTable;
  job_run: JobRunTable;
  fhir_resource: FhirResourceTable;
  api_client: ApiClientTable;
  webhook_endpoint: WebhookEndpointTable;
  webhook_delivery: WebhookDeliveryTable;
}
