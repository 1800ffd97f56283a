// Published FHIR definitions: stored once per content version when first seen, never changed, read by id or canonical URL.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The fields a published resource needs. */
export interface PublishableResource {
  resourceType: string;
  id?: string | undefined;
  url?: string | undefined;
  version?: string | undefined;
}

export interface ResourceQuery {
  url?: string;
  version?: string;
}

export class FhirResourceRepo {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date) {}

  /**
   * Stores each resource unless that id (or that url and version) is already stored: a version, once published, keeps
   * its first form. Safe on several instances at once. Returns how many were new.
   */
  async publish(resources: readonly PublishableResource[]): Promise<number> {
    const at = this.now().toISOString();
    let added = 0;
    for (const r of resources) {
      if (r.id === undefined || r.url === undefined || r.version === undefined) throw new Error(`${r.resourceType} needs an id, a url and a version to be published`);
      const res = await this.db.insertInto('fhir_resource').values({
        resource_type: r.resourceType, id: r.id, url: r.url, version: r.version, published_at: at, resource_json: JSON.stringify(r),
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      added += Number(res.numInsertedOrUpdatedRows ?? 0n);
    }
    return added;
  }

  async get(resourceType: string, id: string): Promise<unknown> {
    const row = await this.db.selectFrom('fhir_resource').select('resource_json')
      .where('resource_type', '=', resourceType).where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : JSON.parse(row.resource_json) as unknown;
  }

  /** Resources of a type, by canonical URL and version when given, oldest publication first. */
  async search(resourceType: string, query: ResourceQuery = {}): Promise<unknown[]> {
    let q = this.db.selectFrom('fhir_resource').select('resource_json').where('resource_type', '=', resourceType);
    if (query.url !== undefined) q = q.where('url', '=', query.url);
    if (query.version !== undefined) q = q.where('version', '=', query.version);
    const rows = await q.orderBy('published_at').orderBy('id').execute();
    return rows.map((r) => JSON.parse(r.resource_json) as unknown);
  }

  /** The canonical URLs stored for a resource type (to check that the canonical base never changes). */
  async urls(resourceType: string): Promise<string[]> {
    const rows = await this.db.selectFrom('fhir_resource').select('url').distinct().where('resource_type', '=', resourceType).execute();
    return rows.map((r) => r.url);
  }
}
