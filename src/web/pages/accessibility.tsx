// The accessibility statement.
import { Layout } from '../layout.js';
import type { Site } from '../site.js';
import { Tel } from '../tel.js';

export function AccessibilityPage({ site }: { site: Site }) {
  const { clinic } = site.config;
  return (
    <Layout site={site} title="Accessibility statement" canonicalPath="/accessibility" description={`How accessible the ${clinic.name} self-check is.`}>
      <h1>Accessibility statement</h1>
      <p>This website is run by {clinic.name}. We want as many people as possible to be able to use it. You should be able to:</p>
      <ul>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>use the whole check with just a keyboard</li>
        <li>use it with a screen reader or speech recognition software</li>
        <li>use it with JavaScript turned off</li>
        <li>change colours and fonts in your browser or device settings</li>
      </ul>
      <p>We have tried to keep the words simple.</p>
      <h2>How we test this website</h2>
      <p>
        Every kind of page is tested with automated checks against the Web Content Accessibility Guidelines (WCAG) 2.1
        at level AA, each time the website changes. We also check the pages with a keyboard, at phone size and when printed.
      </p>
      <h2>How accessible this website is</h2>
      <p>
        We believe it meets WCAG 2.1 at level AA. Automated tests cannot find every problem, and this website has not yet
        had a full manual audit. If you find a problem, please tell us.
      </p>
      <h2>Reporting a problem or asking for another format</h2>
      <p>
        Call us on <Tel number={clinic.phone} /> ({clinic.openingHours})
        {clinic.email === undefined ? null : <> or email <a href={`mailto:${clinic.email}`}>{clinic.email}</a></>}.
        We can go through the check with you over the phone.
      </p>
      <h2>Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) enforces the accessibility rules. If you are not happy with how we
        respond to your complaint, contact the{' '}
        <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.
      </p>
      <h2>About this statement</h2>
      <p>This statement was prepared on 30 November 2026.</p>
    </Layout>
  );
}
