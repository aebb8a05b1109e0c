/**
 * Per-article feature representation for story clustering (pure).
 *
 * Features are hashed to 32-bit ints, tagged by kind in the hash input:
 *   t: content term (lower-cased, stop words dropped, lightly stemmed)
 *   e: name-like token (capitalised where it is not just sentence-initial) and name bigrams
 *   n: numbers (counts, ages, figures), y: years, d: month-day dates
 * Each feature carries a boost by kind; the clusterer multiplies by IDF learned online.
 */
import { hash32, isStopword, mix32, monthOf, stem } from './text.js';

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

const KIND_SEED: Record<FeatureKind, number> = { t: hash32('t'), e: hash32('e'), n: hash32('n'), y: hash32('y'), d: hash32('d') };

/**
 * Feature ids are kept to 30 bits so that V8 stores them as small integers (Smis): as Map keys
 * and array elements, full 32-bit values would be boxed doubles, slower to hash and compare
 * (the assignment hot path does ~1,000 feature lookups per article).
 */
const SMI = 0x3fffffff;

export function featureHash(kind: FeatureKind, key: string): number {
  return ((hash32(key, KIND_SEED[kind]) & SMI & ~7) | KIND_CODE[kind]);
}

export const DEFAULT_BOOSTS: FeatureBoosts = { t: 1, e: 1.6, n: 0.6, y: 1, d: 1 };

/** Sparse feature bag: hashed feature -> boosted log term frequency. */
export interface FeatureBag {
  ids: Int32Array;
  w: Float32Array;
  /** Distinct years mentioned (1900-2099), for the date-conflict test. */
  years: number[];
  /**
   * Sampled 5-word shingle fingerprints (about one in 8, chosen by hash value, so two copies of
   * a text sample the same shingles): the copy detector's evidence, case-insensitive.
   */
  prints: number[];
}

/**
 * Computes the feature bag of a text (title counted twice: it names the event).
 * Name-likeness: a capitalised token is a name if it is not a stop word and either is not at the
 * start of a sentence or occurs capitalised mid-sentence elsewhere in the same text.
 */
interface TokInfo {
  lower: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Hash of the content-term feature, or 0 (stop word, too short, number). */
  term: number;
  /** Hash of the name feature for this token. */
  ent: number;
  /** Eligible as a name: not a stop word, not a month, long enough. */
  nameOk: boolean;
  month: number | undefined;
  digit: boolean;
}

/**
 * Per-token facts cached by a 32-bit hash of the surface form (news vocabulary is Zipfian: most
 * lookups hit, and a hit costs no substring allocation). A hash collision merges two rare words'
 * features, which the weighting tolerates like any feature-hashing collision.
 */
const TOK_CACHE = new Map<number, TokInfo>();
const TOK_CACHE_MAX = 500_000;

function tokInfo(t: string, key: number): TokInfo {
  let info = TOK_CACHE.get(key);
  if (info) return info;
  const lower = t.toLowerCase();
  const c0 = t.charCodeAt(0);
  const digit = c0 >= 48 && c0 <= 57;
  const stop = isStopword(lower);
  const month = monthOf(lower);
  info = {
    lower,
    cap: !digit && t[0] !== lower[0],
    term: digit || lower.length < 3 || stop ? 0 : featureHash('t', stem(lower)),
    ent: featureHash('e', lower),
    nameOk: !digit && !stop && month === undefined,
    month,
    digit,
  };
  if (TOK_CACHE.size >= TOK_CACHE_MAX) TOK_CACHE.clear();
  TOK_CACHE.set(key, info);
  return info;
}

const S_INFOS: TokInfo[] = [];
const S_TOKS: string[] = [];
let S_OFFS = new Int32Array(4096);
let S_INIT = new Uint8Array(4096);

