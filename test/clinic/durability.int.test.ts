// An acknowledged submission survives a crash: the server process is killed with SIGKILL right after it answered,
// and every acknowledged reference is then found in the database (SQLite file in WAL mode, and PostgreSQL).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { staffContext } from '../../src/db/context.js';
import { openStore } from '../../src/db/store.js';
import { onPostgres, onSqlite, sendResult, startDurableServer, urgentFormFields } from './helpers/durable-process.js';

async function crashTest(env: NodeJS.ProcessEnv, open: () => ReturnType<typeof openStore>): Promise<void> {
  const { child, port } = await startDurableServer(env);
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    // One submission, killed the instant the acknowledgement arrives.
    const first = await sendResult(port, await urgentFormFields(port), 'First Person');
    const acknowledged: string[] = first === undefined ? [] : [first];
    // Then many at once, killed after some are acknowledged while others are still in flight.
    const fields = await Promise.all(Array.from({ length: 30 }, () => urgentFormFields(port)));
    await new Promise<void>((resolve) => {
      let done = 0;
      fields.forEach((f, i) => {
        void sendResult(port, f, `Person ${i}`).then((ref) => {
          if (ref !== undefined) acknowledged.push(ref);
          if (acknowledged.length === 11) child.kill('SIGKILL');
          if (++done === fields.length) resolve();
        });
      });
    });
    if (!child.killed) child.kill('SIGKILL');
    await exited;
    assert.ok(acknowledged.length >= 11, `acknowledged ${acknowledged.length}`);
    const store = await open();
    try {
      for (const ref of acknowledged) {
        const s = await store.submissions.get(staffContext('test', 'admin'), ref);
        assert.ok(s, `acknowledged ${ref} survived the crash`);
        assert.equal(s.level, 'urgent');
      }
    } finally {
      await store.close();
    }
  } finally {
    if (child.exitCode === null && !child.killed) child.kill('SIGKILL');
  }
}

describe('durability after kill -9', { timeout: 120_000 }, () => {
  it('keeps every acknowledged submission on SQLite', () => onSqlite('creak-crash-', crashTest));

  it('keeps every acknowledged submission on PostgreSQL', (t) => onPostgres(t, 'crash', crashTest));
});
