/**
 * Growth: story assignment speed (articles/s, one core) and peak memory at 10k, 100k and 1M
 * articles of a synthetic news stream made from ECB+. Goal: the rate at 1M within 20% of the rate
 * at 10k, and >= 2,000 articles/s.
 *
 * The stream (deterministic PRNG): a synthetic story takes one ECB+ gold story as its template
 * and gets its own invented names (each name-like word of the template is mapped to a generated
 * name), so stories built on one template are different events of the same kind. Each article is
 * one template article with about a fifth of its lines dropped and the names substituted. About
 * 500 stories are open at once; each gets 2-10 articles; the clock advances 1,000 articles per
 * simulated day, so stories go cold and the clusterer's memory stays flat. Only `add` is timed
 * (text generation is not); peak RSS covers the whole run. BCubed F1 against the synthetic
 * stories is printed as a sanity check.
 */
import type { BenchSuite } from '../run.js';
import { fmt, withPeakMemory } from '../shared.js';
import { loadEcb, type EcbDoc } from '../cluster-common.js';
import { StoryClusterer } from '../../src/cluster/clusterer.js';
import { isStopword } from '../../src/cluster/text.js';
import { seededRandom } from '../../src/util/random.js';

const prng = seededRandom;

/** Simulated articles per day: 1,000 (a large desk); with 10-day cold stories about 10k articles are "open". */
const PER_DAY = 1000;

const SYL = ['ka', 'lo', 'ver', 'min', 'dra', 'sel', 'tor', 'ba', 'ni', 'quen', 'sha', 'ri', 'mo', 'zel', 'fa', 'gor', 'lin', 'pe', 'tu', 'vra', 'hal', 'dun', 'esk', 'ro'];

interface Template {
  lines: string[][];
  re: RegExp;
  names: string[];
}

export function templates(docs: EcbDoc[]): Template[] {
  const by = new Map<string, EcbDoc[]>();
  for (const d of docs) (by.get(d.cluster) ?? by.set(d.cluster, []).get(d.cluster)!).push(d);
  const out: Template[] = [];
  for (const [, ds] of [...by].sort((a, b) => a[0].localeCompare(b[0]))) {
    const count = new Map<string, number>();
    for (const d of ds) for (const w of d.text.match(/\b[A-Z][a-z]{2,}\b/g) ?? []) if (!isStopword(w.toLowerCase())) count.set(w, (count.get(w) ?? 0) + 1);
    const names = [...count].filter(([, c]) => c >= 2).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 40).map(([w]) => w);
    if (!names.length) continue;
    out.push({ lines: ds.map((d) => d.text.split('\n')), re: new RegExp(`\\b(${names.join('|')})\\b`, 'g'), names });
  }
  return out;
}

interface Open {
  label: number;
  t: Template;
  map: Map<string, string>;
  left: number;
}

export function* stream(n: number, tpls: Template[], seed = 7): Generator<{ text: string; time: number; label: number }> {
  const rnd = prng(seed);
  const name = () => {
    const k = 2 + Math.floor(rnd() * 3);
    let s = '';
    for (let i = 0; i < k; i++) s += SYL[Math.floor(rnd() * SYL.length)];
    return s[0].toUpperCase() + s.slice(1);
  };
  let labels = 0;
  const open = (): Open => {
    const t = tpls[Math.floor(rnd() * tpls.length)];
    return { label: labels++, t, map: new Map(t.names.map((w) => [w, name()])), left: 2 + Math.floor(rnd() * 9) };
  };
  const W = 500;
  const active = Array.from({ length: W }, open);
  const T0 = Date.parse('2030-01-01T00:00:00Z');
  const dt = 86_400_000 / PER_DAY;
  for (let i = 0; i < n; i++) {
    const j = Math.floor(rnd() * W);
    const st = active[j];
    const src = st.t.lines[Math.floor(rnd() * st.t.lines.length)];
    const kept = src.filter((_, k) => k === 0 || rnd() >= 0.2).join('\n');
    yield { text: kept.replace(st.t.re, (w) => st.map.get(w) ?? w), time: T0 + i * dt, label: st.label };
    if (--st.left === 0) active[j] = open();
  }
}

function runSize(n: number, tpls: Template[]): { rate: number; cpuRate: number; f1: number; live: number } {
  const c = new StoryClusterer();
  const pred = new Int32Array(n);
  const gold = new Int32Array(n);
  const ids = new Map<string, number>();
  const alias = new Map<number, number>();
  let busy = 0;
  let cpu = 0;
  let i = 0;
  for (const a of stream(n, tpls)) {
    const u0 = process.cpuUsage();
    const t0 = performance.now();
    const r = c.add({ key: String(i), text: a.text, time: a.time });
    busy += performance.now() - t0;
    const u1 = process.cpuUsage(u0);
    cpu += (u1.user + u1.system) / 1000;
    let sid = ids.get(r.storyId);
    if (sid === undefined) ids.set(r.storyId, (sid = ids.size));
    for (const m of r.merged) {
      const from = ids.get(m.from);
      if (from !== undefined) alias.set(from, sid);
    }
    pred[i] = sid;
    gold[i] = a.label;
    i++;
  }
  const root = (x: number) => {
    while (alias.has(x)) x = alias.get(x)!;
    return x;
  };
  // BCubed over the stream (contingency counts; labels are ints).
  const cell = new Map<number, number>(), pc = new Map<number, number>(), gc = new Map<number, number>();
  for (let k = 0; k < n; k++) {
    const p = root(pred[k]);
    pred[k] = p;
    const key = p * 4_194_304 + gold[k];
    cell.set(key, (cell.get(key) ?? 0) + 1);
    pc.set(p, (pc.get(p) ?? 0) + 1);
    gc.set(gold[k], (gc.get(gold[k]) ?? 0) + 1);
  }
  let bp = 0, br = 0;
  for (let k = 0; k < n; k++) {
    const c2 = cell.get(pred[k] * 4_194_304 + gold[k])!;
    bp += c2 / pc.get(pred[k])!;
    br += c2 / gc.get(gold[k])!;
  }
  bp /= n;
  br /= n;
  return { rate: n / (busy / 1000), cpuRate: n / (cpu / 1000), f1: (2 * bp * br) / (bp + br), live: c.liveStories };
}

const suite: BenchSuite = {
  name: 'growth',
  description: 'Story assignment rate and peak memory at 10k / 100k / 1M synthetic articles (one core)',
  async run() {
    const tpls = templates(loadEcb());
    const sizes = (process.env.GROWTH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
    const os = await import('node:os');
    console.log(`load average at start: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores (wall rates suffer when the machine is shared; CPU-time rates less)`);
    console.log(`articles   assign/s (wall)   assign/s (CPU time)   peak RSS MiB   live stories   BCubed F1 (synthetic)`);
    let base = 0;
    for (const n of sizes) {
      const { result, peakMiB } = await withPeakMemory(() => runSize(n, tpls));
      if (!base) base = result.cpuRate;
      console.log(`${String(n).padStart(8)}   ${result.rate.toFixed(0).padStart(15)}   ${result.cpuRate.toFixed(0).padStart(19)}   ${peakMiB.toFixed(0).padStart(12)}   ${String(result.live).padStart(12)}   ${fmt(result.f1)}   (CPU rate ${((result.cpuRate / base) * 100).toFixed(0)}% of the first size)`);
    }
  },
};
export default suite;
