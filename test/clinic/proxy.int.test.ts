// Behind a reverse proxy: the client address (and so every rate limit) comes from the proxy's own entry in
// X-Forwarded-For, never from the left-most entries a client writes itself.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { answersToFields } from '../../src/web/answer-fields.js';
import { completeAnswers } from './helpers/answers.js';
import { content, hiddenFields, startHarness, type Harness } from './helpers/harness.js';

const URGENT = completeAnswers(content(), { age_years: 40, body_region: 'knee', main_concern: 'noise_and_pain', joint_locked_now: true });
const GOOD = { consent: 'yes', name: 'Pat Jones', phone: '07700 900982', email: '', best_time: 'morning', message: '' };
const PROXY = '127.0.0.1';
const REAL_CLIENT = '198.51.100.7';

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** One send through the proxy: the client wrote `spoofed` into X-Forwarded-For and nginx appended the real address. */
async function sendVia(h: Harness, spoofed: string, remoteAddress = PROXY, realClient = REAL_CLIENT): Promise<number> {
  const headers = {
    'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `${spoofed}, ${realClient}`,
  };
  // The result page's own address (as a saved link opens it), then its "send to the clinic" link.
  const saved = await h.app.inject({
    method: 'POST', url: '/check/saved', remoteAddress, headers,
    payload: form({ ...Object.fromEntries(answersToFields(URGENT.answers).map((f) => [f.name, f.value])), saved: content().version }),
  });
  assert.equal(saved.statusCode, 303);
  const token = /\?s=([A-Za-z0-9_-]+)$/.exec(String(saved.headers.location))?.[1] ?? '';
  const start = await h.app.inject({ method: 'GET', url: `/send/start?s=${token}`, remoteAddress, headers });
  assert.equal(start.statusCode, 200);
  const res = await h.app.inject({ method: 'POST', url: '/send', remoteAddress, headers, payload: form({ ...hiddenFields(start.body), ...GOOD }) });
  return res.statusCode;
}

for (const trustProxy of ['1', '127.0.0.1', '10.0.0.0/8,127.0.0.0/8']) {
  describe(`TRUST_PROXY=${trustProxy}`, () => {
    let h: Harness;
    before(async () => {
      h = await startHarness({ configEnv: { TRUST_PROXY: trustProxy }, settings: { sendLimit: { max: 5, windowMs: 600_000 } } });
    });
    after(async () => h.close());

    it('holds the send limit when every request spoofs a different left-most X-Forwarded-For', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push(await sendVia(h, `203.0.113.${String(i + 1)}`));
      assert.deepEqual(statuses, [303, 303, 303, 303, 303, 429, 429, 429]);
    });

    it('counts another real client on its own', async () => {
      assert.equal(await sendVia(h, '203.0.113.1', PROXY, '198.51.100.8'), 303);
    });
  });
}

describe('TRUST_PROXY=1 and a client that is not behind the proxy', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ configEnv: { TRUST_PROXY: '10.1.2.3' }, settings: { sendLimit: { max: 2, windowMs: 600_000 } } });
  });
  after(async () => h.close());

  it('ignores X-Forwarded-For from an address that is not a trusted proxy', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push(await sendVia(h, '203.0.113.50', '192.0.2.10', `198.51.100.${String(i + 20)}`));
    assert.deepEqual(statuses, [303, 303, 429, 429]);
  });
});
