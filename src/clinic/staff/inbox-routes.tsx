// GET /clinic: the inbox.
import type { FastifyPluginAsync } from 'fastify';
import { sendPage } from '../../web/send.js';
import { contextOf, principalOf } from '../auth/staff-principal.js';
import type { ClinicContext } from '../clinic-context.js';
import { regionLabels } from '../levels.js';
import { InboxPage } from './inbox-page.js';
import { PAGE_SIZE, parseInboxQuery } from './inbox-query.js';

export function inboxRoutes(ctx: ClinicContext): FastifyPluginAsync {
  return (app) => {
    app.get('/clinic', async (request, reply) => {
      const staff = principalOf(request);
      const regions = regionLabels(ctx.content);
      const query = parseInboxQuery(request.query, staff.id, regions);
      const filter = query.errors.length > 0 ? {} : query.filter;
      const page = query.errors.length > 0 ? 1 : query.page;
      const { items, total } = await ctx.store.submissions.listInbox(contextOf(request), filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
      return sendPage(reply, <InboxPage site={ctx.site} staff={staff} regions={regions} csrf={reply.generateCsrf()} items={items} total={total} page={page}
        raw={query.errors.length > 0 ? {} : query.raw} errors={query.errors} assignable={await ctx.store.staff.listAssignable()}
        now={ctx.now()} timeZone={ctx.settings.due.timeZone} />, 'no-store', query.errors.length > 0 ? 400 : 200);
    });
    return Promise.resolve();
  };
}
