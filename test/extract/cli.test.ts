/** `crosscheck extract <file> --format json|text`: one article's extractions with offsets. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const file = join(root, 'test', 'gold', 'extract', 'articles', '04-transit-strike.txt');
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), 'extract', ...args], { cwd: root, encoding: 'utf8' });

test('extract --format json prints entities, quotes, times and numbers with offsets into the text', () => {
  const r = run(file, '--format', 'json', '--anchor', '2025-10-10');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { text: string; entities: { id: string; name: string; type: string }[]; mentions: { start: number; text: string }[]; quotes: { start: number; text: string; speaker: string | null }[]; times: { start: number; text: string; date: string | null; anchor: string }[] };
  const okay = out.entities.find((e) => e.name === 'Dana Okafor');
  assert.equal(okay?.type, 'person');
  assert.ok(out.quotes.some((q) => q.speaker === okay!.id && q.text.startsWith('Our members')));
  for (const m of [...out.mentions, ...out.quotes, ...out.times]) assert.equal(out.text.slice(m.start, m.start + m.text.length), m.text);
  const mon = out.times.find((t) => t.text === 'from Monday')!;
  assert.deepEqual([mon.date, mon.anchor], ['2025-10-13', 'story']);
});

test('extract --format text is readable; a missing file is an error', () => {
  const r = run(file);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /## Quotes/);
  assert.match(r.stdout, /Gregor Hale/);
  const bad = run(join(root, 'no-such-file.txt'));
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /no-such-file/);
});
