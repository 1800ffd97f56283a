// Admin-only routes: staff accounts (add, disable, enable, password links), the audit log, data deletion.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ROLES, type Role } from '../../db/context.js';
import { sendPage } from '../../web/send.js';
import { adminOnly } from '../auth/staff-session.js';
import { contextOf, principalOf } from '../auth/staff-principal.js';
import { newToken, tokenHash } from '../auth/tokens.js';
import type { ClinicContext } from '../clinic-context.js';
import { purgeExpired } from '../scheduler.js';
import type { FieldError } from '../views/form-parts.js';
import { AuditPage, RetentionPage, UsersPage } from './admin-pages.js';
import { field, param, queryValue } from './staff-form.js';

/** New accounts get three days to set a password; a reset link lasts a day. */
const NEW_ACCOUNT_LINK_MS = 3 * 86_400_000;
const RESET_LINK_MS = 86_400_000;

const NOTICES: Readonly<Record<string, string>> = {
  disabled: 'The account is disabled and signed out everywhere.', enabled: 'The account is enabled.',
  deleted: 'The data is deleted.', purged: 'Old results are deleted.',
};

export function adminRoutes(ctx: ClinicContext): FastifyPluginAsync {
  const base = (request: FastifyRequest, reply: FastifyReply) =>
    ({ site: ctx.site, staff: principalOf(request), csrf: reply.generateCsrf(), timeZone: ctx.settings.due.timeZone });
  const notice = (request: FastifyRequest) => {
    const n = NOTICES[queryValue(request, 'done') ?? ''];
    return n === undefined ? {} : { notice: n };
  };
  const usersPage = async (request: FastifyRequest, reply: FastifyReply, status: number, extra: {
    errors?: FieldError[]; typed?: { name: string; email: string; role: string }; link?: { url: string; email: string; expiresAt: string };
  } = {}) => sendPage(reply, <UsersPage {...base(request, reply)} users={await ctx.store.staff.list(contextOf(request))} errors={extra.errors ?? []}
    typed={extra.typed ?? { name: '', email: '', role: '' }} {...(extra.link === undefined ? {} : { link: extra.link })} {...notice(request)} />, 'no-store', status);
  const passwordLink = async (request: FastifyRequest, userId: string, ttl: number) => {
    const token = newToken();
    const saved = await ctx.store.tokens.create(contextOf(request), 'password', userId, tokenHash(token), ttl);
    return { url: `${ctx.config.baseUrl}/clinic/password/${token}`, expiresAt: saved.expiresAt };
  };

  return (app) => {
    app.addHook('preHandler', adminOnly(ctx));

    app.get('/clinic/users', async (request, reply) => usersPage(request, reply, 200));

    app.post('/clinic/users', async (request, reply) => {
      const typed = { name: field(request, 'name', 100).trim(), email: field(request, 'email', 254).trim(), role: field(request, 'role', 20) };
      const errors: FieldError[] = [];
      if (typed.name === '' || typed.name.length > 100) errors.push({ field: 'name', message: 'Enter a name of up to 100 characters' });
      if (!/^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(typed.email) || typed.email.length > 254) errors.push({ field: 'email', message: 'Enter an email address, like name@example.com' });
      if (!(ROLES as readonly string[]).includes(typed.role)) errors.push({ field: 'role', message: 'Choose a role' });
      if (errors.length > 0) return usersPage(request, reply, 400, { errors, typed });
      const user = await ctx.store.staff.create(contextOf(request), { name: typed.name, email: typed.email, role: typed.role as Role });
      if (user === 'exists') return usersPage(request, reply, 400, { errors: [{ field: 'email', message: 'There is already an account with this email address' }], typed });
      return usersPage(request, reply, 200, { link: { ...(await passwordLink(request, user.id, NEW_ACCOUNT_LINK_MS)), email: user.email } });
    });

    app.post('/clinic/users/:id/reset-link', async (request, reply) => {
      const user = await ctx.store.staff.byId(param(request, 'id'));
      if (user === undefined) return usersPage(request, reply, 404);
      return usersPage(request, reply, 200, { link: { ...(await passwordLink(request, user.id, RESET_LINK_MS)), email: user.email } });
    });

    for (const action of ['disable', 'enable'] as const) {
      app.post(`/clinic/users/:id/${action}`, async (request, reply) => {
        const id = param(request, 'id');
        if (id === principalOf(request).id) return usersPage(request, reply, 400, { errors: [{ field: 'name', message: 'You cannot disable your own account' }] });
        const ok = await ctx.store.staff.setActive(contextOf(request), id, action === 'enable');
        if (!ok) return usersPage(request, reply, 404);
        return reply.redirect(`/clinic/users?done=${action}d`, 303);
      });
    }

    app.get('/clinic/audit', async (request, reply) => {
      const page = Math.min(100_000, Math.max(1, Number.parseInt(queryValue(request, 'page') ?? '1', 10) || 1));
      const reference = (queryValue(request, 'reference') ?? '').trim().slice(0, 20);
      const { rows, total } = await ctx.store.listAudit(contextOf(request), { reference, limit: 100, offset: (page - 1) * 100 });
      return sendPage(reply, <AuditPage {...base(request, reply)} rows={rows} total={total} page={page} reference={reference} />, 'no-store');
    });

    const retentionPage = (request: FastifyRequest, reply: FastifyReply, status: number, errors: FieldError[] = [], reference = '') =>
      sendPage(reply, <RetentionPage {...base(request, reply)} retentionDays={ctx.settings.retentionDays} errors={errors} reference={reference} {...notice(request)} />, 'no-store', status);

    app.get('/clinic/retention', async (request, reply) => retentionPage(request, reply, 200));

    app.post('/clinic/retention/delete', async (request, reply) => {
      const reference = field(request, 'reference', 30).trim();
      if (field(request, 'confirm', 5) !== 'yes') return retentionPage(request, reply, 400, [{ field: 'reference', message: 'Tick the box to confirm the deletion' }], reference);
      const deleted = await ctx.store.retention.deleteByReference(contextOf(request), reference);
      if (!deleted) return retentionPage(request, reply, 400, [{ field: 'reference', message: 'There is no sent result with this reference' }], reference);
      return reply.redirect('/clinic/retention?done=deleted', 303);
    });

    app.post('/clinic/retention/purge', async (request, reply) => {
      await purgeExpired(ctx.store, ctx.settings, ctx.now(), contextOf(request));
      return reply.redirect('/clinic/retention?done=purged', 303);
    });
    return Promise.resolve();
  };
}
