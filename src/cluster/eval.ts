/**
 * Clustering metrics (pure): pairwise and BCubed precision / recall / F1 of a predicted
 * clustering against gold labels, plus the two baselines the bench prints beside ours.
 */

export interface PRF {
  p: number;
  r: number;
  f1: number;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Contingency counts: (pred, gold) cells keyed "pred\0gold", and the size of each cluster on both sides. */
function contingency(pred: string[], gold: string[]): { cell: Map<string, number>; pc: Map<string, number>; gc: Map<string, number> } {
  const cell = new Map<string, number>();
  const pc = new Map<string, number>();
  const gc = new Map<string, number>();
  for (let i = 0; i < pred.length; i++) {
    const k = pred[i] + '\u0000' + gold[i];
    cell.set(k, (cell.get(k) ?? 0) + 1);
    pc.set(pred[i], (pc.get(pred[i]) ?? 0) + 1);
    gc.set(gold[i], (gc.get(gold[i]) ?? 0) + 1);
  }
  return { cell, pc, gc };
}

/** Pairwise P/R/F1 over same-cluster pairs (counted from contingency cells, not by enumeration). */
export function pairwise(pred: string[], gold: string[]): PRF {
  const { cell, pc, gc } = contingency(pred, gold);
  const pairs = (n: number) => (n * (n - 1)) / 2;
  let tp = 0, predPairs = 0, goldPairs = 0;
  for (const n of cell.values()) tp += pairs(n);
  for (const n of pc.values()) predPairs += pairs(n);
  for (const n of gc.values()) goldPairs += pairs(n);
  const p = predPairs ? tp / predPairs : 1;
  const r = goldPairs ? tp / goldPairs : 1;
  return { p, r, f1: f1(p, r) };
}

/** BCubed P/R/F1 (Bagga & Baldwin): per-item precision and recall, averaged over items. */
export function bcubed(pred: string[], gold: string[]): PRF {
  const { cell, pc, gc } = contingency(pred, gold);
  let p = 0, r = 0;
  for (let i = 0; i < pred.length; i++) {
    const c = cell.get(pred[i] + '\u0000' + gold[i])!;
    p += c / pc.get(pred[i])!;
    r += c / gc.get(gold[i])!;
  }
  const n = pred.length || 1;
  return { p: p / n, r: r / n, f1: f1(p / n, r / n) };
}

/** Plain TF-IDF cosine single-link baseline (quadratic; for benchmark-sized sets only). */
export function tfidfSingleLink(texts: string[], threshold: number): string[] {
  const tok = texts.map((t) => (t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []));
  const df = new Map<string, number>();
  for (const ts of tok) for (const w of new Set(ts)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = texts.length;
  const vecs = tok.map((ts) => {
    const tf = new Map<string, number>();
    for (const w of ts) tf.set(w, (tf.get(w) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [w, c] of tf) {
      const x = (1 + Math.log(c)) * Math.log((n + 1) / (df.get(w)! + 1));
      if (x > 0) v.set(w, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    return v;
  });
  const parent = texts.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const [a, b] = vecs[i].size < vecs[j].size ? [vecs[i], vecs[j]] : [vecs[j], vecs[i]];
      let dot = 0;
      for (const [w, x] of a) {
        const y = b.get(w);
        if (y !== undefined) dot += x * y;
      }
      if (dot >= threshold) parent[find(i)] = find(j);
    }
  }
  return texts.map((_, i) => String(find(i)));
}
