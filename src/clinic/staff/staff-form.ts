// Small readers for staff form bodies and route parameters.
import type { FastifyRequest } from 'fastify';

export function field(request: FastifyRequest, name: string, max = 2000): string {
  const body = request.body;
  const v = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v.slice(0, max + 1) : '';
}

export function param(request: FastifyRequest, name: string): string {
  const v = (request.params as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : '';
}

export function queryValue(request: FastifyRequest, name: string): string | undefined {
  const v = (request.query as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
}
