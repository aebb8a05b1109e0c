/**
 * ECB+ story clustering: pairwise and BCubed P/R/F1 of the online clusterer on the test split
 * (topics 36-45) and on all 982 documents, beside two baselines computed in the same run:
 * everything in one cluster, and plain TF-IDF cosine single-link clustering (its threshold chosen
 * on train+dev, like ours: see bench/cluster-tune.ts). Stream order: bench/cluster-common.ts.
 */
import type { BenchSuite } from '../run.js';
import { fmt } from '../shared.js';
import { clusterEcb, loadEcb, score, type EcbDoc } from '../cluster-common.js';
import { tfidfSingleLink, type PRF } from '../../src/cluster/eval.js';
import { seededRandom } from '../../src/util/random.js';

/**
 * One early decision (does a topic's second event join the first event's one-article story?)
 * moves a 10-topic split's F1 by a few points, so the figure is also given as the mean (and
 * range) over shuffled stream orders: each topic's documents shuffled (seeded), same round-robin.
 */
function overOrders(all: EcbDoc[], docs: EcbDoc[], k: number): { mean: number; min: number; max: number } {
  const fs: number[] = [];
  for (let seed = 1; seed <= k; seed++) {
    const rnd = seededRandom(seed);
    const shuffled = all.map((d) => [rnd(), d] as const).sort((a, b) => a[0] - b[0]).map((x) => x[1]);
    const r = clusterEcb(shuffled);
    fs.push(score(docs, (d) => r.story.get(d.id)!).b3.f1);
  }
  return { mean: fs.reduce((a, b) => a + b, 0) / k, min: Math.min(...fs), max: Math.max(...fs) };
}

function row(name: string, docs: EcbDoc[], label: (d: EcbDoc) => string): string {
  const s = score(docs, label);
  const f = (x: PRF) => `${fmt(x.p)} ${fmt(x.r)} ${fmt(x.f1)}`;
  const k = new Set(docs.map(label)).size;
  return `${name.padEnd(34)} ${f(s.pw)}   ${f(s.b3)}   ${String(k).padStart(4)}`;
}

const suite: BenchSuite = {
  name: 'cluster',
  description: 'ECB+ story clustering (pairwise + BCubed P/R/F1; test split and all docs) vs baselines',
  async run() {
    const all = loadEcb();
    const test = all.filter((d) => d.split === 'test');
    const trdev = all.filter((d) => d.split !== 'test');
    const t0 = performance.now();
    const ours = clusterEcb(all);
    const ms = performance.now() - t0;
    // Baseline threshold: best BCubed F1 on train+dev.
    let bestTh = 0.1, bestF = -1;
    for (const th of [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]) {
      const lab = tfidfSingleLink(trdev.map((d) => d.text), th);
      const f = score(trdev, (d) => lab[trdev.indexOf(d)]).b3.f1;
      if (f > bestF) { bestF = f; bestTh = th; }
    }
    const sl = tfidfSingleLink(all.map((d) => d.text), bestTh);
    const slOf = new Map(all.map((d, i) => [d.id, sl[i]]));
    for (const [name, docs] of [['test split (topics 36-45)', test], ['all documents', all]] as const) {
      console.log(`\n${name}: ${docs.length} docs, ${new Set(docs.map((d) => d.cluster)).size} gold stories`);
      console.log(`${''.padEnd(34)} pairwise P R F1          BCubed P R F1            clusters`);
      console.log(row('all-in-one baseline', docs, () => 'one'));
      console.log(row(`TF-IDF single-link (th ${bestTh})`, docs, (d) => slOf.get(d.id)!));
      console.log(row('crosscheck online clusterer', docs, (d) => ours.story.get(d.id)!));
    }
    const k = 6;
    for (const [name, docs] of [['test split', test], ['all documents', all]] as const) {
      const o = overOrders(all, docs, k);
      console.log(`online clusterer BCubed F1 over ${k} shuffled stream orders, ${name}: mean ${fmt(o.mean)} (range ${fmt(o.min)}-${fmt(o.max)})`);
    }
    console.log(`\nonline clusterer: ${all.length} docs in ${ms.toFixed(0)} ms (${((all.length / ms) * 1000).toFixed(0)} docs/s), ${ours.merges} merges`);
  },
};
export default suite;
