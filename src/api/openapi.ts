// The OpenAPI 3.1 description of the v1 API, served at /api/v1/openapi.json (see docs/api.md for the versioning policy).
import type { AppConfig } from '../config.js';
import { LEVELS } from '../engine/types.js';
import { ERROR_CODES, ERROR_MESSAGES, statusFor } from '../server/errors.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const strings = { type: 'array', items: { type: 'string' } };

function errorResponse(description: string, codes: readonly string[]) {
  return { description: `${description} Codes: ${codes.join(', ')}.`, content: json(ref('Error')) };
}

const codesFor = (status: number) => ERROR_CODES.filter((c) => statusFor(c) === status);

/** The answers any operation may give besides its own: an unknown address, a wrong method, a service not ready. */
function commonResponses(unavailable = true) {
  return {
    404: errorResponse('Nothing at this address (for example a mistyped path).', codesFor(404)),
    405: errorResponse('This method is not allowed here; the Allow header names the one that is.', codesFor(405)),
    ...(unavailable ? { 503: errorResponse('The service is starting or stopping; try again shortly.', codesFor(503)) } : {}),
  };
}

const RESULT_MAPPING = {
  question: '#/components/schemas/QuestionResult',
  outcome: '#/components/schemas/OutcomeResult',
  out_of_scope: '#/components/schemas/OutOfScopeResult',
};

