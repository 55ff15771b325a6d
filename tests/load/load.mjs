// Load test of the intake (see scripts/load.sh): the JavaScript-path submission and the mailbox login, each
// against a baseline endpoint doing one EF insert, measured in the same run with the same connections.
// Usage: node load.mjs BASE_URL [connections=32] [seconds=10]
import autocannon from 'autocannon';
import * as c from '../../src/Varsling.Intake/wwwroot/js/crypto/index.js';

const [base = 'http://127.0.0.1:5090', connections = '32', seconds = '10'] = process.argv.slice(2);
const b64 = (bytes) => Buffer.from(bytes).toString('base64');
const b64url = (bytes) => Buffer.from(bytes).toString('base64url');

// One page visit gives the antiforgery token and cookie, the recipients' keys and the receipt salt.
const page = await fetch(`${base}/en/nordlys/varsling/report`);
const html = await page.text();
const cookie = page.headers.getSetCookie().map((v) => v.split(';')[0]).join('; ');
const token = /name="__af"[^>]*value="([^"]+)"/.exec(html)[1].replace(/&#x2B;/g, '+').replace(/&#x2F;/g, '/').replace(/&#x3D;/g, '=');
const recipients = /data-recipients="([^"]*)"/.exec(html)[1].split(',').filter(Boolean).map((p) => p.split(':'));
if (recipients.length === 0) throw new Error('The channel has no recipients; scripts/load.sh adds one.');

// Real envelopes made once; each request varies the case id and lookup token, which the server requires unique.
const caseKey = c.generateKey();
const someCase = crypto.randomUUID();
const reporter = await c.generateKeyPair();
const wrappedPrivateKey = b64(await c.wrapPrivateKeyWithKey(reporter, c.generateKey()));
const keys = [];
// Each entry is "userId:publicKeyHex:kinds"; kinds lists the key kinds the recipient receives (custodian channels leave out 2).
for (const [userId, hex, kinds = '1234'] of recipients) {
  for (const kind of [1, 2, 3, 4].filter((k) => kinds.includes(String(k)))) keys.push({ userId, kind, wrappedKey: b64(await c.wrapCaseKey(caseKey, c.fromHex(hex), someCase, kind)) });
}
keys.push({ userId: null, kind: 1, wrappedKey: b64(await c.wrapCaseKey(caseKey, reporter.publicKey, someCase, 1)) });
const answers = b64(await c.sealRecord(caseKey, someCase, crypto.randomUUID(), c.RecordKind.Answers,
  new TextEncoder().encode(JSON.stringify({ what: 'x'.repeat(2000), when: null, where: null, who: null, how: null, files: [] }))));
const report = (lookupToken) => JSON.stringify({
  caseId: crypto.randomUUID(), categoryId: null, answersRecordId: crypto.randomUUID(), answers, identityRecordId: null, identity: null,
  keys, lookupToken: b64(lookupToken), wrappedPrivateKey, files: [],
});
const headers = { cookie, 'X-Varsling-AF': token };

async function run(title, options, url = base) {
  const result = await autocannon({ url, connections: Number(connections), duration: Number(seconds), ...options });
  const line = { title, statusCodes: Object.keys(result.statusCodeStats ?? {}).join(','), requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, ok: result['2xx'], redirects: result['3xx'], non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts };
  console.log(JSON.stringify(line));
  return line;
}

for (const [path, init] of [['/load/baseline', { method: 'POST' }], ['/api/nordlys/varsling/reports', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: report(crypto.getRandomValues(new Uint8Array(32))) }]]) {
  const probe = await fetch(`${base}${path}`, init);
  if (!probe.ok) throw new Error(`${path} answered ${probe.status}: ${(await probe.text()).slice(0, 300)}`);
}

// A body (and so a Content-Length) on every POST: Kestrel answers 411 to a POST without one.
const baseline = await run('baseline: one EF insert', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' },
  `${base}/load/baseline`);

const submit = await run('JS-path submission', {
  requests: [{
    method: 'POST', path: '/api/nordlys/varsling/reports', headers: { ...headers, 'content-type': 'application/json' },
    setupRequest: (req) => ({ ...req, body: report(crypto.getRandomValues(new Uint8Array(32))) }),
  }],
});

// Logins need real credentials: file some reports with known lookup tokens first, then cycle through them.
const tokens = [];
for (let i = 0; i < 64; i++) {
  const lookup = crypto.getRandomValues(new Uint8Array(32));
  const r = await fetch(`${base}/api/nordlys/varsling/reports`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: report(lookup) });
  if (r.ok) tokens.push(b64url(lookup));
}
let next = 0;
const login = await run('mailbox login (JS path: lookup token)', {
  requests: [{
    method: 'POST', path: '/en/nordlys/mailbox', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    setupRequest: (req) => ({ ...req, body: `__af=${encodeURIComponent(token)}&Input.LookupToken=${tokens[next++ % tokens.length]}` }),
  }],
});

for (const r of [submit, login]) {
  console.log(`${r.title}: ${r.requestsPerSecond.toFixed(0)} req/s (${(r.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)}× baseline), ` +
    `p99 ${r.p99Ms} ms (${(r.p99Ms / Math.max(1, baseline.p99Ms)).toFixed(2)}× baseline)`);
}
console.log(`baseline: ${baseline.requestsPerSecond.toFixed(0)} req/s, p99 ${baseline.p99Ms} ms`);
