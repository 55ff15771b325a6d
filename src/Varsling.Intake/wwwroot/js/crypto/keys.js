// X25519 key pairs (RFC 7748) on WebCrypto's native X25519, for HPKE's DHKEM(X25519, HKDF-SHA256).
// See crypto-docs/protocol.md §2. A key pair here is { privateKey: CryptoKey (X25519, extractable),
// publicKey: Uint8Array(32) }. No curve arithmetic is done in JavaScript.
import { CryptoFormatError, subtle, concat, fromHex, requireBytes } from './bytes.js';

export const PUBLIC_KEY_LENGTH = 32;
export const PRIVATE_KEY_LENGTH = 32;

const X25519 = { name: 'X25519' };

// WebCrypto imports an X25519 private key only as PKCS#8 or JWK: a raw key d becomes PKCS#8 with this 16-byte
// prefix (SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.110 }, OCTET STRING { OCTET STRING d } }).
const PKCS8_PREFIX = fromHex('302e020100300506032b656e04220420');

let support;

/**
 * Resolves to true when this browser's WebCrypto has X25519 (Chrome/Edge 133+, Firefox 130+, Safari 17+,
 * Tor Browser 15). Tested the way the report page uses it: by generating a key pair. Cached after the first call.
 */
export function hasX25519() {
  support ??= (async () => {
    try {
      const kp = await subtle.generateKey(X25519, true, ['deriveBits']);
      return kp?.publicKey instanceof CryptoKey || typeof kp?.publicKey === 'object';
    } catch {
      return false;
    }
  })();
  return support;
}

/** Throws CryptoFormatError('key') unless `publicKey` is 32 bytes; small-order keys are caught by `dh`. */
export function validatePublicKey(publicKey) {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== PUBLIC_KEY_LENGTH) {
    throw new CryptoFormatError('key', `An X25519 public key must be ${PUBLIC_KEY_LENGTH} bytes.`);
  }
}

/** Imports a raw public key as an X25519 CryptoKey. */
export async function importPublicKey(publicKey) {
  validatePublicKey(publicKey);
  try {
    return await subtle.importKey('raw', publicKey, X25519, true, []);
  } catch {
    throw new CryptoFormatError('key', 'The X25519 public key was rejected as invalid.');
  }
}

/** Generates a key pair with WebCrypto's CSPRNG; the private key is extractable so it can be wrapped. */
export async function generateKeyPair() {
  const kp = await subtle.generateKey(X25519, true, ['deriveBits']);
  const publicKey = new Uint8Array(await subtle.exportKey('raw', kp.publicKey));
  return { privateKey: kp.privateKey, publicKey };
}

/** The raw private key (32 bytes), taken from the PKCS#8 export. The caller should wipe it after use. */
export async function exportPrivateKey(keyPair) {
  const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', keyPair.privateKey));
  if (pkcs8.length !== PKCS8_PREFIX.length + PRIVATE_KEY_LENGTH) {
    throw new CryptoFormatError('key', 'Unexpected PKCS#8 encoding of an X25519 private key.');
  }
  const raw = pkcs8.slice(PKCS8_PREFIX.length);
  pkcs8.fill(0);
  return raw;
}

/** The public key (32 bytes) of a key pair. */
export function exportPublicKey(keyPair) { return keyPair.publicKey.slice(); }

/**
 * Rebuilds a key pair from a raw private key. With `publicKey` (as stored in wrapped-key blobs) the recomputed
 * public key must match it.
 */
export async function importPrivateKey(privateKey, publicKey) {
  if (!(privateKey instanceof Uint8Array) || privateKey.length !== PRIVATE_KEY_LENGTH) {
    throw new CryptoFormatError('key', `An X25519 private key must be ${PRIVATE_KEY_LENGTH} bytes.`);
  }
  if (publicKey !== undefined) validatePublicKey(publicKey);
  const pkcs8 = concat(PKCS8_PREFIX, privateKey);
  let key;
  try {
    key = await subtle.importKey('pkcs8', pkcs8, X25519, true, ['deriveBits']);
  } catch {
    throw new CryptoFormatError('key', 'The X25519 private key could not be imported.');
  } finally {
    pkcs8.fill(0);
  }
  // WebCrypto offers no direct way to the public key of an imported private key: the JWK export carries it as x.
  const jwk = await subtle.exportKey('jwk', key);
  const pub = fromB64url(jwk.x);
  if (publicKey !== undefined && !equal(pub, publicKey)) {
    throw new CryptoFormatError('key', 'The X25519 private key does not match its public key.');
  }
  return { privateKey: key, publicKey: pub };
}

/**
 * Raw X25519: the 32-byte shared secret RFC 9180 DH() requires. An all-zero result (a small-order public key,
 * RFC 7748 §6.1) is refused; some browsers already refuse it inside deriveBits.
 */
export async function dh(privateKey, peerPublicKey) {
  const pub = await importPublicKey(peerPublicKey);
  let bits;
  try {
    bits = new Uint8Array(await subtle.deriveBits({ name: 'X25519', public: pub }, privateKey, 256));
  } catch {
    throw new CryptoFormatError('key', 'X25519 with the given public key failed (small-order or invalid key).');
  }
  if (bits.every((b) => b === 0)) throw new CryptoFormatError('key', 'X25519 produced the all-zero secret (small-order key).');
  return bits;
}

function fromB64url(s) {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function equal(a, b) {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}

export { requireBytes };
