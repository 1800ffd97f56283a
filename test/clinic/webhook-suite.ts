// Webhooks end to end (run on SQLite and on PostgreSQL) against a local receiver that fails twice before accepting:
// signed notifications with ids only, back-off, the admin's delivery log, a restart in between, giving up and sending
// again, and two senders at once sending each attempt once.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type * as fhir4 from 'fhir/r4.js';
import { Webhook } from 'standardwebhooks';
import { newApiKey } from '../../src/clinic/api/api-auth.js';
import { RETRY_DELAYS_MS, startWebhookDispatcher } from '../../src/clinic/webhooks/dispatcher.js';
import type { Notification } from '../../src/clinic/webhooks/webhook-message.js';
import { staffContext } from '../../src/db/context.js';
import { completeAnswers } from './helpers/answers.js';
import type { Backend } from './helpers/backends.js';
import { testClock } from './helpers/clock.js';
import { addStaff, Client, content, startHarness, type Harness } from './helpers/harness.js';
import { sendResult } from './helpers/send-helper.js';
import { startReceiver, type Receiver } from './helpers/webhook-receiver.js';

const SELF = completeAnswers(content(), { age_years: 40, body_region: 'knee', main_concern: 'noise_only' });
const PERSON = { name: 'Wanda Webhook', email: 'wanda@example.com', phone: '07700 900123', message: 'my knee clicks' };

export interface WebhookBackend {
  name: string;
  skip: () => Promise<string | false>;
  backend: () => Backend;
}

function csrfOf(html: string): string {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
}

