// Read-only FHIR endpoints for the published definitions: GET /fhir/<type>/<id> and GET /fhir/<type>?url=&version=
// (a searchset Bundle), for Questionnaire, CodeSystem, ValueSet, ConceptMap and StructureDefinition. No patient data.
import type * as fhir4 from 'fhir/r4.js';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ClinicContext } from '../clinic-context.js';
import { FhirError } from '../../fhir/fhir-errors.js';
import { sendFhirError, sendResource } from '../../fhir/fhir-http.js';

export const PUBLISHED_TYPES = ['Questionnaire', 'CodeSystem', 'ValueSet', 'ConceptMap', 'StructureDefinition'] as const;

/** A published definition (or a search of them), readable from any site. */
function send(reply: FastifyReply, body: unknown, cache: string): FastifyReply {
  return sendResource(reply.header('access-control-allow-origin', '*'), body as object).header('cache-control', cache);
}

function isPublishedType(type: string): type is (typeof PUBLISHED_TYPES)[number] {
  return (PUBLISHED_TYPES as readonly string[]).includes(type);
}

function firstString(value: unknown): string | undefined {
  const v: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function fhirRoutes(ctx: ClinicContext): FastifyPluginAsync {
  const base = `${ctx.config.baseUrl}/fhir`;
  /** Errors as every /fhir error is (docs/fhir.md), readable from any site. */
  const fail = (reply: FastifyReply, error: FhirError) => sendFhirError(reply.header('access-control-allow-origin', '*'), error, ctx.config.fhirCanonicalBase);
  const notPublished = (type: string) => new FhirError('not_found', `This service publishes no ${type} resources.`);
  return (app) => {
    // Bodies sent to these read-only addresses are never read; accepting any type lets every write get the 405 below.
    app.addContentTypeParser('*', { parseAs: 'string' }, (_request, _body, done) => { done(null, undefined); });
    app.get('/fhir/:type/:id', async (request: FastifyRequest<{ Params: { type: string; id: string } }>, reply) => {
      const { type, id } = request.params;
      if (!isPublishedType(type)) return fail(reply, notPublished(type));
      const found = await ctx.store.fhir.get(type, id);
      if (found === undefined) return fail(reply, new FhirError('not_found', `There is no ${type} with the id ${id}.`));
      return send(reply, found, 'public, max-age=86400, immutable');
    });

    app.get('/fhir/:type', async (request: FastifyRequest<{ Params: { type: string }; Querystring: Record<string, unknown> }>, reply) => {
      const { type } = request.params;
      if (!isPublishedType(type)) return fail(reply, notPublished(type));
      // A canonical may carry its version after a bar (url=…|1.0), as FHIR's canonical references do.
      const [url, barVersion] = (firstString(request.query.url) ?? '').split('|');
      const version = firstString(request.query.version) ?? (barVersion === '' ? undefined : barVersion);
      const found = await ctx.store.fhir.search(type, { ...(url === undefined || url === '' ? {} : { url }), ...(version === undefined ? {} : { version }) });
      const self = new URL(`${base}/${type}`);
      if (url !== undefined && url !== '') self.searchParams.set('url', url);
      if (version !== undefined) self.searchParams.set('version', version);
      const bundle: fhir4.Bundle = {
        resourceType: 'Bundle',
        type: 'searchset',
        total: found.length,
        link: [{ relation: 'self', url: self.toString() }],
        entry: found.map((resource) => ({
          fullUrl: `${base}/${type}/${(resource as { id?: string }).id ?? ''}`, resource: resource as fhir4.FhirResource, search: { mode: 'match' },
        })),
      };
      return send(reply, bundle, 'public, max-age=300');
    });

    // The definitions are read-only: any other method on them is a 405 that says which one works.
    const readOnly = async (_request: FastifyRequest, reply: FastifyReply) =>
      fail(reply.header('allow', 'GET'), new FhirError('method_not_allowed', 'Published definitions are read-only: use GET.'));
    app.route({ method: ['POST', 'PUT', 'PATCH', 'DELETE'], url: '/fhir/:type/:id', handler: readOnly });
    app.route({ method: ['POST', 'PUT', 'PATCH', 'DELETE'], url: '/fhir/:type', handler: readOnly });
    return Promise.resolve();
  };
}
