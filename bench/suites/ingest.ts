/**
 * `npm run bench -- ingest`: read + clean + metadata + store throughput (articles/s) and peak
 * memory, through the real readers (readInputs), buildArticle and a SqliteStore file in a temp
 * dir, on the ECB+ documents (one JSONL file, streamed) and the article-extraction HTML pages
 * (a folder of .html.gz). Also prints how often each metadata field was found.
 * Options (env): INGEST_LIMIT=n reads only the first n items of each corpus.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchSuite } from '../run.js';
import { sharedDir, withPeakMemory } from '../shared.js';
import { buildArticle } from '../../src/pipeline.js';
import { isItemError, readInputs } from '../../src/ingest/index.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { ArticleMetadata } from '../../src/types.js';

interface Row {
  corpus: string;
  items: number;
  stored: number;
  duplicates: number;
  failed: number;
  readMs: number;
  buildMs: number;
  storeMs: number;
  totalMs: number;
  peakMiB: number;
  found: Record<string, number>;
}

const FIELDS = ['title', 'outlet', 'url', 'byline', 'dateline', 'wire', 'published', 'language'] as const;

function has(m: ArticleMetadata, f: (typeof FIELDS)[number]): boolean {
  if (f === 'byline') return m.byline.length > 0;
  if (f === 'language') return m.language !== 'und';
  return m[f] !== undefined;
}

async function runCorpus(corpus: string, path: string, limit: number): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-bench-ingest-'));
  const store = new SqliteStore(join(dir, 'bench.db'));
  await store.migrate();
  const row: Row = { corpus, items: 0, stored: 0, duplicates: 0, failed: 0, readMs: 0, buildMs: 0, storeMs: 0, totalMs: 0, peakMiB: 0, found: {} };
  try {
    const { peakMiB } = await withPeakMemory(async () => {
      const t0 = performance.now();
      const it = readInputs([path])[Symbol.asyncIterator]();
      for (;;) {
        if (limit && row.items >= limit) break;
        const r0 = performance.now();
        const next = await it.next();
        row.readMs += performance.now() - r0;
        if (next.done) break;
        row.items++;
        const b0 = performance.now();
        const art = isItemError(next.value) ? next.value : buildArticle(next.value);
        row.buildMs += performance.now() - b0;
        if (isItemError(art)) {
          row.failed++;
          continue;
        }
        for (const f of FIELDS) if (has(art.metadata, f)) row.found[f] = (row.found[f] ?? 0) + 1;
        const s0 = performance.now();
        const res = await store.putArticle(art);
        row.storeMs += performance.now() - s0;
        if (res.stored) row.stored++;
        else row.duplicates++;
      }
      await it.return?.(undefined);
      row.totalMs = performance.now() - t0;
    });
    row.peakMiB = peakMiB;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return row;
}

const suite: BenchSuite = {
  name: 'ingest',
  description: 'read + clean + metadata + store throughput (articles/s) and peak memory; metadata coverage',
  async run() {
    const bench = join(sharedDir(), 'bench');
    const limit = Number(process.env.INGEST_LIMIT ?? 0);
    const rows = [
      await runCorpus('ECB+ (JSONL, text)', join(bench, 'ecbplus', 'ecbplus_docs.jsonl'), limit),
      await runCorpus('article-extraction (HTML)', join(bench, 'article-extraction', 'html'), limit),
    ];
    const pad = (s: string | number, n: number) => String(s).padStart(n);
    console.log(`${'corpus'.padEnd(28)}${pad('items', 6)}${pad('stored', 7)}${pad('dup', 5)}${pad('fail', 5)}${pad('read ms', 9)}${pad('build ms', 10)}${pad('store ms', 10)}${pad('art/s', 8)}${pad('ms/art', 8)}${pad('peak MiB', 10)}`);
    for (const r of rows) {
      const perS = r.items / (r.totalMs / 1000);
      console.log(
        `${r.corpus.padEnd(28)}${pad(r.items, 6)}${pad(r.stored, 7)}${pad(r.duplicates, 5)}${pad(r.failed, 5)}${pad(r.readMs.toFixed(0), 9)}${pad(r.buildMs.toFixed(0), 10)}${pad(r.storeMs.toFixed(0), 10)}${pad(perS.toFixed(1), 8)}${pad((r.totalMs / r.items).toFixed(2), 8)}${pad(r.peakMiB.toFixed(0), 10)}`,
      );
    }
    console.log('\nmetadata found (share of articles built):');
    console.log(`${'corpus'.padEnd(28)}${FIELDS.map((f) => pad(f, 10)).join('')}`);
    for (const r of rows) {
      const n = r.items - r.failed || 1;
      console.log(`${r.corpus.padEnd(28)}${FIELDS.map((f) => pad(`${Math.round((100 * (r.found[f] ?? 0)) / n)}%`, 10)).join('')}`);
    }
  },
};

export default suite;
