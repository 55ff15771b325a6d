// RFC 9180 HPKE, base mode, DHKEM(X25519, HKDF-SHA256) + HKDF-SHA256 + AES-128-GCM / AES-256-GCM / export-only.
// WebCrypto's HKDF cannot run Extract and Expand separately, so both are built from HMAC-SHA256 here.
// See crypto-docs/protocol.md §1.
import { CryptoFormatError, subtle, concat, u16, ascii, wipe, aesGcmSeal, aesGcmOpen } from './bytes.js';
import { generateKeyPair, importPrivateKey, dh } from './keys.js';

export const KEM_ID = 0x0020;
export const KDF_ID = 0x0001;
export const AEAD_AES128GCM = 0x0001;
export const AEAD_AES256GCM = 0x0002;
export const AEAD_EXPORT_ONLY = 0xffff;
export const ENC_LENGTH = 32;
export const TAG_LENGTH = 16;

const NH = 32;
const VERSION = ascii('HPKE-v1');
const KEM_SUITE = concat(ascii('KEM'), u16(KEM_ID));
// WebCrypto refuses a zero-length HMAC key; HMAC pads keys with zeros, so 32 zero bytes give the same PRK.
const ZERO_SALT = new Uint8Array(NH);

async function hmac(key, data) {
  const k = await subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle.sign('HMAC', k, data));
}

/** HKDF-Extract (RFC 5869 §2.2) with SHA-256. */
export async function hkdfExtract(salt, ikm) {
  return hmac(salt.length === 0 ? ZERO_SALT : salt, ikm);
}

/** HKDF-Expand (RFC 5869 §2.3) with SHA-256. */
export async function hkdfExpand(prk, info, length) {
  if (length > 255 * NH) throw new RangeError('HKDF-Expand length too large');
  const out = new Uint8Array(length);
  let t = new Uint8Array(0);
  for (let i = 1, o = 0; o < length; i++) {
    t = await hmac(prk, concat(t, info, new Uint8Array([i])));
    out.set(t.subarray(0, Math.min(NH, length - o)), o);
    o += NH;
  }
  return out;
}

function labeledExtract(suiteId, salt, label, ikm) {
  return hkdfExtract(salt, concat(VERSION, suiteId, ascii(label), ikm));
}

function labeledExpand(suiteId, prk, label, info, length) {
  return hkdfExpand(prk, concat(u16(length), VERSION, suiteId, ascii(label), info), length);
}

function aeadParams(aead) {
  switch (aead) {
    case AEAD_AES128GCM: return { nk: 16, nn: 12 };
    case AEAD_AES256GCM: return { nk: 32, nn: 12 };
    case AEAD_EXPORT_ONLY: return { nk: 0, nn: 0 };
    default: throw new CryptoFormatError('suite', `Unsupported HPKE AEAD id 0x${Number(aead).toString(16).padStart(4, '0')}.`);
  }
}

/** DeriveKeyPair (RFC 9180 §7.1.3) for X25519: sk = LabeledExpand(LabeledExtract("", "dkp_prk", ikm), "sk", "", 32). */
export async function deriveKeyPair(ikm) {
  if (ikm.length < NH) throw new CryptoFormatError('key', 'DeriveKeyPair needs at least 32 bytes of input keying material.');
  const dkpPrk = await labeledExtract(KEM_SUITE, new Uint8Array(0), 'dkp_prk', ikm);
  const sk = await labeledExpand(KEM_SUITE, dkpPrk, 'sk', new Uint8Array(0), 32);
  try {
    return await importPrivateKey(sk);
  } finally {
    wipe(sk); wipe(dkpPrk);
  }
}

async function extractAndExpand(dhSecret, kemContext) {
  const eaePrk = await labeledExtract(KEM_SUITE, new Uint8Array(0), 'eae_prk', dhSecret);
  return labeledExpand(KEM_SUITE, eaePrk, 'shared_secret', kemContext, NH);
}

async function keySchedule(aead, sharedSecret, info) {
  const { nk, nn } = aeadParams(aead);
  const suiteId = concat(ascii('HPKE'), u16(KEM_ID), u16(KDF_ID), u16(aead));
  const empty = new Uint8Array(0);
  const pskIdHash = await labeledExtract(suiteId, empty, 'psk_id_hash', empty);
  const infoHash = await labeledExtract(suiteId, empty, 'info_hash', info);
  const context = concat(new Uint8Array([0]), pskIdHash, infoHash);
  const secret = await labeledExtract(suiteId, sharedSecret, 'secret', empty);
  const key = nk ? await labeledExpand(suiteId, secret, 'key', context, nk) : empty;
  const baseNonce = nn ? await labeledExpand(suiteId, secret, 'base_nonce', context, nn) : empty;
  const exporterSecret = await labeledExpand(suiteId, secret, 'exp', context, NH);
  wipe(secret);
  return new HpkeContext(aead, suiteId, key, baseNonce, exporterSecret);
}

