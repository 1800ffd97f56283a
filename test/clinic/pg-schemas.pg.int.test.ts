// Each PostgreSQL test file migrates a schema of its own: another schema's migration tables (a test running beside it,
// or one left by a killed run) must not make it skip creating its own.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { openStore, type Store } from '../../src/db/store.js';
import { postgresBackend, postgresSkip, type Backend } from './helpers/backends.js';

describe('PostgreSQL schemas', async () => {
  const skip = await postgresSkip();
  const backends: Backend[] = [];
  const stores: Store[] = [];
  after(async () => {
    for (const s of stores) await s.close();
    for (const b of backends) await b.cleanup();
  });

  it('migrates a new schema while another schema already has its migration tables', { skip }, async () => {
    for (let i = 0; i < 2; i++) {
      const backend = postgresBackend();
      backends.push(backend);
      const store = await openStore(backend.options);
      stores.push(store);
      assert.equal(await store.ping(), true);
      assert.equal(await store.staff.count(), 0);
    }
  });
});
