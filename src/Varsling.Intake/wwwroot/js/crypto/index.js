// Public surface of the Varsling browser crypto (WebCrypto only, no dependencies). See crypto-docs/README.md.
export { CryptoFormatError, toHex, fromHex, guidBytes, bytesToGuid, randomBytes, wipe } from './bytes.js';
export {
  PUBLIC_KEY_LENGTH, PRIVATE_KEY_LENGTH, generateKeyPair, importPublicKey, validatePublicKey, importPrivateKey,
  exportPrivateKey, exportPublicKey,
} from './keys.js';
export {
  KEM_ID, KDF_ID, AEAD_AES128GCM, AEAD_AES256GCM, AEAD_EXPORT_ONLY, ENC_LENGTH, TAG_LENGTH, HpkeContext,
  deriveKeyPair, setupBaseS, setupBaseR, seal, open, hkdfExtract, hkdfExpand,
} from './hpke.js';
