// API keys of the records system: made here (shown once, only a hash kept), and checked on every request.
import type { FastifyRequest } from 'fastify';
import { apiContext, type RequestContext } from '../../db/context.js';
import type { Store } from '../../db/store.js';
import { FhirError } from '../../fhir/fhir-errors.js';
import { newToken, tokenHash } from '../auth/tokens.js';

/** A new key: a recognisable prefix (for secret scanners) and 256 random bits. */
export function newApiKey(): { key: string; hash: string } {
  const key = `creak_${newToken()}`;
  return { key, hash: tokenHash(key) };
}

/** The API client behind "Authorization: Bearer <key>"; unknown and revoked keys are refused (401) at once. */
export async function apiClientOf(request: FastifyRequest, store: Store): Promise<RequestContext> {
  // The scheme is case-insensitive (RFC 9110); the key is base64url with Creak's prefix.
  const m = /^bearer ([A-Za-z0-9_\-.~+/]+=*)$/i.exec(request.headers.authorization ?? '');
  if (m?.[1] === undefined) throw new FhirError('unauthorized');
  const found = await store.apiClients.authenticate(tokenHash(m[1]));
  if (!found.ok) throw new FhirError('unauthorized', found.reason === 'revoked' ? 'This API key has been revoked.' : undefined);
  return apiContext(found.client.id, found.client.name);
}
