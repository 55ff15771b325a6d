// Mailbox login on the JavaScript path: the code never leaves the browser; only the derived lookup token is sent.
// The wrap key stays in this tab's sessionStorage (cleared by logout's Clear-Site-Data and when the tab closes).
import * as c from './crypto/index.js';
import { toBase64Url } from './intake.js';

export const WRAP_KEY_ITEM = 'varsling.wrapKey';

const form = document.getElementById('login-form');
// Without WebCrypto X25519 the reporter's key cannot be opened here: keep the plain form (the server opens the case).
if (form && c.isSupported()) {
  c.hasX25519().then((ok) => {
    if (ok) {
      start(form);
    } else {
      const notice = document.getElementById('path-notice');
      notice.textContent = notice.dataset.noX25519Text;
    }
  });
}

function start(form) {
  const notice = document.getElementById('path-notice');
  notice.textContent = notice.dataset.jsText;
  const status = document.getElementById('login-status');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = form.elements.namedItem('Input.Code');
    let code;
    try {
      code = c.normalizeReceiptCode(input.value);
    } catch {
      status.textContent = form.dataset.textRefused;
      input.focus();
      return;
    }
    status.textContent = form.dataset.textWorking;
    const secrets = await c.deriveReceiptSecrets(code, c.fromHex(form.dataset.salt));
    sessionStorage.setItem(WRAP_KEY_ITEM, c.toHex(secrets.wrapKey));
    c.wipe(secrets.wrapKey);
    form.elements.namedItem('Input.LookupToken').value = toBase64Url(secrets.lookupToken);
    input.value = '';
    input.required = false;
    input.disabled = true;
    form.submit();
  });
}
