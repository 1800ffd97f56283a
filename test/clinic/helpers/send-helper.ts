// Sends a result through the real /send flow, as a person's browser would, and returns its reference.
import type { AnswerValue } from '../../../src/engine/types.js';
import { answersToFields } from '../../../src/web/answer-fields.js';
import { Client, hiddenFields } from './harness.js';

export interface Contact {
  name: string;
  phone?: string;
  email?: string;
  best_time?: string;
  message?: string;
}

export async function sendResult(client: Client, answers: Record<string, AnswerValue>, contact: Contact): Promise<string> {
  const start = await client.post('/send/start', Object.fromEntries(answersToFields(answers).map((f) => [f.name, f.value])));
  if (start.statusCode !== 200) throw new Error(`/send/start gave ${start.statusCode}`);
  const res = await client.post('/send', {
    ...hiddenFields(start.body), consent: 'yes', name: contact.name, phone: contact.phone ?? '07700 900982', email: contact.email ?? '',
    best_time: contact.best_time ?? 'any', message: contact.message ?? '',
  });
  if (res.statusCode !== 303) throw new Error(`/send gave ${res.statusCode}: ${res.body.slice(0, 500)}`);
  const reference = /r=(CRK-[A-Z0-9-]+)/.exec(res.headers.location as string)?.[1];
  if (reference === undefined) throw new Error('no reference');
  return reference;
}
