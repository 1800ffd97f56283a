// The signed-in staff member of a request, kept beside the request (not on it) for the routes that need it.
import type { FastifyRequest } from 'fastify';
import { staffContext, type RequestContext, type Role } from '../../db/context.js';

export interface StaffPrincipal {
  id: string;
  name: string;
  email: string;
  role: Role;
  totpEnabled: boolean;
  /** Hash of this session's token, for logging out of this session only. */
  sessionHash: string;
}

const principals = new WeakMap<FastifyRequest, StaffPrincipal>();

export function setPrincipal(request: FastifyRequest, principal: StaffPrincipal): void {
  principals.set(request, principal);
}

/** The staff member; only call from routes behind the session check (it throws otherwise). */
export function principalOf(request: FastifyRequest): StaffPrincipal {
  const p = principals.get(request);
  if (p === undefined) throw new Error('no staff session on this request');
  return p;
}

export function contextOf(request: FastifyRequest): RequestContext {
  const p = principalOf(request);
  return staffContext(p.id, p.role);
}
