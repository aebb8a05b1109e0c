/**
 * `npm run bench -- extract`: extraction quality on the hand-annotated gold set (the five seeds,
 * read from ../shared, plus our own fictional articles in test/gold/extract/articles) — precision,
 * recall and F1 per kind — and extraction speed in articles per second (one core).
 * Set EXTRACT_ERRORS=1 to list every miss and spurious item (short facts only).
 */
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSuite } from '../run.js';
import { fmt, seedsDir } from '../shared.js';
import { isItemError, readInputs } from '../../src/ingest/index.js';
import { buildArticle } from '../../src/pipeline.js';
import { extractArticle, warmGazetteers } from '../../src/extract/index.js';
import { addCounts, emptyScores, loadGold, prf, scoreArticle, type GoldArticle, type Scores } from '../../src/extract/gold.js';
import type { Article } from '../../src/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const goldDir = join(here, '..', '..', 'test', 'gold', 'extract');

export async function goldArticles(): Promise<{ name: string; gold: GoldArticle; article: Article; opts: { anchorDate?: string } }[]> {
  const out = [];
  for (const { name, gold } of loadGold(goldDir)) {
    const path = gold.seed ? join(seedsDir(), gold.seed) : join(goldDir, gold.file!);
    for await (const raw of readInputs([path])) {
      const art = isItemError(raw) ? raw : buildArticle(raw);
      if (isItemError(art)) throw new Error(`${name}: ${art.error}`);
      // our own articles come with their publication date; undated seeds take the story's date
      if (!gold.seed) art.metadata.published = gold.published;
      out.push({ name, gold, article: art, opts: gold.seed ? { anchorDate: gold.published } : {} });
    }
  }
  return out;
}

function line(kind: string, s: Scores[keyof Omit<Scores, 'errors'>]): string {
  const { p, r, f1 } = prf(s);
  return `  ${kind.padEnd(10)} P ${fmt(p)}  R ${fmt(r)}  F1 ${fmt(f1)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
}

const suite: BenchSuite = {
  name: 'extract',
  description: 'entities, roles, quote speakers, resolved dates, numbers vs the gold set; articles/s',
  async run() {
    const items = await goldArticles();
    const all = emptyScores();
    const seeds = emptyScores();
    const own = emptyScores();
    const held = emptyScores();
    for (const it of items) {
      const ex = extractArticle(it.article, it.opts);
      const s = scoreArticle(it.article, ex, it.gold);
      addCounts(all, s);
      addCounts(it.gold.seed ? seeds : it.gold.heldout ? held : own, s);
      if (process.env.EXTRACT_ERRORS) for (const e of s.errors) console.log(`  [${it.name}] ${e}`);
    }
    const nOwn = items.filter((i) => !i.gold.seed && !i.gold.heldout).length;
    const nHeld = items.filter((i) => i.gold.heldout).length;
    for (const [label, sc] of [['all', all], ['seeds (5)', seeds], [`own, used while tuning (${nOwn})`, own], [`own, held out: written after tuning (${nHeld})`, held]] as const) {
      console.log(`${label}:`);
      for (const k of ['entities', 'roles', 'quotes', 'dates', 'numbers'] as const) console.log(line(k === 'quotes' ? 'speakers' : k, sc[k]));
    }
    // speed: every gold article, repeatedly, on one core; normalised to 700-word articles
    warmGazetteers();
    for (const it of items) extractArticle(it.article, it.opts);
    const words = items.reduce((n, it) => n + it.article.text.split(/\s+/).length, 0) / items.length;
    let n = 0;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    while (performance.now() - t0 < 3000) {
      for (const it of items) extractArticle(it.article, it.opts);
      n += items.length;
    }
    const secs = (performance.now() - t0) / 1000;
    const cu = process.cpuUsage(c0);
    const cpuSecs = (cu.user + cu.system) / 1e6;
    const per700 = (rate: number) => ((rate * words) / 700).toFixed(0);
    // wall-clock rates mean little on a shared machine; CPU time is what one core would take
    console.log(`speed (wall): ${(n / secs).toFixed(0)} articles/s at ${words.toFixed(0)} words/article = ${per700(n / secs)} articles/s for 700-word articles`);
    console.log(`speed (CPU):  ${(n / cpuSecs).toFixed(0)} articles/s at ${words.toFixed(0)} words/article = ${per700(n / cpuSecs)} articles/s for 700-word articles (${((1000 * cpuSecs) / n).toFixed(2)} ms CPU/article, ${n} runs, load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`);
  },
};

export default suite;
