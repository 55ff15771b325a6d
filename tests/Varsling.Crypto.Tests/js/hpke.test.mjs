import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  deriveKeyPair, setupBaseS, setupBaseR, seal, open, sendExport, receiveExport, importPrivateKey, exportPrivateKey, generateKeyPair,
  fromHex, toHex, CryptoFormatError,
} from '../../../src/Varsling.Intake/wwwroot/js/crypto/index.js';

const vectors = JSON.parse(await readFile(new URL('../Vectors/hpke-x25519-sha256.json', import.meta.url), 'utf8'));
const entry = (aead) => vectors.find((e) => e.aead_id === aead);

test('vector file holds the expected X25519 entries', () => {
  assert.equal(vectors.length, 4);
  assert.equal(entry(1).encryptions.length, 257);
  assert.equal(entry(2).encryptions.length, 257);
  assert.equal(entry(0xffff).encryptions.length, 0);
  for (const e of vectors) { assert.equal(e.mode, 0); assert.equal(e.kem_id, 32); assert.equal(e.kdf_id, 1); assert.equal(e.exports.length, 3); }
});

for (const aead of [1, 2, 0xffff]) {
  test(`DeriveKeyPair matches vector, aead ${aead}`, async () => {
    const e = entry(aead);
    const r = await deriveKeyPair(fromHex(e.ikmR));
    const eph = await deriveKeyPair(fromHex(e.ikmE));
    assert.equal(toHex(r.publicKey), e.pkRm);
    assert.equal(toHex(await exportPrivateKey(r)), e.skRm);
    assert.equal(toHex(eph.publicKey), e.pkEm);
    assert.equal(toHex(await exportPrivateKey(eph)), e.skEm);
  });

  test(`SetupBaseS/R, all encryptions and exports match vector, aead ${aead}`, async () => {
    const e = entry(aead);
    const r = await importPrivateKey(fromHex(e.skRm), fromHex(e.pkRm));
    const eph = await importPrivateKey(fromHex(e.skEm), fromHex(e.pkEm));
    const info = fromHex(e.info);
    const { enc, context: sender } = await setupBaseS(r.publicKey, info, aead, eph);
    assert.equal(toHex(enc), e.enc);
    const receiver = await setupBaseR(enc, r, info, aead);
    for (const ctx of [sender, receiver]) {
      assert.equal(toHex(ctx.key), e.key);
      assert.equal(toHex(ctx.baseNonce), e.base_nonce);
      assert.equal(toHex(ctx.exporterSecret), e.exporter_secret);
    }
    let i = 0;
    for (const v of e.encryptions) {
      assert.equal(sender.seq, BigInt(i));
      assert.equal(toHex(await sender.seal(fromHex(v.aad), fromHex(v.pt))), v.ct);
      assert.equal(toHex(await receiver.open(fromHex(v.aad), fromHex(v.ct))), v.pt);
      i++;
    }
    assert.equal(i, aead === 0xffff ? 0 : 257);
    assert.equal(e.exports.length, 3);
    for (const x of e.exports) {
      assert.equal(toHex(await sender.export(fromHex(x.exporter_context), x.L)), x.exported_value);
      assert.equal(toHex(await receiver.export(fromHex(x.exporter_context), x.L)), x.exported_value);
    }
  });
}

test('open with a skipped sequence number fails and does not advance', async () => {
  const e = entry(2);
  const r = await importPrivateKey(fromHex(e.skRm), fromHex(e.pkRm));
  const receiver = await setupBaseR(fromHex(e.enc), r, fromHex(e.info), 2);
  const v = e.encryptions[1];
  await assert.rejects(receiver.open(fromHex(v.aad), fromHex(v.ct)), (err) => err instanceof CryptoFormatError && err.code === 'auth');
  assert.equal(receiver.seq, 0n);
});

test('single-shot seal/open round-trips and rejects a wrong info', async () => {
  const r = await generateKeyPair();
  const pt = new TextEncoder().encode('hello');
  const { enc, ciphertext } = await seal(r.publicKey, new Uint8Array([1]), new Uint8Array([2]), pt);
  assert.deepEqual(await open(enc, r, new Uint8Array([1]), new Uint8Array([2]), ciphertext), pt);
  await assert.rejects(open(enc, r, new Uint8Array([9]), new Uint8Array([2]), ciphertext), { name: 'CryptoFormatError', code: 'auth' });
});

test('single-shot export: sender and recipient agree, context matters', async () => {
  const r = await generateKeyPair();
  const ctx = new TextEncoder().encode('ctx');
  const { enc, secret } = await sendExport(r.publicKey, new Uint8Array(0), ctx, 32);
  assert.deepEqual(await receiveExport(enc, r, new Uint8Array(0), ctx, 32), secret);
  assert.notDeepEqual(await receiveExport(enc, r, new Uint8Array(0), new Uint8Array(1), 32), secret);
});
