// The key sealing the check's page addresses: generated once and kept in the database, so every instance opens every
// page; CHECK_STATE_KEYS puts a newer key first without breaking pages sealed before.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createClinic, type ClinicInternals } from '../../src/clinic/index.js';
import { loadConfig } from '../../src/config.js';
import { formatKey, randomKey } from '../../src/web/state/seal.js';
import { content } from './helpers/harness.js';

describe('the check state keys', () => {
  const dir = mkdtempSync(join(tmpdir(), 'creak-keys-'));
  const opened: ClinicInternals[] = [];
  const clinic = async (env: Record<string, string> = {}) => {
    const c = await createClinic({
      config: loadConfig({ DATA_DIR: dir, ...env }), content: content(), env: {}, schedule: false, log: () => undefined,
      settings: { printSetupLink: false },
    });
    opened.push(c);
    return c;
  };
  after(async () => {
    for (const c of opened) await c.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are generated once and shared by every instance on the same database', async () => {
    const a = await clinic();
    const b = await clinic();
    assert.deepEqual(a.stateKeys.map((k) => k.id), [1]);
    assert.ok(a.stateKeys[0]?.key.equals(b.stateKeys[0]?.key ?? Buffer.alloc(0)));
    const token = a.ctx.checkStates.seal({ answers: { age_years: 40 } }, new Date());
    assert.ok(b.ctx.checkStates.open(token, new Date()).ok, 'a page sealed by one instance opens on another');
  });

  it('put a configured key first; pages sealed with the stored key still open', async () => {
    const before = (await clinic()).ctx.checkStates.seal({ answers: { age_years: 41 } }, new Date());
    const newer = randomKey(2);
    const rotated = await clinic({ CHECK_STATE_KEYS: formatKey(newer) });
    assert.deepEqual(rotated.stateKeys.map((k) => k.id), [2, 1]);
    assert.ok(rotated.ctx.checkStates.open(before, new Date()).ok);
    const after = rotated.ctx.checkStates.seal({ answers: { age_years: 42 } }, new Date());
    assert.equal(Buffer.from(after, 'base64url')[1], 2, 'sealed with the newer key');
  });

  it('refuse to start on a malformed CHECK_STATE_KEYS', () => {
    assert.throws(() => loadConfig({ CHECK_STATE_KEYS: '2:short' }), /CHECK_STATE_KEYS/);
  });
});
