/**
 * Provenance inside a story (pure): for each article, is it an original, a duplicate of another,
 * a copy of a wire story (possibly wrapped in another site's boilerplate or trimmed), or a
 * rewrite that follows another article's facts in the same order? And which source family is it in?
 *
 * Evidence:
 *  - exact 5-word shingles: Jaccard (duplicate) and containment either way (a copy inside
 *    boilerplate contains the source; a trimmed copy is contained in it);
 *  - sentence alignment: each sentence is matched to its most similar sentence of the candidate
 *    source by shared content words (Dice); the rewrite score is the longest run of matches in
 *    the same order (longest increasing subsequence), so shared topic words alone do not count;
 *  - wire markers (metadata.wire, dateline "(Reuters)", credit lines) and publication order
 *    decide direction: wire-marked texts come first, then earlier publication, then ingest order.
 */
import { detectWire, isStopword, sentences, shingleSet, stem, words } from './text.js';
import type { Article, Provenance } from '../types.js';

export type ProvArticle = Pick<Article, 'id' | 'text' | 'metadata'> & Partial<Pick<Article, 'removed' | 'seq' | 'ingestedAt'>>;

export interface ProvenanceOptions {
  /** Shingle Jaccard at or above which two texts are duplicates. */
  duplicateJaccard: number;
  /** ... and word counts within this ratio (a copy inside boilerplate is longer: a wire-copy). */
  duplicateLength: number;
  /** Shingle containment (either way) at or above which one text copies the other. */
  copyContainment: number;
  /** Dice of content words for two sentences to align. */
  sentenceDice: number;
  /** Share of the shorter article's sentences aligned in order for a rewrite. */
  rewriteShare: number;
  /** Minimum number of sentences aligned in order for a rewrite. */
  rewriteMin: number;
  /** Most earlier articles compared with each article (most recent first). */
  window: number;
}

export const DEFAULT_PROVENANCE: ProvenanceOptions = {
  duplicateJaccard: 0.8,
  duplicateLength: 0.98,
  copyContainment: 0.8,
  sentenceDice: 0.4,
  rewriteShare: 0.4,
  rewriteMin: 4,
  window: 200,
};

interface Prepared {
  a: ProvArticle;
  shingles: Set<number>;
  tokens: number;
  /** Content words of each sentence (3 or more), as sorted word numbers. */
  sents: Int32Array[];
  /** All content words of the article, sorted word numbers (for the alignment pre-filter). */
  vocab: Int32Array;
  wire: { wire: string; how: string } | null;
  /** The article is the wire service's own publication (outlet is the wire). */
  wireOrigin: boolean;
  time: number;
  seq: number;
  pos: number;
  /** Number of the cached preparation (relation cache keys). */
  n: number;
}

function contentSet(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(s)) if (w.length >= 3 && !isStopword(w)) out.add(stem(w));
  return out;
}

/**
 * Content words as numbers, so that sentence similarity is a merge of two sorted integer arrays
 * rather than string-set lookups (alignment compares every sentence pair of two articles). The
 * numbering is shared by everything cached below and dropped with it when it grows too large.
 */
const WORD_CAP = 2_000_000;
const wordIds = new Map<string, number>();
function idsOf(words: Iterable<string>): Int32Array {
  const ids: number[] = [];
  for (const w of words) {
    let id = wordIds.get(w);
    if (id === undefined) wordIds.set(w, (id = wordIds.size));
    ids.push(id);
  }
  return Int32Array.from(ids).sort();
}

/**
 * Story assignment recomputes the provenance of a whole story whenever an article joins it, so
 * that a late-arriving source can still become the source of earlier-stored copies. Without
 * memory that is quadratic work per article in a growing story; with these two bounded caches
 * only the new article's preparation and its comparisons with the other members are computed.
 * Keys: the article id (a hash of its clean text) and the metadata that preparation reads; a
 * comparison also keys on the options. Oldest entries are dropped first.
 */
const PREPARED_CAP = 4000;
const RELATION_CAP = 400_000;
type PreparedContent = Omit<Prepared, 'a' | 'pos' | 'seq'>;
const preparedCache = new Map<string, PreparedContent>();
const relationCache = new Map<string, Relation | null>();
/** Short numbers for prepared articles and option sets, so relation keys stay short. */
let nextN = 0;
const optionIds = new Map<string, number>();

function remember<V>(cache: Map<string, V>, cap: number, key: string, value: V): void {
  if (cache.size >= cap) {
    let drop = Math.ceil(cap / 10);
    for (const k of cache.keys()) {
      cache.delete(k);
      if (--drop <= 0) break;
    }
  }
  cache.set(key, value);
}

