// Submissions: store a person's sent result, list the inbox, read one, move it through the workflow. Audits every access.
import { isDeepStrictEqual } from 'node:util';
import { newId } from './ids.js';
import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import { levelRank, type Answers, type Level, type Outcome, type Region } from '../engine/types.js';
import { writeAudit } from './audit-repo.js';
import { enqueueSubmissionCreated } from './webhook-repo.js';
import { requireStaff, type RequestContext } from './context.js';
import { newReferenceCode, parseReferenceCode } from './reference-code.js';
import type { Database, SubmissionTable } from './schema.js';
import {
  NEXT_STATUSES, type CreatedSubmission, type FeedbackRecord, type InboxFilter, type NewSubmission, type RepoResult, type Status,
  type SubmissionDetail, type SubmissionEvent, type SubmissionRecord, type SubmissionSummary, type Verdict,
} from './submission-types.js';

type Row = Selectable<SubmissionTable> & { assignee_name: string | null };
type SummaryRow = Pick<Row, (typeof SUMMARY_COLUMNS)[number] extends `submission.${infer C}` ? C & keyof Row : never> & { assignee_name: string | null };

const SUMMARY_COLUMNS = [
  'submission.id', 'submission.reference', 'submission.created_at', 'submission.status', 'submission.level', 'submission.region',
  'submission.emergency', 'submission.due_at', 'submission.assignee_id', 'submission.name', 'submission.phone', 'submission.email',
  'submission.best_time',
] as const;

export class SubmissionRepo {
  constructor(private readonly db: Kysely<Database>, private readonly now: () => Date) {}

  /**
   * Stores a sent result; the commit is durable before this resolves, so the reference may be shown to the person.
   * A form sent again (same nonce) stores nothing new: the answer describes what is stored, and says whether what was
   * sent this time differs from it, so the caller never confirms details that were not kept.
   */
  async create(ctx: RequestContext, input: NewSubmission): Promise<CreatedSubmission> {
    const at = this.now().toISOString();
    if (input.formNonce !== undefined) {
      const existing = await this.byNonce(input.formNonce, input);
      if (existing !== undefined) return existing;
    }
    for (let attempt = 0; ; attempt++) {
      const id = newId();
      const reference = newReferenceCode();
      try {
        await this.db.transaction().execute(async (trx) => {
          await trx.insertInto('submission').values({
            id, reference, created_at: at, updated_at: at, status: 'new',
            level: input.outcome.level, level_rank: levelRank(input.outcome.level), region: input.outcome.region,
            emergency: input.outcome.level === 'emergency' ? 1 : 0, due_at: input.dueAt, assignee_id: null,
            name: input.name, name_search: input.name.toLowerCase(), phone: input.phone, email: input.email,
            best_time: input.bestTime, message: input.message, answers_json: JSON.stringify(input.answers),
            outcome_json: JSON.stringify(input.outcome), content_version: input.outcome.contentVersion,
            form_nonce: input.formNonce ?? null, notified_at: input.needsEmail ? null : 'not-needed', notify_after: null, notify_attempts: 0,
          }).execute();
          await trx.insertInto('submission_event').values({
            id: newId(), submission_id: id, at, user_id: null, action: 'created', from_value: null, to_value: 'new', note: null,
          }).execute();
          await writeAudit(trx, ctx, at, [{ action: 'submission.create', submissionId: id, reference, detail: { level: input.outcome.level } }]);
          await enqueueSubmissionCreated(trx, id, at);
        });
        return { id, reference, createdAt: at, level: input.outcome.level, duplicate: false, changed: false };
      } catch (error) {
        const clash = /unique|duplicate/i.test(error instanceof Error ? error.message : '');
        if (clash && input.formNonce !== undefined) {
          // The same form sent twice at once: the other request stored it; answer with that record.
          const existing = await this.byNonce(input.formNonce, input);
          if (existing !== undefined) return existing;
        }
        // A clash of random reference codes is astronomically rare; try a fresh one a few times.
        if (attempt < 3 && clash) continue;
        throw error;
      }
    }
  }

