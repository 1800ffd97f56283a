// Ways for deaf people and people who cannot speak on the phone to reach the UK's 999 service.
import type { Site } from './site.js';

// Checked against Ofcom's and the services' own pages: 999 BSL (video relay with a BSL interpreter, website or app,
// no sign-up, since 2022), emergencySMS (text 999 from a registered mobile; text "register" to 999 to register) and
// Relay UK (18000 from the Relay UK app or a textphone).
const BSL_URL = 'https://www.999bsl.co.uk/';

/** These are UK services: shown only where the emergency number is 999. */
function isUk(site: Site): boolean {
  return site.config.emergencyNumber === '999';
}

/** One sentence for the emergency line at the top of check pages. */
export function DeafAccessLine({ site }: { site: Site }) {
  if (!isUk(site)) return null;
  return (
    <p>
      Deaf, or cannot speak on the phone? Use <a href={BSL_URL}>999 BSL</a> to sign, text 999 if your phone is
      registered with emergencySMS, or call 18000 with Relay UK.
    </p>
  );
}

/** The fuller list for an emergency result. */
export function DeafAccess({ site }: { site: Site }) {
  if (!isUk(site)) return null;
  return (
    <>
      <h2 class="h-small">If you are deaf or cannot speak on the phone</h2>
      <ul>
        <li>Sign to an interpreter with <a href={BSL_URL}>999 BSL</a>, on its website or app. You do not need to sign up.</li>
        <li>Text 999 if your phone is registered with emergencySMS. If it is not, text “register” to 999 and follow the reply.</li>
        <li>Call 18000 from the Relay UK app or a textphone.</li>
      </ul>
    </>
  );
}
