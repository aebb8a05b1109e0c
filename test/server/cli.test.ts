/**
 * `crosscheck serve` as a real process: loopback by default, token from $CROSSCHECK_TOKEN, and a
 * graceful SIGTERM that lets the request in flight finish before the process exits.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manyArticles } from './fixtures.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('serve: loopback, env token, SIGTERM finishes the request in flight', async () => {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), 'serve', '--db', ':memory:', '--port', '0'], {
    cwd: root,
    env: { ...process.env, CROSSCHECK_TOKEN: 'env-token' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr.setEncoding('utf8');
  const exited = new Promise<number | null>((res) => proc.on('exit', (code) => res(code)));
  try {
    const base = await new Promise<string>((res, rej) => {
      const t = setTimeout(() => rej(new Error('no start: ' + stderr)), 60_000);
      proc.stderr.on('data', (c: string) => {
        stderr += c;
        const m = /serving (http:\/\/\S+)/.exec(stderr);
        if (m) {
          clearTimeout(t);
          res(m[1]);
        }
      });
    });
    assert.match(base, /^http:\/\/127\.0\.0\.1:\d+$/, 'loopback by default');
    assert.equal((await fetch(`${base}/api/health`)).status, 200);

    const body = manyArticles(60, 'weather station').map((a) => JSON.stringify(a)).join('\n');
    const inflight = fetch(`${base}/api/articles`, { method: 'POST', headers: { authorization: 'Bearer env-token', 'content-type': 'application/x-ndjson' }, body });
    await new Promise((r) => setTimeout(r, 150));
    proc.kill('SIGTERM');
    const res = await inflight;
    assert.equal(res.status, 200);
    const report = (await res.json()) as { stored: number };
    assert.equal(report.stored, 60, 'the request in flight was finished');
    assert.equal(await exited, 0);
    assert.match(stderr, /SIGTERM/);
    assert.match(stderr, /stopped/);
    await assert.rejects(fetch(`${base}/api/health`), 'nothing listens any more');
  } finally {
    if (proc.exitCode === null) proc.kill('SIGKILL');
  }
});