  /** The submission already stored for a form nonce, compared with what was sent again. */
  private async byNonce(nonce: string, input: NewSubmission): Promise<CreatedSubmission | undefined> {
    const row = await this.db.selectFrom('submission')
      .select(['id', 'reference', 'created_at', 'level', 'name', 'phone', 'email', 'best_time', 'message', 'answers_json'])
      .where('form_nonce', '=', nonce).executeTakeFirst();
    if (row === undefined) return undefined;
    const same = row.name === input.name && row.phone === input.phone && row.email === input.email && row.best_time === input.bestTime
      && row.message === input.message && isDeepStrictEqual(JSON.parse(row.answers_json), input.answers);
    return { id: row.id, reference: row.reference, createdAt: row.created_at, level: row.level as Level, duplicate: true, changed: !same };
  }

  /** The inbox: most urgent first, then longest waiting. Audited as one view with the count shown. */
  async listInbox(ctx: RequestContext, filter: InboxFilter, page: { limit: number; offset: number }): Promise<{ items: SubmissionSummary[]; total: number }> {
    requireStaff(ctx, 'view the inbox');
    // Only the listed columns: the answers and outcome (kilobytes each) stay out of the sort.
    const rows = await this.filtered(filter).leftJoin('staff_user', 'staff_user.id', 'submission.assignee_id')
      .select(SUMMARY_COLUMNS).select('staff_user.name as assignee_name')
      .orderBy('submission.level_rank', 'desc').orderBy('submission.created_at', 'asc').orderBy('submission.id')
      .limit(page.limit).offset(page.offset).execute();
    const count = await this.filtered(filter).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    await writeAudit(this.db, ctx, this.now().toISOString(), [{
      action: 'inbox.view', detail: { shown: rows.length, status: filter.status ?? 'open', searched: (filter.q ?? '') !== '' },
    }]);
    return { items: rows.map(toSummary), total: Number(count?.n ?? 0) };
  }

  /** Every submission matching the filter, in inbox order, for a bulk export; each one is audited as exported. */
  async exportMany(ctx: RequestContext, filter: InboxFilter, format: string): Promise<SubmissionRecord[]> {
    requireStaff(ctx, 'export submissions');
    const rows = await this.filtered(filter).leftJoin('staff_user', 'staff_user.id', 'submission.assignee_id')
      .selectAll('submission').select('staff_user.name as assignee_name')
      .orderBy('submission.level_rank', 'desc').orderBy('submission.created_at', 'asc').orderBy('submission.id').execute();
    const at = this.now().toISOString();
    await writeAudit(this.db, ctx, at, [
      { action: 'inbox.export', detail: { format, count: rows.length } },
      ...rows.map((r) => ({ action: 'submission.export' as const, submissionId: r.id, reference: r.reference, detail: { format, bulk: true } })),
    ]);
    return rows.map(toRecord);
  }

  /** One submission with its history and feedback, by id or reference code; audited as a view (or an export). */
  async get(ctx: RequestContext, idOrReference: string, purpose: { export?: string } = {}): Promise<SubmissionDetail | undefined> {
    requireStaff(ctx, 'view a submission');
    const reference = parseReferenceCode(idOrReference);
    const row = await this.db.selectFrom('submission').leftJoin('staff_user', 'staff_user.id', 'submission.assignee_id')
      .selectAll('submission').select('staff_user.name as assignee_name')
      .where(reference === undefined ? 'submission.id' : 'submission.reference', '=', reference ?? idOrReference)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    const events = await this.db.selectFrom('submission_event').leftJoin('staff_user', 'staff_user.id', 'submission_event.user_id')
      .selectAll('submission_event').select('staff_user.name as user_name')
      .where('submission_id', '=', row.id).orderBy('submission_event.at').orderBy('submission_event.id').execute();
    const feedback = await this.db.selectFrom('feedback').leftJoin('staff_user', 'staff_user.id', 'feedback.user_id')
      .selectAll('feedback').select('staff_user.name as user_name')
      .where('submission_id', '=', row.id).orderBy('feedback.at').orderBy('feedback.id').execute();
    await writeAudit(this.db, ctx, this.now().toISOString(), [purpose.export === undefined
      ? { action: 'submission.view', submissionId: row.id, reference: row.reference }
      : { action: 'submission.export', submissionId: row.id, reference: row.reference, detail: { format: purpose.export } }]);
    return {
      ...toRecord(row),
      events: events.map((e): SubmissionEvent => ({
        id: e.id, at: e.at, userId: e.user_id, userName: e.user_name, action: e.action as SubmissionEvent['action'],
        fromValue: e.from_value, toValue: e.to_value, note: e.note,
      })),
      feedback: feedback.map((f): FeedbackRecord => ({
        id: f.id, at: f.at, userId: f.user_id, userName: f.user_name, verdict: f.verdict as Verdict, comment: f.comment,
      })),
    };
  }

