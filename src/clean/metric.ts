/**
 * The article-extraction benchmark's metric (../shared/bench/README.md), implemented exactly:
 * Unicode word tokens, 4-token shingles as a multiset, per-page normalised tp/fp/fn, mean
 * precision and recall over pages, F1 from the two means, and exact token-sequence accuracy.
 */

/** Maximal runs of Unicode letters, digits and underscore. */
export function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** 4-token shingles as a multiset (shingle -> count); fewer than 4 tokens give one shingle, none give none. */
export function shingles(toks: string[], n = 4): Map<string, number> {
  const m = new Map<string, number>();
  if (toks.length === 0) return m;
  if (toks.length < n) {
    m.set(toks.join('\u0001'), 1);
    return m;
  }
  for (let i = 0; i + n <= toks.length; i++) {
    const k = toks.slice(i, i + n).join('\u0001');
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

export interface PageScore {
  /** Normalised by tp + fp + fn (all three 0 when both texts are empty). */
  tp: number;
  fp: number;
  fn: number;
  /** Predicted token sequence equals the true one. */
  exact: boolean;
}

export function scorePage(predicted: string, truth: string): PageScore {
  const pt = tokens(predicted), tt = tokens(truth);
  const ps = shingles(pt), ts = shingles(tt);
  let tp = 0, np = 0, nt = 0;
  for (const c of ps.values()) np += c;
  for (const c of ts.values()) nt += c;
  for (const [k, c] of ps) tp += Math.min(c, ts.get(k) ?? 0);
  const fp = np - tp, fn = nt - tp;
  const total = tp + fp + fn;
  const exact = pt.length === tt.length && pt.every((t, i) => t === tt[i]);
  return total === 0 ? { tp: 0, fp: 0, fn: 0, exact } : { tp: tp / total, fp: fp / total, fn: fn / total, exact };
}

export interface Summary {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

export function summarise(scores: PageScore[]): Summary {
  let ps = 0, pn = 0, rs = 0, rn = 0, exact = 0;
  for (const s of scores) {
    if (s.tp + s.fp > 0) { ps += s.tp / (s.tp + s.fp); pn++; }
    if (s.tp + s.fn > 0) { rs += s.tp / (s.tp + s.fn); rn++; }
    if (s.exact) exact++;
  }
  const precision = pn ? ps / pn : 0;
  const recall = rn ? rs / rn : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { pages: scores.length, precision, recall, f1, accuracy: scores.length ? exact / scores.length : 0 };
}
