/**
 * Sentence splitting, tokens, lemmas and POS tags from wink-nlp (loaded once, lazily). Only the
 * 'sbd' and 'pos' pipes run: that is what claims need and it keeps a 50-article story brief fast.
 */
import { wink } from '../util/wink.js';

export interface Token {
  text: string;
  lower: string;
  lemma: string;
  pos: string;
  /** Offset in the analysed text. */
  start: number;
}

export interface AnalysedSentence {
  text: string;
  start: number;
  tokens: Token[];
}

const getNlp = wink;

// Wire copies repeat paragraphs word for word across a story: analyse each distinct paragraph once.
const cache = new Map<string, AnalysedSentence[]>();
const CACHE_MAX = 20000;

/** Splits text (one paragraph) into sentences with tokens, offsets relative to `text` (memoised). */
export function analyse(text: string): AnalysedSentence[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const res = analyseNow(text);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(text, res);
  return res;
}

function analyseNow(text: string): AnalysedSentence[] {
  const n = getNlp();
  const its = n.its;
  const doc = n.readDoc(text);
  const tTexts = doc.tokens().out() as string[];
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  let cur = 0;
  for (let i = 0; i < tTexts.length; i++) {
    const t = tTexts[i];
    let at = text.indexOf(t, cur);
    if (at < 0) at = cur; // wink normalised the token (rare): keep the cursor
    else cur = at + t.length;
    tokens.push({ text: t, lower: t.toLowerCase(), lemma: (lemmas[i] ?? t).toLowerCase(), pos: pos[i] ?? 'X', start: at });
  }
  const sents = doc.sentences().out() as string[];
  const out: AnalysedSentence[] = [];
  let sc = 0;
  for (const s of sents) {
    let at = text.indexOf(s, sc);
    if (at < 0) at = sc;
    const end = at + s.length;
    sc = end;
    out.push({ text: s, start: at, tokens: tokens.filter((t) => t.start >= at && t.start < end) });
  }
  return out;
}
