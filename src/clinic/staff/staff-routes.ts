// All /clinic/* routes: the open ones (sign-in, setup, password links) and, behind the session and CSRF checks, the rest.
import type { FastifyPluginAsync } from 'fastify';
import { requireSession } from '../auth/staff-session.js';
import type { ClinicContext } from '../clinic-context.js';
import { accountRoutes } from './account-routes.js';
import { adminRoutes } from './admin-routes.js';
import { authRoutes } from './auth-routes.js';
import { detailRoutes } from './detail-routes.js';
import { exportRoutes } from './export-routes.js';
import { inboxRoutes } from './inbox-routes.js';
import { safetyRoutes } from './safety-routes.js';
import { integrationsRoutes } from './integrations-routes.js';

export function staffRoutes(ctx: ClinicContext): FastifyPluginAsync {
  return async (app) => {
    await app.register(authRoutes(ctx));
    await app.register(async (staff) => {
      requireSession(staff, ctx);
      await staff.register(inboxRoutes(ctx));
      await staff.register(detailRoutes(ctx));
      await staff.register(exportRoutes(ctx));
      await staff.register(accountRoutes(ctx));
      await staff.register(safetyRoutes(ctx));
      await staff.register(adminRoutes(ctx));
      await staff.register(integrationsRoutes(ctx));
    });
  };
}
