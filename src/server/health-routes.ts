// GET /healthz: 200 when the content is loaded and the database answers, 503 otherwise; says whether the content is signed off.
import type { FastifyPluginCallback } from 'fastify';
import type { Clinic } from '../clinic/index.js';
import type { AppContext } from './context.js';

export function healthRoutes(ctx: AppContext, clinic: Clinic | undefined): FastifyPluginCallback {
  return (app, _options, done) => {
    app.get('/healthz', async (_req, reply) => {
      const contentOk = ctx.content.version !== '' && ctx.content.questions.length > 0;
      let database: 'ok' | 'down' | 'absent' = 'absent';
      if (clinic !== undefined) {
        database = await clinic.ping().then((ok) => (ok ? 'ok' : 'down'), () => 'down' as const);
      }
      const ok = contentOk && database !== 'down';
      return reply.code(ok ? 200 : 503).header('cache-control', 'no-store')
        .send({
          status: ok ? 'ok' : 'unavailable', content: contentOk ? ctx.content.version : null, database,
          // Not a reason for 503: unsigned content still serves people, and the clinic's admins are warned.
          signedOff: ctx.signoff.signedOff, signedOffOn: ctx.signoff.signoff?.date ?? null,
        });
    });
    done();
  };
}
