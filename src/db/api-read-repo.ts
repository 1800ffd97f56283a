// What an API client may read: sent results, oldest first, by when they were sent. Every read is audited under the
// client's name: one search row, and an export row for each result it was given.
import type { Kysely } from 'kysely';
import { writeAudit } from './audit-repo.js';
import { requireApiClient, type RequestContext } from './context.js';
import type { Database } from './schema.js';
import { toRecord } from './submission-repo.js';
import type { SubmissionRecord } from './submission-types.js';

export type Comparison = '>' | '>=' | '<' | '<=';

export interface ApiSearch {
  /** Conditions on when the result was sent (its lastUpdated: a sent result never changes), all of which must hold. */
  sent: readonly { op: Comparison; at: string }[];
  /** Only these submission ids, when given. */
  ids?: readonly string[];
  /** Continue after this result (the next-page cursor). */
  after?: { at: string; id: string };
  /** Page size; 0 gives the total only. */
  count: number;
}

export interface ApiPage {
  records: SubmissionRecord[];
  total: number;
  /** True when results follow this page. */
  more: boolean;
}

export class ApiReadRepo {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date) {}

  private matching(q: ApiSearch) {
    let query = this.db.selectFrom('submission');
    for (const c of q.sent) query = query.where('submission.created_at', c.op, c.at);
    if (q.ids !== undefined) query = query.where('submission.id', 'in', q.ids.length === 0 ? [''] : [...q.ids]);
    return query;
  }

  /** One page of results in the order they were sent; audited under the client's name. */
  async search(ctx: RequestContext, q: ApiSearch): Promise<ApiPage> {
    const client = requireApiClient(ctx, 'read sent results');
    let query = this.matching(q).leftJoin('staff_user', 'staff_user.id', 'submission.assignee_id')
      .selectAll('submission').select('staff_user.name as assignee_name');
    const after = q.after;
    if (after !== undefined) {
      query = query.where((eb) => eb.or([
        eb('submission.created_at', '>', after.at),
        eb.and([eb('submission.created_at', '=', after.at), eb('submission.id', '>', after.id)]),
      ]));
    }
    const rows = q.count === 0 ? [] : await query.orderBy('submission.created_at').orderBy('submission.id').limit(q.count + 1).execute();
    const count = await this.matching(q).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const page = rows.slice(0, q.count);
    await writeAudit(this.db, ctx, this.now().toISOString(), [
      { action: 'api.search', detail: { client: client.clientId, shown: page.length, total: Number(count?.n ?? 0) } },
      ...page.map((r) => ({ action: 'submission.export' as const, submissionId: r.id, reference: r.reference, detail: { format: 'fhir-api', client: client.clientId } })),
    ]);
    return { records: page.map(toRecord), total: Number(count?.n ?? 0), more: rows.length > q.count };
  }
}
