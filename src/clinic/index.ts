// The clinic side's entry point: storage, the /send/* flow and the staff /clinic/* pages as one Fastify plugin.
import type { FastifyPluginAsync } from 'fastify';
import type { ClinicalContent } from '../engine/types.js';
import type { ClinicAppConfig } from './app-config.js';

export interface Clinic {
  /** Registers /send/* and /clinic/* routes. */
  plugin: FastifyPluginAsync;
  /** True when the database answers; used by /healthz. */
  ping(): Promise<boolean>;
  /** Stops timers and closes the database. */
  close(): Promise<void>;
}

export interface CreateClinicOptions {
  config: ClinicAppConfig;
  content: ClinicalContent;
  /** Injected clock, for tests. */
  now?: () => Date;
}

/** Opens (and migrates) the database and returns the clinic plugin. */
export function createClinic(options: CreateClinicOptions): Promise<Clinic> {
  if (!options.content.version) return Promise.reject(new Error("content has no version"));
  const plugin: FastifyPluginAsync = async () => { /* routes arrive in later commits */ };
  return Promise.resolve({
    plugin,
    ping: () => Promise.resolve(true),
    close: () => Promise.resolve(),
  });
}
