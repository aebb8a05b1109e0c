/**
 * Golden files of the clean stage on the five seeds (test/golden/clean/<seed>.json): for every kept
 * paragraph its input line, kind, offset, length, a sha256 prefix of its text and at most its first
 * three words; for every removed piece its line, reason, rule and sha256 prefix. No seed text beyond
 * those few words is stored; `describe` quotes the seed lines from ../shared for review.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedsDir } from '../../bench/shared.js';
import { cleanDoc } from '../../src/clean/index.js';
import { sha256hex } from '../../src/util/hash.js';

export interface CleanGolden {
  seed: string;
  title: { sha: string; words: string } | null;
  paragraphs: { line: number | null; kind: string; start: number; length: number; sha: string; words: string }[];
  removed: { line: number | null; reason: string; rule: string | null; sha: string }[];
}

const sha = (s: string) => sha256hex(s).slice(0, 12);
const firstWords = (s: string) => s.split(/\s+/).slice(0, 3).join(' ');

export function seedFiles(): string[] {
  const dir = seedsDir();
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort() : [];
}

export function goldenFor(file: string): CleanGolden {
  const text = readFileSync(join(seedsDir(), file), 'utf8');
  const doc = cleanDoc({ origin: file, format: 'text', body: { kind: 'text', text }, given: {} });
  return {
    seed: file,
    title: doc.title ? { sha: sha(doc.title), words: firstWords(doc.title) } : null,
    paragraphs: doc.paragraphs.map((p) => ({ line: p.line ?? null, kind: p.kind, start: p.start, length: p.text.length, sha: sha(p.text), words: firstWords(p.text) })),
    removed: doc.removed.map((r) => ({ line: r.line ?? null, reason: r.reason, rule: r.rule ?? null, sha: sha(r.text) })),
  };
}

function quote(lines: string[], n: number | null, max = 90): string {
  if (n === null) return '';
  const t = (lines[n - 1] ?? '').trim();
  return JSON.stringify(t.length > max ? t.slice(0, max) + '…' : t);
}

export default {
  name: 'clean',
  async build(): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const f of seedFiles()) out[f.replace(/\.txt$/, '.json')] = goldenFor(f);
    return out;
  },
  describe(_name: string, value: unknown): string[] {
    const g = value as CleanGolden;
    const lines = readFileSync(join(seedsDir(), g.seed), 'utf8').split(/\r\n|\r|\n/);
    const out = [`seed ${g.seed}`, `title: ${g.title ? JSON.stringify(g.title.words + '…') : '(none)'}`];
    const rows: [number, string][] = [];
    for (const p of g.paragraphs) rows.push([p.line ?? 0, `  keep    L${p.line} ${p.kind.padEnd(9)} @${p.start}+${p.length} ${p.sha} ${quote(lines, p.line)}`]);
    for (const r of g.removed) rows.push([r.line ?? 0, `  REMOVE  L${r.line} ${r.reason} [${r.rule}] ${r.sha} ${quote(lines, r.line)}`]);
    rows.sort((a, b) => a[0] - b[0]);
    return [...out, ...rows.map((r) => r[1])];
  },
};
