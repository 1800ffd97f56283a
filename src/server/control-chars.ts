// Text input never carries control characters: NUL and the other C0/C1 codes are refused with a 400 naming the
// field, on every route and both database engines (PostgreSQL cannot store NUL at all). Multi-line fields may hold
// ordinary new lines and tabs.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** How this route's text fields are checked for control characters. */
    textFields?: {
      /** Fields that may hold new lines and tabs (a message, a note). */
      multiline?: readonly string[];
      /** Fields the route checks itself, to show a friendlier error on its own form. */
      checkedByRoute?: readonly string[];
    };
  }
}

// Matching control characters is the point of these two patterns.
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;

/** True when the text holds a control character (new lines, carriage returns and tabs are allowed when multi-line). */
export function hasControlCharacter(text: string, multiline = false): boolean {
  return (multiline ? CONTROL_EXCEPT_LINES : ANY_CONTROL).test(text);
}

/** The text with its control characters taken out (to show a form again without them). */
export function withoutControlCharacters(text: string, multiline = false): string {
  return text.replace(new RegExp((multiline ? CONTROL_EXCEPT_LINES : ANY_CONTROL).source, 'gu'), '');
}

/** The dotted path of the first string (or key) inside `value` that holds a control character, if any. */
export function controlCharacterPath(value: unknown, path: string, multiline: boolean): string | undefined {
  if (typeof value === 'string') return hasControlCharacter(value, multiline) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = controlCharacterPath(item, `${path}.${String(i)}`, multiline);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (hasControlCharacter(key)) return withoutControlCharacters(at);
      const found = controlCharacterPath(item, at, multiline);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function firstProblem(request: FastifyRequest): string | undefined {
  const rules = request.routeOptions.config.textFields ?? {};
  const multiline = new Set(rules.multiline ?? []);
  const ownCheck = new Set(rules.checkedByRoute ?? []);
  for (const source of [request.params, request.query, request.body]) {
    if (source === null || typeof source !== 'object') {
      if (typeof source === 'string' && hasControlCharacter(source)) return 'body';
      continue;
    }
    for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
      if (ownCheck.has(name)) continue;
      if (hasControlCharacter(name)) return withoutControlCharacters(name);
      const found = controlCharacterPath(value, name, multiline.has(name));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Refuses, before any handler runs, a request whose route parameters, query or body hold a control character. */
export function refuseControlCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const path = firstProblem(request);
    if (path === undefined) {
      done();
      return;
    }
    done(new AppError('control_character', `The value of "${path}" contains a control character (such as NUL). Send it without one.`, path));
  });
}
