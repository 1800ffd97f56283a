// The one error type at the HTTP boundary, its closed list of codes, and the one mapping from code to status.
import type { AnswerErrorCode } from '../engine/types.js';

export type ErrorCode =
  | AnswerErrorCode
  | 'invalid_json'
  | 'invalid_body'
  | 'control_character'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'not_found'
  | 'method_not_allowed'
  | 'unavailable'
  | 'internal';

/** Every code, for the OpenAPI document and tests. */
export const ERROR_CODES: readonly ErrorCode[] = [
  'unknown_finding', 'wrong_type', 'out_of_range', 'not_whole_number', 'invalid_choice', 'unknown_not_allowed',
  'invalid_json', 'invalid_body', 'control_character', 'payload_too_large', 'unsupported_media_type', 'not_found',
  'method_not_allowed', 'unavailable', 'internal',
];

/** Default message for each code; a thrower may give a more precise one. */
export const ERROR_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  unknown_finding: 'This finding id is not in the catalogue.',
  wrong_type: 'This answer has the wrong type.',
  out_of_range: 'This number is outside the allowed range.',
  not_whole_number: 'This number must be a whole number.',
  invalid_choice: 'This value is not one of the allowed choices.',
  unknown_not_allowed: '"unknown" is not allowed for this finding.',
  invalid_json: 'The request body is not valid JSON.',
  invalid_body: 'The request body does not have the expected shape.',
  control_character: 'A text value contains a control character (such as NUL); only new lines and tabs, in multi-line fields, are accepted.',
  payload_too_large: 'The request body is too large.',
  unsupported_media_type: 'The request body must be sent as application/json.',
  not_found: 'There is nothing at this address.',
  method_not_allowed: 'This method is not allowed here.',
  unavailable: 'The service is not ready.',
  internal: 'Something went wrong on our side.',
};

/** The HTTP status for each error code. */
export function statusFor(code: ErrorCode): number {
  switch (code) {
    case 'unknown_finding':
    case 'wrong_type':
    case 'out_of_range':
    case 'not_whole_number':
    case 'invalid_choice':
    case 'unknown_not_allowed':
    case 'invalid_json':
    case 'invalid_body':
    case 'control_character':
      return 400;
    case 'not_found':
      return 404;
    case 'method_not_allowed':
      return 405;
    case 'payload_too_large':
      return 413;
    case 'unsupported_media_type':
      return 415;
    case 'unavailable':
      return 503;
    case 'internal':
      return 500;
  }
}

export class AppError extends Error {
  readonly status: number;
  constructor(readonly code: ErrorCode, message: string = ERROR_MESSAGES[code], readonly path: string | null = null) {
    super(message);
    this.name = 'AppError';
    this.status = statusFor(code);
  }

  toJSON(): { error: { code: ErrorCode; message: string; path: string | null } } {
    return { error: { code: this.code, message: this.message, path: this.path } };
  }
}

/** Turns anything thrown (Fastify's own errors included) into an AppError, never leaking its details. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; statusCode?: unknown };
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('invalid_json');
    default:
      break;
  }
  if (err instanceof SyntaxError) return new AppError('invalid_json');
  if (e.statusCode === 413) return new AppError('payload_too_large');
  if (e.statusCode === 415) return new AppError('unsupported_media_type');
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) return new AppError('invalid_body');
  return new AppError('internal');
}
