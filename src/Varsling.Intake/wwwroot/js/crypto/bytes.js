// Byte helpers shared by the Varsling crypto modules. See crypto-docs/protocol.md §0 for the encodings.

/** The one error type for malformed or inauthentic input; `code` names the class of failure. Messages never hold secrets. */
export class CryptoFormatError extends Error {
  /**
   * @param {string} code one of: 'version', 'type', 'suite', 'length', 'auth', 'key', 'receipt', 'chunk', 'kdf'
   * @param {string} message what was wrong, without secret material
   */
  constructor(code, message) {
    super(message);
    this.name = 'CryptoFormatError';
    this.code = code;
  }
}

export const subtle = globalThis.crypto?.subtle;

/**
 * True when WebCrypto is usable: it exists only in secure contexts (https, .onion, localhost). Pages should fall
 * back to the no-JavaScript path when this is false.
 */
export function isSupported() {
  return typeof subtle?.importKey === 'function' && typeof globalThis.crypto.getRandomValues === 'function';
}

/** @param {...Uint8Array} parts */
export function concat(...parts) {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

export function u16(v) { return new Uint8Array([(v >>> 8) & 0xff, v & 0xff]); }

export function u32(v) { return new Uint8Array([(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]); }

/** Big-endian 8 bytes of a non-negative integer (Number or BigInt). */
export function u64(v) {
  let b = BigInt(v);
  const out = new Uint8Array(8);
  for (let i = 7; i >= 0; i--) { out[i] = Number(b & 0xffn); b >>= 8n; }
  return out;
}

export function readU16(b, o) { return (b[o] << 8) | b[o + 1]; }

export function readU32(b, o) { return ((b[o] << 24) >>> 0) + (b[o + 1] << 16) + (b[o + 2] << 8) + b[o + 3]; }

export function toHex(b) { return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(''); }

export function fromHex(s) {
  if (s.length % 2 !== 0 || /[^0-9a-fA-F]/.test(s)) throw new TypeError('invalid hex');
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.substr(i * 2, 2), 16);
  return out;
}

const utf8 = new TextEncoder();
export function ascii(s) { return utf8.encode(s); }

/** A GUID/UUID string as its 16 bytes in RFC 9562 order (the order of its hex digits). */
export function guidBytes(id) {
  const hex = String(id).replace(/[{}-]/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new TypeError('invalid GUID');
  return fromHex(hex);
}

/** 16 bytes in RFC 9562 order as a lower-case GUID string. */
export function bytesToGuid(b) {
  const h = toHex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function randomBytes(n) { return globalThis.crypto.getRandomValues(new Uint8Array(n)); }

/** Overwrites a buffer holding secret material (best effort in JavaScript). */
export function wipe(b) { if (b) b.fill(0); }

/** Checks a byte-array argument of a fixed length; a programming error, not a format error. */
export function requireBytes(b, len, what) {
  if (!(b instanceof Uint8Array)) throw new TypeError(`${what} must be a Uint8Array`);
  if (len !== undefined && b.length !== len) throw new TypeError(`${what} must be ${len} bytes`);
  return b;
}

/** AES-256-GCM / AES-128-GCM encrypt with a 128-bit tag; returns ciphertext || tag. */
export async function aesGcmSeal(key, nonce, aad, plaintext) {
  const k = key instanceof Uint8Array ? await subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt']) : key;
  return new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: aad, tagLength: 128 }, k, plaintext));
}

/** AES-GCM decrypt; an authentication failure becomes CryptoFormatError('auth', message). */
export async function aesGcmOpen(key, nonce, aad, ciphertext, message) {
  const k = key instanceof Uint8Array ? await subtle.importKey('raw', key, 'AES-GCM', false, ['decrypt']) : key;
  try {
    return new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv: nonce, additionalData: aad, tagLength: 128 }, k, ciphertext));
  } catch {
    throw new CryptoFormatError('auth', message);
  }
}
