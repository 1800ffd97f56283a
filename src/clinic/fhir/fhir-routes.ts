// Read-only FHIR endpoints for the published definitions: GET /fhir/<type>/<id> and GET /fhir/<type>?url=&version=
// (a searchset Bundle), for Questionnaire, CodeSystem, ValueSet, ConceptMap and StructureDefinition. No patient data.
import type * as fhir4 from 'fhir/r4.js';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ClinicContext } from '../clinic-context.js';
import { narrative } from './narrative.js';

export const PUBLISHED_TYPES = ['Questionnaire', 'CodeSystem', 'ValueSet', 'ConceptMap', 'StructureDefinition'] as const;
const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** An OperationOutcome with one error issue (FHIR's error body). */
export function operationOutcome(code: fhir4.OperationOutcomeIssue['code'], diagnostics: string): fhir4.OperationOutcome {
  return { resourceType: 'OperationOutcome', text: narrative('Error', [diagnostics]), issue: [{ severity: 'error', code, diagnostics }] };
}

function send(reply: FastifyReply, status: number, body: unknown, cache: string): FastifyReply {
  return reply.code(status).type(FHIR_JSON).header('cache-control', cache).header('access-control-allow-origin', '*').send(JSON.stringify(body));
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
  return (app) => {
    // Bodies sent to these read-only addresses are never read; accepting any type lets every write get the 405 below.
    app.addContentTypeParser('*', { parseAs: 'string' }, (_request, _body, done) => { done(null, undefined); });
    app.get('/fhir/:type/:id', async (request: FastifyRequest<{ Params: { type: string; id: string } }>, reply) => {
      const { type, id } = request.params;
      if (!isPublishedType(type)) return send(reply, 404, operationOutcome('not-supported', `This service publishes no ${type} resources.`), 'no-store');
      const found = await ctx.store.fhir.get(type, id);
      if (found === undefined) return send(reply, 404, operationOutcome('not-found', `There is no ${type} with the id ${id}.`), 'no-store');
      return send(reply, 200, found, 'public, max-age=86400, immutable');
    });

    app.get('/fhir/:type', async (request: FastifyRequest<{ Params: { type: string }; Querystring: Record<string, unknown> }>, reply) => {
      const { type } = request.params;
      if (!isPublishedType(type)) return send(reply, 404, operationOutcome('not-supported', `This service publishes no ${type} resources.`), 'no-store');
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
      return send(reply, 200, bundle, 'public, max-age=300');
    });

    // The definitions are read-only: any other method on them is a 405 that says which one works.
    const readOnly = async (_request: FastifyRequest, reply: FastifyReply) => {
      void reply.header('allow', 'GET');
      return send(reply, 405, operationOutcome('not-supported', 'Published definitions are read-only: use GET.'), 'no-store');
    };
    app.route({ method: ['POST', 'PUT', 'PATCH', 'DELETE'], url: '/fhir/:type/:id', handler: readOnly });
    app.route({ method: ['POST', 'PUT', 'PATCH', 'DELETE'], url: '/fhir/:type', handler: readOnly });
    return Promise.resolve();
  };
}
