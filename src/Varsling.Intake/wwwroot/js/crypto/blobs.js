// Versioned blobs: wrapped case keys, sealed records, chunked files, wrapped private keys.
// Byte layouts, labels and AADs: crypto-docs/protocol.md §3–§6. Must stay byte-compatible with Varsling.Crypto (C#).
import {
  CryptoFormatError, subtle, concat, u16, u32, u64, readU16, readU32, ascii, guidBytes, bytesToGuid, randomBytes,
  wipe, requireBytes, aesGcmSeal, aesGcmOpen,
} from './bytes.js';
import { KEM_ID, KDF_ID, AEAD_AES256GCM, ENC_LENGTH, TAG_LENGTH, setupBaseS, setupBaseR } from './hpke.js';
import { PUBLIC_KEY_LENGTH, PRIVATE_KEY_LENGTH, validatePublicKey, importPrivateKey, exportPrivateKey } from './keys.js';

export const FORMAT_VERSION = 1;
export const BLOB_WRAPPED_CASE_KEY = 0x01;
export const BLOB_RECORD = 0x02;
export const BLOB_CHUNKED_FILE = 0x03;
export const BLOB_WRAPPED_PRIVATE_KEY = 0x04;

/** Case key kinds (protocol.md §3). */
export const CaseKeyKind = Object.freeze({ Shared: 1, Identity: 2, Internal: 3, Summary: 4 });
/** Record kinds (protocol.md §4). */
export const RecordKind = Object.freeze({ Answers: 1, Identity: 2, Message: 3, Note: 4, Summary: 5, FileKey: 6 });

const KEY_LENGTH = 32;
const NONCE_LENGTH = 12;

function checkPrefix(blob, type, what) {
  if (!(blob instanceof Uint8Array)) throw new TypeError(`${what} must be a Uint8Array`);
  if (blob.length < 2) throw new CryptoFormatError('length', `${what} is too short to hold a format header.`);
  if (blob[0] !== FORMAT_VERSION) throw new CryptoFormatError('version', `${what} has unsupported format version ${blob[0]}.`);
  if (blob[1] !== type) throw new CryptoFormatError('type', `${what} has blob type ${blob[1]}, expected ${type}.`);
}

function checkKind(kind, table) {
  if (!Object.values(table).includes(kind)) throw new TypeError('Unknown kind.');
}

/** A new random 256-bit key (case key or file key). */
export function generateKey() { return randomBytes(KEY_LENGTH); }

// §3 Wrapped case key: version(1) type(1) kem(2) kdf(2) aead(2) enc(32) ct(32+16) = 88 bytes.
export const WRAPPED_CASE_KEY_LENGTH = 8 + ENC_LENGTH + KEY_LENGTH + TAG_LENGTH;
const CASE_KEY_INFO = ascii('varsling/v1 case-key');
const caseKeyHeader = () => concat(new Uint8Array([FORMAT_VERSION, BLOB_WRAPPED_CASE_KEY]), u16(KEM_ID), u16(KDF_ID), u16(AEAD_AES256GCM));

/** Wraps a 32-byte case key to a recipient public key, bound to case id and kind. */
export async function wrapCaseKey(caseKey, recipientPublicKey, caseId, kind) {
  requireBytes(caseKey, KEY_LENGTH, 'caseKey');
  checkKind(kind, CaseKeyKind);
  const header = caseKeyHeader();
  const aad = concat(header, guidBytes(caseId), new Uint8Array([kind]));
  const { enc, context } = await setupBaseS(recipientPublicKey, CASE_KEY_INFO, AEAD_AES256GCM);
  return concat(header, enc, await context.seal(aad, caseKey));
}

