// The public /fhir endpoints: the check as an SDC adaptive questionnaire ($next-question), and OperationOutcome 404s.
import cors from '@fastify/cors';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../server/context.js';
import { capabilityStatement } from './capability.js';
import { FhirError } from './fhir-errors.js';
import { FHIR_BODY_LIMIT, installFhirErrors, registerFhirJsonParser, requireFhirJson, sendFhirError, sendResource, wrongMethod } from './fhir-http.js';
import { nextQuestion } from './sdc/next-question.js';

/** Registered with the prefix /fhir; `records` when the clinic side (and so the QuestionnaireResponse search) runs. */
/** FHIR strings may hold new lines and tabs (item text, help text); NUL and other control characters are refused. */
const FHIR_TEXT = { multiline: ['contained', 'item', 'parameter', 'text'] } as const;

export function fhirRoutes(ctx: AppContext, o: { records: boolean }): FastifyPluginAsync {
  const baseUrl = ctx.config.baseUrl;
  /** Creak's error codes are named under the stable canonical base (docs/fhir.md), not this deployment's address. */
  const codes = ctx.config.fhirCanonicalBase;
  return async (app) => {
    const origins = ctx.config.corsOrigins;
    await app.register(cors, {
      origin: origins.includes('*') ? '*' : origins.length > 0 ? [...origins] : false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization'],
      maxAge: 600,
    });
    registerFhirJsonParser(app);
    installFhirErrors(app, codes);
    app.setNotFoundHandler(async (_request, reply) => sendFhirError(reply, new FhirError('not_found'), codes));

    app.post('/Questionnaire/$next-question', { bodyLimit: FHIR_BODY_LIMIT, config: { textFields: FHIR_TEXT } }, async (request, reply) => {
      requireFhirJson(request);
      return sendResource(reply, nextQuestion(ctx, request.body));
    });
    app.post<{ Params: { id: string } }>('/Questionnaire/:id/$next-question', { bodyLimit: FHIR_BODY_LIMIT, config: { textFields: FHIR_TEXT } }, async (request, reply) => {
      requireFhirJson(request);
      return sendResource(reply, nextQuestion(ctx, request.body, request.params.id));
    });
    app.get('/metadata', async (_request, reply) => sendResource(reply, capabilityStatement({
      baseUrl, clinicName: ctx.config.clinic.name, version: ctx.content.version, records: o.records, now: ctx.now(),
    })));
    wrongMethod(app, '/metadata', 'GET', codes);
    wrongMethod(app, '/Questionnaire/$next-question', 'POST', codes);
    wrongMethod(app, '/Questionnaire/:id/$next-question', 'POST', codes);
  };
}
