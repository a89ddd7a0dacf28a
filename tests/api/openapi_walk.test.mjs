// Walks the OpenAPI document served by a real `pactum serve` and checks
// that every endpoint answers as described: status, content type and the
// JSON schema of the body; that writes without a token get 401, a 20 MB body
// 413, a malformed JSON body 400 with a message; that unknown parameters
// and ids give the documented errors; that SIGTERM stops the server cleanly
// and the access log has one JSON line per request.
// Usage: node openapi_walk.test.mjs PATH/TO/pactum
import { spawnSync } from 'node:child_process';
import { startServer, check, finish } from './server.mjs';

const pactum = process.argv[2];
const server = await startServer({ pactum });
const base = server.url.replace(/\/$/, '');
const doc = await (await fetch(`${base}/api/openapi.json`)).json();

function resolveRef(schema) {
  while (schema && schema.$ref) {
    schema = schema.$ref.replace('#/', '').split('/').reduce((o, k) => o[k], doc);
  }
  return schema;
}

// The schema subset the document uses: type, nullable, properties,
// required, items, allOf, oneOf, enum, additionalProperties.
function validate(value, schema, path = '$') {
  schema = resolveRef(schema);
  if (!schema) return [];
  if (schema.allOf) return schema.allOf.flatMap((s) => validate(value, s, path));
  if (schema.oneOf) {
    const ok = schema.oneOf.some((s) => validate(value, s, path).length === 0);
    return ok ? [] : [`${path}: matches none of oneOf`];
  }
  if (value === null) return schema.nullable ? [] : [`${path}: null but not nullable`];
  const errs = [];
  const type = schema.type;
  const actual = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (type && !(type === actual || (type === 'number' && actual === 'integer'))) return [`${path}: ${actual}, expected ${type}`];
  if (schema.enum && !schema.enum.includes(value)) errs.push(`${path}: ${value} not in enum`);
  if (type === 'array' && schema.items) value.forEach((v, i) => errs.push(...validate(v, schema.items, `${path}[${i}]`)));
  if (type === 'object') {
    for (const r of schema.required || []) if (!(r in value)) errs.push(`${path}: missing ${r}`);
    for (const [k, v] of Object.entries(value)) {
      if (schema.properties && k in schema.properties) errs.push(...validate(v, schema.properties[k], `${path}.${k}`));
      else if (typeof schema.additionalProperties === 'object') errs.push(...validate(v, schema.additionalProperties, `${path}.${k}`));
    }
  }
  return errs;
}