/** Opens a wrapped case key with the recipient's key pair. */
export async function unwrapCaseKey(blob, recipient, caseId, kind) {
  checkKind(kind, CaseKeyKind);
  checkPrefix(blob, BLOB_WRAPPED_CASE_KEY, 'Wrapped case key');
  if (blob.length < 8) throw new CryptoFormatError('length', 'Wrapped case key is too short to hold its suite ids.');
  const kem = readU16(blob, 2); const kdf = readU16(blob, 4); const aead = readU16(blob, 6);
  if (kem !== KEM_ID || kdf !== KDF_ID || aead !== AEAD_AES256GCM) {
    throw new CryptoFormatError('suite', `Wrapped case key uses unsupported suite kem ${kem}, kdf ${kdf}, aead ${aead}.`);
  }
  if (blob.length !== WRAPPED_CASE_KEY_LENGTH) {
    throw new CryptoFormatError('length', `Wrapped case key must be ${WRAPPED_CASE_KEY_LENGTH} bytes, got ${blob.length}.`);
  }
  const aad = concat(blob.subarray(0, 8), guidBytes(caseId), new Uint8Array([kind]));
  try {
    const ctx = await setupBaseR(blob.subarray(8, 8 + ENC_LENGTH), recipient, CASE_KEY_INFO, AEAD_AES256GCM);
    return await ctx.open(aad, blob.subarray(8 + ENC_LENGTH));
  } catch (e) {
    if (e instanceof CryptoFormatError) {
      throw new CryptoFormatError('auth', 'Wrapped case key failed authentication (wrong recipient, case or kind, or damaged).');
    }
    throw e;
  }
}

// §4 Record: version(1) type(1) aead(2) nonce(12) ct tag(16).
export const RECORD_OVERHEAD = 4 + NONCE_LENGTH + TAG_LENGTH;
const recordAad = (header, caseId, recordId, kind) => concat(header, guidBytes(caseId), guidBytes(recordId), new Uint8Array([kind]));

/** Seals a record under a 32-byte case key, bound to case id, record id and kind. */
export async function sealRecord(caseKey, caseId, recordId, kind, plaintext) {
  requireBytes(caseKey, KEY_LENGTH, 'caseKey');
  checkKind(kind, RecordKind);
  const header = concat(new Uint8Array([FORMAT_VERSION, BLOB_RECORD]), u16(AEAD_AES256GCM));
  const nonce = randomBytes(NONCE_LENGTH);
  const ct = await aesGcmSeal(caseKey, nonce, recordAad(header, caseId, recordId, kind), plaintext);
  return concat(header, nonce, ct);
}

/** Opens a sealed record. */
export async function openRecord(caseKey, caseId, recordId, kind, blob) {
  requireBytes(caseKey, KEY_LENGTH, 'caseKey');
  checkKind(kind, RecordKind);
  checkPrefix(blob, BLOB_RECORD, 'Sealed record');
  if (blob.length < 4) throw new CryptoFormatError('length', 'Sealed record is too short to hold its AEAD id.');
  const aead = readU16(blob, 2);
  if (aead !== AEAD_AES256GCM) throw new CryptoFormatError('suite', `Sealed record uses unsupported AEAD ${aead}.`);
  if (blob.length < RECORD_OVERHEAD) {
    throw new CryptoFormatError('length', `Sealed record must be at least ${RECORD_OVERHEAD} bytes, got ${blob.length}.`);
  }
  return aesGcmOpen(caseKey, blob.subarray(4, 16), recordAad(blob.subarray(0, 4), caseId, recordId, kind), blob.subarray(16),
    'Sealed record failed authentication (wrong key, case, record or kind, or damaged).');
}

// §5 Chunked file: header version(1) type(1) aead(2) chunkSize(4) fileId(16) = 24 bytes, then chunks.
export const DEFAULT_CHUNK_SIZE = 64 * 1024;
export const MIN_CHUNK_SIZE = 16;
export const MAX_CHUNK_SIZE = 16 * 1024 * 1024;
export const FILE_HEADER_LENGTH = 24;
export const MAX_CHUNKS = 2 ** 32;

/** Builds a file header. */
export function createFileHeader(fileId, chunkSize = DEFAULT_CHUNK_SIZE) {
  if (!Number.isInteger(chunkSize) || chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
    throw new RangeError(`Chunk size must be in [${MIN_CHUNK_SIZE}, ${MAX_CHUNK_SIZE}].`);
  }
  return concat(new Uint8Array([FORMAT_VERSION, BLOB_CHUNKED_FILE]), u16(AEAD_AES256GCM), u32(chunkSize), guidBytes(fileId));
}

