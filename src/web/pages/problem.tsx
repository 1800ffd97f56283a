// The plain error pages: page not found, and "Sorry, there is a problem".
import { Layout } from '../layout.js';
import type { Site } from '../site.js';
import { Tel } from '../tel.js';

export function NotFoundPage({ site }: { site: Site }) {
  return (
    <Layout site={site} title="Page not found" noindex={true}>
      <h1>Page not found</h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>If you pasted the web address, check you copied the entire address.</p>
      <p><a href="/">Go to the home page</a> or <a href="/check">start the self-check</a>.</p>
    </Layout>
  );
}

export interface ProblemProps {
  site: Site;
  /** Shown under the heading; defaults to a general message. */
  message?: string;
}

export function ProblemPage({ site, message }: ProblemProps) {
  const { config } = site;
  return (
    <Layout site={site} title="Sorry, there is a problem" noindex={true}>
      <h1>Sorry, there is a problem</h1>
      <p>{message ?? 'Something went wrong. Please try again later.'}</p>
      <p><a href="/check">Start the check again</a></p>
      <p>
        If you need help now, call {config.clinic.name} on <Tel number={config.clinic.phone} />.
        In an emergency call <Tel number={config.emergencyNumber} />.
      </p>
    </Layout>
  );
}