  /** Moves a submission (by id or reference) along the workflow, with an optional note. */
  async setStatus(ctx: RequestContext, id: string, to: Status, note: string | null): Promise<RepoResult<null>> {
    const staff = requireStaff(ctx, 'change a submission');
    return this.db.transaction().execute(async (trx): Promise<RepoResult<null>> => {
      const row = await keyed(trx.selectFrom('submission').select(['id', 'reference', 'status']), id).executeTakeFirst();
      if (row === undefined) return { ok: false, code: 'not_found' };
      id = row.id;
      const from = row.status as Status;
      if (!NEXT_STATUSES[from].includes(to)) return { ok: false, code: 'bad_transition' };
      const at = this.now().toISOString();
      await trx.updateTable('submission').set({ status: to, updated_at: at }).where('id', '=', id).where('status', '=', from).execute();
      await trx.insertInto('submission_event').values({
        id: newId(), submission_id: id, at, user_id: staff.userId, action: 'status', from_value: from, to_value: to, note,
      }).execute();
      await writeAudit(trx, ctx, at, [{ action: 'submission.status', submissionId: id, reference: row.reference, detail: { from, to } }]);
      return { ok: true, value: null };
    });
  }

  /** Adds a note to a submission's history. */
  async addNote(ctx: RequestContext, id: string, note: string): Promise<RepoResult<null>> {
    const staff = requireStaff(ctx, 'add a note');
    return this.db.transaction().execute(async (trx): Promise<RepoResult<null>> => {
      const row = await keyed(trx.selectFrom('submission').select(['id', 'reference']), id).executeTakeFirst();
      if (row === undefined) return { ok: false, code: 'not_found' };
      id = row.id;
      const at = this.now().toISOString();
      await trx.insertInto('submission_event').values({
        id: newId(), submission_id: id, at, user_id: staff.userId, action: 'note', from_value: null, to_value: null, note,
      }).execute();
      await trx.updateTable('submission').set({ updated_at: at }).where('id', '=', id).execute();
      await writeAudit(trx, ctx, at, [{ action: 'submission.note', submissionId: id, reference: row.reference }]);
      return { ok: true, value: null };
    });
  }

  /** Assigns a submission to an active staff member, or unassigns it (null). */
  async assign(ctx: RequestContext, id: string, userId: string | null): Promise<RepoResult<null>> {
    const staff = requireStaff(ctx, 'assign a submission');
    return this.db.transaction().execute(async (trx): Promise<RepoResult<null>> => {
      const row = await keyed(trx.selectFrom('submission').select(['id', 'reference', 'assignee_id']), id).executeTakeFirst();
      if (row === undefined) return { ok: false, code: 'not_found' };
      id = row.id;
      if (userId !== null) {
        const user = await trx.selectFrom('staff_user').select('id').where('id', '=', userId).where('active', '=', 1).executeTakeFirst();
        if (user === undefined) return { ok: false, code: 'unknown_user' };
      }
      const at = this.now().toISOString();
      await trx.updateTable('submission').set({ assignee_id: userId, updated_at: at }).where('id', '=', id).execute();
      await trx.insertInto('submission_event').values({
        id: newId(), submission_id: id, at, user_id: staff.userId, action: 'assign', from_value: row.assignee_id, to_value: userId, note: null,
      }).execute();
      await writeAudit(trx, ctx, at, [{ action: 'submission.assign', submissionId: id, reference: row.reference, detail: { to: userId } }]);
      return { ok: true, value: null };
    });
  }