/** Validates a file header; returns { fileId, chunkSize }. */
export function parseFileHeader(header) {
  checkPrefix(header, BLOB_CHUNKED_FILE, 'Chunked file header');
  if (header.length < 4) throw new CryptoFormatError('length', 'Chunked file header is too short to hold its AEAD id.');
  const aead = readU16(header, 2);
  if (aead !== AEAD_AES256GCM) throw new CryptoFormatError('suite', `Chunked file uses unsupported AEAD ${aead}.`);
  if (header.length !== FILE_HEADER_LENGTH) {
    throw new CryptoFormatError('length', `Chunked file header must be ${FILE_HEADER_LENGTH} bytes, got ${header.length}.`);
  }
  const chunkSize = readU32(header, 4);
  if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
    throw new CryptoFormatError('length', `Chunked file header has chunk size ${chunkSize}, outside [${MIN_CHUNK_SIZE}, ${MAX_CHUNK_SIZE}].`);
  }
  return { fileId: bytesToGuid(header.subarray(8, 24)), chunkSize };
}

function chunkFrame(header, index, isFinal) {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_CHUNKS) throw new RangeError('Chunk index out of range.');
  return {
    nonce: concat(new Uint8Array(4), u64(index)),
    aad: concat(header, u64(index), new Uint8Array([isFinal ? 1 : 0])),
  };
}

