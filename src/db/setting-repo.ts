// Small shared settings (such as a generated signing secret) and once-only job runs, shared by every instance.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The stored value for a key, storing `fresh()` first if there is none; every instance ends up with the same value. */
export async function getOrCreateSetting(db: Kysely<Database>, key: string, fresh: () => string): Promise<string> {
  await db.insertInto('setting').values({ key, value: fresh() }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}

/** Claims a run of a job (e.g. the daily summary for one date); true for exactly one caller across all instances. */
export async function claimJobRun(db: Kysely<Database>, job: string, runKey: string, at: Date): Promise<boolean> {
  const res = await db.insertInto('job_run').values({ job, run_key: runKey, at: at.toISOString() })
    .onConflict((oc) => oc.columns(['job', 'run_key']).doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Gives back a claimed run that failed, so a later attempt (on any instance) may claim it again. */
export async function releaseJobRun(db: Kysely<Database>, job: string, runKey: string): Promise<void> {
  await db.deleteFrom('job_run').where('job', '=', job).where('run_key', '=', runKey).execute();
}
