// All /clinic/* routes: the open ones (sign-in, setup, password links) and, behind the session check, the rest.
import type { FastifyPluginAsync } from 'fastify';
import { requireSession } from '../auth/staff-session.js';
import type { ClinicContext } from '../clinic-context.js';
import { authRoutes } from './auth-routes.js';

export function staffRoutes(ctx: ClinicContext): FastifyPluginAsync {
  return async (app) => {
    await app.register(authRoutes(ctx));
    await app.register(async (staff) => {
      requireSession(staff, ctx);
      await Promise.resolve();
    });
  };
}
