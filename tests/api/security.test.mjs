// The REST API and static files against a hostile client, on a real
// `pactum serve` on loopback: security headers on every response; no path
// traversal out of the web folder; SQL (and FTS) injection through every
// query parameter of every GET route is taken as a literal (same answer as
// a harmless unknown value) or refused with 400, never a 500, and the store
// is unchanged; oversized headers, URIs and bodies are refused; a client that
// trickles its request (slowloris) is cut off at the request timeout and the
// server keeps serving; wrong tokens from one address get 429; CORS answers
// only a listed origin, with that origin, never a wildcard.
// Usage: node security.test.mjs PATH/TO/pactum
import net from 'node:net';
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, check, finish } from './server.mjs';

const pactum = process.argv[2];
// A web folder of our own beside a secret file that must never be served.
const root = mkdtempSync(join(tmpdir(), 'pactum-security-'));
const web = join(root, 'web');
mkdirSync(join(web, 'sub'), { recursive: true });
writeFileSync(join(web, 'index.html'), '<!doctype html><title>t</title>');
writeFileSync(join(web, 'sub', 'a.js'), 'export {};');
writeFileSync(join(root, 'secret.txt'), 'TOPSECRET');

const allowed = 'http://allowed.example';
const server = await startServer({
  pactum, web, samples: ['data/samples/docs'],
  extraArgs: ['--threads', '8', '--request-timeout', '2', '--cors-origin', allowed],
});
const base = server.url.replace(/\/$/, '');
const { port } = new URL(base);

