/** The CLI end to end: `ingest -` from stdin, a folder twice into one SQLite file, a bad stdin. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BRIDGE_HTML, FERRY_PAGE, tempDir } from './helpers.js';

function runCli(args: string[], input: string | Buffer): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('CLI ingest', () => {
  test('the CLI ingests "-" from stdin and prints the summary', async () => {
    const r = await runCli(['ingest', '-', '--db', ':memory:', '--quiet'], FERRY_PAGE);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /stored 1, duplicates 0, failed 0/);
  });

  test('the CLI ingests a folder; the same folder again stores nothing new', async () => {
    const t = tempDir('cc-cli-');
    const dir = t.dir;
    try {
      const docs = join(dir, 'docs');
      mkdirSync(docs);
      writeFileSync(join(docs, 'ferry.txt'), FERRY_PAGE);
      writeFileSync(join(docs, 'bridge.html'), BRIDGE_HTML);
      writeFileSync(join(docs, 'empty.txt'), '');
      const db = join(dir, 'x.db');
      const first = await runCli(['ingest', docs, '--db', db, '--quiet'], '');
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stderr, /stored 2, duplicates 0, failed 1/);
      assert.match(first.stderr, /empty\.txt is empty/);
      const again = await runCli(['ingest', docs, '--db', db, '--quiet'], '');
      assert.match(again.stderr, /stored 0, duplicates 2, failed 1/);
    } finally {
      t.cleanup();
    }
  });

  test('the CLI reports a bad stdin and exits non-zero when nothing could be read', async () => {
    const r = await runCli(['ingest', '-', '--db', ':memory:', '--quiet'], Buffer.from([0, 1, 2, 3, 0, 0, 0, 9]));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /stdin is not text/);
    assert.match(r.stderr, /stored 0, duplicates 0, failed 1/);
  });
});
