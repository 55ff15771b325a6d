// Shared helpers of the intake pages' JavaScript path: base64, the antiforgery header, and chunked resumable uploads.
import { encryptFile, DEFAULT_CHUNK_SIZE } from './crypto/index.js';

const ANTIFORGERY_HEADER = 'X-Varsling-AF';

export function toBase64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text) {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function toBase64Url(bytes) {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The page's antiforgery token (the hidden __af field of its first form). */
export function antiforgeryToken() {
  const field = document.querySelector('input[name="__af"]');
  return field ? field.value : '';
}

/** The server's error message from its error page, or a fallback. */
async function errorMessage(response, fallback) {
  try {
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const detail = doc.querySelector('.error-detail');
    return detail ? detail.textContent : fallback;
  } catch {
    return fallback;
  }
}

export class RequestError extends Error {}

/** Sends a request, retrying network failures and 429/5xx with backoff; other refusals raise RequestError with the server's message. */
export async function send(method, url, body, contentType, fallback, { beforeRetry } = {}) {
  for (let attempt = 0; ; attempt++) {
    let response;
    try {
      response = await fetch(url, {
        method, body, credentials: 'same-origin', cache: 'no-store',
        headers: { [ANTIFORGERY_HEADER]: antiforgeryToken(), ...(contentType ? { 'Content-Type': contentType } : {}) },
      });
    } catch (e) {
      response = null;
    }
    if (response && response.ok) return response;
    if (response && response.status !== 429 && response.status < 500) throw new RequestError(await errorMessage(response, fallback));
    if (attempt >= 5) throw new RequestError(response ? await errorMessage(response, fallback) : fallback);
    await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
    if (beforeRetry && (await beforeRetry())) return null;
  }
}

export async function postJson(url, value, fallback) {
  const response = await send('POST', url, JSON.stringify(value), 'application/json', fallback);
  return response.json();
}

/**
 * Encrypts a file chunk by chunk and uploads each encrypted chunk in its own request. A chunk whose request broke
 * is re-sent only if the server has not stored it (the upload's state says how many chunks it holds).
 */
export async function uploadFile(uploadsUrl, file, fileKey, fileId, onProgress, fallback) {
  const url = `${uploadsUrl}/${fileId}`;
  await encryptFile(file, fileKey, fileId, async (bytes, index, isFinal) => {
    if (index < 0) {
      await send('POST', url, bytes, 'application/octet-stream', fallback);
      return;
    }
    const alreadyStored = async () => {
      const state = await fetch(url, { credentials: 'same-origin', cache: 'no-store' }).then((r) => (r.ok ? r.json() : null), () => null);
      return state !== null && state.chunkCount > index;
    };
    await send('PUT', `${url}/chunks/${index}?final=${isFinal}`, bytes, 'application/octet-stream', fallback, { beforeRetry: alreadyStored });
    const done = file.size === 0 ? 1 : Math.min(1, ((index + 1) * DEFAULT_CHUNK_SIZE) / file.size);
    onProgress(Math.round(done * 100));
  });
}

export const utf8 = (text) => new TextEncoder().encode(text);

export function format(template, ...values) {
  return template.replace(/\{(\d+)\}/g, (_, i) => String(values[Number(i)]));
}
