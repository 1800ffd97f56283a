// The webhook notification: ids and a link only, and a signature anyone can check with node:crypto as docs/fhir.md says.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, notificationBody, signedHeaders } from './webhook-message.js';

describe('webhook messages', () => {
  const secret = newWebhookSecret();
  const body = notificationBody({ event: 'submission.created', createdAt: '2026-03-02T10:00:00.000Z', submissionId: '01a2-x' }, 'https://check.example.org');
  const at = new Date();
  const headers = signedHeaders(secret, 'msg_1', at, body);

  it('carries the event, the submission id and the search URL, nothing else', () => {
    assert.deepEqual(JSON.parse(body), {
      type: 'submission.created', timestamp: '2026-03-02T10:00:00.000Z',
      data: { submissionId: '01a2-x', search: 'https://check.example.org/fhir/QuestionnaireResponse?_id=01a2-x' },
    });
  });

  it('makes secrets of 32 random bytes in the Standard Webhooks form', () => {
    assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.notEqual(newWebhookSecret(), secret);
  });

  it('signs id, timestamp and body with HMAC-SHA256, as the documented recipe recomputes it', () => {
    assert.equal(headers['webhook-id'], 'msg_1');
    assert.equal(headers['webhook-timestamp'], String(Math.floor(at.getTime() / 1000)));
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update(`msg_1.${headers['webhook-timestamp'] ?? ''}.${body}`).digest('base64');
    assert.equal(headers['webhook-signature'], `v1,${expected}`);
  });

  it('verifies with a Standard Webhooks library, and fails for a changed body or another secret', () => {
    assert.deepEqual(new Webhook(secret).verify(body, headers), JSON.parse(body));
    assert.throws(() => new Webhook(secret).verify(body.replace('01a2-x', '01a2-y'), headers));
    assert.throws(() => new Webhook(newWebhookSecret()).verify(body, headers));
  });
});