  /** Records a clinician's view of the triage; the rules and content version are copied so the safety page outlives the record. */
  async addFeedback(ctx: RequestContext, id: string, verdict: Verdict, comment: string | null): Promise<RepoResult<null>> {
    const staff = requireStaff(ctx, 'give feedback');
    return this.db.transaction().execute(async (trx): Promise<RepoResult<null>> => {
      const row = await keyed(trx.selectFrom('submission').select(['id', 'reference', 'level', 'outcome_json', 'content_version']), id)
        .executeTakeFirst();
      if (row === undefined) return { ok: false, code: 'not_found' };
      id = row.id;
      const outcome = JSON.parse(row.outcome_json) as Outcome;
      const at = this.now().toISOString();
      await trx.insertInto('feedback').values({
        id: newId(), submission_id: id, at, user_id: staff.userId, verdict, comment, level: row.level,
        rules_json: JSON.stringify(outcome.rules.map((r) => r.id)), content_version: row.content_version,
      }).execute();
      await writeAudit(trx, ctx, at, [{ action: 'submission.feedback', submissionId: id, reference: row.reference, detail: { verdict } }]);
      return { ok: true, value: null };
    });
  }

  private filtered(filter: InboxFilter) {
    let q = this.db.selectFrom('submission');
    const status = filter.status ?? 'open';
    if (status === 'open') q = q.where('submission.status', '!=', 'closed');
    else if (status !== 'all') q = q.where('submission.status', '=', status);
    if (filter.level !== undefined) q = q.where('submission.level', '=', filter.level);
    if (filter.region !== undefined) q = q.where('submission.region', '=', filter.region);
    if (filter.from !== undefined) q = q.where('submission.created_at', '>=', `${filter.from}T00:00:00.000Z`);
    if (filter.to !== undefined) q = q.where('submission.created_at', '<=', `${filter.to}T23:59:59.999Z`);
    if (filter.assignee === 'none') q = q.where('submission.assignee_id', 'is', null);
    else if (filter.assignee !== undefined) q = q.where('submission.assignee_id', '=', filter.assignee);
    if (filter.overdue === true) {
      q = q.where('submission.due_at', '<', this.now().toISOString()).where('submission.status', 'in', ['new', 'in_progress']);
    }
    const text = filter.q?.trim() ?? '';
    if (text !== '') {
      const reference = parseReferenceCode(text);
      const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([
        ...(reference === undefined ? [] : [eb('submission.reference', '=', reference)]),
        // LIKE escapes differ by default between the engines; an explicit ESCAPE makes % and _ literal on both.
        sql<boolean>`${sql.ref('submission.name_search')} like ${pattern} escape '\\'`,
      ]));
    }
    return q;
  }
}

/** Narrows a query to one submission given its id or its reference code (as typed). */
function keyed<Q extends SelectQueryBuilder<Database, 'submission', object>>(q: Q, idOrReference: string): Q {
  const reference = parseReferenceCode(idOrReference);
  return (reference === undefined ? q.where('submission.id', '=', idOrReference) : q.where('submission.reference', '=', reference)) as Q;
}

function toSummary(r: SummaryRow): SubmissionSummary {
  return {
    id: r.id, reference: r.reference, createdAt: r.created_at, status: r.status as Status, level: r.level as Level,
    region: r.region as Region, emergency: r.emergency === 1, dueAt: r.due_at, assigneeId: r.assignee_id,
    assigneeName: r.assignee_name, name: r.name, phone: r.phone, email: r.email, bestTime: r.best_time,
  };
}

/** A stored row as the record the rest of the app uses (also for the API's reads). */
export function toRecord(r: Row): SubmissionRecord {
  return {
    ...toSummary(r), updatedAt: r.updated_at, message: r.message, answers: JSON.parse(r.answers_json) as Answers,
    outcome: JSON.parse(r.outcome_json) as Outcome, contentVersion: r.content_version,
  };
}
