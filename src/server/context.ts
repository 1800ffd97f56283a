// What route modules share: the site, the loaded content, the clock and the clinic side.
import type { AppConfig } from '../config.js';
import type { ClinicalContent } from '../engine/types.js';
import type { SignoffStatus } from '../safety/signoffs.js';
import type { CheckStates } from '../web/check/check-state.js';
import type { Library } from '../web/library.js';
import type { Site } from '../web/site.js';

export interface AppContext {
  config: AppConfig;
  site: Site;
  content: ClinicalContent;
  library: Library;
  now: () => Date;
  /** Whether the running content version is signed off (content/safety/signoffs.yaml). */
  signoff: SignoffStatus;
  /** Seals and opens the check's state in page addresses. */
  checkStates: CheckStates;
}
