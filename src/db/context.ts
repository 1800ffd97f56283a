// Who is asking: every repository call takes one, so the repository can check it and write the audit trail itself.
export type Role = 'admin' | 'clinician';
export const ROLES: readonly Role[] = ['admin', 'clinician'];

export type RequestContext =
  | { actor: 'public' }
  | { actor: 'system'; job: string }
  | { actor: 'staff'; userId: string; role: Role }
  | { actor: 'api'; clientId: string; clientName: string };

export const publicContext: RequestContext = { actor: 'public' };

export function systemContext(job: string): RequestContext {
  return { actor: 'system', job };
}

export function staffContext(userId: string, role: Role): RequestContext {
  return { actor: 'staff', userId, role };
}

/** A records system's API client (read-only): every read it makes is audited under its name. */
export function apiContext(clientId: string, clientName: string): RequestContext {
  return { actor: 'api', clientId, clientName };
}

/** Thrown when a context may not do what it asked; routes check roles first, so this is a second line. */
export class ForbiddenError extends Error {
  constructor(what: string) {
    super(`not allowed: ${what}`);
    this.name = 'ForbiddenError';
  }
}

export function requireStaff(ctx: RequestContext, what: string): Extract<RequestContext, { actor: 'staff' }> {
  if (ctx.actor !== 'staff') throw new ForbiddenError(what);
  return ctx;
}

export function requireAdmin(ctx: RequestContext, what: string): void {
  if (ctx.actor === 'system') return;
  if (ctx.actor !== 'staff' || ctx.role !== 'admin') throw new ForbiddenError(what);
}

export function requireApiClient(ctx: RequestContext, what: string): Extract<RequestContext, { actor: 'api' }> {
  if (ctx.actor !== 'api') throw new ForbiddenError(what);
  return ctx;
}
