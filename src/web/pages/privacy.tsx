// The privacy notice: what is stored (nothing, unless the person sends their result to the clinic).
import { CHECK_PAGE_HOURS } from '../check/check-state.js';
import { Layout } from '../layout.js';
import type { Site } from '../site.js';
import { Tel } from '../tel.js';

export function PrivacyPage({ site }: { site: Site }) {
  const { clinic } = site.config;
  return (
    <Layout site={site} title="Privacy notice" canonicalPath="/privacy" description={`What ${clinic.name} keeps when you use the self-check.`}>
      <h1>Privacy notice</h1>
      <p class="lead">When you use the check, we do not keep your answers. We only keep them if you choose to send your result to us.</p>
      <h2>When you take the check</h2>
      <ul>
        <li>
          Each page of the check carries your answers in its web address, locked (encrypted) so that only our server can
          read them. Your browser history shows the pages you saw, but not your answers.
        </li>
        <li>
          The pages stop working {CHECK_PAGE_HOURS} hours after you see them. Until then, anyone using this device could go
          back to them, so close the page when you have finished if you share the device.
        </li>
        <li>We do not use cookies for the check, and we do not track you.</li>
        <li>The pages do not load anything from other websites.</li>
        <li>Our server keeps a short technical log: which page was asked for, and when. It does not log your answers, the web address's locked part, or your internet (IP) address.</li>
      </ul>
      <h2>If you save or share your result</h2>
      <p>
        The link to your result holds your answers after a # sign. Your browser never sends that part to our server. Anyone
        you give the link to can see your answers, so only share it with people you trust.
      </p>
      <h2>If you send your result to us</h2>
      <p>
        If you choose to send your result to {clinic.name}, we keep your answers, your result and the contact details you
        give us. Only our clinical staff can see them. We use them to contact you about your care, and keep them as our
        clinical records policy says.
      </p>
      <h2>Your rights</h2>
      <p>
        You can ask us for a copy of what we hold about you, or ask us to correct or delete it. Call us on{' '}
        <Tel number={clinic.phone} />. If you are unhappy with how we use your information, you can
        complain to the <a href="https://ico.org.uk/make-a-complaint/">Information Commissioner's Office</a>.
      </p>
    </Layout>
  );
}
