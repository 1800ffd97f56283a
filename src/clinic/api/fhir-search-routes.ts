// The records system's machine path: GET /fhir/QuestionnaireResponse (search) and /fhir/QuestionnaireResponse/<id>
// (read), for API clients with a key; every read audited under the client's name by the repository.
import type { FastifyPluginAsync } from 'fastify';
import type { FastifyRequest } from 'fastify';
import { FhirError } from '../../fhir/fhir-errors.js';
import { installFhirErrors, sendResource, wrongMethod } from '../../fhir/fhir-http.js';
import type { ClinicContext } from '../clinic-context.js';
import { apiClientOf } from './api-auth.js';
import { encodeCursor, parseSearch } from './search-params.js';
import { searchsetBundle, type SearchsetOptions } from './searchset.js';
import type { SubmissionRecord } from '../../db/submission-types.js';
import { personKey } from '../fhir/patient.js';
import { questionnairesFor } from '../fhir/publish.js';

const PATH = '/fhir/QuestionnaireResponse';

function queryOf(request: FastifyRequest): Record<string, unknown> {
  return (request.query ?? {}) as Record<string, unknown>;
}

export function fhirSearchRoutes(ctx: ClinicContext): FastifyPluginAsync {
  const baseUrl = ctx.config.baseUrl;
  const canonicalBase = ctx.config.fhirCanonicalBase;
  /** The export's options for these records: each answered to the Questionnaire version it used. */
  const build = async (records: readonly SubmissionRecord[]): Promise<SearchsetOptions> => ({
    content: ctx.content, canonicalBase, fhirBase: `${baseUrl}/fhir`, now: ctx.now(), baseUrl,
    questionnaires: await questionnairesFor(ctx.store.fhir, canonicalBase, [ctx.content.version, ...records.map((r) => r.contentVersion)]),
    personKey: (p) => personKey(ctx.personKeySecret, p),
  });
  const linkTo = (params: readonly [string, string][]) => `${baseUrl}${PATH}${params.length === 0 ? '' : `?${new URLSearchParams([...params]).toString()}`}`;
  return async (app) => {
    installFhirErrors(app, canonicalBase);

    app.get(PATH, async (request, reply) => {
      const client = await apiClientOf(request, ctx.store);
      const { search, canonical } = parseSearch(queryOf(request));
      const page = await ctx.store.apiReads.search(client, search);
      const last = page.records.at(-1);
      const next = page.more && last !== undefined ? linkTo([...canonical, ['_cursor', encodeCursor(last.createdAt, last.id)]]) : undefined;
      const self = linkTo(search.after === undefined ? canonical : [...canonical, ['_cursor', encodeCursor(search.after.at, search.after.id)]]);
      return sendResource(reply, searchsetBundle(page.records, page.total, { self, ...(next === undefined ? {} : { next }) }, await build(page.records)));
    });

    app.get<{ Params: { id: string } }>(`${PATH}/:id`, async (request, reply) => {
      const client = await apiClientOf(request, ctx.store);
      if (!/^[A-Za-z0-9\-.]{1,64}$/.test(request.params.id)) throw new FhirError('not_found');
      const page = await ctx.store.apiReads.search(client, { sent: [], ids: [request.params.id], count: 1 });
      const bundle = searchsetBundle(page.records, page.total, { self: linkTo([]) }, await build(page.records));
      const match = bundle.entry?.find((e) => e.search?.mode === 'match')?.resource;
      if (match === undefined) throw new FhirError('not_found', 'There is no sent result with this id (it may have been deleted).');
      return sendResource(reply, match);
    });

    wrongMethod(app, PATH, 'GET', canonicalBase);
    wrongMethod(app, `${PATH}/:id`, 'GET', canonicalBase);
    return Promise.resolve();
  };
}
