import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as c from '../../../src/Varsling.Intake/wwwroot/js/crypto/index.js';

const CASE = '0b9f5c1e-4d2a-4e8b-9c3f-7a1d2e3f4a5b';
const RECORD = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b';
const enc = (s) => new TextEncoder().encode(s);
const isFormat = (code) => (e) => e instanceof c.CryptoFormatError && (code === undefined || e.code === code);

async function everyBitFlipFails(blob, open) {
  for (let i = 0; i < blob.length; i++) {
    for (const bit of [0x01, 0x80]) {
      const copy = blob.slice();
      copy[i] ^= bit;
      await assert.rejects(open(copy), isFormat(), `flip 0x${bit.toString(16)} at byte ${i}`);
    }
  }
}

test('wrapped case key: layout, round trip, every flipped bit fails', async () => {
  const r = await c.generateKeyPair();
  const key = c.generateKey();
  const blob = await c.wrapCaseKey(key, r.publicKey, CASE, c.CaseKeyKind.Shared);
  assert.equal(blob.length, 88);
  assert.deepEqual([...blob.subarray(0, 8)], [1, 1, 0, 0x20, 0, 1, 0, 2]);
  assert.deepEqual(await c.unwrapCaseKey(blob, r, CASE, c.CaseKeyKind.Shared), key);
  await everyBitFlipFails(blob, (b) => c.unwrapCaseKey(b, r, CASE, c.CaseKeyKind.Shared));
});

test('wrapped case key: wrong case, kind or recipient; unknown version or suite', async () => {
  const r = await c.generateKeyPair();
  const other = await c.generateKeyPair();
  const blob = await c.wrapCaseKey(c.generateKey(), r.publicKey, CASE, c.CaseKeyKind.Identity);
  await assert.rejects(c.unwrapCaseKey(blob, r, RECORD, c.CaseKeyKind.Identity), isFormat('auth'));
  await assert.rejects(c.unwrapCaseKey(blob, r, CASE, c.CaseKeyKind.Shared), isFormat('auth'));
  await assert.rejects(c.unwrapCaseKey(blob, other, CASE, c.CaseKeyKind.Identity), isFormat('auth'));
  const v2 = blob.slice(); v2[0] = 2;
  await assert.rejects(c.unwrapCaseKey(v2, r, CASE, c.CaseKeyKind.Identity), isFormat('version'));
  const s = blob.slice(); s[7] = 1;
  await assert.rejects(c.unwrapCaseKey(s, r, CASE, c.CaseKeyKind.Identity), isFormat('suite'));
  const p256 = blob.slice(); p256[3] = 0x10;
  await assert.rejects(c.unwrapCaseKey(p256, r, CASE, c.CaseKeyKind.Identity), isFormat('suite'));
  await assert.rejects(c.unwrapCaseKey(blob.subarray(0, 87), r, CASE, c.CaseKeyKind.Identity), isFormat('length'));
});

test('sealed record: round trip, every flipped bit fails, moved record fails', async () => {
  const key = c.generateKey();
  const blob = await c.sealRecord(key, CASE, RECORD, c.RecordKind.Note, enc('a short internal note'));
  assert.equal(blob.length, c.RECORD_OVERHEAD + 21);
  assert.deepEqual([...blob.subarray(0, 4)], [1, 2, 0, 2]);
  assert.deepEqual(await c.openRecord(key, CASE, RECORD, c.RecordKind.Note, blob), enc('a short internal note'));
  await everyBitFlipFails(blob, (b) => c.openRecord(key, CASE, RECORD, c.RecordKind.Note, b));
  await assert.rejects(c.openRecord(key, RECORD, RECORD, c.RecordKind.Note, blob), isFormat('auth'));
  await assert.rejects(c.openRecord(key, CASE, CASE, c.RecordKind.Note, blob), isFormat('auth'));
  await assert.rejects(c.openRecord(key, CASE, RECORD, c.RecordKind.Message, blob), isFormat('auth'));
  await assert.rejects(c.openRecord(c.generateKey(), CASE, RECORD, c.RecordKind.Note, blob), isFormat('auth'));
  const v = blob.slice(); v[0] = 7;
  await assert.rejects(c.openRecord(key, CASE, RECORD, c.RecordKind.Note, v), isFormat('version'));
  const a = blob.slice(); a[3] = 1;
  await assert.rejects(c.openRecord(key, CASE, RECORD, c.RecordKind.Note, a), isFormat('suite'));
});

test('chunked file: round trips at the chunk boundaries', async () => {
  const key = c.generateKey();
  const id = c.bytesToGuid(c.randomBytes(16));
  for (const n of [0, 1, 63, 64, 65, 640]) {
    const data = c.randomBytes(n);
    const blob = await c.encryptBytes(data, key, id, 64);
    assert.equal(blob.length, 24 + n + (Math.floor(n / 64) + 1) * 16);
    assert.deepEqual(await c.decryptBytes(blob, key, id), data);
  }
});

test('chunked file: every flipped bit fails', async () => {
  const key = c.generateKey();
  const id = c.bytesToGuid(c.randomBytes(16));
  const blob = await c.encryptBytes(c.randomBytes(37), key, id, 16);
  await everyBitFlipFails(blob, (b) => c.decryptBytes(b, key, id));
});

