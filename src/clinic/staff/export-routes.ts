// Downloads: one submission or the filtered inbox as a FHIR R4 Bundle, the inbox as CSV, the check as a Questionnaire.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { contextOf, principalOf } from '../auth/staff-principal.js';
import type { ClinicContext } from '../clinic-context.js';
import { inboxCsv } from '../csv-export.js';
import { regionLabels } from '../levels.js';
import type { SubmissionRecord } from '../../db/submission-types.js';
import { submissionsBundle } from '../fhir/bundle.js';
import { safeJson } from '../fhir/fhir-systems.js';
import { personKey } from '../fhir/patient.js';
import { questionnairesFor } from '../fhir/publish.js';
import { contentQuestionnaire } from '../fhir/questionnaire.js';
import { parseInboxQuery } from './inbox-query.js';
import { param } from './staff-form.js';

function download(reply: FastifyReply, type: string, fileName: string, body: string): FastifyReply {
  return reply.header('cache-control', 'no-store').header('content-disposition', `attachment; filename="${fileName}"`).type(type).send(body);
}

/** The Bundle of these submissions, each with the published Questionnaire version it was answered to. */
async function bundleOf(ctx: ClinicContext, rows: readonly SubmissionRecord[]): Promise<unknown> {
  const base = ctx.config.fhirCanonicalBase;
  return submissionsBundle(rows, {
    content: ctx.content, canonicalBase: base, fhirBase: `${ctx.config.baseUrl}/fhir`, now: ctx.now(),
    questionnaires: await questionnairesFor(ctx.store.fhir, base, [ctx.content.version, ...rows.map((r) => r.contentVersion)]),
    personKey: (p) => personKey(ctx.personKeySecret, p),
  });
}

export function exportRoutes(ctx: ClinicContext): FastifyPluginAsync {
  const fhirJson = 'application/fhir+json; charset=utf-8';
  return (app) => {
    app.get('/clinic/submissions/:ref/fhir.json', async (request, reply) => {
      const s = await ctx.store.submissions.get(contextOf(request), param(request, 'ref'), { export: 'fhir' });
      if (s === undefined) {
        reply.callNotFound();
        return reply;
      }
      return download(reply, fhirJson, `${s.reference}.fhir.json`, safeJson(await bundleOf(ctx, [s])));
    });

    app.get('/clinic/export/bundle.json', async (request, reply) => {
      const query = parseInboxQuery(request.query, principalOf(request).id, regionLabels(ctx.content));
      if (query.errors.length > 0) return reply.redirect('/clinic', 303);
      const rows = await ctx.store.submissions.exportMany(contextOf(request), query.filter, 'fhir');
      return download(reply, fhirJson, 'inbox.fhir.json', safeJson(await bundleOf(ctx, rows)));
    });

    app.get('/clinic/export/inbox.csv', async (request, reply) => {
      const query = parseInboxQuery(request.query, principalOf(request).id, regionLabels(ctx.content));
      if (query.errors.length > 0) return reply.redirect('/clinic', 303);
      const rows = await ctx.store.submissions.exportMany(contextOf(request), query.filter, 'csv');
      return download(reply, 'text/csv; charset=utf-8', 'inbox.csv', inboxCsv(rows, ctx.settings.due.timeZone, ctx.now(), regionLabels(ctx.content)));
    });

    app.get('/clinic/questionnaire.json', async (_request, reply) =>
      download(reply, fhirJson, `questionnaire-${ctx.content.version}.fhir.json`, safeJson(contentQuestionnaire(ctx.content, ctx.config.fhirCanonicalBase))));
    return Promise.resolve();
  };
}
