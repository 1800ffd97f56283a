// The public /fhir endpoints: the check as an SDC adaptive questionnaire ($next-question), and OperationOutcome 404s.
import cors from '@fastify/cors';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../server/context.js';
import { capabilityStatement } from './capability.js';
import { FhirError } from './fhir-errors.js';
import { FHIR_BODY_LIMIT, installFhirErrors, registerFhirJsonParser, requireFhirJson, sendFhirError, sendResource, wrongMethod } from './fhir-http.js';
import { nextQuestion } from './sdc/next-question.js';

/** Registered with the prefix /fhir; `records` when the clinic side (and so the QuestionnaireResponse search) runs. */
export function fhirRoutes(ctx: AppContext, o: { records: boolean }): FastifyPluginAsync {
  const baseUrl = ctx.config.baseUrl;
  return async (app) => {
    const origins = ctx.config.corsOrigins;
    await app.register(cors, {
      origin: origins.includes('*') ? '*' : origins.length > 0 ? [...origins] : false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization'],
      maxAge: 600,
    });
    registerFhirJsonParser(app);
    installFhirErrors(app, baseUrl);
    app.setNotFoundHandler(async (_request, reply) => sendFhirError(reply, new FhirError('not_found'), baseUrl));

    app.post('/Questionnaire/$next-question', { bodyLimit: FHIR_BODY_LIMIT }, async (request, reply) => {
      requireFhirJson(request);
      return sendResource(reply, nextQuestion(ctx, request.body));
    });
    app.post<{ Params: { id: string } }>('/Questionnaire/:id/$next-question', { bodyLimit: FHIR_BODY_LIMIT }, async (request, reply) => {
      requireFhirJson(request);
      return sendResource(reply, nextQuestion(ctx, request.body, request.params.id));
    });
    app.get('/metadata', async (_request, reply) => sendResource(reply, capabilityStatement({
      baseUrl, clinicName: ctx.config.clinic.name, version: ctx.content.version, records: o.records, now: ctx.now(),
    })));
    wrongMethod(app, '/metadata', 'GET', baseUrl);
    wrongMethod(app, '/Questionnaire/$next-question', 'POST', baseUrl);
    wrongMethod(app, '/Questionnaire/:id/$next-question', 'POST', baseUrl);
  };
}
