// /clinic/account: sign out everywhere and optional TOTP.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from '../../web/send.js';
import { clearSessionCookie } from '../auth/staff-session.js';
import { contextOf, principalOf } from '../auth/staff-principal.js';
import { newTotpSecret, totpStep, totpUri } from '../auth/totp.js';
import type { ClinicContext } from '../clinic-context.js';
import type { FieldError } from '../views/form-parts.js';
import { AccountPage } from './account-page.js';
import { field, queryValue } from './staff-form.js';

const NOTICES: Readonly<Record<string, string>> = { 'totp-on': 'Two-step sign-in is on.', 'totp-off': 'Two-step sign-in is off.' };
const CODE_ERROR: FieldError = { field: 'code', message: 'Enter the 6-digit code your app shows now' };

export function accountRoutes(ctx: ClinicContext): FastifyPluginAsync {
  const page = (request: FastifyRequest, reply: FastifyReply, status: number, extra: { errors?: FieldError[]; setup?: { secret: string; uri: string } } = {}) => {
    const notice = NOTICES[queryValue(request, 'done') ?? ''];
    return sendPage(reply, <AccountPage site={ctx.site} staff={principalOf(request)} csrf={reply.generateCsrf()} errors={extra.errors ?? []}
      {...(notice === undefined ? {} : { notice })} {...(extra.setup === undefined ? {} : { setup: extra.setup })} />, 'no-store', status);
  };
  const setupFor = (request: FastifyRequest, secret: string) => ({ secret, uri: totpUri(secret, ctx.config.clinic.name, principalOf(request).email) });

  return (app) => {
    app.get('/clinic/account', async (request, reply) => page(request, reply, 200));

    app.post('/clinic/logout-everywhere', async (request, reply) => {
      await ctx.store.sessions.deleteAllFor(principalOf(request).id);
      clearSessionCookie(reply, ctx);
      return reply.redirect('/clinic/login?done=everywhere', 303);
    });

    app.post('/clinic/account/totp/start', async (request, reply) => page(request, reply, 200, { setup: setupFor(request, newTotpSecret()) }));

    app.post('/clinic/account/totp/confirm', async (request, reply) => {
      const secret = field(request, 'secret', 64);
      if (!/^[A-Z2-7]{32}$/.test(secret)) return page(request, reply, 400, { errors: [CODE_ERROR], setup: setupFor(request, newTotpSecret()) });
      const step = totpStep(secret, field(request, 'code', 12), ctx.now());
      if (step === undefined) return page(request, reply, 400, { errors: [CODE_ERROR], setup: setupFor(request, secret) });
      await ctx.store.staff.setTotpSecret(contextOf(request), principalOf(request).id, secret, step);
      return reply.redirect('/clinic/account?done=totp-on', 303);
    });

    app.post('/clinic/account/totp/disable', async (request, reply) => {
      const user = await ctx.store.staff.byId(principalOf(request).id);
      const step = user?.totpSecret == null ? undefined : totpStep(user.totpSecret, field(request, 'code', 12), ctx.now());
      if (user === undefined || step === undefined || !(await ctx.store.staff.acceptTotpStep(user.id, step))) return page(request, reply, 400, { errors: [CODE_ERROR] });
      await ctx.store.staff.setTotpSecret(contextOf(request), user.id, null);
      return reply.redirect('/clinic/account?done=totp-off', 303);
    });

    return Promise.resolve();
  };
}
