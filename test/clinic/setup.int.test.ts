// The first admin: a one-time setup link (printed at start or made by the CLI), never a default password.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createClinic } from '../../src/clinic/index.js';
import { createAdmin, createSetupLink, deleteByReference, issueSetupLink, purgeNow } from '../../src/clinic/setup.js';
import { loadConfig } from '../../src/config.js';
import { Client, content, FAST_ARGON2, startHarness } from './helpers/harness.js';

describe('first admin', () => {
  it('prints a one-time setup link at start while there are no staff, and only then', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'creak-setup-'));
    const config = loadConfig({ DATA_DIR: dir });
    const logs: string[] = [];
    const first = await createClinic({ config, content: content(), env: {}, schedule: false, log: (m) => logs.push(m), settings: { argon2: FAST_ARGON2 } });
    await first.close();
    assert.match(logs.join('\n'), /Create the first admin .*http:\/\/localhost:3000\/clinic\/setup\/[A-Za-z0-9_-]{43}/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the first admin from the link once; the link then stops working', async () => {
    const h = await startHarness();
    try {
      const link = await issueSetupLink(h.clinic.ctx.store, '');
      assert.ok(link);
      const c = new Client(h.app);
      const csrf = await c.csrfFrom(link.url);
      const bad = await c.post(link.url, { _csrf: csrf, name: '', email: 'nope', password: 'short', confirm: 'short' });
      assert.equal(bad.statusCode, 400);
      for (const anchor of ['#name', '#email', '#password']) assert.ok(bad.body.includes(`href="${anchor}"`), anchor);
      const pw = 'a long and careful password';
      const ok = await c.post(link.url, { _csrf: csrf, name: 'Ada Admin', email: 'ada@example.com', password: pw, confirm: pw });
      assert.equal(ok.statusCode, 303);
      assert.equal((await c.get(link.url)).statusCode, 404);
      assert.equal(await issueSetupLink(h.clinic.ctx.store, ''), undefined, 'no new links once there is staff');
      await c.login('ada@example.com', pw);
      assert.equal((await c.get('/clinic/users')).statusCode, 200);
    } finally {
      await h.close();
    }
  });

  it('offers the CLI functions: setup link, create admin, purge and delete', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'creak-cli-'));
    try {
      const config = loadConfig({ DATA_DIR: dir });
      const link = await createSetupLink(config);
      assert.match(link?.url ?? '', /\/clinic\/setup\//);
      assert.deepEqual(await createAdmin(config, { email: 'a@example.com', name: 'A', password: 'short' }), { ok: false, problem: 'Enter a password of at least 12 characters' });
      const made = await createAdmin(config, { email: 'a@example.com', name: 'A', password: 'a long and careful password' }, { });
      assert.equal(made.ok, true);
      assert.equal(await createSetupLink(config), undefined);
      assert.equal(await purgeNow(config, {}), 0);
      assert.equal(await deleteByReference(config, 'CRK-2222-2222'), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
