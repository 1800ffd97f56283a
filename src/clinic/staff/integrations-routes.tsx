// Admin-only routes for the records system's machine path: API clients (create, revoke), webhooks (add, remove) and
// the delivery log (send a given-up notification again).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from '../../web/send.js';
import { newApiKey } from '../api/api-auth.js';
import { adminOnly } from '../auth/staff-session.js';
import { contextOf, principalOf } from '../auth/staff-principal.js';
import type { ClinicContext } from '../clinic-context.js';
import type { FieldError } from '../views/form-parts.js';
import { newWebhookSecret } from '../webhooks/webhook-message.js';
import { IntegrationsPage, LOG_PAGE_SIZE, type ShownOnce } from './integrations-page.js';
import { field, param, queryValue } from './staff-form.js';

const NOTICES: Readonly<Record<string, string>> = {
  revoked: 'The API key is revoked. The system using it can no longer read anything.',
  removed: 'The webhook is removed. Nothing more is sent to it.',
  retried: 'The notification will be sent again within a minute.',
};

// Control characters (and the Unicode line and paragraph separators) have no place in a name or an address.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function nameError(name: string): FieldError | undefined {
  if (name === '' || name.length > 100 || CONTROL.test(name)) return { field: 'name', message: 'Enter a name of up to 100 characters' };
  return undefined;
}

/** An https:// address, or http:// on this machine only (the notification is signed, but should not travel in clear). */
export function webhookUrlError(text: string): FieldError | undefined {
  const fail = { field: 'url', message: 'Enter an https:// address, like https://records.example.org/creak-hook (http:// only for this machine)' };
  if (text === '' || text.length > 2000 || CONTROL.test(text)) return fail;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail;
  }
  if (url.username !== '' || url.password !== '') return { field: 'url', message: 'Leave the user name and password out of the address' };
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return undefined;
  return fail;
}

export function integrationsRoutes(ctx: ClinicContext): FastifyPluginAsync {
  const page = async (request: FastifyRequest, reply: FastifyReply, status: number, extra: { errors?: FieldError[]; typed?: { name: string; url: string }; shown?: ShownOnce } = {}) => {
    const store = ctx.store;
    const rctx = contextOf(request);
    const logPage = Math.min(100_000, Math.max(1, Number.parseInt(queryValue(request, 'page') ?? '1', 10) || 1));
    const log = await store.webhooks.listDeliveries(rctx, { limit: LOG_PAGE_SIZE, offset: (logPage - 1) * LOG_PAGE_SIZE });
    const notice = NOTICES[queryValue(request, 'done') ?? ''];
    return sendPage(reply, <IntegrationsPage
      site={ctx.site} staff={principalOf(request)} csrf={reply.generateCsrf()} timeZone={ctx.settings.due.timeZone} baseUrl={ctx.config.baseUrl}
      clients={await store.apiClients.list(rctx)} endpoints={await store.webhooks.listEndpoints(rctx)} log={{ ...log, page: logPage }}
      errors={extra.errors ?? []} typed={extra.typed ?? { name: '', url: '' }}
      {...(extra.shown === undefined ? {} : { shown: extra.shown })} {...(notice === undefined ? {} : { notice })} />, 'no-store', status);
  };

  return (app) => {
    app.addHook('preHandler', adminOnly(ctx));

    app.get('/clinic/integrations', async (request, reply) => page(request, reply, 200));

    app.post('/clinic/integrations/clients', async (request, reply) => {
      const name = field(request, 'name', 100).trim();
      const error = nameError(name);
      if (error !== undefined) return page(request, reply, 400, { errors: [error], typed: { name, url: '' } });
      const { key, hash } = newApiKey();
      const client = await ctx.store.apiClients.create(contextOf(request), name, hash);
      return page(request, reply, 200, { shown: { kind: 'key', label: client.name, value: key } });
    });

    app.post('/clinic/integrations/clients/:id/revoke', async (request, reply) => {
      if (!await ctx.store.apiClients.revoke(contextOf(request), param(request, 'id'))) return page(request, reply, 404);
      return reply.redirect('/clinic/integrations?done=revoked', 303);
    });

    app.post('/clinic/integrations/webhooks', async (request, reply) => {
      const url = field(request, 'url', 2000).trim();
      const error = webhookUrlError(url);
      if (error !== undefined) return page(request, reply, 400, { errors: [error], typed: { name: '', url } });
      const secret = newWebhookSecret();
      const endpoint = await ctx.store.webhooks.createEndpoint(contextOf(request), url, secret);
      return page(request, reply, 200, { shown: { kind: 'secret', label: endpoint.url, value: secret } });
    });

    app.post('/clinic/integrations/webhooks/:id/remove', async (request, reply) => {
      if (!await ctx.store.webhooks.disableEndpoint(contextOf(request), param(request, 'id'))) return page(request, reply, 404);
      return reply.redirect('/clinic/integrations?done=removed', 303);
    });

    app.post('/clinic/integrations/deliveries/:id/retry', async (request, reply) => {
      if (!await ctx.store.webhooks.retry(contextOf(request), param(request, 'id'))) return page(request, reply, 404);
      return reply.redirect('/clinic/integrations?done=retried', 303);
    });
    return Promise.resolve();
  };
}
