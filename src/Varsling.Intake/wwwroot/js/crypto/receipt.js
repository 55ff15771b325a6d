// Receipt codes: generation, tolerant normalisation, PBKDF2 derivation. See crypto-docs/protocol.md §7.
import { CryptoFormatError, subtle, randomBytes, wipe } from './bytes.js';

export const RECEIPT_LENGTH = 20;
export const RECEIPT_ENTROPY_BITS = 100;
export const RECEIPT_ITERATIONS = 300000;
export const MIN_SALT_LENGTH = 16;
export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

// ECMAScript whitespace (the same explicit set the C# side uses) plus hyphen, U+2010–U+2014 and U+2212.
const SEPARATOR = /^[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\-\u2010-\u2014\u2212]$/;

/** A new code (100 bits from the CSPRNG) in display form XXXX-XXXX-XXXX-XXXX-XXXX. */
export function generateReceiptCode() {
  const bytes = randomBytes(RECEIPT_LENGTH);
  // 256 is a multiple of 32, so the low five bits of a uniform byte are uniform.
  let s = '';
  for (const b of bytes) s += ALPHABET[b & 31];
  wipe(bytes);
  return formatReceiptCode(s);
}

/**
 * The 20-symbol canonical form of what a person typed: ignores case, whitespace and dashes; reads I/L as 1 and O as 0.
 * Throws CryptoFormatError('receipt') for U, other foreign characters, or a wrong length; never echoes the input.
 */
export function normalizeReceiptCode(input) {
  if (typeof input !== 'string') throw new TypeError('receipt code must be a string');
  let out = '';
  for (const raw of input) {
    if (SEPARATOR.test(raw)) continue;
    let c = raw >= 'a' && raw <= 'z' ? raw.toUpperCase() : raw;
    if (c === 'I' || c === 'L') c = '1';
    else if (c === 'O') c = '0';
    if (c === 'U') throw new CryptoFormatError('receipt', 'Receipt codes never contain the letter U; please check the code.');
    if (c.length !== 1 || !ALPHABET.includes(c)) {
      throw new CryptoFormatError('receipt', 'The receipt code contains a character that receipt codes do not use.');
    }
    if (out.length === RECEIPT_LENGTH) {
      throw new CryptoFormatError('receipt', `A receipt code has ${RECEIPT_LENGTH} characters; this one is longer.`);
    }
    out += c;
  }
  if (out.length !== RECEIPT_LENGTH) {
    throw new CryptoFormatError('receipt', `A receipt code has ${RECEIPT_LENGTH} characters; this one has ${out.length}.`);
  }
  return out;
}

/** Display form: normalised, grouped in fours with dashes. */
export function formatReceiptCode(code) {
  const n = normalizeReceiptCode(code);
  return [0, 4, 8, 12, 16].map((i) => n.slice(i, i + 4)).join('-');
}

/**
 * PBKDF2-HMAC-SHA256(ASCII(normalised code), deploymentSalt, 300,000) → 64 bytes:
 * { lookupToken: first 32, wrapKey: last 32 }.
 */
export async function deriveReceiptSecrets(code, deploymentSalt) {
  if (!(deploymentSalt instanceof Uint8Array) || deploymentSalt.length < MIN_SALT_LENGTH) {
    throw new TypeError(`deployment salt must be at least ${MIN_SALT_LENGTH} bytes`);
  }
  const pw = new TextEncoder().encode(normalizeReceiptCode(code));
  const base = await subtle.importKey('raw', pw, 'PBKDF2', false, ['deriveBits']);
  wipe(pw);
  const okm = new Uint8Array(await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: deploymentSalt, iterations: RECEIPT_ITERATIONS }, base, 512));
  const secrets = { lookupToken: okm.slice(0, 32), wrapKey: okm.slice(32) };
  wipe(okm);
  return secrets;
}

/** SHA-256 of a lookup token: what the server stores and indexes. */
export async function hashLookupToken(lookupToken) {
  if (!(lookupToken instanceof Uint8Array) || lookupToken.length !== 32) {
    throw new CryptoFormatError('length', 'A lookup token must be 32 bytes.');
  }
  return new Uint8Array(await subtle.digest('SHA-256', lookupToken));
}
