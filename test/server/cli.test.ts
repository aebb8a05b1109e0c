/**
 * Server processes and threads: ingestion in a worker thread for file stores; `crosscheck serve` as
 * a real process (loopback by default, token from $CROSSCHECK_TOKEN, graceful SIGTERM that lets
 * the request in flight finish before the process exits).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from '../../src/server/app.js';
import { manyArticles } from './fixtures.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('file store: ingestion runs in a worker thread and reads are answered meanwhile', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-server-worker-'));
  const db = join(dir, 'w.db');
  try {
    const app = await createServer({ db, token: 'w', webRoot: null, rateLimit: false });
    let ids: string[] = [];
    try {
      assert.equal(app.ingestMode, 'worker');
      await app.listen({ port: 0, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
      const order: string[] = [];
      const body = manyArticles(20, 'granary').map((a) => JSON.stringify(a)).join('\n');
      const posting = fetch(`${base}/api/articles`, { method: 'POST', headers: { authorization: 'Bearer w', 'content-type': 'application/x-ndjson' }, body }).then(async (r) => {
        order.push('post');
        assert.equal(r.status, 200);
        ids = ((await r.json()) as { articleIds: string[] }).articleIds;
      });
      await new Promise((r) => setTimeout(r, 30));
      const h = await fetch(`${base}/api/health`);
      order.push('health');
      assert.equal(((await h.json()) as { ingest: string }).ingest, 'worker');
      await posting;
      assert.deepEqual(order, ['health', 'post'], 'the read was not held up by the batch');
      assert.equal(ids.length, 20);
      const story = (await (await fetch(`${base}/api/articles/${ids[0]}`)).json()) as { storyId: string };
      assert.equal((await fetch(`${base}/api/stories/${story.storyId}`)).status, 200);
    } finally {
      await app.close();
    }
    // What the worker wrote is in the file.
    const again = await createServer({ db, webRoot: null, ingestIn: 'process' });
    try {
      assert.equal((await again.inject({ url: `/api/articles/${ids[19]}` })).statusCode, 200);
    } finally {
      await again.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve: loopback, env token, SIGTERM finishes the request in flight', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-serve-'));
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), 'serve', '--db', join(dir, 's.db'), '--port', '0'], {
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
    const health = (await (await fetch(`${base}/api/health`)).json()) as { ingest: string };
    assert.equal(health.ingest, 'worker');

    const body = manyArticles(30, 'weather station').map((a) => JSON.stringify(a)).join('\n');
    const inflight = fetch(`${base}/api/articles`, { method: 'POST', headers: { authorization: 'Bearer env-token', 'content-type': 'application/x-ndjson' }, body });
    await new Promise((r) => setTimeout(r, 150));
    proc.kill('SIGTERM');
    const res = await inflight;
    assert.equal(res.status, 200);
    const report = (await res.json()) as { stored: number };
    assert.equal(report.stored, 30, 'the request in flight was finished');
    const t0 = Date.now();
    assert.equal(await exited, 0);
    // Keep-alive sockets of requests in flight must not hold the exit (fastify keeps them 72 s).
    assert.ok(Date.now() - t0 < 30_000, `exited ${Date.now() - t0} ms after the last response`);
    assert.match(stderr, /SIGTERM/);
    assert.match(stderr, /stopped/);
    await assert.rejects(fetch(`${base}/api/health`), 'nothing listens any more');
  } finally {
    if (proc.exitCode === null) proc.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
