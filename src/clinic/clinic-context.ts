// Everything the clinic's routes share: configuration, content, settings, the store, the clock and helpers.
import type { AppConfig } from '../config.js';
import type { Reference } from '../content/references.js';
import type { Store } from '../db/store.js';
import type { ClinicalContent } from '../engine/types.js';
import type { SafetyCase } from '../safety/safety-case.js';
import type { SignoffStatus } from '../safety/signoffs.js';
import type { CheckStates } from '../web/check/check-state.js';
import type { Site } from '../web/site.js';
import type { LoginThrottle } from './auth/login-throttle.js';
import type { PasswordHasher } from './auth/password.js';
import type { Notifier } from './mail/notifier.js';
import type { RateLimiter } from './send/rate-limiter.js';
import type { ClinicSettings } from './settings.js';

export interface ClinicContext {
  config: AppConfig;
  content: ClinicalContent;
  settings: ClinicSettings;
  store: Store;
  site: Site;
  /** The reference list, to show rule sources as citations (empty if it cannot be read). */
  references: ReadonlyMap<string, Reference>;
  now: () => Date;
  /** HMAC key for the send form's tokens and the confirmation link. */
  formSecret: string;
  /** Opens the check's sealed state, which the send form carries instead of the answers. */
  checkStates: CheckStates;
  passwords: PasswordHasher;
  notifier: Notifier;
  sendLimiter: RateLimiter;
  loginLimiter: RateLimiter;
  loginThrottle: LoginThrottle;
  /** Behind HTTPS: Secure cookies with the __Host- prefix. */
  secureCookies: boolean;
  /** Whether the running content version is signed off. */
  signoff: SignoffStatus;
  /** The clinical safety case for the running content, built once (at start by main.ts, else on first use). */
  safetyCase: () => SafetyCase;
  /** HMAC key of the FHIR Patient identifier (the same person sending twice is one identifier). */
  personKeySecret: string;
}
