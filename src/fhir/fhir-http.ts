// What every /fhir route shares: the application/fhir+json body parser, sending resources, and errors as OperationOutcome.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fhirSystems } from '../clinic/fhir/fhir-systems.js';
import { FhirError, operationOutcome, toFhirError } from './fhir-errors.js';

export const FHIR_JSON = 'application/fhir+json';

/** An adaptive response carries every item asked so far: far more than the JSON API's answers, still small. */
export const FHIR_BODY_LIMIT = 512 * 1024;

/** The system of Creak's error codes in OperationOutcome.issue.details. */
export function errorSystem(baseUrl: string): string {
  return fhirSystems(baseUrl).codeSystem('creak-error');
}

/** Parses application/fhir+json bodies with Fastify's own JSON parser (which refuses __proto__ and constructor keys). */
export function registerFhirJsonParser(app: FastifyInstance): void {
  if (!app.hasContentTypeParser(FHIR_JSON)) {
    app.addContentTypeParser(FHIR_JSON, { parseAs: 'string', bodyLimit: FHIR_BODY_LIMIT }, app.getDefaultJsonParser('error', 'error'));
  }
}

/** Refuses any body that is not application/fhir+json (Fastify parses plain JSON and text too). */
export function requireFhirJson(request: FastifyRequest): void {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== FHIR_JSON) throw new FhirError('unsupported_media_type');
}

export function sendResource(reply: FastifyReply, resource: object, status = 200): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type(`${FHIR_JSON}; charset=utf-8`).send(JSON.stringify(resource));
}

export function sendFhirError(reply: FastifyReply, error: FhirError, baseUrl: string): FastifyReply {
  if (error.code === 'unauthorized') reply.header('www-authenticate', 'Bearer realm="creak-fhir", error="invalid_token"');
  return sendResource(reply, operationOutcome([error], errorSystem(baseUrl)), error.status);
}

/** Errors of this scope (and its 404s) as OperationOutcome; only our own faults are logged, never a body. */
export function installFhirErrors(app: FastifyInstance, baseUrl: string): void {
  app.setErrorHandler(async (err, request, reply) => {
    const error = toFhirError(err);
    if (error.code === 'internal') request.log.error({ err }, 'unhandled error');
    return sendFhirError(reply, error, baseUrl);
  });
}

/** Answers the methods a known address does not take with 405 and an Allow header. */
export function wrongMethod(app: FastifyInstance, url: string, allow: 'GET' | 'POST', baseUrl: string): void {
  const others = (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).filter((m) => m !== allow);
  app.route({
    method: [...others], url,
    handler: async (_request, reply) => sendFhirError(reply.header('allow', allow), new FhirError('method_not_allowed', `Use ${allow} here.`), baseUrl),
  });
}
