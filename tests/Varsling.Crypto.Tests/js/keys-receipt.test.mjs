import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as c from '../../../src/Varsling.Intake/wwwroot/js/crypto/index.js';

const isFormat = (code) => (e) => e instanceof c.CryptoFormatError && (code === undefined || e.code === code);
const SALT = c.fromHex('000102030405060708090a0b0c0d0e0f');

test('WebCrypto is reported as supported under Node', () => {
  assert.equal(c.isSupported(), true);
});

test('X25519 is detected under Node', async () => {
  assert.equal(await c.hasX25519(), true);
});

test('key pairs export and import (raw 32-byte keys, PKCS#8 underneath)', async () => {
  const kp = await c.generateKeyPair();
  assert.equal(kp.publicKey.length, 32);
  const d = await c.exportPrivateKey(kp);
  assert.equal(d.length, 32);
  assert.deepEqual((await c.importPrivateKey(d)).publicKey, kp.publicKey);
  assert.deepEqual((await c.importPrivateKey(d, kp.publicKey)).publicKey, kp.publicKey);
  const other = await c.generateKeyPair();
  await assert.rejects(c.importPrivateKey(d, other.publicKey), isFormat('key'));
});

// Points of small order on Curve25519 (and their non-canonical encodings): the shared secret is all zeros.
const LOW_ORDER = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
  '5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
];

test('malformed and small-order public keys are rejected', async () => {
  const { publicKey: good } = await c.generateKeyPair();
  for (const bad of [good.subarray(0, 31), new Uint8Array([...good, 0]), new Uint8Array(65), new Uint8Array(0)]) {
    assert.throws(() => c.validatePublicKey(bad), isFormat('key'));
    await assert.rejects(c.seal(bad, new Uint8Array(0), new Uint8Array(0), new Uint8Array(1)), isFormat('key'));
  }
  for (const hex of LOW_ORDER) {
    await assert.rejects(c.seal(c.fromHex(hex), new Uint8Array(0), new Uint8Array(0), new Uint8Array(1)), isFormat('key'), hex);
  }
});

test('private keys of the wrong length are rejected', async () => {
  await assert.rejects(c.importPrivateKey(new Uint8Array(31)), isFormat('key'));
  await assert.rejects(c.importPrivateKey(new Uint8Array(33)), isFormat('key'));
});

test('generated receipt codes are grouped Crockford base32 and use the whole alphabet', () => {
  const codes = Array.from({ length: 200 }, () => c.generateReceiptCode());
  for (const code of codes) assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
  assert.equal(new Set(codes).size, 200);
  assert.equal(new Set(codes.join('').replace(/-/g, '')).size, 32);
});

test('normalisation accepts what people type and maps look-alikes', () => {
  for (const typed of ['7qx4-m2kd-9h3t-pz8r-wc5n', ' 7QX4 M2KD 9H3T PZ8R WC5N ', '7QX4M2KD9H3TPZ8RWC5N', '7QX4\u2013M2KD\u20139H3T\u2013PZ8R\u2013WC5N']) {
    assert.equal(c.normalizeReceiptCode(typed), '7QX4M2KD9H3TPZ8RWC5N');
    assert.equal(c.formatReceiptCode(typed), '7QX4-M2KD-9H3T-PZ8R-WC5N');
  }
  assert.equal(c.normalizeReceiptCode('iLl-oOo-0000-abcd-efgh-jk'), '1110000000ABCDEFGHJK');
});

test('malformed codes are rejected clearly without echoing them', () => {
  for (const [typed, expected] of [
    ['7QX4-M2KD-9H3T-PZ8R-WC5U', /letter U/], ['7QX4-M2KD-9H3T-PZ8R-WC5', /has 19/], ['7QX4-M2KD-9H3T-PZ8R-WC5NN', /longer/],
    ['7QX4-M2KD-9H3T-PZ8R-WC5*', /character/], ['7QX4-M2KD-9H3T-PZ8R-WC5\u00c5', /character/], ['', /has 0/],
  ]) {
    assert.throws(() => c.normalizeReceiptCode(typed), (e) => isFormat('receipt')(e) && expected.test(e.message) && !e.message.includes('M2KD'));
  }
});

test('derivation: PBKDF2-HMAC-SHA256, 300000 iterations, 64 bytes split in halves; tolerant; wrong code differs', async () => {
  const a = await c.deriveReceiptSecrets('7QX4-M2KD-9H3T-PZ8R-WC5N', SALT);
  const b = await c.deriveReceiptSecrets('7qx4 m2kd 9h3t pz8r wc5n', SALT);
  assert.deepEqual(a, b);
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode('7QX4M2KD9H3TPZ8RWC5N'), 'PBKDF2', false, ['deriveBits']);
  const okm = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: SALT, iterations: 300000 }, base, 512));
  assert.deepEqual(a.lookupToken, okm.slice(0, 32));
  assert.deepEqual(a.wrapKey, okm.slice(32));
  const wrong = await c.deriveReceiptSecrets('7QX4-M2KD-9H3T-PZ8R-WC5P', SALT);
  assert.notDeepEqual(wrong.lookupToken, a.lookupToken);
  const kp = await c.generateKeyPair();
  const blob = await c.wrapPrivateKeyWithKey(kp, a.wrapKey);
  await assert.rejects(c.unwrapPrivateKeyWithKey(blob, wrong.wrapKey), isFormat('auth'));
  assert.deepEqual((await c.unwrapPrivateKeyWithKey(blob, b.wrapKey)).publicKey, kp.publicKey);
  assert.equal((await c.hashLookupToken(a.lookupToken)).length, 32);
});
