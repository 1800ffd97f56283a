// Routes that work without a session: sign in, first-admin setup, set a password from a one-time link.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { systemContext, staffContext } from '../../db/context.js';
import { sendPage } from '../../web/send.js';
import { passwordProblem } from '../auth/password.js';
import { deviceCookieName, issueDeviceToken } from '../auth/device-cookie.js';
import { checkSignIn } from '../auth/sign-in.js';
import { clearSessionCookie, sessionHashOf, setDeviceCookie, setSessionCookie } from '../auth/staff-session.js';
import { newToken, tokenHash } from '../auth/tokens.js';
import type { ClinicContext } from '../clinic-context.js';
import { formatTime } from '../format-time.js';
import type { FieldError } from '../views/form-parts.js';
import { LinkUnusablePage, LoginPage, SetPasswordPage } from './auth-pages.js';
import { safeNext } from './safe-next.js';

const NOTICES: Readonly<Record<string, string>> = {
  password: 'Your password is saved. Sign in with it now.',
  setup: 'The admin account is ready. Sign in with it now.',
  out: 'You have signed out.',
  everywhere: 'You have signed out on every device.',
};

function field(body: unknown, name: string, max = 300): string {
  const v = (body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined);
  return typeof v === 'string' ? v.slice(0, max) : '';
}

