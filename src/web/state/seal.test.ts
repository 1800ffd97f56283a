// Sealed tokens: round trip, expiry, key rotation, and refusal of anything altered or made for another purpose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatKey, open, parseKeyring, randomKey, seal } from './seal.js';

const t0 = new Date('2026-03-02T10:00:00Z');
const HOUR = 3600_000;
const later = (ms: number) => new Date(t0.getTime() + ms);

test('a sealed payload opens again with its issue time, and its text is not in the token', () => {
  const keys = [randomKey(1)];
  const payload = Buffer.from('{"a":{"bladder_change":true}}');
  const token = seal(keys, 'check', payload, t0);
  assert.match(token, /^[A-Za-z0-9_-]+$/);
  assert.ok(!Buffer.from(token, 'base64url').includes(Buffer.from('bladder')));
  const opened = open(keys, 'check', token, later(HOUR), 12 * HOUR);
  assert.ok(opened.ok);
  assert.deepEqual(opened.payload, payload);
  assert.equal(opened.issuedAt.getTime(), t0.getTime());
  assert.notEqual(seal(keys, 'check', payload, t0), token, 'a fresh IV each time');
});

test('lengths are padded, so similar states give tokens of the same length', () => {
  const keys = [randomKey(1)];
  const a = seal(keys, 'check', Buffer.from('x'.repeat(10)), t0);
  const b = seal(keys, 'check', Buffer.from('x'.repeat(50)), t0);
  assert.equal(a.length, b.length);
});

test('an old token is expired; one from far in the future is refused; a minute of clock skew is allowed', () => {
  const keys = [randomKey(1)];
  const token = seal(keys, 'check', Buffer.from('x'), t0);
  assert.deepEqual(open(keys, 'check', token, later(12 * HOUR + 1000), 12 * HOUR), { ok: false, reason: 'expired' });
  assert.ok(open(keys, 'check', token, later(-30_000), 12 * HOUR).ok);
  assert.deepEqual(open(keys, 'check', token, later(-5 * 60_000), 12 * HOUR), { ok: false, reason: 'expired' });
});

test('altered, truncated, foreign-purpose and garbage tokens are refused without throwing', () => {
  const keys = [randomKey(1)];
  const token = seal(keys, 'check', Buffer.from('{"a":{}}'), t0);
  const raw = Buffer.from(token, 'base64url');
  for (const i of [2, 20, raw.length - 1]) {
    const bent = Buffer.from(raw);
    bent[i] = (bent[i] ?? 0) ^ 1;
    assert.deepEqual(open(keys, 'check', bent.toString('base64url'), t0, HOUR), { ok: false, reason: 'tampered' }, `byte ${String(i)}`);
  }
  assert.equal(open(keys, 'check', token.slice(0, -10), t0, HOUR).ok, false);
  assert.deepEqual(open(keys, 'done', token, t0, HOUR), { ok: false, reason: 'tampered' });
  assert.deepEqual(open([randomKey(1)], 'check', token, t0, HOUR), { ok: false, reason: 'tampered' });
  for (const junk of [undefined, 42, '', 'abc', 'not base64!', 'A'.repeat(9000), Buffer.from([2, 1, ...new Array<number>(100).fill(0)]).toString('base64url')]) {
    const result = open(keys, 'check', junk, t0, HOUR);
    assert.equal(result.ok, false, String(junk).slice(0, 20));
  }
});

test('keys rotate: the newest seals, older ones still open, a retired key reads as expired', () => {
  const one = randomKey(1);
  const two = randomKey(2);
  const old = seal([one], 'check', Buffer.from('old'), t0);
  const rotated = [two, one];
  const fresh = seal(rotated, 'check', Buffer.from('new'), t0);
  assert.equal(Buffer.from(fresh, 'base64url')[1], 2);
  assert.ok(open(rotated, 'check', old, t0, HOUR).ok);
  assert.ok(open(rotated, 'check', fresh, t0, HOUR).ok);
  assert.deepEqual(open([two], 'check', old, t0, HOUR), { ok: false, reason: 'expired' });
});

test('a keyring is read from id:key pairs, newest first, and refused when malformed', () => {
  const a = randomKey(7);
  const b = randomKey(3);
  const parsed = parseKeyring(`${formatKey(a)}, ${formatKey(b)}`);
  assert.deepEqual(parsed.map((k) => k.id), [7, 3]);
  assert.ok(parsed[0]?.key.equals(a.key));
  for (const bad of ['', '1:short', `0:${a.key.toString('base64url')}`, `256:${a.key.toString('base64url')}`, `${formatKey(a)},${formatKey({ ...b, id: 7 })}`]) {
    assert.throws(() => parseKeyring(bad), bad);
  }
});
