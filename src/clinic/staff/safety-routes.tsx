// /clinic/safety: sign-off status, the clinical safety case and disagreement per rule and hazard; /clinic/safety/report.html: the full report.
import type { FastifyPluginAsync } from 'fastify';
import { hazardFeedback } from '../../safety/hazard-feedback.js';
import { renderSafetyCaseHtml } from '../../safety/report-html.js';
import { sendPage } from '../../web/send.js';
import { contextOf, principalOf } from '../auth/staff-principal.js';
import type { ClinicContext } from '../clinic-context.js';
import { SafetyPage } from './safety-page.js';

export function safetyRoutes(ctx: ClinicContext): FastifyPluginAsync {
  return (app) => {
    app.get('/clinic/safety', async (request, reply) => {
      const rows = await ctx.store.safetyStats(contextOf(request));
      const sc = ctx.safetyCase();
      return sendPage(reply, <SafetyPage site={ctx.site} staff={principalOf(request)} csrf={reply.generateCsrf()} rows={rows} rules={ctx.content.rules}
        signoff={ctx.signoff} safetyCase={sc} feedback={hazardFeedback(sc.hazards, rows)} />, 'no-store');
    });

    // A download, not a page of this site: it carries its own inline styles so that it reads and prints on its own.
    app.get('/clinic/safety/report.html', async (_request, reply) => reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="safety-case-${ctx.content.version}.html"`)
      .type('text/html; charset=utf-8')
      .send(await renderSafetyCaseHtml(ctx.safetyCase(), ctx.config.clinic.name)));
    return Promise.resolve();
  };
}
