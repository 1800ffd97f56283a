// The one storage contract suite, run unchanged against SQLite and PostgreSQL (STYLE.md: one contract suite per backend).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { publicContext, staffContext, systemContext, ForbiddenError, type RequestContext } from '../../src/db/context.js';
import { openStore, type Store } from '../../src/db/store.js';
import type { NewSubmission } from '../../src/db/submission-types.js';
import type { Level } from '../../src/engine/types.js';
import type { Backend } from './helpers/backends.js';
import { testClock } from './helpers/clock.js';
import { HOSTILE, sampleAnswers, sampleOutcome } from './helpers/outcome-fixture.js';

function newSubmission(level: Level, name: string, extra: Partial<NewSubmission> = {}): NewSubmission {
  return {
    name, phone: '07700 900123', email: 'pat@example.com', bestTime: 'morning', message: null,
    answers: sampleAnswers, outcome: sampleOutcome(level, level === 'urgent' ? ['U3'] : ['R1']), dueAt: '2026-03-02T13:00:00.000Z', needsEmail: false,
    ...extra,
  };
}

export function storageContract(makeBackend: () => Backend, skip: () => Promise<string | false>): void {
  describe('storage contract', async () => {
    const skipReason = await skip();
    const clock = testClock();
    let backend: Backend;
    let store: Store;
    let admin: RequestContext;
    let clinician: RequestContext;
    let clinicianId = '';

    before(async () => {
      if (skipReason !== false) return;
      backend = makeBackend();
      store = await openStore(backend.options, { now: clock.now });
      const a = await store.staff.create(systemContext('setup'), { email: 'Admin@Example.com', name: 'Ada Admin', role: 'admin' });
      assert.notEqual(a, 'exists');
      if (a === 'exists') return;
      admin = staffContext(a.id, 'admin');
      const c = await store.staff.create(admin, { email: 'cli@example.com', name: 'Cleo Clinician', role: 'clinician' });
      if (c === 'exists') throw new Error('clinician exists');
      clinicianId = c.id;
      clinician = staffContext(c.id, 'clinician');
    });
    after(async () => {
      if (skipReason !== false) return;
      await store.close();
      await backend.cleanup();
    });
    const opts = { skip: skipReason };

    it('migrations are idempotent: opening the same database again works and keeps the data', opts, async () => {
      const again = await openStore(backend.options, { now: clock.now });
      assert.equal(await again.staff.count(), 2);
      assert.equal(await again.ping(), true);
      await again.close();
    });

    it('a submission round-trips with its answers, outcome and content version, by id and by reference', opts, async () => {
      const created = await store.submissions.create(publicContext, newSubmission('urgent', 'Sam Round'));
      assert.match(created.reference, /^CRK-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      const byRef = await store.submissions.get(clinician, created.reference.toLowerCase().replaceAll('-', ' '));
      const byId = await store.submissions.get(clinician, created.id);
      assert.ok(byRef && byId);
      assert.deepEqual(byRef.answers, sampleAnswers);
      assert.deepEqual(byRef.outcome, sampleOutcome('urgent', ['U3']));
      assert.equal(byId.contentVersion, 'test-1');
      assert.equal(byId.status, 'new');
      assert.equal(byId.emergency, false);
      assert.equal(byId.events[0]?.action, 'created');
    });

    it('hostile text (HTML, SQL, formulas, LIKE wildcards) is stored and returned verbatim', opts, async () => {
      const name = `${HOSTILE.html} ${HOSTILE.sql} ${HOSTILE.like}`;
      const created = await store.submissions.create(publicContext, newSubmission('soon', name, {
        message: HOSTILE.formula, bestTime: HOSTILE.sql, email: null,
      }));
      const got = await store.submissions.get(clinician, created.id);
      assert.equal(got?.name, name);
      assert.equal(got.message, HOSTILE.formula);
      assert.equal(got.bestTime, HOSTILE.sql);
      assert.equal(got.email, null);
      const found = await store.submissions.listInbox(clinician, { q: "robert'); drop", status: 'all' }, { limit: 10, offset: 0 });
      assert.deepEqual(found.items.map((i) => i.id), [created.id]);
      const literal = await store.submissions.listInbox(clinician, { q: '100%_match\\', status: 'all' }, { limit: 10, offset: 0 });
      assert.deepEqual(literal.items.map((i) => i.id), [created.id]);
      const wildcard = await store.submissions.listInbox(clinician, { q: '%', status: 'all' }, { limit: 10, offset: 0 });
      assert.deepEqual(wildcard.items.map((i) => i.id), [created.id], 'a % typed in search is literal, not a wildcard');
    });

    it('the inbox lists most urgent first, then longest waiting, with filters and a numeric total', opts, async () => {
      const ids: Record<string, string> = {};
      for (const [level, name] of [['routine', 'Rita Routine'], ['emergency', 'Emma Emergency'], ['urgent', 'Uma Early'], ['self_care', 'Sal Self']] as const) {
        clock.advance(60_000);
        ids[name] = (await store.submissions.create(publicContext, newSubmission(level, name))).id;
      }
      clock.advance(60_000);
      ids['Uma Late'] = (await store.submissions.create(publicContext, newSubmission('urgent', 'Uma Late'))).id;
      const inbox = await store.submissions.listInbox(clinician, {}, { limit: 100, offset: 0 });
      const names = inbox.items.map((i) => i.name);
      assert.equal(names[0], 'Emma Emergency');
      assert.ok(names.indexOf('Sam Round') < names.indexOf('Uma Early') && names.indexOf('Uma Early') < names.indexOf('Uma Late'));
      assert.equal(names.at(-1), 'Sal Self');
      assert.equal(typeof inbox.total, 'number');
      assert.equal(inbox.total, inbox.items.length);
      assert.equal(inbox.items[0]?.emergency, true);

      const urgent = await store.submissions.listInbox(clinician, { level: 'urgent' }, { limit: 100, offset: 0 });
      assert.ok(urgent.items.every((i) => i.level === 'urgent'));
      assert.equal(urgent.total, 3);
      const byName = await store.submissions.listInbox(clinician, { q: 'UMA' }, { limit: 100, offset: 0 });
      assert.deepEqual(byName.items.map((i) => i.name), ['Uma Early', 'Uma Late']);
      const paged = await store.submissions.listInbox(clinician, {}, { limit: 2, offset: 1 });
      assert.equal(paged.items.length, 2);
      assert.equal(paged.total, inbox.total);
      const today = clock.now().toISOString().slice(0, 10);
      assert.equal((await store.submissions.listInbox(clinician, { from: today, to: today }, { limit: 100, offset: 0 })).total, inbox.total);
      assert.equal((await store.submissions.listInbox(clinician, { to: '2026-03-01' }, { limit: 100, offset: 0 })).total, 0);
      assert.equal((await store.submissions.listInbox(clinician, { region: 'knee' }, { limit: 100, offset: 0 })).total, 0);

      clock.set('2026-03-02T14:00:00.000Z');
      const overdue = await store.submissions.listInbox(clinician, { overdue: true }, { limit: 100, offset: 0 });
      assert.equal(overdue.total, inbox.total, 'all were due at 13:00');
    });

    it('the workflow allows only its own moves and records who did what', opts, async () => {
      const { id } = await store.submissions.create(publicContext, newSubmission('soon', 'Walt Flow'));
      assert.deepEqual(await store.submissions.setStatus(clinician, id, 'in_progress', 'Rang, no answer'), { ok: true, value: null });
      assert.deepEqual(await store.submissions.setStatus(clinician, id, 'new', null), { ok: false, code: 'bad_transition' });
      assert.deepEqual(await store.submissions.setStatus(clinician, id, 'contacted', null), { ok: true, value: null });
      assert.deepEqual(await store.submissions.addNote(clinician, id, 'Booked for Tuesday'), { ok: true, value: null });
      assert.deepEqual(await store.submissions.setStatus(clinician, id, 'closed', null), { ok: true, value: null });
      assert.deepEqual(await store.submissions.setStatus(clinician, 'nope', 'closed', null), { ok: false, code: 'not_found' });
      const got = await store.submissions.get(clinician, id);
      assert.equal(got?.status, 'closed');
      assert.deepEqual(got.events.map((e) => [e.action, e.toValue, e.note, e.userName]), [
        ['created', 'new', null, null],
        ['status', 'in_progress', 'Rang, no answer', 'Cleo Clinician'],
        ['status', 'contacted', null, 'Cleo Clinician'],
        ['note', null, 'Booked for Tuesday', 'Cleo Clinician'],
        ['status', 'closed', null, 'Cleo Clinician'],
      ]);
      const open = await store.submissions.listInbox(clinician, {}, { limit: 100, offset: 0 });
      assert.ok(!open.items.some((i) => i.id === id), 'closed items leave the default (open) inbox');
      const closed = await store.submissions.listInbox(clinician, { status: 'closed' }, { limit: 100, offset: 0 });
      assert.ok(closed.items.some((i) => i.id === id));
    });

    it('assigning checks the user and filters by assignee', opts, async () => {
      const { id } = await store.submissions.create(publicContext, newSubmission('routine', 'Asa Sign'));
      assert.deepEqual(await store.submissions.assign(clinician, id, 'no-such-user'), { ok: false, code: 'unknown_user' });
      assert.deepEqual(await store.submissions.assign(clinician, id, clinicianId), { ok: true, value: null });
      const mine = await store.submissions.listInbox(clinician, { assignee: clinicianId }, { limit: 100, offset: 0 });
      assert.deepEqual(mine.items.map((i) => [i.id, i.assigneeName]), [[id, 'Cleo Clinician']]);
      const none = await store.submissions.listInbox(clinician, { assignee: 'none' }, { limit: 100, offset: 0 });
      assert.ok(!none.items.some((i) => i.id === id));
    });

    it('feedback feeds the safety page per rule and content version', opts, async () => {
      const a = await store.submissions.create(publicContext, newSubmission('urgent', 'Fee One'));
      const b = await store.submissions.create(publicContext, newSubmission('urgent', 'Fee Two'));
      assert.deepEqual(await store.submissions.addFeedback(clinician, a.id, 'agree', 'fine'), { ok: true, value: null });
      assert.deepEqual(await store.submissions.addFeedback(clinician, b.id, 'less_urgent', HOSTILE.html), { ok: true, value: null });
      const stats = await store.safetyStats(clinician);
      const u3 = stats.find((s) => s.rule === 'U3' && s.contentVersion === 'test-1');
      assert.deepEqual(u3, { rule: 'U3', contentVersion: 'test-1', total: 2, agree: 1, moreUrgent: 0, lessUrgent: 1 });
      const got = await store.submissions.get(clinician, b.id);
      assert.deepEqual(got?.feedback.map((f) => [f.verdict, f.comment, f.userName]), [['less_urgent', HOSTILE.html, 'Cleo Clinician']]);
    });

    it('every view, change and export is audited with ids and codes only, never patient data', opts, async () => {
      const { id, reference } = await store.submissions.create(publicContext, newSubmission('urgent', 'Priya Private', { message: 'my secret' }));
      await store.submissions.get(clinician, id);
      await store.submissions.get(clinician, id, { export: 'fhir' });
      await store.submissions.setStatus(clinician, id, 'in_progress', 'private note');
      await store.submissions.exportMany(clinician, { q: 'priya' }, 'csv');
      const trail = await store.listAudit(admin, { reference, limit: 50, offset: 0 });
      assert.deepEqual(trail.rows.map((r) => r.action).sort(),
        ['submission.create', 'submission.export', 'submission.export', 'submission.status', 'submission.view']);
      assert.ok(trail.rows.every((r) => r.submissionId === id));
      const all = await store.listAudit(admin, { limit: 10_000, offset: 0 });
      const text = JSON.stringify(all.rows);
      for (const secret of ['Priya', 'priya', 'my secret', 'private note', '07700', 'pat@example.com']) {
        assert.ok(!text.includes(secret), `audit must not hold "${secret}"`);
      }
      await assert.rejects(store.listAudit(clinician, { limit: 1, offset: 0 }), ForbiddenError);
    });

    it('the public and the wrong role are refused by the repository itself', opts, async () => {
      await assert.rejects(store.submissions.listInbox(publicContext, {}, { limit: 1, offset: 0 }), ForbiddenError);
      await assert.rejects(store.submissions.get(publicContext, 'x'), ForbiddenError);
      await assert.rejects(store.retention.deleteByReference(clinician, 'CRK-2222-2222'), ForbiddenError);
      await assert.rejects(store.staff.create(clinician, { email: 'x@example.com', name: 'X', role: 'admin' }), ForbiddenError);
    });

    it('deleting by reference removes the person’s data and keeps the trail and the verdict', opts, async () => {
      const { id, reference } = await store.submissions.create(publicContext, newSubmission('urgent', 'Del Me'));
      await store.submissions.addFeedback(clinician, id, 'more_urgent', 'comment about Del');
      assert.equal(await store.retention.deleteByReference(admin, reference), true);
      assert.equal(await store.retention.deleteByReference(admin, reference), false);
      assert.equal(await store.submissions.get(clinician, id), undefined);
      const events = await store.kysely.selectFrom('submission_event').select('id').where('submission_id', '=', id).execute();
      assert.equal(events.length, 0);
      const fb = await store.kysely.selectFrom('feedback').selectAll().where('comment', '=', 'comment about Del').execute();
      assert.equal(fb.length, 0);
      const trail = await store.listAudit(admin, { reference, limit: 50, offset: 0 });
      assert.ok(trail.rows.some((r) => r.action === 'submission.delete'));
    });

    it('the retention purge is idempotent and safe to run twice at once', opts, async () => {
      clock.set('2026-06-01T09:00:00.000Z');
      const fresh = await store.submissions.create(publicContext, newSubmission('routine', 'Fresh Person'));
      const before = (await store.submissions.listInbox(clinician, { status: 'all' }, { limit: 1000, offset: 0 })).total;
      const cutoff = new Date('2026-05-01T00:00:00.000Z');
      const [x, y] = await Promise.all([
        store.retention.purgeOlderThan(systemContext('retention'), cutoff),
        store.retention.purgeOlderThan(systemContext('retention'), cutoff),
      ]);
      assert.equal(x + y, before - 1);
      assert.equal(await store.retention.purgeOlderThan(systemContext('retention'), cutoff), 0);
      const left = await store.submissions.listInbox(clinician, { status: 'all' }, { limit: 1000, offset: 0 });
      assert.deepEqual(left.items.map((i) => i.id), [fresh.id]);
      const purges = await store.kysely.selectFrom('audit_log').select('id').where('action', '=', 'submission.purge').execute();
      assert.equal(purges.length, before - 1, 'each purged submission is audited exactly once');
    });

    it('staff accounts: unique emails, disabling ends sessions', opts, async () => {
      assert.equal(await store.staff.create(admin, { email: 'CLI@example.com ', name: 'Dup', role: 'clinician' }), 'exists');
      const user = await store.staff.byEmail('Cli@Example.com');
      assert.equal(user?.id, clinicianId);
      await store.sessions.create(clinicianId, 'hash-disable');
      assert.equal(await store.sessions.use('hash-disable'), clinicianId);
      assert.equal(await store.staff.setActive(admin, clinicianId, false), true);
      assert.equal(await store.sessions.use('hash-disable'), undefined);
      assert.equal(await store.staff.setActive(admin, clinicianId, true), true);
    });

    it('sessions end after the idle timeout and the absolute limit, and all at once on logout everywhere', opts, async () => {
      await store.sessions.create(clinicianId, 'hash-idle');
      clock.advance(29 * 60_000);
      assert.equal(await store.sessions.use('hash-idle'), clinicianId);
      clock.advance(29 * 60_000);
      assert.equal(await store.sessions.use('hash-idle'), clinicianId, 'use refreshes the idle clock');
      clock.advance(31 * 60_000);
      assert.equal(await store.sessions.use('hash-idle'), undefined);
      await store.sessions.create(clinicianId, 'hash-a');
      await store.sessions.create(clinicianId, 'hash-b');
      assert.equal(await store.sessions.deleteAllFor(clinicianId), 2);
      assert.equal(await store.sessions.use('hash-a'), undefined);
    });

    it('a session used a second before its idle limit lives on for the full idle time after that use', opts, async () => {
      await store.sessions.create(clinicianId, 'hash-exact');
      clock.advance(10_000);
      assert.equal(await store.sessions.use('hash-exact'), clinicianId);
      clock.advance(30 * 60_000 - 1000);
      assert.equal(await store.sessions.use('hash-exact'), clinicianId, '29:59 after the last use');
      clock.advance(30 * 60_000);
      assert.equal(await store.sessions.use('hash-exact'), undefined, '30:00 after the last use');
    });

    it('a TOTP time step is used once: by one of two callers at once, and never again or an older one', opts, async () => {
      await store.staff.setTotpSecret(clinician, clinicianId, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 1000);
      assert.equal(await store.staff.acceptTotpStep(clinicianId, 1000), false, 'the confirming code is used up');
      const both = await Promise.all([store.staff.acceptTotpStep(clinicianId, 1001), store.staff.acceptTotpStep(clinicianId, 1001)]);
      assert.deepEqual(both.sort(), [false, true]);
      assert.equal(await store.staff.acceptTotpStep(clinicianId, 1000), false);
      assert.equal(await store.staff.acceptTotpStep(clinicianId, 1002), true);
      await store.staff.setTotpSecret(clinician, clinicianId, null);
      assert.equal((await store.staff.byId(clinicianId))?.totpSecret, null);
    });

    it('one-time tokens work once, expire, and a newer one replaces an older one', opts, async () => {
      await store.tokens.create(admin, 'password', clinicianId, 'tok-1', 60_000);
      const made = await store.tokens.create(admin, 'password', clinicianId, 'tok-2', 60_000);
      assert.equal(made.createdBy, admin.actor === 'staff' ? admin.userId : '');
      const links = await store.kysely.selectFrom('audit_log').select(['user_id', 'subject_user_id']).where('action', '=', 'staff.reset_link').execute();
      assert.deepEqual(links.at(-1), { user_id: made.createdBy, subject_user_id: clinicianId }, 'the maker and the account it is for');
      assert.equal(await store.tokens.peek('password', 'tok-1'), undefined);
      assert.equal((await store.tokens.peek('password', 'tok-2'))?.userId, clinicianId);
      const results = await Promise.all([store.tokens.consume('password', 'tok-2'), store.tokens.consume('password', 'tok-2')]);
      assert.equal(results.filter((r) => r !== undefined).length, 1);
      await store.tokens.create(systemContext('setup'), 'setup', null, 'tok-3', 60_000);
      assert.equal(await store.tokens.consume('password', 'tok-3'), undefined, 'kinds do not mix');
      clock.advance(61_000);
      assert.equal(await store.tokens.consume('setup', 'tok-3'), undefined);
    });

    it('sign-in throttling counts each try before it is checked: a burst gets exactly the free tries, then waits that grow', opts, async () => {
      const rule = { free: 5, baseDelayMs: 30_000, maxDelayMs: 100_000, forgetAfterMs: 86_400_000 };
      const burst = await Promise.all(Array.from({ length: 20 }, () => store.loginThrottle.attempt('key-burst', rule)));
      assert.equal(burst.filter((r) => r.allowed).length, 5, 'exactly the free tries of 20 at once');
      assert.deepEqual(burst.flatMap((r) => (r.allowed ? [r.failures] : [])).sort(), [1, 2, 3, 4, 5]);
      const start = clock.now().getTime();
      for (const at of burst.flatMap((r) => (r.allowed ? [] : [r.retryAt.getTime()]))) assert.equal(at, start + 30_000);
      clock.advance(29_000);
      assert.equal((await store.loginThrottle.attempt('key-burst', rule)).allowed, false, 'a refused try does not count or extend the wait');
      clock.advance(1000);
      assert.deepEqual(await store.loginThrottle.attempt('key-burst', rule), { allowed: true, failures: 6 });
      const second = await store.loginThrottle.attempt('key-burst', rule);
      assert.equal(second.allowed ? 0 : second.retryAt.getTime() - clock.now().getTime(), 60_000, 'the wait doubles');
      clock.advance(60_000);
      assert.equal((await store.loginThrottle.attempt('key-burst', rule)).allowed, true);
      const third = await store.loginThrottle.attempt('key-burst', rule);
      assert.equal(third.allowed ? 0 : third.retryAt.getTime() - clock.now().getTime(), 100_000, 'up to the longest wait');
      assert.equal((await store.loginThrottle.attempt('key-other', rule)).allowed, true, 'each key counts on its own');
      await store.loginThrottle.forgive('key-other');
      assert.deepEqual(await store.loginThrottle.attempt('key-other', rule), { allowed: true, failures: 1 }, 'a correct password takes its try back');
      await store.loginThrottle.clear('key-other');
      assert.deepEqual(await store.loginThrottle.attempt('key-other', rule), { allowed: true, failures: 1 });
      clock.advance(86_400_000 + 200_000);
      assert.deepEqual(await store.loginThrottle.attempt('key-burst', rule), { allowed: true, failures: 1 }, 'forgotten after a quiet day');
      clock.advance(86_400_001);
      assert.equal(await store.loginThrottle.purgeStale(new Date(clock.now().getTime() - 86_400_000)), 2);
      assert.equal((await store.kysely.selectFrom('login_throttle').select('key').execute()).length, 0);
    });

    it('rate limits count in the database, even for hits at once, per scope and client, and reset each window', opts, async () => {
      const hits = await Promise.all(Array.from({ length: 5 }, () => store.rateLimits.hit('send', '203.0.113.9', 3, 60_000)));
      assert.equal(hits.filter((ok) => ok).length, 3, 'exactly the first 3 of 5 simultaneous hits are allowed');
      assert.equal(await store.rateLimits.hit('send', '203.0.113.10', 3, 60_000), true, 'another client has its own count');
      assert.equal(await store.rateLimits.hit('login', '203.0.113.9', 3, 60_000), true, 'another scope has its own count');
      const stored = await store.kysely.selectFrom('rate_limit').select('bucket').execute();
      assert.ok(stored.every((r) => !r.bucket.includes('203.0.113')), 'client addresses are not stored');
      clock.advance(61_000);
      assert.equal(await store.rateLimits.hit('send', '203.0.113.9', 3, 60_000), true, 'a new window starts again');
    });

    it('the same form sent twice (even at once) makes one record', opts, async () => {
      const input = newSubmission('soon', 'Dee Dupe', { formNonce: 'nonce-1' });
      const [a, b] = await Promise.all([store.submissions.create(publicContext, input), store.submissions.create(publicContext, input)]);
      assert.equal(a.id, b.id);
      assert.deepEqual([a.duplicate, b.duplicate].sort(), [false, true]);
      const again = await store.submissions.create(publicContext, input);
      assert.equal(again.reference, a.reference);
      assert.equal(again.duplicate, true);
      assert.equal(again.changed, false, 'the same details again: nothing differs');
    });

    it('a form sent again with other answers or details is not stored, and says it differs from what is kept', opts, async () => {
      const input = newSubmission('urgent', 'Kim Kept', { formNonce: 'nonce-2', phone: '07700 900111' });
      const first = await store.submissions.create(publicContext, input);
      const variants: Partial<NewSubmission>[] = [
        { phone: '07700 900222' }, { email: 'other@example.com' }, { message: 'more' }, { bestTime: 'evening' },
        { answers: { ...sampleAnswers, leg_weakness_new: false }, outcome: sampleOutcome('routine', ['R1']) },
      ];
      for (const change of variants) {
        const again = await store.submissions.create(publicContext, { ...input, ...change });
        assert.deepEqual([again.reference, again.duplicate, again.changed, again.level], [first.reference, true, true, 'urgent'], JSON.stringify(change));
      }
      const reordered = Object.fromEntries(Object.entries(sampleAnswers).reverse());
      assert.equal((await store.submissions.create(publicContext, { ...input, answers: reordered })).changed, false, 'key order does not matter');
      const kept = await store.submissions.get(clinician, first.id);
      assert.equal(kept?.phone, '07700 900111');
      assert.equal(kept.level, 'urgent');
    });

    it('the email outbox: one claimer per notice; a claim is a lease that lapses if the sender dies; retries wait; only a sent one is done', opts, async () => {
      clock.advance(3600_000);
      const since = clock.now();
      const a = await store.submissions.create(publicContext, newSubmission('urgent', 'Out Box', { needsEmail: true }));
      await store.submissions.create(publicContext, newSubmission('routine', 'No Mail'));
      const [x, y] = await Promise.all([store.notifications.claimPending(10, 60_000), store.notifications.claimPending(10, 60_000)]);
      assert.deepEqual([...x, ...y].map((n) => [n.reference, n.level, n.attempts]), [[a.reference, 'urgent', 0]]);
      assert.deepEqual(await store.notifications.claimPending(10, 60_000), [], 'held while its sender works');
      clock.advance(61_000);
      assert.deepEqual((await store.notifications.claimPending(10, 60_000)).map((n) => n.reference), [a.reference],
        'the sender died mid-send: once its lease lapses another sender takes it');
      await store.notifications.retryAfter(a.id, 120_000);
      assert.deepEqual(await store.notifications.claimPending(10, 60_000), [], 'a failed send waits its back-off');
      clock.advance(121_000);
      assert.deepEqual((await store.notifications.claimPending(10, 60_000)).map((n) => [n.reference, n.attempts]), [[a.reference, 1]]);
      await store.notifications.release(a.id);
      assert.deepEqual((await store.notifications.claimPending(10, 60_000)).map((n) => n.reference), [a.reference], 'released: at once');
      await store.notifications.markSent(a.id);
      clock.advance(3600_000);
      assert.deepEqual(await store.notifications.claimPending(10, 60_000), [], 'sent is done');
      const summary = await store.notifications.summary(since);
      assert.equal(summary.newByLevel.urgent, 1);
      assert.equal(summary.newByLevel.routine, 1);
      assert.equal(typeof summary.open, 'number');
    });

    it('settings are created once and job runs are claimed by exactly one caller', opts, async () => {
      const first = await store.setting('form-secret', () => 'one');
      const second = await store.setting('form-secret', () => 'two');
      assert.equal(first, 'one');
      assert.equal(second, 'one');
      const claims = await Promise.all([store.claimJobRun('summary', '2026-06-01'), store.claimJobRun('summary', '2026-06-01')]);
      assert.deepEqual(claims.sort(), [false, true]);
    });
  });
}