/** An HPKE context (RFC 9180 §5.2). Calls must not overlap: await each before the next. */
export class HpkeContext {
  constructor(aead, suiteId, key, baseNonce, exporterSecret) {
    this.aead = aead;
    this.suiteId = suiteId;
    this.key = key;
    this.baseNonce = baseNonce;
    this.exporterSecret = exporterSecret;
    /** Sequence number of the next seal/open (BigInt). */
    this.seq = 0n;
    this._gcm = null;
  }

  async _cryptoKey() {
    if (this.key.length === 0) throw new TypeError('This HPKE context can only export.');
    if (!this._gcm) this._gcm = await subtle.importKey('raw', this.key, 'AES-GCM', false, ['encrypt', 'decrypt']);
    return this._gcm;
  }

  _nonce() {
    if (this.seq >= 0xffffffffffffffffn) throw new RangeError('HPKE sequence number exhausted.');
    const nonce = this.baseNonce.slice();
    let s = this.seq;
    for (let i = nonce.length - 1; i >= nonce.length - 8; i--) { nonce[i] ^= Number(s & 0xffn); s >>= 8n; }
    return nonce;
  }

  /** Encrypts with nonce = base_nonce XOR seq, then increments seq. Returns ciphertext || tag. */
  async seal(aad, plaintext) {
    const k = await this._cryptoKey();
    const ct = await aesGcmSeal(k, this._nonce(), aad, plaintext);
    this.seq++;
    return ct;
  }

  /** Decrypts and authenticates; increments seq only on success. */
  async open(aad, ciphertext) {
    const k = await this._cryptoKey();
    if (ciphertext.length < TAG_LENGTH) throw new CryptoFormatError('auth', 'HPKE ciphertext is shorter than its tag.');
    const pt = await aesGcmOpen(k, this._nonce(), aad, ciphertext, 'HPKE ciphertext failed authentication.');
    this.seq++;
    return pt;
  }

  /** Secret export (RFC 9180 §5.3). */
  export(exporterContext, length) {
    return labeledExpand(this.suiteId, this.exporterSecret, 'sec', exporterContext, length);
  }
}

/**
 * SetupBaseS: returns { enc, context }. `ephemeral` (a key pair) is only for known-answer tests; by default a fresh
 * one is generated.
 */
export async function setupBaseS(recipientPublicKey, info, aead = AEAD_AES256GCM, ephemeral = undefined) {
  aeadParams(aead);
  const eph = ephemeral ?? await generateKeyPair();
  const dhSecret = await dh(eph.privateKey, recipientPublicKey);
  const enc = eph.publicKey.slice();
  const shared = await extractAndExpand(dhSecret, concat(enc, recipientPublicKey));
  wipe(dhSecret);
  return { enc, context: await keySchedule(aead, shared, info) };
}

/** SetupBaseR with the recipient's key pair; a malformed or small-order `enc` raises CryptoFormatError('key'). */
export async function setupBaseR(enc, recipient, info, aead = AEAD_AES256GCM) {
  aeadParams(aead);
  const dhSecret = await dh(recipient.privateKey, enc);
  const shared = await extractAndExpand(dhSecret, concat(enc, recipient.publicKey));
  wipe(dhSecret);
  return keySchedule(aead, shared, info);
}

/** Single-shot seal: returns { enc, ciphertext }. */
export async function seal(recipientPublicKey, info, aad, plaintext, aead = AEAD_AES256GCM) {
  const { enc, context } = await setupBaseS(recipientPublicKey, info, aead);
  return { enc, ciphertext: await context.seal(aad, plaintext) };
}

/** Single-shot open. */
export async function open(enc, recipient, info, aad, ciphertext, aead = AEAD_AES256GCM) {
  const context = await setupBaseR(enc, recipient, info, aead);
  return context.open(aad, ciphertext);
}

/** Single-shot export, sender side (RFC 9180 §6.2): returns { enc, secret }. */
export async function sendExport(recipientPublicKey, info, exporterContext, length, aead = AEAD_EXPORT_ONLY) {
  const { enc, context } = await setupBaseS(recipientPublicKey, info, aead);
  return { enc, secret: await context.export(exporterContext, length) };
}

/** Single-shot export, recipient side. */
export async function receiveExport(enc, recipient, info, exporterContext, length, aead = AEAD_EXPORT_ONLY) {
  const context = await setupBaseR(enc, recipient, info, aead);
  return context.export(exporterContext, length);
}
