// The mailbox on the JavaScript path: entries arrive sealed and are opened here with the reporter's key; replies
// and files are sealed here before they are sent.
import * as c from './crypto/index.js';
import { fromBase64, toBase64, uploadFile, postJson, utf8, format, RequestError } from './intake.js';

const WRAP_KEY_ITEM = 'varsling.wrapKey';
const list = document.getElementById('entries');
const logout = document.querySelector('form.logout');
if (logout) logout.addEventListener('submit', () => sessionStorage.removeItem(WRAP_KEY_ITEM));
if (list && list.dataset.sealedUrl && c.isSupported()) open(list);

async function open(list) {
  const t = list.dataset;
  const wrapKeyHex = sessionStorage.getItem(WRAP_KEY_ITEM);
  if (!wrapKeyHex) {
    showNote(t.textRelogin);
    return;
  }
  const response = await fetch(t.sealedUrl, { credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) {
    showNote(t.textRelogin);
    return;
  }
  const mailbox = await response.json();
  const wrapKey = c.fromHex(wrapKeyHex);
  const reporter = await c.unwrapPrivateKeyWithKey(fromBase64(mailbox.wrappedPrivateKey), wrapKey);
  c.wipe(wrapKey);
  const shared = await c.unwrapCaseKey(fromBase64(mailbox.wrappedSharedKey), reporter, mailbox.caseId, c.CaseKeyKind.Shared);
  const dates = new Intl.DateTimeFormat(document.documentElement.lang === 'nb' ? 'nb-NO' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  list.replaceChildren();
  for (const entry of mailbox.entries) {
    const li = document.createElement('li');
    li.className = `entry entry-${entry.author.toLowerCase()}`;
    const meta = paragraph('entry-meta', `${t[`text${entry.author}`]} · ${dates.format(new Date(`${entry.date}T12:00:00`))}`);
    li.append(meta);
    if (entry.templateId) {
      li.append(paragraph('', t[`text${entry.templateId[0].toUpperCase()}${entry.templateId.slice(1)}`] ?? ''));
    } else {
      const kind = c.RecordKind[entry.kind];
      const plain = JSON.parse(new TextDecoder().decode(await c.openRecord(shared, mailbox.caseId, entry.id, kind, fromBase64(entry.sealedContent))));
      if (entry.kind === 'Answers') {
        if (t.textMinutes) li.append(paragraph('minutes-label', t.textMinutes));
        li.append(paragraph('prewrap', plain.what));
        for (const [key, label] of [['when', t.textWhen], ['where', t.textWhere], ['who', t.textWho], ['how', t.textHow]]) {
          if (plain[key]) li.append(paragraph('', `${label} ${plain[key]}`));
        }
        // Answers to the channel's own questions; reports filed before channels had questions have none.
        for (const extra of plain.extra ?? []) {
          if (extra.answer) li.append(paragraph('extra-answer', `${extra.question} ${extra.answer}`));
        }
      } else {
        li.append(paragraph('prewrap message-text', plain.text));
      }
      for (const file of plain.files ?? []) li.append(paragraph('file', `${t.textFile}: ${file.name}`));
    }
    list.append(li);
  }
  enableReply(mailbox.caseId, shared, t);
}

function paragraph(className, text) {
  const p = document.createElement('p');
  if (className) p.className = className;
  p.textContent = text;
  return p;
}

function showNote(text) {
  const note = paragraph('error', text);
  note.setAttribute('role', 'alert');
  list.after(note);
}

function enableReply(caseId, shared, t) {
  const form = document.getElementById('reply-form');
  const progress = document.getElementById('reply-progress');
  const error = document.getElementById('reply-error');
  const api = t.sealedUrl;
  const uploads = api.replace(/\/mailbox$/, '/uploads');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    error.hidden = true;
    try {
      const text = form.elements.namedItem('Text').value.trim();
      const input = form.elements.namedItem('files');
      const files = [];
      const mentions = [];
      for (const file of input.files) {
        const fileId = crypto.randomUUID();
        const fileKey = c.generateKey();
        await uploadFile(uploads, file, fileKey, fileId, (percent) => { progress.textContent = format(t.textUploading, file.name, percent); }, '');
        files.push({ fileId, sealedKey: toBase64(await c.sealRecord(shared, caseId, fileId, c.RecordKind.FileKey, fileKey)) });
        c.wipe(fileKey);
        mentions.push({ id: fileId, name: file.name, type: file.type || 'application/octet-stream', size: file.size });
      }
      progress.textContent = t.textSending;
      const recordId = crypto.randomUUID();
      const content = await c.sealRecord(shared, caseId, recordId, c.RecordKind.Message, utf8(JSON.stringify({ text, files: mentions })));
      await postJson(`${api}/messages`, { recordId, content: toBase64(content), files }, '');
      form.reset();
      window.location.reload();
    } catch (e) {
      error.textContent = e instanceof RequestError && e.message ? e.message : t.textRelogin;
      error.hidden = false;
      button.disabled = false;
      progress.textContent = '';
    }
  });
}
