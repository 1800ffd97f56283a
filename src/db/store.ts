// The storage layer in one object: every repository over one database, sharing one clock.
import { RateLimitRepo } from './rate-limit-repo.js';
import { FhirResourceRepo } from './fhir-resource-repo.js';
import { ApiClientRepo } from './api-client-repo.js';
import { ApiReadRepo } from './api-read-repo.js';
import type { Kysely } from 'kysely';
import { listAudit, type AuditQuery } from './audit-repo.js';
import type { RequestContext } from './context.js';
import { openDatabase, pingDatabase, type Db, type OpenDatabaseOptions } from './database.js';
import { LoginThrottleRepo } from './login-throttle-repo.js';
import { NotificationRepo } from './notification-repo.js';
import { RetentionRepo } from './retention-repo.js';
import { safetyStats } from './safety-repo.js';
import type { Database } from './schema.js';
import { SessionRepo, type SessionLimits } from './session-repo.js';
import { claimJobRun, getOrCreateSetting, releaseJobRun } from './setting-repo.js';
import { StaffRepo } from './staff-repo.js';
import { SubmissionRepo } from './submission-repo.js';
import { TokenRepo } from './token-repo.js';
import { WebhookRepo } from './webhook-repo.js';

export interface StoreOptions {
  now?: () => Date;
  sessions?: Partial<SessionLimits>;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000 };

export class Store {
  readonly submissions: SubmissionRepo;
  readonly retention: RetentionRepo;
  readonly staff: StaffRepo;
  readonly sessions: SessionRepo;
  readonly tokens: TokenRepo;
  readonly loginThrottle: LoginThrottleRepo;
  readonly notifications: NotificationRepo;
  readonly rateLimits: RateLimitRepo;
  readonly fhir: FhirResourceRepo;
  readonly apiClients: ApiClientRepo;
  readonly apiReads: ApiReadRepo;
  readonly webhooks: WebhookRepo;
  readonly now: () => Date;

  constructor(readonly db: Db, options: StoreOptions = {}) {
    const now = options.now ?? (() => new Date());
    this.now = now;
    const k = db.kysely;
    this.submissions = new SubmissionRepo(k, now);
    this.retention = new RetentionRepo(k, now);
    this.staff = new StaffRepo(k, now);
    this.sessions = new SessionRepo(k, now, { ...DEFAULT_SESSION_LIMITS, ...options.sessions });
    this.tokens = new TokenRepo(k, now);
    this.loginThrottle = new LoginThrottleRepo(k, now);
    this.notifications = new NotificationRepo(k, now);
    this.rateLimits = new RateLimitRepo(k, now);
    this.fhir = new FhirResourceRepo(k, now);
    this.apiClients = new ApiClientRepo(k, now);
    this.apiReads = new ApiReadRepo(k, now);
    this.webhooks = new WebhookRepo(k, now);
  }

  get kysely(): Kysely<Database> {
    return this.db.kysely;
  }

  listAudit(ctx: RequestContext, query: AuditQuery): ReturnType<typeof listAudit> {
    return listAudit(this.db.kysely, ctx, query, this.now().toISOString());
  }

  safetyStats(ctx: RequestContext): ReturnType<typeof safetyStats> {
    return safetyStats(this.db.kysely, ctx, this.now);
  }

  setting(key: string, fresh: () => string): Promise<string> {
    return getOrCreateSetting(this.db.kysely, key, fresh);
  }

  claimJobRun(job: string, runKey: string): Promise<boolean> {
    return claimJobRun(this.db.kysely, job, runKey, this.now());
  }

  releaseJobRun(job: string, runKey: string): Promise<void> {
    return releaseJobRun(this.db.kysely, job, runKey);
  }

  ping(): Promise<boolean> {
    return pingDatabase(this.db);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/** Opens the database (migrating it) and returns the store over it. */
export async function openStore(db: OpenDatabaseOptions, options: StoreOptions = {}): Promise<Store> {
  return new Store(await openDatabase(db), options);
}
