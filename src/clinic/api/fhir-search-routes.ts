// The records system's machine path: GET /fhir/QuestionnaireResponse (search) and /fhir/QuestionnaireResponse/<id>
// (read), for API clients with a key; every read audited under the client's name by the repository.
import type { FastifyPluginAsync } from 'fastify';
import type { FastifyRequest } from 'fastify';
import { FhirError } from '../../fhir/fhir-errors.js';
import { installFhirErrors, sendResource, wrongMethod } from '../../fhir/fhir-http.js';
import type { ClinicContext } from '../clinic-context.js';
import { apiClientOf } from './api-auth.js';
import { encodeCursor, parseSearch } from './search-params.js';
import { searchsetBundle } from './searchset.js';

const PATH = '/fhir/QuestionnaireResponse';

function queryOf(request: FastifyRequest): Record<string, unknown> {
  return (request.query ?? {}) as Record<string, unknown>;
}

export function fhirSearchRoutes(ctx: ClinicContext): FastifyPluginAsync {
  const baseUrl = ctx.config.baseUrl;
  const build = { content: ctx.content, baseUrl, clinicName: ctx.config.clinic.name };
  const linkTo = (params: readonly [string, string][]) => `${baseUrl}${PATH}${params.length === 0 ? '' : `?${new URLSearchParams([...params]).toString()}`}`;
  return async (app) => {
    installFhirErrors(app, baseUrl);

    app.get(PATH, async (request, reply) => {
      const client = await apiClientOf(request, ctx.store);
      const { search, canonical } = parseSearch(queryOf(request));
      const page = await ctx.store.apiReads.search(client, search);
      const last = page.records.at(-1);
      const next = page.more && last !== undefined ? linkTo([...canonical, ['_cursor', encodeCursor(last.createdAt, last.id)]]) : undefined;
      const self = linkTo(search.after === undefined ? canonical : [...canonical, ['_cursor', encodeCursor(search.after.at, search.after.id)]]);
      return sendResource(reply, searchsetBundle(page.records, page.total, { self, ...(next === undefined ? {} : { next }) }, { ...build, now: ctx.now() }));
    });

    app.get<{ Params: { id: string } }>(`${PATH}/:id`, async (request, reply) => {
      const client = await apiClientOf(request, ctx.store);
      if (!/^[A-Za-z0-9\-.]{1,64}$/.test(request.params.id)) throw new FhirError('not_found');
      const page = await ctx.store.apiReads.search(client, { sent: [], ids: [request.params.id], count: 1 });
      const bundle = searchsetBundle(page.records, page.total, { self: linkTo([]) }, { ...build, now: ctx.now() });
      const match = bundle.entry?.find((e) => e.search?.mode === 'match')?.resource;
      if (match === undefined) throw new FhirError('not_found', 'There is no sent result with this id (it may have been deleted).');
      return sendResource(reply, match);
    });

    wrongMethod(app, PATH, 'GET', baseUrl);
    wrongMethod(app, `${PATH}/:id`, 'GET', baseUrl);
    return Promise.resolve();
  };
}