function contentKey(a: ProvArticle): string {
  const m = a.metadata;
  const credits = (a.removed ?? []).filter((r) => r.reason === 'disclaimer' || r.reason === 'copyright' || r.reason === 'credits').map((r) => r.text.length).join(',');
  return `${a.id}|${m.outlet ?? ''}|${m.published ?? ''}|${m.wire ?? ''}|${m.dateline?.wire ?? ''}|${credits}|${a.text.length}`;
}

function prepare(a: ProvArticle, pos: number): Prepared {
  if (wordIds.size > WORD_CAP) {
    // Word numbers restart: every cached preparation and comparison used the old ones.
    wordIds.clear();
    preparedCache.clear();
    relationCache.clear();
  }
  const key = contentKey(a);
  let c = preparedCache.get(key);
  if (!c) remember(preparedCache, PREPARED_CAP, key, (c = { ...prepareContent(a), n: nextN++ }));
  return { ...c, a, seq: a.seq ?? Infinity, pos };
}

function prepareContent(a: ProvArticle): Omit<PreparedContent, 'n'> {
  const wire = detectWire(a);
  const toks = words(a.text);
  const sets = sentences(a.text).map(contentSet).filter((s) => s.size >= 3);
  const outlet = (a.metadata.outlet ?? '').toLowerCase();
  const t = a.metadata.published ? Date.parse(a.metadata.published) : NaN;
  return {
    shingles: shingleSet(toks, 5),
    tokens: toks.length,
    sents: sets.map(idsOf),
    vocab: idsOf(new Set(sets.flatMap((x) => [...x]))),
    wire,
    wireOrigin: !!wire && outlet !== '' && outlet.includes(wire.wire.toLowerCase()),
    time: Number.isNaN(t) ? Infinity : t,
  };
}

/** relate(), remembered per (article, source, options). */
function relateMemo(x: Prepared, src: Prepared, o: ProvenanceOptions, optId: number): Relation | null {
  const key = `${x.n}:${src.n}:${optId}`;
  const hit = relationCache.get(key);
  if (hit !== undefined) return hit;
  const r = relate(x, src, o);
  remember(relationCache, RELATION_CAP, key, r);
  return r;
}

/** Source-first order: wire originals, other wire-marked texts, then publication time, ingest order. */
function sourceOrder(x: Prepared, y: Prepared): number {
  const rank = (p: Prepared) => (p.wireOrigin ? 0 : p.wire ? 1 : 2);
  return rank(x) - rank(y) || (x.time === y.time ? 0 : x.time < y.time ? -1 : 1) || (x.seq === y.seq ? 0 : x.seq < y.seq ? -1 : 1) || (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0);
}

function intersect(a: Set<number>, b: Set<number>): number {
  const [s, l] = a.size < b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of s) if (l.has(x)) n++;
  return n;
}

/** Shared entries of two sorted integer arrays. */
function common(a: Int32Array, b: Int32Array): number {
  let i = 0, j = 0, n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i], y = b[j];
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

function dice(a: Int32Array, b: Int32Array): number {
  return (2 * common(a, b)) / (a.length + b.length);
}

/** Longest strictly increasing subsequence length (patience sorting). */
function lis(xs: number[]): number {
  const tails: number[] = [];
  for (const x of xs) {
    let lo = 0, hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x;
  }
  return tails.length;
}

/** Sentences of `x` aligned, in order, to sentences of `src`. */
export function alignedInOrder(x: Int32Array[], src: Int32Array[], minDice: number): number {
  const matches: number[] = [];
  for (const s of x) {
    let best = -1, bestD = minDice;
    for (let j = 0; j < src.length; j++) {
      const t = src[j];
      // Dice cannot beat the best so far when the lengths alone forbid it.
      if ((2 * Math.min(s.length, t.length)) / (s.length + t.length) < bestD) continue;
      const d = dice(s, t);
      if (d >= bestD) {
        bestD = d;
        best = j;
      }
    }
    if (best >= 0) matches.push(best);
  }
  return lis(matches);
}

interface Relation {
  kind: 'duplicate' | 'wire-copy' | 'rewrite';
  conf: number;
  evidence: string;
}

