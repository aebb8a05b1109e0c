/**
 * `npm run bench -- extraction`: main-content extraction quality on ../shared/bench/article-extraction
 * with that benchmark's own metric (src/clean/metric.ts), scored in one run for: our cleaner
 * (cleanDoc on the HTML), @mozilla/readability alone on linkedom (textContent), and every
 * peer-output/*.json file shipped with the benchmark.
 * Options (env): EXTRACTION_LIMIT=n scores only the first n pages; EXTRACTION_WORST=n prints our n worst pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { BenchSuite } from '../run.js';
import { fmt, sharedDir } from '../shared.js';
import { cleanDoc } from '../../src/clean/index.js';
import { readabilityText } from '../../src/clean/html.js';
import { scorePage, summarise, type PageScore, type Summary } from '../../src/clean/metric.js';

type Bodies = Record<string, { articleBody?: string }>;

function loadPeer(path: string): Bodies {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Bodies | { output: Bodies };
  return 'output' in raw && raw.output && typeof raw.output === 'object' && !('articleBody' in raw.output) ? (raw.output as Bodies) : (raw as Bodies);
}

function line(name: string, s: Summary, ms?: number): string {
  return `${name.padEnd(22)} F1 ${fmt(s.f1)}  P ${fmt(s.precision)}  R ${fmt(s.recall)}  acc ${fmt(s.accuracy)}  pages ${s.pages}${ms !== undefined ? `  ${ms.toFixed(1)} ms/page` : ''}`;
}

const suite: BenchSuite = {
  name: 'extraction',
  description: 'HTML main-content extraction F1 (article-extraction benchmark): ours vs Readability.js vs peers',
  async run() {
    const dir = join(sharedDir(), 'bench', 'article-extraction');
    const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url?: string }>;
    let ids = Object.keys(truth).sort();
    const limit = Number(process.env.EXTRACTION_LIMIT ?? 0);
    if (limit > 0) ids = ids.slice(0, limit);
    const ours: PageScore[] = [], base: PageScore[] = [];
    let msOurs = 0, msBase = 0;
    const worst: { id: string; f1: number; p: number; r: number }[] = [];
    for (const id of ids) {
      const html = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8');
      const gold = truth[id].articleBody ?? '';
      let t0 = performance.now();
      const doc = cleanDoc({ origin: id, format: 'html', body: { kind: 'html', html }, given: truth[id].url ? { url: truth[id].url } : {} });
      msOurs += performance.now() - t0;
      const s = scorePage(doc.text, gold);
      ours.push(s);
      const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 0, r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 0;
      worst.push({ id, f1: p + r ? (2 * p * r) / (p + r) : 0, p, r });
      t0 = performance.now();
      const rt = readabilityText(html);
      msBase += performance.now() - t0;
      base.push(scorePage(rt, gold));
    }
    console.log(line('crosscheck (ours)', summarise(ours), msOurs / ids.length));
    console.log(line('readability.js (here)', summarise(base), msBase / ids.length));
    const peerDir = join(dir, 'peer-output');
    for (const f of readdirSync(peerDir).filter((x) => x.endsWith('.json')).sort()) {
      const peer = loadPeer(join(peerDir, f));
      console.log(line(`peer: ${f.replace(/\.json$/, '')}`, summarise(ids.map((id) => scorePage(peer[id]?.articleBody ?? '', truth[id].articleBody ?? '')))));
    }
    const nWorst = Number(process.env.EXTRACTION_WORST ?? 0);
    if (nWorst > 0) {
      worst.sort((a, b) => a.f1 - b.f1);
      for (const w of worst.slice(0, nWorst)) console.log(`  worst ${w.id.slice(0, 12)} F1 ${fmt(w.f1)} P ${fmt(w.p)} R ${fmt(w.r)}`);
    }
  },
};

export default suite;