export function featurize(text: string, title = '', boosts: FeatureBoosts = DEFAULT_BOOSTS, leadChars = 0): FeatureBag {
  const src = title ? title + '.\n' + title + '.\n' + text : text;
  // Tokens, and whether each starts a sentence (., !, ?, newline or an opening quote since the
  // previous token).
  // Per-token scratch, reused across calls (featurize is synchronous): fewer allocations on the
  // hot path. Only digit tokens need their text (toks); the rest are looked up by hash.
  const infos = S_INFOS;
  const toks = S_TOKS;
  let offs = S_OFFS;
  let initial = S_INIT;
  let nt = 0;
  // Years near the top (date line, dateline, first paragraph) date the article itself.
  const headEnd = (title ? 2 * title.length + 4 : 0) + 300;
  const w5 = [0, 0, 0, 0, 0];
  let nw = 0;
  const prints: number[] = [];
  const printSet = new Set<number>();
  let atStart = true;
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (!isWordChar(c)) {
      if (c === 46 || c === 33 || c === 63 || c === 10 || c === 34 || c === 0x201c) atStart = true;
      i++;
      continue;
    }
    const b = i;
    let h = 0x811c9dc5;
    for (; i < n; i++) {
      const d = src.charCodeAt(i);
      if (!isWordChar(d)) break;
      h = Math.imul(h ^ d, 0x01000193);
    }
    const key = (h ^ (i - b)) & SMI;
    let info = TOK_CACHE.get(key);
    const isDigit = c >= 48 && c <= 57;
    if (!info || isDigit) {
      const t = src.slice(b, i);
      info = info ?? tokInfo(t, key);
      toks[nt] = isDigit ? t : '';
    }
    infos[nt] = info;
    // Rolling 5-word shingle over lower-cased word hashes (ent hash = hash of the lower form).
    w5[0] = w5[1]; w5[1] = w5[2]; w5[2] = w5[3]; w5[3] = w5[4]; w5[4] = info.ent;
    if (++nw >= 5) {
      const sh = mix32(mix32(mix32(mix32(w5[0], w5[1]), w5[2]), w5[3]), w5[4]) & SMI;
      if ((sh & 7) === 0 && !printSet.has(sh)) {
        printSet.add(sh);
        prints.push(sh);
      }
    }
    if (nt === offs.length) {
      const o2 = new Int32Array(nt * 2);
      o2.set(offs);
      const i2 = new Uint8Array(nt * 2);
      i2.set(initial);
      S_OFFS = offs = o2;
      S_INIT = initial = i2;
    }
    offs[nt] = b;
    initial[nt] = atStart ? 1 : 0;
    nt++;
    atStart = false;
  }
  // Name-like: capitalised somewhere other than at a sentence start.
  const midCaps = new Set<number>();
  for (let k = 0; k < nt; k++) if (!initial[k] && infos[k].cap) midCaps.add(infos[k].ent);
  const tf = new Map<number, number>();
  // Words of the lead (first `leadChars` characters of the text) count twice: news puts the
  // event's identity (who, what, where) first.
  const leadEnd = (title ? 2 * title.length + 4 : 0) + leadChars;
  let inc = 1;
  const bump = (h: number) => tf.set(h, (tf.get(h) ?? 0) + inc);
  let prevEnt = 0;
  const years: number[] = [];
  for (let k = 0; k < nt; k++) {
    const info = infos[k];
    inc = offs[k] < leadEnd ? 2 : 1;
    if (info.digit) {
      prevEnt = 0;
      const t = toks[k];
      if (t.length > 7) continue;
      const v = Number(t);
      if (!Number.isFinite(v)) continue;
      if (t.length === 4 && v >= 1900 && v <= 2099) {
        bump(featureHash('y', t));
        if (offs[k] < headEnd && !years.includes(v)) years.push(v);
      } else {
        const mo = k > 0 ? infos[k - 1].month : undefined;
        if (mo !== undefined && v >= 1 && v <= 31) bump(featureHash('d', mo + '-' + v));
        else if (v >= 2) bump(featureHash('n', t));
      }
      continue;
    }
    if (info.cap && info.nameOk && midCaps.has(info.ent) && (info.lower.length >= 3 || !initial[k])) {
      bump(info.ent);
      // Name bigram ("tara reid"): combine the two name hashes, keep the kind code.
      if (prevEnt) bump((mix32(prevEnt, info.ent) & SMI & ~7) | KIND_CODE.e);
      prevEnt = info.ent;
      continue;
    }
    prevEnt = 0;
    if (info.term) bump(info.term);
  }
  const ids = new Int32Array(tf.size);
  const w = new Float32Array(tf.size);
  const boostByCode = [boosts.t, boosts.e, boosts.n, boosts.y, boosts.d, 1, 1, 1];
  let j = 0;
  for (const [h, cnt] of tf) {
    ids[j] = h;
    w[j] = (1 + Math.log(cnt)) * boostByCode[h & 7];
    j++;
  }
  return { ids, w, years, prints };
}

/** Letter or digit? ASCII by range; other code units by a cached Unicode test. */
const WORD_CACHE = new Int8Array(65536);
const WORD_ONE = /[\p{L}\p{N}]/u;
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  let v = WORD_CACHE[c];
  if (v === 0) {
    v = WORD_ONE.test(String.fromCharCode(c)) ? 1 : -1;
    WORD_CACHE[c] = v;
  }
  return v === 1;
}
