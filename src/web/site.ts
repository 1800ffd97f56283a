// What every page template needs to know about the site: its configuration and asset URLs.
import type { AppConfig } from '../config.js';
import type { Assets } from '../server/assets.js';

export interface Site {
  config: AppConfig;
  assets: Pick<Assets, 'css' | 'js' | 'favicon' | 'logo'>;
  /** A warning every staff page shows the clinic's admins (the running content is not signed off). */
  staffWarning?: string;
}

/** An absolute address on this site, for canonical links, feeds and share links. */
export function absoluteUrl(site: Site, path: string): string {
  return `${site.config.baseUrl}${path}`;
}