export function authRoutes(ctx: ClinicContext): FastifyPluginAsync {
  return (app) => {
    const csrfCheck = {
      preHandler: (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => { app.csrfProtection(request, reply, done); },
    };

    const loginPage = (reply: FastifyReply, status: number, p: { email: string; next: string; errors: FieldError[]; notice?: string }) =>
      sendPage(reply, <LoginPage site={ctx.site} csrf={reply.generateCsrf()} {...p} />, 'no-store', status);

    // `next` is not refused for a control character: safeNext falls back to the inbox instead.
    const nextChecked = { config: { textFields: { checkedByRoute: ['next'] } } };

    app.get('/clinic/login', nextChecked, async (request, reply) => {
      const q = request.query as Record<string, unknown>;
      const notice = typeof q.done === 'string' ? NOTICES[q.done] : undefined;
      return loginPage(reply, 200, { email: '', next: safeNext(q.next), errors: [], ...(notice === undefined ? {} : { notice }) });
    });

    app.post('/clinic/login', { ...csrfCheck, ...nextChecked }, async (request, reply) => {
      const email = field(request.body, 'email', 254).trim();
      const next = safeNext(field(request.body, 'next', 500));
      if (!(await ctx.loginLimiter.hit(request.ip))) {
        return loginPage(reply, 429, { email, next, errors: [{ field: 'email', message: 'Too many sign-in attempts from here. Wait a minute and try again' }] });
      }
      const result = await checkSignIn(ctx, {
        email, password: field(request.body, 'password', 200), code: field(request.body, 'code', 12), address: request.ip,
        deviceToken: request.cookies[deviceCookieName(ctx.secureCookies)],
      });
      if (!result.ok) {
        const message = result.reason === 'wait'
          ? `Too many wrong tries. Wait until ${formatTime(result.retryAt.toISOString(), ctx.settings.due.timeZone)} and try again, or ask an admin for a new password link`
          : 'Enter a correct email address and password (and security code, if you use one)';
        return loginPage(reply, result.reason === 'wait' ? 429 : 400, { email, next, errors: [{ field: 'email', message }] });
      }
      const token = newToken();
      await ctx.store.sessions.create(result.user.id, tokenHash(token), result.user.role);
      setSessionCookie(reply, ctx, token);
      setDeviceCookie(reply, ctx, issueDeviceToken(ctx.formSecret, result.user.id));
      return reply.redirect(next, 303);
    });

    app.post('/clinic/logout', csrfCheck, async (request, reply) => {
      const hash = sessionHashOf(request, ctx);
      if (hash !== undefined) await ctx.store.sessions.delete(hash);
      clearSessionCookie(reply, ctx);
      return reply.redirect('/clinic/login?done=out', 303);
    });

    // First admin: a one-time link printed at start (or made by the CLI) while no admin exists.
    const setupPage = (reply: FastifyReply, request: FastifyRequest, status: number, fields: { name: string; email: string }, errors: FieldError[]) =>
      sendPage(reply, <SetPasswordPage site={ctx.site} csrf={reply.generateCsrf()} action={request.url.split('?')[0] ?? ''}
        title="Create the first admin account" intro="This link works once. The account you create here can add the other staff."
        askName={true} fields={fields} errors={errors} />, 'no-store', status);

    app.get('/clinic/setup/:token', async (request, reply) => {
      const { token } = request.params as { token: string };
      if (await ctx.store.tokens.peek('setup', tokenHash(token)) === undefined) return sendPage(reply, <LinkUnusablePage site={ctx.site} />, 'no-store', 404);
      return setupPage(reply, request, 200, { name: '', email: '' }, []);
    });

    app.post('/clinic/setup/:token', csrfCheck, async (request, reply) => {
      const { token } = request.params as { token: string };
      const fields = { name: field(request.body, 'name', 100).trim(), email: field(request.body, 'email', 254).trim() };
      const errors = passwordErrors(request.body, fields.email);
      if (fields.name === '') errors.unshift({ field: 'name', message: 'Enter your name' });
      if (!/^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(fields.email)) errors.splice(fields.name === '' ? 1 : 0, 0, { field: 'email', message: 'Enter an email address, like name@example.com' });
      if (await ctx.store.tokens.peek('setup', tokenHash(token)) === undefined) return sendPage(reply, <LinkUnusablePage site={ctx.site} />, 'no-store', 404);
      if (errors.length > 0) return setupPage(reply, request, 400, fields, errors);
      const used = await ctx.store.tokens.consume('setup', tokenHash(token));
      if (used === undefined || (await ctx.store.staff.count()) > 0) return sendPage(reply, <LinkUnusablePage site={ctx.site} />, 'no-store', 404);
      const created = await ctx.store.staff.create(systemContext('setup'), { email: fields.email, name: fields.name, role: 'admin' });
      if (created === 'exists') return sendPage(reply, <LinkUnusablePage site={ctx.site} />, 'no-store', 404);
      await ctx.store.staff.setPasswordHash(staffContext(created.id, 'admin'), created.id, await ctx.passwords.hash(field(request.body, 'password', 200)),
        { link: 'setup', linkBy: used.createdBy });
      return reply.redirect('/clinic/login?done=setup', 303);
    });

    // Set or reset a password from an admin-issued, single-use, expiring link.
    const passwordPage = (reply: FastifyReply, request: FastifyRequest, status: number, errors: FieldError[]) =>
      sendPage(reply, <SetPasswordPage site={ctx.site} csrf={reply.generateCsrf()} action={request.url.split('?')[0] ?? ''}
        title="Choose your password" intro="This link works once. Choosing a password signs you out everywhere else."
        askName={false} fields={{ name: '', email: '' }} errors={errors} />, 'no-store', status);

    app.get('/clinic/password/:token', async (request, reply) => {
      const { token } = request.params as { token: string };
      if (await ctx.store.tokens.peek('password', tokenHash(token)) === undefined) return sendPage(reply, <LinkUnusablePage site={ctx.site} />, 'no-store', 404);
      return passwordPage(reply, request, 200, []);
    });

    app.post('/clinic/password/:token', csrfCheck, async (request, reply) => {
      const { token } = request.params as { token: string };
      const pending = await ctx.store.tokens.peek('password', tokenHash(token));
      const user = pending?.userId == null ? undefined : await ctx.store.staff.byId(pending.userId);
      if (user === undefined || !user.active) return sendPage(reply, <LinkUnusablePage site={ctx.site} />, 'no-store', 404);
      const errors = passwordErrors(request.body, user.email);
      if (errors.length > 0) return passwordPage(reply, request, 400, errors);
      const used = await ctx.store.tokens.consume('password', tokenHash(token));
      if (used === undefined) return sendPage(reply, <LinkUnusablePage site={ctx.site} />, 'no-store', 404);
      await ctx.store.staff.setPasswordHash(staffContext(user.id, user.role), user.id, await ctx.passwords.hash(field(request.body, 'password', 200)),
        { link: 'password', linkBy: used.createdBy });
      await ctx.loginThrottle.clearAccount(user.email);
      return reply.redirect('/clinic/login?done=password', 303);
    });

    return Promise.resolve();
  };
}

function passwordErrors(body: unknown, email: string): FieldError[] {
  const password = field(body, 'password', 201);
  const problem = passwordProblem(password, email === '' ? 'x@x' : email);
  if (problem !== undefined) return [{ field: 'password', message: problem }];
  if (field(body, 'confirm', 201) !== password) return [{ field: 'confirm', message: 'Enter the same password twice' }];
  return [];
}
