// The clinic scope's error handler: CSRF failures and repository refusals become a 403 page; the rest go to the app's handler.
import type { FastifyInstance } from 'fastify';
import { ForbiddenError } from '../db/context.js';
import { ProblemPage } from '../web/pages/problem.js';
import { sendPage } from '../web/send.js';
import type { Site } from '../web/site.js';

export function installClinicErrors(app: FastifyInstance, site: Site): void {
  app.setErrorHandler(async (error, _request, reply) => {
    const code = (error as { code?: unknown }).code;
    if (error instanceof ForbiddenError || (typeof code === 'string' && code.startsWith('FST_CSRF_'))) {
      const message = error instanceof ForbiddenError
        ? 'You are not allowed to do this.'
        : 'This form has expired or was not sent from this site. Go back, reload the page and try again.';
      return sendPage(reply, <ProblemPage site={site} message={message} />, 'no-store', 403);
    }
    // Anything else goes to the app's own handler (a plain problem page, no details).
    throw error;
  });
}