export function openApiDocument(config: AppConfig): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: `${config.clinic.name} self-check API`,
      version: '1',
      description:
        'Triage for joint noises and back pain. Stateless: send every answer each time. Version 1 changes only by ' +
        'adding fields; clients must ignore fields they do not know. Answers are keyed by finding id (GET /api/v1/findings): ' +
        'true/false, a number, a choice value, or "unknown" ("I\'m not sure"). Durations are in weeks.',
    },
    servers: [{ url: config.baseUrl }],
    paths: {
      '/api/v1/triage': {
        post: {
          operationId: 'triage',
          summary: 'The next question, or the explained outcome, for a set of answers',
          requestBody: { required: true, content: json(ref('TriageRequest')) },
          responses: {
            200: { description: 'The next question, the outcome, or out of scope.', content: json({ oneOf: [ref('QuestionResult'), ref('OutcomeResult'), ref('OutOfScopeResult')], discriminator: { propertyName: 'status', mapping: RESULT_MAPPING } }) },
            400: errorResponse('Bad input: unknown finding id, wrong type, out of range, malformed JSON.', codesFor(400)),
            413: errorResponse('The body is larger than 32 KB.', codesFor(413)),
            415: errorResponse('The body is not application/json.', codesFor(415)),
            ...commonResponses(),
          },
        },
      },
      '/api/v1/findings': {
        get: { operationId: 'findings', summary: 'The finding catalogue', responses: { 200: { description: 'Every finding the API accepts.', content: json(ref('Findings')) }, ...commonResponses() } },
      },
      '/api/v1/content': {
        get: { operationId: 'content', summary: 'The content version and counts', responses: { 200: { description: 'Content version.', content: json(ref('Content')) }, ...commonResponses() } },
      },
      '/healthz': {
        get: {
          operationId: 'health',
          summary: 'Health: content loaded and database answering',
          responses: { 200: { description: 'Healthy.', content: json(ref('Health')) }, 503: { description: 'Not ready.', content: json(ref('Health')) }, ...commonResponses(false) },
        },
      },
    },
    components: {
      schemas: {
        Level: { type: 'string', enum: [...LEVELS] },
        Answer: { oneOf: [{ type: 'boolean' }, { type: 'number' }, { type: 'string' }], description: 'true/false, a number, a choice value, or "unknown".' },
        TriageRequest: {
          type: 'object',
          required: ['answers'],
          properties: { answers: { type: 'object', additionalProperties: ref('Answer'), example: { age_years: 44, body_region: 'lower_back', main_concern: 'pain_only' } } },
        },
        Option: {
          type: 'object',
          required: ['value', 'label'],
          properties: { value: { type: 'string' }, label: { type: 'string' }, hint: { type: 'string' }, finding: { type: 'string', description: 'multi questions: the finding this option sets true' } },
        },
        Question: {
          type: 'object',
          required: ['id', 'kind', 'findings', 'text', 'unknownAllowed'],
          properties: {
            id: { type: 'string' },
            kind: { type: 'string', enum: ['boolean', 'number', 'choice', 'multi'] },
            finding: { type: 'string', description: 'For boolean, number and choice questions.' },
            findings: strings,
            text: { type: 'string' },
            hint: { type: 'string' },
            options: { type: 'array', items: ref('Option') },
            unknownAllowed: { type: 'boolean' },
            min: { type: 'number' },
            max: { type: 'number' },
            integer: { type: 'boolean', description: 'Number questions: true when the answer must be a whole number.' },
            units: { type: 'array', items: { type: 'string', enum: ['days', 'weeks', 'months'] }, description: 'Durations: answer in weeks (convert days and months).' },
            riskTopic: { type: 'boolean' },
          },
        },
        QuestionResult: {
          type: 'object',
          required: ['status', 'question', 'contentVersion'],
          properties: { status: { const: 'question' }, question: ref('Question'), asked: { type: 'integer' }, contentVersion: { type: 'string' } },
        },
        FiredRule: {
          type: 'object',
          required: ['id', 'level', 'title', 'reason', 'because', 'sources'],
          properties: {
            id: { type: 'string' }, level: ref('Level'), title: { type: 'string' }, reason: { type: 'string' },
            because: { ...strings, description: 'The finding ids whose answers made the rule fire.' },
            sources: { ...strings, description: 'Reference ids; see sourceDetails.' },
            tier: { type: 'object', properties: { atLeast: { type: 'integer' }, code: { type: 'string' }, label: { type: 'string' } } },
          },
        },
        Advice: {
          type: 'object',
          properties: {
            title: { type: 'string' }, meaning: { type: 'string' }, doNow: strings, expect: { type: 'string' }, selfManagement: strings,
            ruleNotes: { type: 'array', items: { type: 'object', properties: { rule: { type: 'string' }, text: { type: 'string' } } } },
          },
        },
        Outcome: {
          type: 'object',
          required: ['level', 'title', 'rules', 'checkedAbsent', 'unsure', 'safetyNet', 'advice', 'articles', 'contentVersion'],
          properties: {
            level: ref('Level'),
            title: { type: 'string' },
            region: { type: 'string' },
            rules: { type: 'array', items: ref('FiredRule') },
            decisive: strings,
            checkedAbsent: { ...strings, description: 'Red flags asked about and answered no.' },
            unsure: { type: 'array', items: { type: 'object', properties: { finding: { type: 'string' }, rule: { type: 'string' }, couldBe: ref('Level') } }, description: '"unknown" answers that raised the level.' },
            riskGroup: { type: 'object', properties: { group: { type: 'string', enum: ['low', 'medium', 'high'] }, total: { type: 'integer' }, psychosocial: { type: 'integer' } } },
            safetyNet: { ...strings, description: 'When to call 999 or get urgent help, for the region.' },
            articleTags: strings,
            bestCase: ref('Level'),
            worstCase: ref('Level'),
            advice: ref('Advice'),
            articles: { type: 'array', items: { type: 'object', properties: { slug: { type: 'string' }, title: { type: 'string' }, summary: { type: 'string' }, url: { type: 'string' } } } },
            sourceDetails: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, citation: { type: 'string' }, url: { type: 'string' }, kind: { type: 'string' } } } },
            contentVersion: { type: 'string' },
          },
        },
        OutcomeResult: {
          type: 'object',
          required: ['status', 'outcome', 'contentVersion'],
          properties: { status: { const: 'outcome' }, outcome: ref('Outcome'), contentVersion: { type: 'string' } },
        },
        OutOfScopeResult: {
          type: 'object',
          required: ['status', 'reason', 'minimumAge', 'contentVersion'],
          properties: { status: { const: 'out_of_scope' }, reason: { const: 'under_minimum_age' }, minimumAge: { type: 'integer' }, advice: ref('Advice'), contentVersion: { type: 'string' } },
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message', 'path'],
              properties: {
                code: { type: 'string', enum: [...ERROR_CODES], description: ERROR_CODES.map((c) => `${c} (${String(statusFor(c))}): ${ERROR_MESSAGES[c]}`).join(' ') },
                message: { type: 'string' },
                path: { type: ['string', 'null'], description: 'Where the problem is, e.g. answers.age_years; null for the body as a whole.' },
              },
            },
            errors: { type: 'array', description: 'Every problem found, when there are several.', items: { type: 'object' } },
          },
        },
        Findings: {
          type: 'object',
          properties: {
            contentVersion: { type: 'string' },
            findings: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'type', 'required', 'meaning'],
                properties: {
                  id: { type: 'string' }, type: { type: 'string', enum: ['boolean', 'number', 'choice'] }, required: { type: 'boolean' },
                  meaning: { type: 'string' }, min: { type: 'number' }, max: { type: 'number' }, integer: { type: 'boolean' }, values: strings,
                  units: strings,
                },
              },
            },
          },
        },
        Content: {
          type: 'object',
          properties: { version: { type: 'string' }, apiVersion: { const: 'v1' }, counts: { type: 'object', additionalProperties: { type: 'integer' } }, levels: { type: 'array', items: ref('Level') }, minimumAge: { type: 'integer' } },
        },
        Health: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: ['ok', 'unavailable'] }, content: { type: ['string', 'null'] }, database: { type: 'string', enum: ['ok', 'down', 'absent'] },
            signedOff: { type: 'boolean', description: 'Whether a clinical safety officer has signed off the running content version.' },
            signedOffOn: { type: ['string', 'null'], description: 'The day of that sign-off (YYYY-MM-DD), or null.' },
          },
        },
      },
    },
  };
}