export function webhookSuite(b: WebhookBackend): void {
  describe(`webhooks on ${b.name}`, async () => {
    const skipReason = await b.skip();
    const opts = { skip: skipReason };
    const backend = skipReason === false ? b.backend() : undefined;
    // Near the real time: receivers check that a signature's timestamp is recent.
    const clock = testClock(new Date().toISOString());
    let h: Harness;
    /** Whether `h` is open: a failed start must still let the receiver and the schema go, or the process never ends. */
    let open = false;
    let admin: Client;
    let adminId = '';
    let receiver: Receiver;
    let secret = '';

    /** Starts the app on the backend's database (again, for the restart), signed in as the admin. */
    const start = async () => {
      open = false;
      h = await startHarness({ now: clock.now, settings: { sessionIdleMs: 30 * 86_400_000, sessionAbsoluteMs: 60 * 86_400_000 }, ...(backend === undefined ? {} : { database: backend.options }) });
      open = true;
      if (adminId === '') adminId = await addStaff(h, 'admin@example.com', 'admin', 'Ada Admin');
      admin = new Client(h.app);
      await admin.login('admin@example.com');
    };
    const log = () => h.clinic.ctx.store.webhooks.listDeliveries(staffContext(adminId, 'admin'), { limit: 100, offset: 0 });
    const addEndpoint = async (url: string) => {
      const page = await admin.get('/clinic/integrations');
      return admin.post('/clinic/integrations/webhooks', { _csrf: csrfOf(page.body), url });
    };

    before(async () => {
      if (skipReason !== false) return;
      receiver = await startReceiver(2);
      await start();
    });
    after(async () => {
      if (skipReason !== false) return;
      if (open) await h.close();
      await receiver.close();
      await backend?.cleanup();
    });

    it('lets an admin add a webhook for an https:// address (http:// only on this machine) and shows its secret once', opts, async () => {
      for (const url of ['http://records.example.org/hook', 'ftp://127.0.0.1/x', 'https://user:pw@records.example.org/hook', 'not a url']) {
        const res = await addEndpoint(url);
        assert.equal(res.statusCode, 400, url);
        assert.match(res.body, /id="error-summary"/);
      }
      const res = await addEndpoint(receiver.url);
      assert.equal(res.statusCode, 200);
      secret = /<p class="code">(whsec_[A-Za-z0-9+/=]+)<\/p>/.exec(res.body)?.[1] ?? '';
      assert.match(secret, /^whsec_/);
      const again = await admin.get('/clinic/integrations');
      assert.ok(again.body.includes(receiver.url), 'the endpoint is listed');
      assert.ok(!again.body.includes(secret), 'the secret is not shown again');
    });

    it('notifies a new submission, retrying with back-off until the receiver accepts, signed each time', opts, async () => {
      const reference = await sendResult(new Client(h.app), SELF.answers, PERSON);
      const record = await h.clinic.ctx.store.submissions.get(staffContext(adminId, 'admin'), reference);
      await h.clinic.webhooks.tick();
      assert.equal(receiver.received.length, 1);
      let row = (await log()).rows[0];
      assert.deepEqual([row?.status, row?.attempts, row?.lastStatus], ['pending', 1, 500]);
      assert.equal(row?.nextAttemptAt, new Date(clock.now().getTime() + (RETRY_DELAYS_MS[0] ?? 0)).toISOString());
      await h.clinic.webhooks.tick();
      assert.equal(receiver.received.length, 1, 'nothing is sent again before the back-off');
      clock.advance(RETRY_DELAYS_MS[0] ?? 0);
      await h.clinic.webhooks.tick();
      assert.equal(receiver.received.length, 2);
      clock.advance((RETRY_DELAYS_MS[1] ?? 0) - 1);
      await h.clinic.webhooks.tick();
      assert.equal(receiver.received.length, 2, 'the second wait is longer');
      clock.advance(1);
      await h.clinic.webhooks.tick();
      assert.deepEqual(receiver.received.map((r) => r.status), [500, 500, 204]);
      row = (await log()).rows[0];
      assert.deepEqual([row?.status, row?.attempts, row?.lastStatus], ['delivered', 3, 204]);

      const ids = new Set(receiver.received.map((r) => r.headers['webhook-id']));
      assert.deepEqual([...ids], [row?.id], 'one notification id across the attempts');
      for (const r of receiver.received) {
        const headers = { 'webhook-id': String(r.headers['webhook-id']), 'webhook-timestamp': String(r.headers['webhook-timestamp']), 'webhook-signature': String(r.headers['webhook-signature']) };
        assert.ok(new Webhook(secret).verify(r.body, headers), 'a Standard Webhooks library verifies it');
        const mac = createHmac('sha256', Buffer.from(secret.slice(6), 'base64')).update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${r.body}`).digest('base64');
        assert.equal(headers['webhook-signature'], `v1,${mac}`, 'the documented recipe verifies it');
        assert.equal(r.headers['content-type'], 'application/json');
      }
      const body = JSON.parse(receiver.received[0]?.body ?? '{}') as Notification;
      assert.equal(body.type, 'submission.created');
      assert.equal(body.data.submissionId, record?.id);
      for (const secretWord of [PERSON.name, PERSON.email, PERSON.phone, PERSON.message, reference]) {
        assert.ok(!receiver.received[0]?.body.includes(secretWord), `no ${secretWord} in the notification`);
      }

      // The link in the notification fetches the result with an API key.
      const { key, hash } = newApiKey();
      await h.clinic.ctx.store.apiClients.create(staffContext(adminId, 'admin'), 'Records', hash);
      const res = await h.app.inject({ url: body.data.search.replace(h.config.baseUrl, ''), headers: { authorization: `Bearer ${key}` } });
      assert.equal(res.statusCode, 200);
      const found = (res.json<fhir4.Bundle>().entry ?? []).filter((e) => e.search?.mode === 'match');
      assert.deepEqual(found.map((e) => (e.resource as fhir4.QuestionnaireResponse).identifier?.value), [reference]);

      const page = await admin.get('/clinic/integrations');
      assert.match(page.body, new RegExp(`data-delivery="${row?.id ?? ''}">[\\s\\S]*?Delivered[\\s\\S]*?<td>3</td>`));
    });

    it('keeps a notification through a restart and sends it after', opts, async () => {
      receiver.failNext(0);
      const before_ = receiver.received.length;
      await sendResult(new Client(h.app), SELF.answers, PERSON);
      open = false;
      await h.close();
      await start();
      await h.clinic.webhooks.tick();
      assert.equal(receiver.received.length, before_ + 1);
      assert.equal((await log()).rows[0]?.status, 'delivered');
    });

    it('has two senders at once send each attempt once', opts, async () => {
      const before_ = receiver.received.length;
      for (let i = 0; i < 3; i++) await sendResult(new Client(h.app), SELF.answers, PERSON);
      const other = startWebhookDispatcher({ store: h.clinic.ctx.store, baseUrl: h.config.baseUrl, now: clock.now, log: () => undefined, run: false });
      await Promise.all([h.clinic.webhooks.tick(), other.tick(), h.clinic.webhooks.tick()]);
      assert.equal(receiver.received.length, before_ + 3);
      assert.equal(new Set(receiver.received.slice(before_).map((r) => r.headers['webhook-id'])).size, 3);
    });

    it('gives up after the last back-off, logs it, and sends again when the admin asks', opts, async () => {
      receiver.failNext(Infinity);
      const before_ = receiver.received.length;
      await sendResult(new Client(h.app), SELF.answers, PERSON);
      for (let i = 0; i <= RETRY_DELAYS_MS.length; i++) {
        await h.clinic.webhooks.tick();
        clock.advance(RETRY_DELAYS_MS[i] ?? 0);
      }
      await h.clinic.webhooks.tick();
      assert.equal(receiver.received.length - before_, RETRY_DELAYS_MS.length + 1);
      const row = (await log()).rows[0];
      assert.deepEqual([row?.status, row?.attempts, row?.lastStatus], ['failed', RETRY_DELAYS_MS.length + 1, 500]);
      const page = await admin.get('/clinic/integrations');
      assert.match(page.body, /Given up/);
      receiver.failNext(0);
      const retry = await admin.post(`/clinic/integrations/deliveries/${row?.id ?? ''}/retry`, { _csrf: csrfOf(page.body) });
      assert.equal(retry.statusCode, 303);
      await h.clinic.webhooks.tick();
      assert.equal((await log()).rows[0]?.status, 'delivered');
      const audit = await h.clinic.ctx.store.listAudit(staffContext(adminId, 'admin'), { limit: 1000, offset: 0 });
      assert.ok(audit.rows.some((r) => r.action === 'webhook.retry'), 'the retry is audited');
    });

    it('stops sending to a removed endpoint', opts, async () => {
      receiver.failNext(Infinity);
      await sendResult(new Client(h.app), SELF.answers, PERSON);
      await h.clinic.webhooks.tick();
      const page = await admin.get('/clinic/integrations');
      const action = /action="(\/clinic\/integrations\/webhooks\/[^"]+\/remove)"/.exec(page.body)?.[1] ?? '';
      assert.equal((await admin.post(action, { _csrf: csrfOf(page.body) })).statusCode, 303);
      const pending = (await log()).rows[0];
      assert.deepEqual([pending?.status, pending?.lastError], ['failed', 'endpoint_removed']);
      const count = (await log()).total;
      await sendResult(new Client(h.app), SELF.answers, PERSON);
      assert.equal((await log()).total, count, 'no notification is queued for a removed endpoint');
    });
  });
}
