// Interop bridge for the xunit suite: reads a JSON array of operations on stdin, writes a JSON array of results.
// Bytes travel as lower-case hex. Not a test file itself (node --test skips it by name).
import * as c from '../../../src/Varsling.Intake/wwwroot/js/crypto/index.js';
import { concat } from '../../../src/Varsling.Intake/wwwroot/js/crypto/bytes.js';

const h = c.fromHex;
const x = c.toHex;

async function pair(p) { return c.importPrivateKey(h(p.privateKey), h(p.publicKey)); }
async function out(kp) { return { privateKey: x(await c.exportPrivateKey(kp)), publicKey: x(kp.publicKey) }; }

// protocol.md §10 (escrowed private key) has no browser implementation: escrow blobs live only on the
// back-office server. To prove the format interoperates, this helper writes and reads it from the spec alone,
// on the module's HPKE: header(8) || public key(32) || enc(32) || ct(48); aad = blob[0..40] || GUID(org) || GUID(user).
const ESCROW_INFO = new TextEncoder().encode('varsling/v1 escrow');
const escrowHeader = () => new Uint8Array([1, 5, 0x00, 0x20, 0x00, 0x01, 0x00, 0x02]);
async function escrowSeal(person, escrowPublicKey, org, user) {
  const head = concat(escrowHeader(), person.publicKey);
  const aad = concat(head, c.guidBytes(org), c.guidBytes(user));
  const { enc, context } = await c.setupBaseS(escrowPublicKey, ESCROW_INFO, c.AEAD_AES256GCM);
  return concat(head, enc, await context.seal(aad, await c.exportPrivateKey(person)));
}
async function escrowOpen(blob, escrow, org, user) {
  if (blob.length !== 120 || blob.subarray(0, 8).some((b, i) => b !== escrowHeader()[i])) throw new c.CryptoFormatError('suite', 'Not a version-1 escrow blob.');
  const aad = concat(blob.subarray(0, 40), c.guidBytes(org), c.guidBytes(user));
  const ctx = await c.setupBaseR(blob.subarray(40, 72), escrow, ESCROW_INFO, c.AEAD_AES256GCM);
  return c.importPrivateKey(await ctx.open(aad, blob.subarray(72)), blob.slice(8, 40));
}

const ops = {
  escrowSeal: async (p) => ({ blob: x(await escrowSeal(await pair(p), h(p.escrowPublicKey), p.organisationId, p.userId)) }),
  escrowOpen: async (p) => out(await escrowOpen(h(p.blob), await pair(p), p.organisationId, p.userId)),
  generateKeyPair: async () => out(await c.generateKeyPair()),
  hpkeSeal: async (p) => {
    const r = await c.seal(h(p.publicKey), h(p.info), h(p.aad), h(p.plaintext));
    return { enc: x(r.enc), ciphertext: x(r.ciphertext) };
  },
  hpkeOpen: async (p) => ({ plaintext: x(await c.open(h(p.enc), await pair(p), h(p.info), h(p.aad), h(p.ciphertext))) }),
  wrapCaseKey: async (p) => ({ blob: x(await c.wrapCaseKey(h(p.caseKey), h(p.publicKey), p.caseId, p.kind)) }),
  unwrapCaseKey: async (p) => ({ caseKey: x(await c.unwrapCaseKey(h(p.blob), await pair(p), p.caseId, p.kind)) }),
  sealRecord: async (p) => ({ blob: x(await c.sealRecord(h(p.key), p.caseId, p.recordId, p.kind, h(p.plaintext))) }),
  openRecord: async (p) => ({ plaintext: x(await c.openRecord(h(p.key), p.caseId, p.recordId, p.kind, h(p.blob))) }),
  encryptFile: async (p) => ({ blob: x(await c.encryptBytes(h(p.plaintext), h(p.key), p.fileId, p.chunkSize)) }),
  decryptFile: async (p) => ({ plaintext: x(await c.decryptBytes(h(p.blob), h(p.key), p.fileId)) }),
  readWrappedHeader: async (p) => ({ ...c.parseWrappedPrivateKeyHeader(h(p.blob)), publicKey: x(c.readWrappedPublicKey(h(p.blob))) }),
  deriveKeyPair: async (p) => out(await c.deriveKeyPair(h(p.ikm))),
  wrapWithKey: async (p) => ({ blob: x(await c.wrapPrivateKeyWithKey(await pair(p), h(p.key))) }),
  unwrapWithKey: async (p) => out(await c.unwrapPrivateKeyWithKey(h(p.blob), h(p.key))),
  generateReceiptCode: async () => ({ code: c.generateReceiptCode() }),
  normalizeReceipt: async (p) => ({ normalized: c.normalizeReceiptCode(p.code) }),
  deriveReceipt: async (p) => {
    const s = await c.deriveReceiptSecrets(p.code, h(p.salt));
    return {
      normalized: c.normalizeReceiptCode(p.code), formatted: c.formatReceiptCode(p.code),
      lookupToken: x(s.lookupToken), wrapKey: x(s.wrapKey), lookupHash: x(await c.hashLookupToken(s.lookupToken)),
    };
  },
};

let input = '';
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const op of JSON.parse(input)) {
  try {
    const fn = ops[op.op];
    if (!fn) throw new Error(`unknown op ${op.op}`);
    results.push(await fn(op));
  } catch (e) {
    results.push({ error: { name: e.name, code: e.code ?? null, message: e.message } });
  }
}
process.stdout.write(JSON.stringify(results));