/** Imports a file key once for many chunks (optional: the chunk functions also accept raw 32-byte keys). */
export async function importFileKey(fileKey) {
  requireBytes(fileKey, KEY_LENGTH, 'fileKey');
  return subtle.importKey('raw', fileKey, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/**
 * Encrypts chunk `index`. A non-final chunk holds exactly chunkSize bytes, the final one 0..chunkSize-1
 * (an empty final chunk follows a file whose length is a multiple of chunkSize).
 */
export async function sealChunk(fileKey, header, index, plaintext, isFinal) {
  const { chunkSize } = parseFileHeader(header);
  if (isFinal ? plaintext.length >= chunkSize : plaintext.length !== chunkSize) {
    throw new RangeError(isFinal ? `A final chunk holds fewer than ${chunkSize} bytes.` : `A non-final chunk holds exactly ${chunkSize} bytes.`);
  }
  const { nonce, aad } = chunkFrame(header, index, isFinal);
  return aesGcmSeal(fileKey, nonce, aad, plaintext);
}

/** Checks an encrypted chunk's length for its position without the key (what a server can check on upload). */
export function checkChunkLength(header, ciphertextLength, isFinal) {
  const { chunkSize } = parseFileHeader(header);
  const full = chunkSize + TAG_LENGTH;
  if (isFinal ? ciphertextLength < TAG_LENGTH || ciphertextLength >= full : ciphertextLength !== full) {
    throw new CryptoFormatError('chunk', isFinal
      ? `A final encrypted chunk must be ${TAG_LENGTH}..${full - 1} bytes, got ${ciphertextLength}.`
      : `A non-final encrypted chunk must be ${full} bytes, got ${ciphertextLength}.`);
  }
}

/** Decrypts chunk `index`; fails unless it authenticates at exactly this position with this final flag. */
export async function openChunk(fileKey, header, index, ciphertext, isFinal) {
  checkChunkLength(header, ciphertext.length, isFinal);
  const { nonce, aad } = chunkFrame(header, index, isFinal);
  return aesGcmOpen(fileKey, nonce, aad, ciphertext,
    `Chunk ${index} failed authentication (wrong key, file, position or final flag, or damaged).`);
}

/**
 * Encrypts a Blob/File chunk by chunk. `onChunk(bytes, index, isFinal)` receives the header first (index -1), then
 * each encrypted chunk, so an uploader can send one request per chunk; only one chunk is held in memory.
 */
export async function encryptFile(file, fileKey, fileId, onChunk, chunkSize = DEFAULT_CHUNK_SIZE) {
  const header = createFileHeader(fileId, chunkSize);
  const key = await importFileKey(fileKey);
  await onChunk(header, -1, false);
  const total = file.size;
  for (let index = 0; ; index++) {
    const start = index * chunkSize;
    const end = Math.min(start + chunkSize, total);
    const isFinal = end - start < chunkSize;
    const plain = new Uint8Array(await file.slice(start, end).arrayBuffer());
    await onChunk(await sealChunk(key, header, index, plain, isFinal), index, isFinal);
    wipe(plain);
    if (isFinal) return header;
  }
}

/** Encrypts a whole in-memory byte array to header || chunks (small files and tests). */
export async function encryptBytes(data, fileKey, fileId, chunkSize = DEFAULT_CHUNK_SIZE) {
  const parts = [];
  await encryptFile(new Blob([data]), fileKey, fileId, (bytes) => { parts.push(bytes); }, chunkSize);
  return concat(...parts);
}

/** Decrypts header || chunks held in memory, checking the file id; detects truncation, reordering and duplication. */
export async function decryptBytes(data, fileKey, expectedFileId) {
  const header = data.subarray(0, Math.min(FILE_HEADER_LENGTH, data.length));
  const { fileId, chunkSize } = parseFileHeader(header);
  if (fileId !== String(expectedFileId).toLowerCase()) {
    throw new CryptoFormatError('chunk', 'Chunked file header names a different file id.');
  }
  const key = await importFileKey(fileKey);
  const full = chunkSize + TAG_LENGTH;
  const parts = [];
  let offset = FILE_HEADER_LENGTH;
  for (let index = 0; ; index++) {
    const remaining = data.length - offset;
    if (remaining === 0) throw new CryptoFormatError('chunk', 'Chunked file ends without its final chunk (truncated).');
    const isFinal = remaining < full;
    if (remaining < TAG_LENGTH) throw new CryptoFormatError('chunk', 'Chunked file ends inside a chunk tag (truncated).');
    const len = isFinal ? remaining : full;
    parts.push(await openChunk(key, header, index, data.subarray(offset, offset + len), isFinal));
    offset += len;
    if (isFinal) return concat(...parts);
  }
}

// §6 Wrapped private key: version(1) type(1) kem(2) aead(2) kdf(1) m_KiB(4) t(4) p(1) salt(16) publicKey(32)
// nonce(12) ct(32+16) = 124 bytes; AAD = bytes 0..75 (everything before the ciphertext).
// The browser writes and opens only direct wraps (under the receipt-derived key). Argon2id wraps (passwords and
// recovery keys of back-office staff) are made on the server; WebCrypto has no Argon2, so here their header is
// read but they are not opened.
export const KDF_DIRECT = 0x00;
export const KDF_ARGON2ID = 0x02;
export const WRAPPED_PRIVATE_KEY_LENGTH = 124;
const MEMORY_OFFSET = 7;
const ITERATIONS_OFFSET = 11;
const PARALLELISM_OFFSET = 15;
const SALT_OFFSET = 16;
const PUBLIC_KEY_OFFSET = SALT_OFFSET + 16;
const NONCE_OFFSET = PUBLIC_KEY_OFFSET + PUBLIC_KEY_LENGTH;
const CT_OFFSET = NONCE_OFFSET + NONCE_LENGTH;
const MAX_ARGON2_MEMORY_KIB = 1024 * 1024;
const MAX_ARGON2_ITERATIONS = 16;

/** Wraps a key pair directly under a uniformly random 256-bit key (the receipt wrap key, a session key). */
export async function wrapPrivateKeyWithKey(keyPair, secretKey) {
  requireBytes(secretKey, KEY_LENGTH, 'secretKey');
  const head = concat(new Uint8Array([FORMAT_VERSION, BLOB_WRAPPED_PRIVATE_KEY]), u16(KEM_ID), u16(AEAD_AES256GCM),
    new Uint8Array([KDF_DIRECT]), u32(0), u32(0), new Uint8Array([0]), new Uint8Array(16), keyPair.publicKey,
    randomBytes(NONCE_LENGTH));
  const raw = await exportPrivateKey(keyPair);
  const ct = await aesGcmSeal(secretKey, head.subarray(NONCE_OFFSET, CT_OFFSET), head, raw);
  wipe(raw);
  return concat(head, ct);
}

/** Parses and checks the header; returns { kdf, memoryKiB, iterations, parallelism }. */
export function parseWrappedPrivateKeyHeader(blob) {
  checkPrefix(blob, BLOB_WRAPPED_PRIVATE_KEY, 'Wrapped private key');
  if (blob.length < 7) throw new CryptoFormatError('length', 'Wrapped private key is too short to hold its suite ids.');
  const kem = readU16(blob, 2); const aead = readU16(blob, 4); const kdf = blob[6];
  if (kem !== KEM_ID || aead !== AEAD_AES256GCM) {
    throw new CryptoFormatError('suite', `Wrapped private key uses unsupported suite kem ${kem}, aead ${aead}.`);
  }
  if (kdf !== KDF_DIRECT && kdf !== KDF_ARGON2ID) {
    throw new CryptoFormatError('suite', `Wrapped private key uses unsupported key derivation ${kdf}.`);
  }
  if (blob.length !== WRAPPED_PRIVATE_KEY_LENGTH) {
    throw new CryptoFormatError('length', `Wrapped private key must be ${WRAPPED_PRIVATE_KEY_LENGTH} bytes, got ${blob.length}.`);
  }
  const memoryKiB = readU32(blob, MEMORY_OFFSET);
  const iterations = readU32(blob, ITERATIONS_OFFSET);
  const parallelism = blob[PARALLELISM_OFFSET];
  if (kdf === KDF_DIRECT) {
    if (memoryKiB !== 0 || iterations !== 0 || parallelism !== 0 || blob.subarray(SALT_OFFSET, PUBLIC_KEY_OFFSET).some((b) => b !== 0)) {
      throw new CryptoFormatError('kdf', 'A directly wrapped private key must have all-zero KDF parameters and salt.');
    }
  } else if (parallelism !== 1 || memoryKiB < 8 || memoryKiB > MAX_ARGON2_MEMORY_KIB || iterations < 1 || iterations > MAX_ARGON2_ITERATIONS) {
    throw new CryptoFormatError('kdf', `Wrapped private key has Argon2id parameters m=${memoryKiB} KiB, t=${iterations}, p=${parallelism}, outside what is accepted.`);
  }
  return { kdf, memoryKiB, iterations, parallelism };
}

async function unwrap(blob, key, cause) {
  const raw = await aesGcmOpen(key, blob.subarray(NONCE_OFFSET, CT_OFFSET), blob.subarray(0, CT_OFFSET), blob.subarray(CT_OFFSET),
    `Wrapped private key failed authentication (${cause}, or damaged).`);
  try {
    return await importPrivateKey(raw, blob.slice(PUBLIC_KEY_OFFSET, NONCE_OFFSET));
  } finally {
    wipe(raw);
  }
}

/** Unwraps a directly key-wrapped key pair. */
export async function unwrapPrivateKeyWithKey(blob, secretKey) {
  requireBytes(secretKey, KEY_LENGTH, 'secretKey');
  const { kdf } = parseWrappedPrivateKeyHeader(blob);
  if (kdf !== KDF_DIRECT) throw new CryptoFormatError('kdf', 'Wrapped private key is not key-wrapped (Argon2id wraps open only on the server).');
  return unwrap(blob, secretKey, 'wrong key');
}

/** The public key recorded in a wrapped private key's header (validated; authenticated only by unwrapping). */
export function readWrappedPublicKey(blob) {
  parseWrappedPrivateKeyHeader(blob);
  const pk = blob.slice(PUBLIC_KEY_OFFSET, NONCE_OFFSET);
  validatePublicKey(pk);
  return pk;
}

export { PRIVATE_KEY_LENGTH };
