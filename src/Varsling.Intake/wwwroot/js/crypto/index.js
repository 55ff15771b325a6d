// Public surface of the Varsling browser crypto (WebCrypto only, no dependencies). See crypto-docs/README.md.
export { CryptoFormatError, isSupported, toHex, fromHex, guidBytes, bytesToGuid, randomBytes, wipe } from './bytes.js';
export {
  PUBLIC_KEY_LENGTH, PRIVATE_KEY_LENGTH, hasX25519, generateKeyPair, importPublicKey, validatePublicKey, importPrivateKey,
  exportPrivateKey, exportPublicKey,
} from './keys.js';
export {
  KEM_ID, KDF_ID, AEAD_AES128GCM, AEAD_AES256GCM, AEAD_EXPORT_ONLY, ENC_LENGTH, TAG_LENGTH, HpkeContext,
  deriveKeyPair, setupBaseS, setupBaseR, seal, open, sendExport, receiveExport, hkdfExtract, hkdfExpand,
} from './hpke.js';
export {
  FORMAT_VERSION, BLOB_WRAPPED_CASE_KEY, BLOB_RECORD, BLOB_CHUNKED_FILE, BLOB_WRAPPED_PRIVATE_KEY, CaseKeyKind, RecordKind,
  generateKey, WRAPPED_CASE_KEY_LENGTH, wrapCaseKey, unwrapCaseKey, RECORD_OVERHEAD, sealRecord, openRecord,
  DEFAULT_CHUNK_SIZE, MIN_CHUNK_SIZE, MAX_CHUNK_SIZE, FILE_HEADER_LENGTH, MAX_CHUNKS, createFileHeader, parseFileHeader,
  importFileKey, sealChunk, openChunk, checkChunkLength, encryptFile, encryptBytes, decryptBytes,
  KDF_DIRECT, KDF_ARGON2ID, WRAPPED_PRIVATE_KEY_LENGTH, wrapPrivateKeyWithKey, unwrapPrivateKeyWithKey,
  parseWrappedPrivateKeyHeader, readWrappedPublicKey,
} from './blobs.js';
export {
  RECEIPT_LENGTH, RECEIPT_ENTROPY_BITS, RECEIPT_ITERATIONS, MIN_SALT_LENGTH, ALPHABET, generateReceiptCode,
  normalizeReceiptCode, formatReceiptCode, deriveReceiptSecrets, hashLookupToken,
} from './receipt.js';
