// The safety view: per rule and content version, how often staff agreed with the triage and how often not.
import type { Kysely } from 'kysely';
import { writeAudit } from './audit-repo.js';
import { requireStaff, type RequestContext } from './context.js';
import type { Database } from './schema.js';
import type { SafetyRow } from './submission-types.js';

/** Counts feedback per fired rule and content version, most disagreement first. */
export async function safetyStats(db: Kysely<Database>, ctx: RequestContext, now: () => Date): Promise<SafetyRow[]> {
  requireStaff(ctx, 'view the safety page');
  // Rule ids are JSON arrays in text (dialect-neutral), so the fan-out per rule happens here rather than in SQL.
  const rows = await db.selectFrom('feedback').select(['verdict', 'rules_json', 'content_version']).execute();
  const table = new Map<string, SafetyRow>();
  for (const row of rows) {
    const rules = JSON.parse(row.rules_json) as string[];
    for (const rule of rules.length === 0 ? ['(no rule)'] : rules) {
      const key = `${rule}\u0000${row.content_version}`;
      const entry = table.get(key) ?? { rule, contentVersion: row.content_version, total: 0, agree: 0, moreUrgent: 0, lessUrgent: 0 };
      entry.total++;
      if (row.verdict === 'agree') entry.agree++;
      else if (row.verdict === 'more_urgent') entry.moreUrgent++;
      else entry.lessUrgent++;
      table.set(key, entry);
    }
  }
  await writeAudit(db, ctx, now().toISOString(), [{ action: 'safety.view' }]);
  return [...table.values()].sort((a, b) =>
    (b.total - b.agree) / b.total - (a.total - a.agree) / a.total || b.total - a.total
    || a.rule.localeCompare(b.rule) || a.contentVersion.localeCompare(b.contentVersion));
}
