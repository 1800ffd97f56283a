// Sealing small server state into URLs: AES-256-GCM with a versioned keyring, a purpose and an expiry.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** One key of the keyring: an id (1–255, written into every token) and 32 bytes of key. */
export interface StateKey {
  id: number;
  key: Buffer;
}

/** Keys newest first: the first seals, every one opens (so a key can be replaced without breaking open pages). */
export type Keyring = readonly StateKey[];

export type OpenResult =
  | { ok: true; payload: Buffer; issuedAt: Date }
  | { ok: false; reason: 'malformed' | 'tampered' | 'expired' };

/** The token layout's version; a new layout gets a new number and the old one stops opening. */
const FORMAT = 1;
const HEADER = 2;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Plaintexts are padded to a multiple of this, so a token's length says little about what it holds. */
const PAD_TO = 64;
/** Tokens from a clock up to a minute ahead (another instance) are accepted. */
const SKEW_MS = 60_000;
/** Far above any real state; a longer query is refused before any work. */
export const MAX_TOKEN_CHARS = 8000;

/** A fresh random key: for tests, benchmarks and a first start. */
export function randomKey(id = 1): StateKey {
  return { id, key: randomBytes(32) };
}

/** `id:key` with the key as 43 base64url characters (32 bytes), for configuration and storage. */
export function formatKey(k: StateKey): string {
  return `${String(k.id)}:${k.key.toString('base64url')}`;
}

/** Reads a comma-separated list of `id:key` (newest first); throws with a plain reason on anything else. */
export function parseKeyring(text: string): Keyring {
  const keys = text.split(',').map((s) => s.trim()).filter((s) => s !== '').map((entry): StateKey => {
    const m = /^([0-9]{1,3}):([A-Za-z0-9_-]{43})$/.exec(entry);
    const id = Number(m?.[1]);
    if (m === null || !Number.isInteger(id) || id < 1 || id > 255) throw new Error('each key must be written id:key, with an id from 1 to 255 and a 43-character base64url key');
    return { id, key: Buffer.from(m[2] ?? '', 'base64url') };
  });
  if (keys.length === 0) throw new Error('no keys');
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new Error('two keys have the same id');
  return keys;
}

function aad(purpose: string, header: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`creak/${purpose}/`), header]);
}

/**
 * Encrypts and authenticates `payload` for `purpose` with the newest key: base64url of
 * [format, key id, 12-byte IV, ciphertext, 16-byte tag], where the plaintext is [issued-at seconds (4 bytes),
 * length (2 bytes), payload, zero padding]. The purpose is bound in as associated data, so a token made for one
 * use cannot be replayed as another.
 */
export function seal(keys: Keyring, purpose: string, payload: Buffer, now: Date): string {
  const key = keys[0];
  if (key === undefined) throw new Error('seal: empty keyring');
  if (payload.length > 0xffff) throw new Error('seal: payload too large');
  const size = Math.ceil((6 + payload.length) / PAD_TO) * PAD_TO;
  const plain = Buffer.alloc(size);
  plain.writeUInt32BE(Math.floor(now.getTime() / 1000), 0);
  plain.writeUInt16BE(payload.length, 4);
  payload.copy(plain, 6);
  const header = Buffer.from([FORMAT, key.id]);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(aad(purpose, header));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([header, iv, body, cipher.getAuthTag()]).toString('base64url');
}

/** Opens a token sealed for `purpose`; refuses anything altered, sealed with an unknown key, or older than `ttlMs`. */
export function open(keys: Keyring, purpose: string, token: unknown, now: Date, ttlMs: number): OpenResult {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARS || !/^[A-Za-z0-9_-]+$/.test(token)) return { ok: false, reason: 'malformed' };
  const raw = Buffer.from(token, 'base64url');
  if (raw.length < HEADER + IV_BYTES + PAD_TO + TAG_BYTES || raw[0] !== FORMAT) return { ok: false, reason: 'malformed' };
  // A key that has been retired is older than any page still allowed to open: say "expired", not "tampered".
  const key = keys.find((k) => k.id === raw[1]);
  if (key === undefined) return { ok: false, reason: 'expired' };
  const header = raw.subarray(0, HEADER);
  const iv = raw.subarray(HEADER, HEADER + IV_BYTES);
  const tag = raw.subarray(raw.length - TAG_BYTES);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(purpose, header));
    decipher.setAuthTag(tag);
    plain = Buffer.concat([decipher.update(raw.subarray(HEADER + IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return { ok: false, reason: 'tampered' };
  }
  const issuedAt = plain.readUInt32BE(0) * 1000;
  const length = plain.readUInt16BE(4);
  if (6 + length > plain.length) return { ok: false, reason: 'tampered' };
  const age = now.getTime() - issuedAt;
  if (age > ttlMs || age < -SKEW_MS) return { ok: false, reason: 'expired' };
  return { ok: true, payload: plain.subarray(6, 6 + length), issuedAt: new Date(issuedAt) };
}
