// The plain page for a check address that can no longer be used: expired, altered or cut short, or from an older check.
import type { FastifyReply } from 'fastify';
import type { StateProblem } from '../check/check-state.js';
import { CHECK_PAGE_HOURS } from '../check/check-state.js';
import { Layout } from '../layout.js';
import { sendPage } from '../send.js';
import type { Site } from '../site.js';
import { Tel } from '../tel.js';

const WORDS: Readonly<Record<StateProblem, { title: string; text: string }>> = {
  expired: {
    title: 'This page has expired',
    text: `We do not keep your answers. To keep them private, the pages of the check stop working ${String(CHECK_PAGE_HOURS)} hours after you see them.`,
  },
  broken: {
    title: 'We cannot open this page',
    text: 'The web address of this page has been changed or cut short. This can happen when only part of an address is copied.',
  },
  updated: {
    title: 'The check has been updated',
    text: 'The check has changed since you started, so we cannot use your earlier answers.',
  },
};

/** The status for each problem: gone for an expired or outdated page, a bad request for a broken address. */
const STATUS: Readonly<Record<StateProblem, number>> = { expired: 410, broken: 400, updated: 410 };

/** Sends the start-again page for an address of the check that can no longer be used, with its status. */
export function sendStartAgain(reply: FastifyReply, site: Site, problem: StateProblem): Promise<FastifyReply> {
  return sendPage(reply, <StartAgainPage site={site} problem={problem} />, 'no-store', STATUS[problem]);
}

export function StartAgainPage({ site, problem }: { site: Site; problem: StateProblem }) {
  const { config } = site;
  const words = WORDS[problem];
  return (
    <Layout site={site} title={words.title} noindex={true}>
      <h1>{words.title}</h1>
      <p>{words.text}</p>
      <p>Please start the check again. It takes about 3 minutes.</p>
      <p><a class="btn" href="/check">Start the check again</a></p>
      <p>
        If you need help now, call {config.clinic.name} on <Tel number={config.clinic.phone} />.
        In an emergency call <Tel number={config.emergencyNumber} />.
      </p>
    </Layout>
  );
}
