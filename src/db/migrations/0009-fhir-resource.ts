// Migration 9: FHIR definitions as published (each content version's Questionnaire, code systems and value sets), kept
// for good so a response made before a content change still names a Questionnaire that can be fetched.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('fhir_resource')
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('resource_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('fhir_resource_pk', ['resource_type', 'id'])
    .execute();
  await db.schema.createIndex('fhir_resource_url_version').on('fhir_resource').columns(['resource_type', 'url', 'version']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('fhir_resource').execute();
}
