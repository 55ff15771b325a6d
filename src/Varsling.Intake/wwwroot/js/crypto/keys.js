// P-256 key pairs for HPKE. See crypto-docs/protocol.md §2.
// A key pair here is { privateKey: CryptoKey (ECDH, extractable), publicKey: Uint8Array(65) }.
import { CryptoFormatError, subtle, concat, fromHex, requireBytes } from './bytes.js';

export const PUBLIC_KEY_LENGTH = 65;
export const PRIVATE_KEY_LENGTH = 32;

const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' };

function toBig(b) { let v = 0n; for (const x of b) v = (v << 8n) | BigInt(x); return v; }

function b64url(b) {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromB64url(s) {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function pad32(b) {
  if (b.length === 32) return b;
  const out = new Uint8Array(32);
  out.set(b, 32 - b.length);
  return out;
}

/** True when 0 < scalar < n (rejection test of RFC 9180 DeriveKeyPair; also guards imports). */
export function isValidScalar(scalar) {
  const d = toBig(scalar);
  return d > 0n && d < N;
}

/** Throws CryptoFormatError('key') unless `publicKey` is a 65-byte uncompressed SEC1 point on P-256. */
export function validatePublicKey(publicKey) {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== PUBLIC_KEY_LENGTH) {
    throw new CryptoFormatError('key', 'A P-256 public key must be 65 bytes (uncompressed SEC1).');
  }
  if (publicKey[0] !== 0x04) throw new CryptoFormatError('key', 'A P-256 public key must start with 0x04 (uncompressed SEC1).');
  const x = toBig(publicKey.subarray(1, 33));
  const y = toBig(publicKey.subarray(33, 65));
  if (x >= P || y >= P) throw new CryptoFormatError('key', 'The P-256 public key is not a point on the curve.');
  let rhs = (((x * x) % P) * x - 3n * x + B) % P;
  if (rhs < 0n) rhs += P;
  if ((y * y) % P !== rhs) throw new CryptoFormatError('key', 'The P-256 public key is not a point on the curve.');
}

/** Imports a validated public key as an ECDH CryptoKey. */
export async function importPublicKey(publicKey) {
  validatePublicKey(publicKey);
  try {
    return await subtle.importKey('raw', publicKey, ECDH, true, []);
  } catch {
    throw new CryptoFormatError('key', 'The P-256 public key was rejected as invalid.');
  }
}

/** Generates a key pair with WebCrypto's CSPRNG; the private key is extractable so it can be wrapped. */
export async function generateKeyPair() {
  const kp = await subtle.generateKey(ECDH, true, ['deriveBits']);
  const publicKey = new Uint8Array(await subtle.exportKey('raw', kp.publicKey));
  return { privateKey: kp.privateKey, publicKey };
}

/** The private scalar (32 bytes, big-endian). The caller should wipe it after use. */
export async function exportPrivateKey(keyPair) {
  const jwk = await subtle.exportKey('jwk', keyPair.privateKey);
  return pad32(fromB64url(jwk.d));
}

/** The public key (65 bytes) of a key pair. */
export function exportPublicKey(keyPair) { return keyPair.publicKey.slice(); }

const PKCS8_PREFIX = fromHex('3041020100301306072a8648ce3d020106082a8648ce3d030107042730250201010420');

/**
 * Rebuilds a key pair from a private scalar. With `publicKey` (as stored in wrapped-key blobs) the JWK path is used,
 * which every browser supports; without it, a PKCS#8 key lacking the public point is imported and the point is
 * read back (works in Node and Chromium).
 */
export async function importPrivateKey(scalar, publicKey) {
  if (!(scalar instanceof Uint8Array) || scalar.length !== PRIVATE_KEY_LENGTH) {
    throw new CryptoFormatError('key', 'A P-256 private key must be 32 bytes.');
  }
  if (!isValidScalar(scalar)) throw new CryptoFormatError('key', 'The P-256 private key is zero or not below the group order.');
  if (publicKey !== undefined) {
    validatePublicKey(publicKey);
    const jwk = {
      kty: 'EC', crv: 'P-256', ext: true, key_ops: ['deriveBits'],
      d: b64url(scalar), x: b64url(publicKey.subarray(1, 33)), y: b64url(publicKey.subarray(33, 65)),
    };
    try {
      const privateKey = await subtle.importKey('jwk', jwk, ECDH, true, ['deriveBits']);
      return { privateKey, publicKey: publicKey.slice() };
    } catch {
      throw new CryptoFormatError('key', 'The P-256 private key does not match its public key.');
    }
  }
  let privateKey;
  try {
    privateKey = await subtle.importKey('pkcs8', concat(PKCS8_PREFIX, scalar), ECDH, true, ['deriveBits']);
  } catch {
    throw new CryptoFormatError('key', 'The P-256 private key could not be imported.');
  }
  const jwk = await subtle.exportKey('jwk', privateKey);
  const pub = concat(new Uint8Array([4]), pad32(fromB64url(jwk.x)), pad32(fromB64url(jwk.y)));
  return { privateKey, publicKey: pub };
}

/** Raw ECDH: the 32-byte X coordinate of the shared point, as RFC 9180 DH() requires. */
export async function dh(privateKey, peerPublicKey) {
  const pub = await importPublicKey(peerPublicKey);
  return new Uint8Array(await subtle.deriveBits({ name: 'ECDH', public: pub }, privateKey, 256));
}

export { requireBytes };
