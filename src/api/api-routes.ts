// The JSON API, version 1: POST /api/v1/triage, GET /api/v1/findings, /api/v1/content and /api/v1/openapi.json.
import cors from '@fastify/cors';
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import { triage, validateAnswers } from '../engine/index.js';
import type { AppContext } from '../server/context.js';
import { AppError } from '../server/errors.js';
import { publishedArticles } from '../web/blog.js';
import { apiBody, contentBody, findingsBody } from './api-outcome.js';
import { openApiDocument } from './openapi.js';

/** The request must be JSON, and an object with an `answers` object. */
function answersOf(request: FastifyRequest): unknown {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new AppError('unsupported_media_type');
  const body: unknown = request.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError('invalid_body', 'The request body must be a JSON object like {"answers": {…}}.', null);
  }
  if (!('answers' in body)) throw new AppError('invalid_body', 'The request body has no "answers" object.', 'answers');
  const answers: unknown = body.answers;
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) {
    throw new AppError('invalid_body', 'The "answers" must be an object keyed by finding id, like {"age_years": 44}.', 'answers');
  }
  return answers;
}

/**
 * The API's JSON parser. JSON.parse makes every key, "__proto__" included, an own data property and never touches a
 * prototype, so such a key is read like any other (an unknown finding) instead of being refused as bad JSON.
 */
function parseJson(_request: FastifyRequest, body: string, done: (err: Error | null, body?: unknown) => void): void {
  try {
    done(null, JSON.parse(body));
  } catch {
    done(new AppError('invalid_json'));
  }
}

export function apiRoutes(ctx: AppContext): FastifyPluginCallback {
  const { content, config } = ctx;
  const openapi = JSON.stringify(openApiDocument(config));
  return (app, _options, done) => {
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, next) => { parseJson(request, body as string, next); });
    const origins = config.corsOrigins;
    void app.register(cors, {
      origin: origins.includes('*') ? '*' : origins.length > 0 ? [...origins] : false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type'],
      maxAge: 600,
    });

    app.post('/triage', async (request, reply) => {
      const raw = answersOf(request);
      const result = triage(content, raw);
      if (result.status === 'invalid') {
        const [first] = result.errors;
        const error = new AppError(first?.code ?? 'invalid_body', first?.message, first?.path ?? null);
        return reply.code(error.status).header('cache-control', 'no-store')
          .send({ ...error.toJSON(), errors: result.errors.map((e) => ({ code: e.code, message: e.message, path: e.path })) });
      }
      const answers = Object.fromEntries(validateAnswers(content, raw).answers);
      return reply.header('cache-control', 'no-store').send(apiBody(ctx, result, answers));
    });

    app.get('/findings', async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=300').send(findingsBody(content)));

    app.get('/content', async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=300')
        .send(contentBody({ content, config, articles: publishedArticles(ctx.library.articles, ctx.now()).length, references: ctx.library.references.size })));

    app.get('/openapi.json', async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=300').type('application/json; charset=utf-8').send(openapi));

    // A known address with the wrong method is a 405 naming the right one, not a 404.
    const wrongMethod = (allow: string) => async (_request: FastifyRequest, reply: FastifyReply) =>
      reply.code(405).header('allow', allow).send(new AppError('method_not_allowed', `Use ${allow} here.`).toJSON());
    app.route({ method: ['GET', 'PUT', 'PATCH', 'DELETE'], url: '/triage', handler: wrongMethod('POST') });
    for (const url of ['/findings', '/content', '/openapi.json']) app.route({ method: ['POST', 'PUT', 'PATCH', 'DELETE'], url, handler: wrongMethod('GET') });
    done();
  };
}
