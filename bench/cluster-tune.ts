/**
 * Threshold tuning for the story clusterer on the ECB+ train + dev splits ONLY (the test split is
 * never looked at here). Runs the online clusterer over the train+dev stream (same order as the
 * bench, see bench/cluster-common.ts) for each point of a small grid and prints BCubed F1, best
 * last. The chosen values are recorded in src/cluster/clusterer.ts (DEFAULT_OPTIONS).
 *
 *   node --import tsx bench/cluster-tune.ts [grid.json]
 */
import { readFileSync } from 'node:fs';
import { clusterEcb, loadEcb, score } from './cluster-common.js';
import type { ClustererOptions } from '../src/cluster/clusterer.js';

const docs = loadEcb().filter((d) => d.split !== 'test');
type Opt = Partial<ClustererOptions>;
let grid: Opt[] = [];
if (process.argv[2]) grid = JSON.parse(process.argv[2].trim().startsWith('[') ? process.argv[2] : readFileSync(process.argv[2], 'utf8')) as Opt[];
else {
  for (const threshold of [0.18, 0.22, 0.26, 0.3])
    for (const e of [1.6, 2.5])
      for (const entityWeight of [0, 0.3, 0.5])
        for (const yearConflict of [0.5, 1]) grid.push({ threshold, mergeThreshold: 9, boosts: { t: 1, e, n: 0.6, y: 1, d: 1 }, entityWeight, yearConflict });
}
const rows: { o: Opt; f: number; line: string }[] = [];
for (const o of grid) {
  const r = clusterEcb(docs, o);
  const s = score(docs, (d) => r.story.get(d.id)!);
  const line = `${JSON.stringify(o)}  B3 F1 ${s.b3.f1.toFixed(3)} (P ${s.b3.p.toFixed(3)} R ${s.b3.r.toFixed(3)})  pairwise F1 ${s.pw.f1.toFixed(3)}  merges ${r.merges}`;
  console.log(line);
  rows.push({ o, f: s.b3.f1, line });
}
rows.sort((a, b) => b.f - a.f);
console.log('\nbest on train+dev:\n' + rows.slice(0, 5).map((r) => r.line).join('\n'));
