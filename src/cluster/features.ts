/**
 * Per-article feature representation for story clustering (pure).
 *
 * Features are hashed to 32-bit ints, tagged by kind in the hash input:
 *   t: content term (lower-cased, stop words dropped, lightly stemmed)
 *   e: name-like token (capitalised where it is not just sentence-initial) and name bigrams
 *   n: numbers (counts, ages, figures), y: years, d: month-day dates
 * Each feature carries a boost by kind; the clusterer multiplies by IDF learned online.
 */
import { hash32, isStopword, monthOf, stem, WORD_RE } from './text.js';

export type FeatureKind = 't' | 'e' | 'n' | 'y' | 'd';

export interface FeatureBoosts {
  t: number;
  e: number;
  n: number;
  y: number;
  d: number;
}

/** Feature kind codes, kept in the low 3 bits of the feature hash. */
export const KIND_CODE: Record<FeatureKind, number> = { t: 0, e: 1, n: 2, y: 3, d: 4 };

export function featureHash(kind: FeatureKind, key: string): number {
  return ((hash32(kind + key) & ~7) | KIND_CODE[kind]) >>> 0;
}

export const DEFAULT_BOOSTS: FeatureBoosts = { t: 1, e: 1.6, n: 0.6, y: 1, d: 1 };

/** Sparse feature bag: hashed feature -> boosted log term frequency. */
export interface FeatureBag {
  ids: Uint32Array;
  w: Float32Array;
  /** Distinct years mentioned (1900-2099), for the date-conflict test. */
  years: number[];
}

/**
 * Computes the feature bag of a text (title counted twice: it names the event).
 * Name-likeness: a capitalised token is a name if it is not a stop word and either is not at the
 * start of a sentence or occurs capitalised mid-sentence elsewhere in the same text.
 */
export function featurize(text: string, title = '', boosts: FeatureBoosts = DEFAULT_BOOSTS): FeatureBag {
  const src = title ? title + '.\n' + title + '.\n' + text : text;
  // Tokens with their "sentence-initial" flag; punctuation between tokens decides the flag.
  const toks: string[] = [];
  const initial: boolean[] = [];
  const offs: number[] = [];
  // Years near the top (date line, dateline, first paragraph) date the article itself.
  const headEnd = (title ? 2 * title.length + 4 : 0) + 300;
  let last = 0;
  let atStart = true;
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(src); m; m = WORD_RE.exec(src)) {
    const gap = src.slice(last, m.index);
    if (/[.!?\n\u201c"]/.test(gap)) atStart = true;
    toks.push(m[0]);
    offs.push(m.index);
    initial.push(atStart);
    atStart = false;
    last = m.index + m[0].length;
  }
  const midCaps = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const c = t.charCodeAt(0);
    if (!initial[i] && c >= 65 && c <= 90 && t.length > 1) midCaps.add(t.toLowerCase());
    else if (!initial[i] && t !== t.toLowerCase() && t[0] !== t[0].toLowerCase()) midCaps.add(t.toLowerCase());
  }
  const tf = new Map<number, number>();
  const boostOf = new Map<number, number>();
  const add = (kind: FeatureKind, key: string) => {
    const h = featureHash(kind, key);
    const prev = tf.get(h);
    if (prev === undefined) {
      tf.set(h, 1);
      boostOf.set(h, boosts[kind]);
    } else tf.set(h, prev + 1);
  };
  let prevName: string | null = null;
  const years: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const m0 = offs[i];
    const lower = t.toLowerCase();
    const c = t[0];
    if (c >= '0' && c <= '9') {
      prevName = null;
      const v = Number(t);
      if (t.length === 4 && v >= 1900 && v <= 2099) {
        add('y', t);
        if (m0 < headEnd && !years.includes(v)) years.push(v);
      }
      else if (Number.isFinite(v) && t.length <= 7) {
        const mo = i > 0 ? monthOf(toks[i - 1].toLowerCase()) : undefined;
        if (mo !== undefined && v >= 1 && v <= 31) add('d', mo + '-' + v);
        else if (v >= 2) add('n', t);
      }
      continue;
    }
    if (lower.length < 3 && !midCaps.has(lower)) {
      prevName = null;
      continue;
    }
    const isCap = c !== lower[0];
    if (isCap && midCaps.has(lower) && !isStopword(lower) && monthOf(lower) === undefined) {
      add('e', lower);
      if (prevName) add('e', prevName + ' ' + lower);
      prevName = lower;
      continue;
    }
    prevName = null;
    if (isStopword(lower) || lower.length < 3) continue;
    add('t', stem(lower));
  }
  const ids = new Uint32Array(tf.size);
  const w = new Float32Array(tf.size);
  let i = 0;
  for (const [h, n] of tf) {
    ids[i] = h;
    w[i] = (1 + Math.log(n)) * (boostOf.get(h) ?? 1);
    i++;
  }
  return { ids, w, years };
}
