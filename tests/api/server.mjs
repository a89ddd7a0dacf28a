// Starts a real `pactum serve` on loopback for the API and browser tests:
// a temporary store with the samples ingested and a write token, port 0
// (the server prints the one it got). stop() sends SIGTERM and checks the
// server shuts down cleanly.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function startServer({ pactum, web, samples = ['data/samples/docs'], profiles = true, extraArgs = [] }) {
  const dir = mkdtempSync(join(tmpdir(), 'pactum-serve-test-'));
  // $PACTUM_TEST_SERVER_DB: another store, e.g. an empty PostgreSQL schema (tests/pg/api_pg_test.sh).
  const db = process.env.PACTUM_TEST_SERVER_DB || join(dir, 'pactum.db');
  const env = { ...process.env, PACTUM_DATA: process.env.PACTUM_DATA || join(repo, 'data') };
  execFileSync(pactum, ['ingest', ...samples.map((s) => join(repo, s)), '--db', db, '--json'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (profiles) {
    for (const f of readdirSync(join(repo, 'data/samples/profiles')).filter((n) => n.endsWith('.jsonl')).sort()) {
      execFileSync(pactum, ['profiles', 'import', join(repo, 'data/samples/profiles', f), '--db', db], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    }
  }
  const token = JSON.parse(execFileSync(pactum, ['token', 'create', '--db', db, '--name', 'test', '--json'], { env })).token;
  const log = join(dir, 'access.log');
  const args = ['serve', '--db', db, '--port', '0', '--access-log', log, ...(web ? ['--web', web] : []), ...extraArgs];
  const child = spawn(pactum, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`pactum serve did not start: ${out}`)), 30000);
    child.stdout.on('data', (b) => {
      out += b;
      const m = out.match(/http:\/\/[\d.]+:\d+\//);
      if (m) { clearTimeout(timer); ok(m[0]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); fail(new Error(`pactum serve exited with ${code}: ${out}`)); });
  });
  child.removeAllListeners('exit');
  const exited = new Promise((ok) => child.on('exit', (code, signal) => ok({ code, signal })));
  return {
    url, token, db, dir, log,
    accessLog: () => readFileSync(log, 'utf8'),
    async stop({ keep = false } = {}) {
      child.kill('SIGTERM');
      const r = await exited;
      if (!keep) rmSync(dir, { recursive: true, force: true });
      return r;
    },
  };
}

// Minimal test bookkeeping: check() records failures, finish() exits 1 on any.
let failures = 0, checks = 0;
export function check(cond, what) {
  checks++;
  if (!cond) { failures++; console.error(`FAIL: ${what}`); }
  return cond;
}
export function finish(name) {
  console.log(`${name}: ${checks - failures}/${checks} checks passed`);
  process.exit(failures ? 1 : 0);
}