// One raw request over a socket (fetch would normalise the path); resolves
// with the status (0: closed without an answer) and the whole answer.
function raw(text, { timeoutMs = 15000 } = {}) {
  return new Promise((ok) => {
    const s = net.connect(Number(port), '127.0.0.1');
    let data = '';
    const timer = setTimeout(() => { s.destroy(); ok({ status: -1, data }); }, timeoutMs);
    s.on('connect', () => s.write(text));
    s.on('data', (b) => { data += b; });
    s.on('error', () => {});
    s.on('close', () => {
      clearTimeout(timer);
      const m = data.match(/^HTTP\/1\.[01] (\d{3})/);
      ok({ status: m ? Number(m[1]) : 0, data });
    });
  });
}
const get = (path, extra = '') => raw(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${extra}\r\n`);

async function call(method, path, { headers = {}, body, localAddress } = {}) {
  return new Promise((ok) => {
    const req = http.request(`${base}${path}`, { method, headers, localAddress }, (res) => {
      let text = '';
      res.on('data', (b) => { text += b; });
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, text }));
    });
    // A refused upload may reset the connection before its answer is read.
    req.on('error', (e) => ok({ status: 0, headers: {}, text: String(e) }));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

// ---- security headers on every kind of response ------------------------------
const csp = (h) => h['content-security-policy'] || '';
for (const [what, r] of [
  ['the UI', await call('GET', '/')],
  ['a static file', await call('GET', '/sub/a.js')],
  ['an API read', await call('GET', '/api/health')],
  ['an API 404', await call('GET', '/api/nothing')],
  ['a static 404', await call('GET', '/missing.html')],
  ['a 401', await call('POST', '/api/ingest', { body: '{}' })],
  ['a 413', await call('POST', '/api/ingest', { headers: { Authorization: `Bearer ${server.token}` }, body: 'x'.repeat(17 << 20) })],
  ['a preflight', await call('OPTIONS', '/api/health')],
]) {
  check(r.headers['x-content-type-options'] === 'nosniff', `${what} (${r.status}): X-Content-Type-Options nosniff`);
  check(/default-src 'self'/.test(csp(r.headers)) && /script-src 'self'(;|$)/.test(csp(r.headers)) &&
        /frame-ancestors 'none'/.test(csp(r.headers)) && /object-src 'none'/.test(csp(r.headers)),
        `${what}: a Content-Security-Policy without inline scripts (${csp(r.headers)})`);
  check(r.headers['x-frame-options'] === 'DENY', `${what}: X-Frame-Options DENY`);
  check(r.headers['referrer-policy'] === 'no-referrer', `${what}: Referrer-Policy no-referrer`);
}

// ---- path traversal on static files ----------------------------------------
for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt',
  '/sub/../../secret.txt', '/sub/%2e%2e/%2e%2e/secret.txt', '/..%5csecret.txt', '/%252e%252e/secret.txt',
  '/....//secret.txt', '/sub/..%2f..%2fsecret.txt', '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/../../../../etc/passwd',
  '//etc/passwd', '/index.html%00.js', '/sub%00/../../secret.txt']) {
  const r = await get(path);
  check(!r.data.includes('TOPSECRET') && !r.data.includes('root:x:'), `${path}: nothing outside the web folder is served (${r.status})`);
  check([400, 404].includes(r.status), `${path}: 400 or 404, got ${r.status}`);
}
check((await get('/sub/a.js')).status === 200, 'a file inside the web folder is served');

// ---- injection through every query parameter --------------------------------
const docsBefore = JSON.parse((await call('GET', '/api/documents?limit=1')).text).total;
const doc = JSON.parse((await call('GET', '/api/openapi.json')).text);
const payloads = ["' OR '1'='1", "1 OR 1=1", "x'); DROP TABLE documents; --", '" OR ""="', "1; SELECT * FROM api_tokens",
  "%' --", 'x" UNION SELECT name FROM sqlite_master --', 'hydrogen OR 1=1) --', 'NEAR(a b)', '*', 'a:b', '^x', '\u0000x'];
let probes = 0;
for (const [path, item] of Object.entries(doc.paths)) {
  const op = item.get;
  if (!op) continue;
  const params = op.parameters || [];
  let concrete = path;
  for (const p of params.filter((x) => x.in === 'path')) concrete = concrete.replace(`{${p.name}}`, encodeURIComponent(p.example));
  const required = Object.fromEntries(params.filter((x) => x.in === 'query' && x.required).map((p) => [p.name, p.example]));
  for (const p of params.filter((x) => x.in === 'query')) {
    // The answer to a harmless value that matches nothing, to compare with.
    const plain = await call('GET', `${concrete}?${new URLSearchParams({ ...required, [p.name]: 'zqxjkv' })}`);
    for (const payload of payloads) {
      const r = await call('GET', `${concrete}?${new URLSearchParams({ ...required, [p.name]: payload })}`);
      probes++;
      const what = `GET ${path}?${p.name}=${JSON.stringify(payload)}`;
      check(r.status !== 500 && r.status < 600, `${what}: no server error (${r.status} ${r.text.slice(0, 160)})`);
      if (r.status === 200 && plain.status === 200 && p.name !== 'q' && p.name !== 'text' &&
          r.headers['content-type'].startsWith('application/json')) {
        // Taken as a literal: it finds no more than a value that matches nothing.
        check(r.text.length <= plain.text.length + 2 * payload.length + 64 || r.text === plain.text,
              `${what}: answered like a literal (${r.text.length} bytes against ${plain.text.length})`);
      }
    }
  }
}
check(probes > 100, `${probes} injection probes sent`);
const docsAfter = JSON.parse((await call('GET', '/api/documents?limit=1')).text).total;
check(docsAfter === docsBefore, `the store is unchanged by the probes (${docsBefore} -> ${docsAfter} documents)`);

// ---- oversized requests ----------------------------------------------------------
const bigHeader = await get('/api/health', `X-Big: ${'a'.repeat(10000)}\r\n`);
check(bigHeader.status === 400 || bigHeader.status === 431 || bigHeader.status === 0, `a 10 KB header line is refused (${bigHeader.status})`);
let many = '';
for (let i = 0; i < 20; i++) many += `X-H${i}: ${'b'.repeat(8000)}\r\n`;
const manyHeaders = await get('/api/health', many);
check(manyHeaders.status === 400 || manyHeaders.status === 431 || manyHeaders.status === 0, `160 KB of headers are refused (${manyHeaders.status})`);
const longUri = await get(`/api/search?q=${'a'.repeat(20000)}`);
check(longUri.status === 414 || longUri.status === 400 || longUri.status === 0, `a 20 KB URI is refused (${longUri.status})`);
const lying = await raw(`POST /api/ingest HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${server.token}\r\nContent-Length: 99999999999\r\nConnection: close\r\n\r\n`);
check(lying.status === 413, `a Content-Length over the limit is 413 before any body (${lying.status})`);
check((await call('GET', '/api/health')).status === 200, 'the server serves after the oversized requests');

// ---- slowloris: a trickled request is cut off at the request timeout ----
// 12 connections (more than the 8 workers) each send a byte of header every
// 400 ms, so that no read ever waits long enough to hit the read timeout.
const slow = [];
for (let i = 0; i < 12; i++) {
  slow.push(new Promise((ok) => {
    const s = net.connect(Number(port), '127.0.0.1');
    const started = Date.now();
    let timer;
    s.on('connect', () => {
      s.write('GET /api/health HTTP/1.1\r\nHost: x\r\n');
      timer = setInterval(() => { if (!s.destroyed) s.write('X'); }, 400);
    });
    s.on('error', () => {});
    s.on('close', () => { clearInterval(timer); ok(Date.now() - started); });
    setTimeout(() => { clearInterval(timer); s.destroy(); ok(-1); }, 40000);
  }));
}
const lasted = await Promise.all(slow);
check(lasted.every((ms) => ms >= 0), `every trickling connection was closed by the server (${lasted.join(', ')} ms)`);
check((await call('GET', '/api/health')).status === 200, 'the server serves after the slow clients');
// An idle connection after its request is closed after the keep-alive timeout too.
const idle = await raw('GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n', { timeoutMs: 30000 });
check(idle.status === 200, `an idle keep-alive connection is answered, then closed (${idle.status})`);

// ---- token brute force: 429 per client address ---------------------------
// From 127.0.0.2, so that this test's own token on 127.0.0.1 stays usable.
const guess = (token, localAddress = '127.0.0.2') => call('POST', '/api/curation/actors/merge', {
  headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  body: JSON.stringify({ keep: 'a', absorb: 'b', author: 'x' }), localAddress,
});
const statuses = [];
for (let i = 0; i < 12; i++) statuses.push((await guess(`guess${i}`)).status);
check(statuses.slice(0, 10).every((s) => s === 401) && statuses.slice(10).every((s) => s === 429),
      `ten wrong tokens get 401, then 429 (${statuses.join(' ')})`);
const blocked = await guess(server.token);
check(blocked.status === 429 && Number(blocked.headers['retry-after']) > 0,
      `the right token from the blocked address is refused too, with Retry-After (${blocked.status} ${blocked.headers['retry-after']})`);
check((await guess(server.token, '127.0.0.1')).status === 404, 'another address with the right token is served');
check((await call('GET', '/api/health', { localAddress: '127.0.0.2' })).status === 200, 'reads from the blocked address are served');

// ---- CORS -------------------------------------------------------------------
const evil = await call('GET', '/api/health', { headers: { Origin: 'http://evil.example' } });
check(!('access-control-allow-origin' in evil.headers), 'a foreign origin gets no Access-Control-Allow-Origin');
const evilPre = await call('OPTIONS', '/api/ingest', { headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' } });
check(!('access-control-allow-origin' in evilPre.headers) && !('access-control-allow-methods' in evilPre.headers),
      `a foreign origin's preflight is not allowed (${evilPre.status})`);
const ok = await call('GET', '/api/health', { headers: { Origin: allowed } });
check(ok.headers['access-control-allow-origin'] === allowed && /Origin/.test(ok.headers.vary || ''),
      `a listed origin gets itself back with Vary: Origin (${ok.headers['access-control-allow-origin']})`);
const okPre = await call('OPTIONS', '/api/ingest', { headers: { Origin: allowed, 'Access-Control-Request-Method': 'POST' } });
check(okPre.status === 204 && okPre.headers['access-control-allow-origin'] === allowed &&
      /Authorization/.test(okPre.headers['access-control-allow-headers'] || ''), `a listed origin's preflight is allowed (${okPre.status})`);
for (const r of [evil, evilPre, ok, okPre]) {
  check(r.headers['access-control-allow-origin'] !== '*' && !('access-control-allow-credentials' in r.headers), 'never a wildcard, never credentials');
}

const { code } = await server.stop();
check(code === 0, `pactum serve stopped cleanly (${code})`);
rmSync(root, { recursive: true, force: true });
finish('api.security');