async function call(method, path, { query = {}, body, headers = {} } = {}) {
  const qs = new URLSearchParams(query).toString();
  const res = await fetch(`${base}${path}${qs ? `?${qs}` : ''}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, type: (res.headers.get('content-type') || '').split(';')[0], text };
}

// The answer fits the documented response for its status.
function conforms(op, r, what) {
  const resp = op.responses[String(r.status)];
  if (!check(resp, `${what}: status ${r.status} is not documented (${r.text.slice(0, 200)})`)) return;
  const media = resp.content && resp.content[r.type];
  if (!check(media, `${what}: content type ${r.type} not documented for ${r.status}`)) return;
  if (r.type !== 'application/json') return;
  let body;
  try { body = JSON.parse(r.text); } catch { check(false, `${what}: body is not JSON`); return; }
  const errs = validate(body, media.schema);
  check(errs.length === 0, `${what}: ${errs.slice(0, 5).join('; ')}`);
}

const auth = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' };
let endpoints = 0;
for (const [path, item] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(item)) {
    endpoints++;
    const M = method.toUpperCase();
    const params = op.parameters || [];
    let concrete = path;
    for (const p of params.filter((x) => x.in === 'path')) concrete = concrete.replace(`{${p.name}}`, encodeURIComponent(p.example));
    const query = Object.fromEntries(params.filter((x) => x.in === 'query' && x.required).map((p) => [p.name, p.example]));
    const what = `${M} ${path}`;
    if (M === 'GET') {
      const r = await call(M, concrete, { query });
      check(r.status === 200, `${what}: ${r.status} ${r.text.slice(0, 200)}`);
      conforms(op, r, what);
      // Every optional query parameter is accepted (empty means unset).
      for (const p of params.filter((x) => x.in === 'query' && !x.required)) {
        const r2 = await call(M, concrete, { query: { ...query, [p.name]: '' } });
        check(r2.status === 200, `${what}?${p.name}=: ${r2.status}`);
      }
      if (op.responses['400']) {
        const bad = await call(M, concrete, { query: { ...query, no_such_parameter: '1' } });
        check(bad.status === 400, `${what}: an unknown parameter gives ${bad.status}`);
        conforms(op, bad, `${what} (unknown parameter)`);
      }
      if (op.responses['404'] && params.some((x) => x.in === 'path')) {
        let missing = path;
        for (const p of params.filter((x) => x.in === 'path')) missing = missing.replace(`{${p.name}}`, p.schema.type === 'integer' ? '999999' : 'no-such-actor-xyz');
        const nf = await call(M, missing);
        check(nf.status === 404, `${what}: a missing id gives ${nf.status}`);
        conforms(op, nf, `${what} (missing)`);
      }
    } else {
      const example = op.requestBody ? JSON.stringify(op.requestBody.content['application/json'].example) : undefined;
      if (op.security) {
        const anon = await call(M, concrete, { body: example, headers: { 'Content-Type': 'application/json' } });
        check(anon.status === 401, `${what} without a token: ${anon.status}`);
        conforms(op, anon, `${what} (no token)`);
        const wrong = await call(M, concrete, { body: example, headers: { ...auth, Authorization: 'Bearer not-a-token' } });
        check(wrong.status === 401, `${what} with a wrong token: ${wrong.status}`);
      }
      const r = await call(M, concrete, { body: example, headers: auth });
      check(r.status === 200, `${what}: ${r.status} ${r.text.slice(0, 200)}`);
      conforms(op, r, what);
      if (op.requestBody) {
        const malformed = await call(M, concrete, { body: '{"author": ', headers: auth });
        check(malformed.status === 400 || (M === 'PUT' && malformed.status === 404), `${what} malformed JSON: ${malformed.status}`);
        conforms(op, malformed, `${what} (malformed)`);
        const msg = JSON.parse(malformed.text).error?.message || '';
        check(malformed.status !== 400 || /JSON/.test(msg), `${what}: the 400 message names the JSON problem: ${msg}`);
      }
    }
  }
}

// The documented writes succeed with a token.
const ingest = await call('POST', '/api/ingest', { body: JSON.stringify(doc.paths['/api/ingest'].post.requestBody.content['application/json'].example), headers: auth });
check(ingest.status === 200 && JSON.parse(ingest.text).read === 1, `ingest with a token: ${ingest.status} ${ingest.text}`);
const curate = await call('POST', '/api/curation/events/2', { body: JSON.stringify({ status: 'rejected', author: 'walk', note: 'test' }), headers: auth });
check(curate.status === 200, `curation with a token: ${curate.status} ${curate.text}`);
const log = JSON.parse((await call('GET', '/api/curation')).text);
check(log.some((e) => e.author === 'walk'), 'the curation shows in the log');

// 20 MB body: 413 with the JSON error shape.
const big = await call('POST', '/api/ingest', { body: 'x'.repeat(20 * 1024 * 1024), headers: auth });
check(big.status === 413, `20 MB body: ${big.status}`);
check(/too_large/.test(big.text), `20 MB body: JSON error ${big.text.slice(0, 100)}`);
// Unknown endpoints and methods.
check((await call('GET', '/api/no-such-endpoint')).status === 404, 'unknown endpoint: 404');
check((await call('DELETE', '/api/agreements')).status === 405, 'wrong method: 405');
// A bad search is a 400 with a message, never a crash.
const quote = await call('GET', '/api/search', { query: { q: '"unbalanced' } });
check(quote.status === 400 && /quote/.test(quote.text), `unbalanced quotes: ${quote.status} ${quote.text}`);

// A second server on the same port is refused (exit 4), never shares it.
const port = new URL(server.url).port;
const second = spawnSync(pactum, ['serve', '--db', server.db, '--port', port, '--access-log', 'off'], { timeout: 20000, encoding: 'utf8' });
check(second.status === 4 && /cannot listen/.test(second.stderr), `a second server on port ${port}: exit ${second.status} ${second.stderr}`);

const { code, signal } = await server.stop({ keep: true });
check(code === 0, `SIGTERM: clean exit (code ${code}, signal ${signal})`);
const lines = server.accessLog().trim().split('\n');
let parsed = 0;
for (const l of lines) { try { const j = JSON.parse(l); if (j.method && j.path && j.status) parsed++; } catch { /* counted below */ } }
check(parsed === lines.length && parsed > endpoints, `access log: ${parsed} JSON lines of ${lines.length}`);
console.log(`walked ${endpoints} endpoints of the OpenAPI document`);
finish('api.openapi_walk');