test('chunked file: truncated, reordered, duplicated, extended or foreign fails', async () => {
  const key = c.generateKey();
  const id = c.bytesToGuid(c.randomBytes(16));
  const blob = await c.encryptBytes(c.randomBytes(3 * 64), key, id, 64);
  const h = blob.subarray(0, 24);
  const ch = (i) => blob.subarray(24 + i * 80, 24 + i * 80 + (i === 3 ? 16 : 80));
  const cat = (...p) => { const o = new Uint8Array(p.reduce((n, x) => n + x.length, 0)); let k = 0; for (const x of p) { o.set(x, k); k += x.length; } return o; };
  const cases = {
    'drop final chunk': cat(h, ch(0), ch(1), ch(2)),
    'cut inside a chunk': blob.subarray(0, blob.length - 5),
    'header only': h,
    'swap 0 and 1': cat(h, ch(1), ch(0), ch(2), ch(3)),
    'duplicate 1': cat(h, ch(0), ch(1), ch(1), ch(2), ch(3)),
    'drop middle': cat(h, ch(0), ch(2), ch(3)),
    'trailing byte': cat(blob, new Uint8Array(1)),
  };
  for (const [name, bytes] of Object.entries(cases)) {
    await assert.rejects(c.decryptBytes(bytes, key, id), isFormat(), name);
  }
  await assert.rejects(c.decryptBytes(blob, key, c.bytesToGuid(c.randomBytes(16))), isFormat('chunk'));
  await assert.rejects(c.decryptBytes(blob, c.generateKey(), id), isFormat('auth'));
});

test('per-chunk seal/open binds index, final flag and file; lengths are checkable without the key', async () => {
  const key = c.generateKey();
  const header = c.createFileHeader(c.bytesToGuid(c.randomBytes(16)), 64);
  const other = c.createFileHeader(c.bytesToGuid(c.randomBytes(16)), 64);
  const full = c.randomBytes(64);
  const c0 = await c.sealChunk(key, header, 0, full, false);
  const last = await c.sealChunk(key, header, 1, enc('end'), true);
  assert.deepEqual(await c.openChunk(key, header, 0, c0, false), full);
  assert.deepEqual(await c.openChunk(key, header, 1, last, true), enc('end'));
  await assert.rejects(c.openChunk(key, header, 1, c0, false), isFormat('auth'));
  await assert.rejects(c.openChunk(key, other, 0, c0, false), isFormat('auth'));
  await assert.rejects(c.openChunk(key, header, 0, last, true), isFormat('auth'));
  await assert.rejects(c.openChunk(key, header, 0, c0, true), isFormat('chunk'));
  assert.throws(() => c.checkChunkLength(header, last.length, false), isFormat('chunk'));
  c.checkChunkLength(header, c0.length, false);
  const v = header.slice(); v[0] = 2;
  assert.throws(() => c.parseFileHeader(v), isFormat('version'));
  const s = header.slice(); s[3] = 1;
  assert.throws(() => c.parseFileHeader(s), isFormat('suite'));
});

test('encryptFile streams a Blob one chunk at a time', async () => {
  const key = c.generateKey();
  const id = c.bytesToGuid(c.randomBytes(16));
  const data = c.randomBytes(200);
  const seen = [];
  await c.encryptFile(new Blob([data]), key, id, (bytes, index, isFinal) => { seen.push({ len: bytes.length, index, isFinal }); }, 64);
  assert.deepEqual(seen, [
    { len: 24, index: -1, isFinal: false }, { len: 80, index: 0, isFinal: false }, { len: 80, index: 1, isFinal: false },
    { len: 80, index: 2, isFinal: false }, { len: 24, index: 3, isFinal: true },
  ]);
});

test('wrapped private key (direct): layout, round trip, every flipped bit fails, wrong key fails', async () => {
  const kp = await c.generateKeyPair();
  const key = c.randomBytes(32);
  const blob = await c.wrapPrivateKeyWithKey(kp, key);
  assert.equal(blob.length, 124);
  assert.deepEqual(c.readWrappedPublicKey(blob), kp.publicKey);
  assert.deepEqual(c.parseWrappedPrivateKeyHeader(blob), { kdf: c.KDF_DIRECT, memoryKiB: 0, iterations: 0, parallelism: 0 });
  const back = await c.unwrapPrivateKeyWithKey(blob, key);
  assert.deepEqual(await c.exportPrivateKey(back), await c.exportPrivateKey(kp));
  await everyBitFlipFails(blob, (b) => c.unwrapPrivateKeyWithKey(b, key));
  await assert.rejects(c.unwrapPrivateKeyWithKey(blob, c.randomBytes(32)), isFormat('auth'));
  const pbkdf2 = blob.slice(); pbkdf2[6] = 1;
  await assert.rejects(c.unwrapPrivateKeyWithKey(pbkdf2, key), isFormat('suite'));
});

test('wrapped private key (Argon2id, made on the server): header parsed and bounded, not opened in the browser', async () => {
  const kp = await c.generateKeyPair();
  const key = c.randomBytes(32);
  const argon = (await c.wrapPrivateKeyWithKey(kp, key)).slice();
  // Rewrite the header as the server writes an Argon2id wrap: kdf 2, m = 131072 KiB, t = 3, p = 1, a salt.
  argon[6] = c.KDF_ARGON2ID;
  argon.set([0, 2, 0, 0], 7); argon.set([0, 0, 0, 3], 11); argon[15] = 1; argon.set(c.randomBytes(16), 16);
  assert.deepEqual(c.parseWrappedPrivateKeyHeader(argon), { kdf: c.KDF_ARGON2ID, memoryKiB: 131072, iterations: 3, parallelism: 1 });
  assert.deepEqual(c.readWrappedPublicKey(argon), kp.publicKey);
  await assert.rejects(c.unwrapPrivateKeyWithKey(argon, key), isFormat('kdf'));
  const huge = argon.slice(); huge[7] = 0xff;
  assert.throws(() => c.parseWrappedPrivateKeyHeader(huge), isFormat('kdf'));
  const lanes = argon.slice(); lanes[15] = 4;
  assert.throws(() => c.parseWrappedPrivateKeyHeader(lanes), isFormat('kdf'));
});
