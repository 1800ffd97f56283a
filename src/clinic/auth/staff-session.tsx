// Staff sign-in plumbing: the session cookie, the session check on every staff route, CSRF on every staff form, roles.
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { sendPage } from '../../web/send.js';
import type { ClinicContext } from '../clinic-context.js';
import { StaffPage } from '../views/staff-layout.js';
import { DEVICE_COOKIE_MAX_AGE_S, deviceCookieName } from './device-cookie.js';
import { principalOf, setPrincipal } from './staff-principal.js';
import { tokenHash } from './tokens.js';

export function sessionCookieName(ctx: ClinicContext): string {
  return ctx.secureCookies ? '__Host-creak_staff' : 'creak_staff';
}

function cookieOptions(ctx: ClinicContext) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.secureCookies };
}

/** Adds cookies and CSRF tokens to the clinic's scope (the anonymous send form uses neither). */
export async function registerCookiesAndCsrf(app: FastifyInstance, ctx: ClinicContext): Promise<void> {
  if (!app.hasDecorator('parseCookie')) await app.register(cookie);
  if (!app.hasDecorator('csrfProtection')) {
    await app.register(csrf, {
      sessionPlugin: '@fastify/cookie',
      cookieKey: ctx.secureCookies ? '__Host-creak_csrf' : 'creak_csrf',
      cookieOpts: cookieOptions(ctx),
      getToken: (request) => {
        const body = request.body as Record<string, unknown> | undefined;
        return typeof body?._csrf === 'string' ? body._csrf : '';
      },
    });
  }
}

export function setSessionCookie(reply: FastifyReply, ctx: ClinicContext, token: string): void {
  void reply.setCookie(sessionCookieName(ctx), token, { ...cookieOptions(ctx), maxAge: Math.floor(ctx.settings.sessionAbsoluteMs / 1000) });
}

/** Remembers this device for the account that just signed in (see device-cookie.ts). */
export function setDeviceCookie(reply: FastifyReply, ctx: ClinicContext, token: string): void {
  void reply.setCookie(deviceCookieName(ctx.secureCookies), token, { ...cookieOptions(ctx), maxAge: DEVICE_COOKIE_MAX_AGE_S });
}

export function clearSessionCookie(reply: FastifyReply, ctx: ClinicContext): void {
  void reply.clearCookie(sessionCookieName(ctx), cookieOptions(ctx));
}

/** The session's token hash from the request cookie, if any. */
export function sessionHashOf(request: FastifyRequest, ctx: ClinicContext): string | undefined {
  const token = request.cookies[sessionCookieName(ctx)];
  return token === undefined || token === '' ? undefined : tokenHash(token);
}

/**
 * Guards a scope of staff routes: no live session → GET redirects to sign-in, anything else gets 401;
 * then every POST must carry a valid CSRF token (403 otherwise).
 */
export function requireSession(app: FastifyInstance, ctx: ClinicContext): void {
  app.addHook('preHandler', async (request, reply) => {
    const hash = sessionHashOf(request, ctx);
    const userId = hash === undefined ? undefined : await ctx.store.sessions.use(hash);
    const user = userId === undefined ? undefined : await ctx.store.staff.byId(userId);
    if (user === undefined || !user.active || hash === undefined) {
      if (request.method === 'GET' || request.method === 'HEAD') {
        return reply.header('cache-control', 'no-store').redirect(`/clinic/login?next=${encodeURIComponent(request.url)}`, 303);
      }
      return sendPage(reply, (
        <StaffPage site={ctx.site} title="Please sign in">
          <h1>Please sign in</h1>
          <p>You need to be signed in to do this. Your session may have ended.</p>
          <p><a href="/clinic/login">Sign in</a></p>
        </StaffPage>
      ), 'no-store', 401);
    }
    setPrincipal(request, { id: user.id, name: user.name, email: user.email, role: user.role, totpEnabled: user.totpEnabled, sessionHash: hash });
    return undefined;
  });
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD') {
      done();
      return;
    }
    app.csrfProtection(request, reply, done);
  });
}

/** Route preHandler for admin-only routes: 403 for everyone else. */
export function adminOnly(ctx: ClinicContext): preHandlerAsyncHookHandler {
  return async (request, reply) => {
    if (principalOf(request).role === 'admin') return;
    await sendPage(reply, (
      <StaffPage site={ctx.site} title="Not allowed" staff={principalOf(request)} csrf={reply.generateCsrf()}>
        <h1>You cannot see this page</h1>
        <p>Only admins can use this page.</p>
        <p><a href="/clinic">Go to the inbox</a></p>
      </StaffPage>
    ), 'no-store', 403);
  };
}