function relate(x: Prepared, src: Prepared, o: ProvenanceOptions): Relation | null {
  const inter = intersect(x.shingles, src.shingles);
  if (inter > 0 && x.shingles.size && src.shingles.size) {
    const jac = inter / (x.shingles.size + src.shingles.size - inter);
    const inSrc = inter / x.shingles.size; // x is (mostly) inside src: trimmed copy
    const srcIn = inter / src.shingles.size; // src is (mostly) inside x: wrapped copy
    // Same text: near-total overlap and about the same length (a wrapper adds text: a copy).
    const lenRatio = Math.min(x.tokens, src.tokens) / Math.max(x.tokens, src.tokens);
    if (jac >= o.duplicateJaccard && lenRatio >= o.duplicateLength) return { kind: 'duplicate', conf: jac, evidence: `${pct(jac)} of 5-word shingles shared (Jaccard)` };
    const c = Math.max(inSrc, srcIn);
    if (c >= o.copyContainment) {
      const how = srcIn >= inSrc ? `contains ${pct(srcIn)} of the source's 5-word shingles` : `${pct(inSrc)} of its 5-word shingles are in the source (trimmed copy)`;
      return { kind: 'wire-copy', conf: Math.min(1, 0.5 + c / 2), evidence: how };
    }
  }
  const n = Math.min(x.sents.length, src.sents.length);
  if (n < o.rewriteMin) return null;
  // Cheap pre-filter before the quadratic alignment: a rewrite shares a good part of its
  // content words with the source (at least as many as its aligned sentences need).
  if (common(x.vocab, src.vocab) < 0.2 * Math.min(x.vocab.length, src.vocab.length)) return null;
  const k = alignedInOrder(x.sents, src.sents, o.sentenceDice);
  const share = k / n;
  if (k >= o.rewriteMin && share >= o.rewriteShare) {
    // Confidence grows with how much of this article follows the source.
    return { kind: 'rewrite', conf: Math.min(0.95, 0.4 + (0.55 * k) / x.sents.length + 0.1 * share), evidence: `${k} of ${x.sents.length} sentences follow the source's sentences in order (${pct(share)} of the shorter text)` };
  }
  return null;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

const KIND_RANK = { duplicate: 0, 'wire-copy': 1, rewrite: 2 } as const;

/**
 * Computes provenance for every article of a story (or any group). Deterministic for a given set:
 * the result does not depend on the order of `articles`, only on their markers, times and seq.
 */
export function computeProvenance(articles: ProvArticle[], opts: Partial<ProvenanceOptions> = {}): Map<string, Provenance> {
  const o = { ...DEFAULT_PROVENANCE, ...opts };
  const optJson = JSON.stringify(o);
  let optId = optionIds.get(optJson);
  if (optId === undefined) optionIds.set(optJson, (optId = optionIds.size));
  const prepared = articles.map(prepare).sort(sourceOrder);
  const out = new Map<string, Provenance>();
  for (let i = 0; i < prepared.length; i++) {
    const x = prepared[i];
    let best: { rel: Relation; src: Prepared } | null = null;
    // Earliest source wins ties (a copy of a copy names the first text).
    for (let j = Math.max(0, i - o.window); j < i; j++) {
      const src = prepared[j];
      const rel = relateMemo(x, src, o, optId);
      if (!rel) continue;
      if (!best || KIND_RANK[rel.kind] < KIND_RANK[best.rel.kind] || (KIND_RANK[rel.kind] === KIND_RANK[best.rel.kind] && rel.conf > best.rel.conf)) best = { rel, src };
    }
    const wireNote = x.wire ? `; ${x.wire.how} names ${x.wire.wire}` : '';
    if (best) {
      const srcWire = best.src.wire ? ` (${best.src.wire.wire})` : '';
      const family = out.get(best.src.a.id)?.family ?? best.src.a.id;
      out.set(x.a.id, {
        kind: best.rel.kind,
        of: best.src.a.id,
        confidence: round(best.rel.conf),
        family,
        evidence: `${best.rel.evidence} with ${best.src.a.id}${srcWire}${wireNote}`,
      });
    } else if (x.wire && !x.wireOrigin) {
      out.set(x.a.id, {
        kind: 'wire-copy',
        of: null,
        confidence: x.wire.how === 'metadata' || x.wire.how === 'dateline' ? 0.9 : 0.75,
        family: x.a.id,
        evidence: `republished ${x.wire.wire} story (${x.wire.how}); the wire original is not in the set`,
      });
    } else {
      out.set(x.a.id, { kind: 'original', of: null, confidence: x.wire ? 0.95 : 0.8, family: x.a.id, evidence: x.wire ? `published by the wire ${x.wire.wire}` : 'no earlier article in the story shares its text or follows its sentences' });
    }
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Source families of a story: family root id -> member ids (root first). */
export function families(prov: Map<string, Provenance>): Map<string, string[]> {
  const fam = new Map<string, string[]>();
  for (const [id, p] of prov) {
    const l = fam.get(p.family);
    if (l) l.push(id);
    else fam.set(p.family, [id]);
  }
  for (const [root, l] of fam) l.sort((a, b) => (a === root ? -1 : b === root ? 1 : 0));
  return fam;
}
