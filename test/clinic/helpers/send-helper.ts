// Sends a result through the real /send flow, as a person's browser would, and returns its reference.
import type { AnswerValue } from '../../../src/engine/types.js';
import { answersToFields } from '../../../src/web/answer-fields.js';
import { Client, content, hiddenFields } from './harness.js';

export interface Contact {
  name: string;
  phone?: string;
  email?: string;
  best_time?: string;
  message?: string;
}

/**
 * The sealed state of a result page for these answers, made by the app itself: the answers are posted the way a
 * saved result link's page posts them, and the redirect's address holds the state.
 */
export async function resultToken(client: Client, answers: Record<string, AnswerValue>): Promise<string> {
  const saved = await client.post('/check/saved', { ...Object.fromEntries(answersToFields(answers).map((f) => [f.name, f.value])), saved: content().version });
  const location = String(saved.headers.location);
  const token = /^\/check\/result\?s=([A-Za-z0-9_-]+)$/.exec(location)?.[1];
  if (saved.statusCode !== 303 || token === undefined) throw new Error(`/check/saved gave ${String(saved.statusCode)} ${location}`);
  return token;
}

/** The contact form's fields (the sealed answers and the form token), as the result page's link opens it. */
export async function sendForm(client: Client, answers: Record<string, AnswerValue>): Promise<Record<string, string>> {
  const start = await client.get(`/send/start?s=${await resultToken(client, answers)}`);
  if (start.statusCode !== 200) throw new Error(`/send/start gave ${String(start.statusCode)}`);
  return hiddenFields(start.body);
}

export async function sendResult(client: Client, answers: Record<string, AnswerValue>, contact: Contact): Promise<string> {
  const res = await client.post('/send', {
    ...(await sendForm(client, answers)), consent: 'yes', name: contact.name, phone: contact.phone ?? '07700 900982', email: contact.email ?? '',
    best_time: contact.best_time ?? 'any', message: contact.message ?? '',
  });
  if (res.statusCode !== 303) throw new Error(`/send gave ${String(res.statusCode)}: ${res.body.slice(0, 500)}`);
  const reference = /r=(CRK-[A-Z0-9-]+)/.exec(res.headers.location as string)?.[1];
  if (reference === undefined) throw new Error('no reference');
  return reference;
}
