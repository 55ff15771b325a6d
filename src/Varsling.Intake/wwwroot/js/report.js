// The report form's JavaScript path: review in the page, then seal everything in the browser and upload ciphertext only.
import * as c from './crypto/index.js';
import { toBase64, uploadFile, postJson, utf8, format, RequestError } from './intake.js';

const form = document.getElementById('report-form');
// Browsers without WebCrypto X25519 (Tor Browser 14, Firefox < 130, Chrome < 133, Safari < 17) keep the plain form,
// which the server encrypts on receipt; the notice says why in one sentence.
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
  const filesField = document.getElementById('js-files');
  const fileInput = document.getElementById('js-file-input');
  const review = document.getElementById('js-review');
  const list = document.getElementById('js-review-list');
  const progress = document.getElementById('js-progress');
  const error = document.getElementById('js-error');
  const submitButton = document.getElementById('js-submit');
  filesField.hidden = false;

  const field = (name) => form.elements.namedItem(`Input.${name}`);
  const value = (name) => (field(name) ? field(name).value.trim() : '');
  const label = (name) => document.querySelector(`label[for="Input_${name}"]`)?.textContent.replace(/\(.*\)/, '').trim() ?? name;

  // The channel's own questions, in form order, with the text the reporter saw.
  const questions = () => [...form.querySelectorAll('textarea[data-question-id]')].map((el) => ({
    id: el.dataset.questionId, question: el.dataset.questionText, answer: el.value.trim(),
  }));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    list.replaceChildren();
    const add = (term, text) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.className = 'prewrap';
      dd.textContent = text;
      list.append(dt, dd);
    };
    const category = field('CategoryId');
    if (category && category.value) add(label('CategoryId'), category.selectedOptions[0].textContent);
    for (const name of ['What', 'When', 'Where', 'Who', 'How']) if (value(name)) add(label(name), value(name));
    for (const q of questions()) if (q.answer) add(q.question, q.answer);
    add(form.querySelector('fieldset legend').textContent,
      value('Name') || value('Contact') ? `${value('Name')} ${value('Contact')}`.trim() : form.dataset.textAnonymous);
    for (const file of fileInput.files) add(document.querySelector('label[for="js-file-input"]').textContent, file.name);
    form.hidden = true;
    review.hidden = false;
    error.hidden = true;
    review.focus();
  });

  document.getElementById('js-edit').addEventListener('click', () => {
    review.hidden = true;
    form.hidden = false;
    field('What').focus();
  });

  submitButton.addEventListener('click', async () => {
    submitButton.disabled = true;
    error.hidden = true;
    progress.textContent = form.dataset.textSending;
    try {
      const code = await submit();
      document.getElementById('js-receipt-code').textContent = c.formatReceiptCode(code);
      review.hidden = true;
      const receipt = document.getElementById('js-receipt');
      receipt.hidden = false;
      receipt.focus();
    } catch (e) {
      error.textContent = e instanceof RequestError ? e.message : form.dataset.textFailed;
      error.hidden = false;
      submitButton.disabled = false;
      progress.textContent = '';
    }
  });

  async function submit() {
    const api = form.dataset.api;
    const salt = c.fromHex(form.dataset.salt);
    const kinds = [c.CaseKeyKind.Shared, c.CaseKeyKind.Identity, c.CaseKeyKind.Internal, c.CaseKeyKind.Summary];
    // "userId:publicKeyHex:kinds", kinds being the digits of the key kinds this recipient receives (e.g. "134").
    const recipients = form.dataset.recipients.split(',').filter(Boolean).map((entry) => {
      const [userId, hex, given] = entry.split(':');
      const own = given ? kinds.filter((k) => given.includes(String(k))) : kinds;
      return { userId, publicKey: c.fromHex(hex), kinds: own };
    });
    const caseId = crypto.randomUUID();
    const keys = Object.fromEntries(kinds.map((k) => [k, c.generateKey()]));
    const reporter = await c.generateKeyPair();
    const wrapped = [];
    for (const r of recipients) {
      for (const k of r.kinds) wrapped.push({ userId: r.userId, kind: k, wrappedKey: toBase64(await c.wrapCaseKey(keys[k], r.publicKey, caseId, k)) });
    }
    const shared = keys[c.CaseKeyKind.Shared];
    wrapped.push({ userId: null, kind: c.CaseKeyKind.Shared, wrappedKey: toBase64(await c.wrapCaseKey(shared, reporter.publicKey, caseId, c.CaseKeyKind.Shared)) });

    const files = [];
    const mentions = [];
    for (const file of fileInput.files) {
      const fileId = crypto.randomUUID();
      const fileKey = c.generateKey();
      await uploadFile(`${api}/uploads`, file, fileKey, fileId,
        (percent) => { progress.textContent = format(form.dataset.textUploading, file.name, percent); }, form.dataset.textFailed);
      files.push({ fileId, sealedKey: toBase64(await c.sealRecord(shared, caseId, fileId, c.RecordKind.FileKey, fileKey)) });
      c.wipe(fileKey);
      mentions.push({ id: fileId, name: file.name, type: file.type || 'application/octet-stream', size: file.size });
    }
    progress.textContent = form.dataset.textSending;

    const optional = (name) => value(name) || null;
    const answersRecordId = crypto.randomUUID();
    const answers = { what: value('What'), when: optional('When'), where: optional('Where'), who: optional('Who'), how: optional('How'), files: mentions, extra: questions() };
    const sealedAnswers = await c.sealRecord(shared, caseId, answersRecordId, c.RecordKind.Answers, utf8(JSON.stringify(answers)));
    let identityRecordId = null;
    let identity = null;
    if (optional('Name') || optional('Contact')) {
      identityRecordId = crypto.randomUUID();
      identity = toBase64(await c.sealRecord(keys[c.CaseKeyKind.Identity], caseId, identityRecordId, c.RecordKind.Identity,
        utf8(JSON.stringify({ name: optional('Name'), contact: optional('Contact') }))));
    }

    const code = c.generateReceiptCode();
    const secrets = await c.deriveReceiptSecrets(code, salt);
    const wrappedPrivateKey = await c.wrapPrivateKeyWithKey(reporter, secrets.wrapKey);
    c.wipe(secrets.wrapKey);
    const category = field('CategoryId');
    await postJson(`${api}/${form.dataset.channel}/reports`, {
      caseId,
      categoryId: category && category.value ? category.value : null,
      answersRecordId,
      answers: toBase64(sealedAnswers),
      identityRecordId,
      identity,
      keys: wrapped,
      lookupToken: toBase64(secrets.lookupToken),
      wrappedPrivateKey: toBase64(wrappedPrivateKey),
      files,
    }, form.dataset.textFailed);
    for (const k of kinds) c.wipe(keys[k]);
    // The plaintext leaves the page: the form is cleared so nothing lingers in it.
    form.reset();
    return code;
  }
}
