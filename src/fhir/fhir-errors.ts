// The one error type of the /fhir endpoints, its closed list of codes, and the one mapping to an HTTP status and an
// OperationOutcome (never a stack trace, never a 500 for anything a client sent).
import type * as fhir4 from 'fhir/r4.js';
import { narrative } from '../clinic/fhir/narrative.js';
import { AppError, toAppError, type ErrorCode } from '../server/errors.js';
import type { AnswerErrorCode } from '../engine/types.js';

export type FhirErrorCode =
  | AnswerErrorCode
  | 'unsupported_media_type'
  | 'invalid_json'
  | 'payload_too_large'
  | 'invalid_resource'
  | 'unknown_questionnaire'
  | 'content_changed'
  | 'item_not_asked'
  | 'wrong_answer_type'
  | 'invalid_answer'
  | 'missing_answer'
  | 'invalid_search'
  | 'unauthorized'
  | 'not_found'
  | 'method_not_allowed'
  | 'internal';

interface CodeInfo {
  status: number;
  /** FHIR's IssueType (http://hl7.org/fhir/issue-type). */
  issue: fhir4.OperationOutcomeIssue['code'];
  message: string;
}

/** Status, issue type and default message for each code. */
export const FHIR_ERRORS: Readonly<Record<FhirErrorCode, CodeInfo>> = {
  unknown_finding: { status: 400, issue: 'value', message: 'This answer is for something the check does not ask.' },
  wrong_type: { status: 400, issue: 'value', message: 'This answer has the wrong type.' },
  out_of_range: { status: 400, issue: 'value', message: 'This number is outside the allowed range.' },
  not_whole_number: { status: 400, issue: 'value', message: 'This number must be a whole number.' },
  invalid_choice: { status: 400, issue: 'code-invalid', message: 'This answer is not one of the allowed options.' },
  unknown_not_allowed: { status: 400, issue: 'value', message: '"I\'m not sure" is not allowed for this question.' },
  unsupported_media_type: { status: 415, issue: 'not-supported', message: 'Send the body as application/fhir+json.' },
  invalid_json: { status: 400, issue: 'structure', message: 'The request body is not valid JSON.' },
  payload_too_large: { status: 413, issue: 'too-long', message: 'The request body is too large.' },
  invalid_resource: { status: 400, issue: 'structure', message: 'The request body is not the resource this operation takes.' },
  unknown_questionnaire: { status: 404, issue: 'not-found', message: 'There is no adaptive Questionnaire with this id.' },
  content_changed: { status: 409, issue: 'conflict', message: 'The check has changed since this response began. Start again.' },
  item_not_asked: { status: 400, issue: 'invalid', message: 'This item was not asked.' },
  wrong_answer_type: { status: 400, issue: 'value', message: 'This answer does not have the type of its item.' },
  invalid_answer: { status: 400, issue: 'value', message: 'This answer is not allowed for its item.' },
  missing_answer: { status: 400, issue: 'required', message: 'This item needs an answer.' },
  invalid_search: { status: 400, issue: 'invalid', message: 'This search is not supported.' },
  unauthorized: { status: 401, issue: 'login', message: 'Send a valid API key as "Authorization: Bearer <key>".' },
  not_found: { status: 404, issue: 'not-found', message: 'There is nothing at this address.' },
  method_not_allowed: { status: 405, issue: 'not-supported', message: 'This method is not allowed here.' },
  internal: { status: 500, issue: 'exception', message: 'Something went wrong on our side.' },
};

export class FhirError extends Error {
  readonly status: number;
  constructor(readonly code: FhirErrorCode, message: string = FHIR_ERRORS[code].message, readonly expression: string | null = null) {
    super(message);
    this.name = 'FhirError';
    this.status = FHIR_ERRORS[code].status;
  }
}

/** An OperationOutcome for one or more errors; `system` names Creak's error codes (details.coding). */
export function operationOutcome(errors: readonly FhirError[], system: string): fhir4.OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    text: narrative('Error', errors.map((e) => e.message)),
    issue: errors.map((e): fhir4.OperationOutcomeIssue => ({
      severity: e.code === 'internal' ? 'fatal' : 'error',
      code: FHIR_ERRORS[e.code].issue,
      details: { coding: [{ system, code: e.code }], text: e.message },
      ...(e.expression === null ? {} : { expression: [e.expression] }),
    })),
  };
}

/** How the app's reading of Fastify's own errors (toAppError) maps to FHIR codes; anything else is internal. */
const FROM_APP_ERROR: Partial<Record<ErrorCode, FhirErrorCode>> = {
  payload_too_large: 'payload_too_large',
  unsupported_media_type: 'unsupported_media_type',
  invalid_json: 'invalid_json',
  invalid_body: 'invalid_resource',
};

/** Turns anything thrown (Fastify's own errors included) into a FhirError, never leaking its details. */
export function toFhirError(err: unknown): FhirError {
  if (err instanceof FhirError) return err;
  if (err instanceof AppError) {
    // A control character anywhere in the body (src/server/control-chars.ts): a 400 naming where it is.
    return err.code === 'control_character' ? new FhirError('invalid_resource', err.message, err.path) : new FhirError('internal');
  }
  return new FhirError(FROM_APP_ERROR[toAppError(err).code] ?? 'internal');
}
