// What a webhook sends: a small JSON notification with ids and links only (never patient data), signed the Standard
// Webhooks way (HMAC-SHA256 over id, timestamp and body) so any of that spec's libraries can verify it.
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { DueDelivery } from '../../db/webhook-repo.js';

/** A new signing secret in the Standard Webhooks form: "whsec_" and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export interface Notification {
  type: string;
  /** When the submission was stored (ISO 8601, UTC). */
  timestamp: string;
  data: {
    submissionId: string;
    /** GET with an API key: a searchset Bundle with the QuestionnaireResponse, its RiskAssessment and Patient. */
    search: string;
  };
}

/** The body for one delivery: the same bytes on every attempt. */
export function notificationBody(delivery: Pick<DueDelivery, 'event' | 'createdAt' | 'submissionId'>, baseUrl: string): string {
  const notification: Notification = {
    type: delivery.event,
    timestamp: delivery.createdAt,
    data: { submissionId: delivery.submissionId, search: `${baseUrl}/fhir/QuestionnaireResponse?_id=${encodeURIComponent(delivery.submissionId)}` },
  };
  return JSON.stringify(notification);
}

/** The request headers of one attempt: webhook-id (the same on every attempt), webhook-timestamp and webhook-signature. */
export function signedHeaders(secret: string, id: string, at: Date, body: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'Creak-Webhooks/1',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}
