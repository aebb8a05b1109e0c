/**
 * Sentences and tokens (with character offsets into Article.text and POS tags) from wink-nlp.
 * We run wink per paragraph (paragraphs are hard sentence boundaries: headlines have no final
 * period) with only the 'sbd' and 'pos' pipes: its NER pipe roughly doubles the cost per article
 * and our own number/time patterns cover what it finds.
 */
import { wink } from '../util/wink.js';
import type { Paragraph } from '../types.js';
import type { Sentence } from './types.js';

export interface Token {
  text: string;
  start: number;
  end: number;
  pos: string;
  /** Sentence index. */
  sent: number;
}

export interface Analysis {
  text: string;
  sentences: Sentence[];
  /** Sentence end offsets (exclusive), parallel to sentences. */
  sentEnds: number[];
  /** First token index of each sentence, and one past the last. */
  sentTok: [number, number][];
  tokens: Token[];
  /** Paragraph index -> true when the paragraph looks like a headline (Title Case, no final stop). */
  headline: boolean[];
}

const engine = wink;

const SMALL = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'as', 'by', 'but', 'from', 'is', 'are', 'vs', 'over', 'into', 'after', 'amid', 'if']);

/** Title Case lines without a final stop are headlines / section titles, not prose. */
export function looksLikeHeadline(p: string): boolean {
  const t = p.trim();
  if (!t || /[.!?:"”]$/.test(t) || t.length > 160) return false;
  const words = t.split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
  if (words.length < 2) return true;
  let caps = 0;
  let lower = 0;
  for (const w of words) {
    const c = w.replace(/^[^A-Za-z]+/, '');
    if (/^[A-Z]/.test(c)) caps++;
    else if (!SMALL.has(c.toLowerCase())) lower++;
  }
  return caps >= 2 && lower <= Math.max(1, Math.floor(words.length / 6));
}

export function analyse(text: string, paragraphs: Paragraph[]): Analysis {
  const its = engine().its;
  const sentences: Sentence[] = [];
  const sentEnds: number[] = [];
  const sentTok: [number, number][] = [];
  const tokens: Token[] = [];
  const paras = paragraphs.length ? paragraphs : [{ kind: 'paragraph' as const, text, start: 0 }];
  const headline = paras.map((p) => p.kind === 'heading' || looksLikeHeadline(p.text));
  // One wink document for the whole text (a document per paragraph costs twice as much); its
  // sentences are then cut at paragraph boundaries, which are hard boundaries (headlines have no stop).
  const doc = engine().readDoc(text);
  const words = doc.tokens().out() as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  // wink gives token strings, not offsets: find each in the text in order.
  const offs: number[] = new Array(words.length);
  let cur = 0;
  for (let i = 0; i < words.length; i++) {
    const at = text.indexOf(words[i], cur);
    if (at < 0 || at - cur > 40) offs[i] = cur;
    else {
      offs[i] = at;
      cur = at + words[i].length;
    }
  }
  let pi = 0;
  const paraEnd = (k: number) => (k + 1 < paras.length ? paras[k + 1].start : Infinity);
  const push = (a: number, b: number) => {
    if (b < a) return;
    while (pi + 1 < paras.length && offs[a] >= paraEnd(pi)) pi++;
    const si = sentences.length;
    const firstTok = tokens.length;
    for (let i = a; i <= b; i++) tokens.push({ text: words[i], start: offs[i], end: offs[i] + words[i].length, pos: pos[i], sent: si });
    const st = offs[a];
    const e = offs[b] + words[b].length;
    sentences.push({ start: st, text: text.slice(st, e), paragraph: pi });
    sentEnds.push(e);
    sentTok.push([firstTok, tokens.length]);
  };
  for (const [a, b] of spans) {
    let s = a;
    for (let i = a + 1; i <= b; i++) {
      // a paragraph starts between token i-1 and token i
      let k = pi;
      while (k + 1 < paras.length && paras[k + 1].start <= offs[i - 1]) k++;
      if (offs[i] >= paraEnd(k)) {
        push(s, i - 1);
        s = i;
      }
    }
    push(s, b);
  }
  return { text, sentences, sentEnds, sentTok, tokens, headline };
}

/** Index of the first token starting at or after offset `at` (binary search; tokens.length if none). */
export function firstTokenAt(a: Analysis, at: number): number {
  const toks = a.tokens;
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the sentence containing offset `at` (binary search). */
export function sentenceAt(a: Analysis, at: number): number {
  let lo = 0;
  let hi = a.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.sentences[mid].start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
