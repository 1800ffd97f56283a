// The one place errors become responses: JSON {error:{code,message,path}} under /api, a plain page elsewhere.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundPage, ProblemPage } from '../web/pages/problem.js';
import { renderPage } from '../web/render.js';
import type { Site } from '../web/site.js';
import { AppError, toAppError, type ErrorCode } from './errors.js';

const PAGE_MESSAGES: Partial<Record<ErrorCode, string>> = {
  payload_too_large: 'What was sent was too large. Please go back and try again.',
  unsupported_media_type: 'What was sent was not in a form we understand. Please go back and try again.',
  invalid_body: 'What was sent was not in a form we understand. Please start the check again.',
  invalid_json: 'What was sent was not in a form we understand. Please go back and try again.',
  unavailable: 'The service is not ready. Please try again in a few minutes.',
};

/** The page text for a control character: names the field, except the check's hidden answers, which no one types in. */
function controlCharacterMessage(path: string | null): string {
  const field = path === null || path === 'body' ? 'what was sent' : path.startsWith('a.') ? '“your answers”' : `“${path}”`;
  return `The text in ${field} has a hidden character we cannot accept. Go back, delete it and try again.`;
}

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url === '/api' || request.url.startsWith('/healthz');
}

/** Sends an AppError in the form the client expects, never with internal details. */
export async function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError, site: Site): Promise<FastifyReply> {
  reply.code(error.status).header('cache-control', 'no-store');
  if (wantsJson(request)) return reply.type('application/json; charset=utf-8').send(error.toJSON());
  const page = error.code === 'not_found'
    ? <NotFoundPage site={site} />
    : error.code === 'control_character'
      ? <ProblemPage site={site} message={controlCharacterMessage(error.path)} />
      : <ProblemPage site={site} {...(PAGE_MESSAGES[error.code] === undefined ? {} : { message: PAGE_MESSAGES[error.code] })} />;
  return reply.type('text/html; charset=utf-8').send(await renderPage(page));
}

/** Installs the error and not-found handlers on the root scope. */
export function installErrorHandling(app: FastifyInstance, site: Site): void {
  app.setErrorHandler(async (err, request, reply) => {
    const error = toAppError(err);
    // Only the error itself is logged: request bodies (which may hold answers) never are.
    if (error.code === 'internal') request.log.error({ err }, 'unhandled error');
    return sendError(request, reply, error, site);
  });
  app.setNotFoundHandler(async (request, reply) => sendError(request, reply, new AppError('not_found'), site));
}
