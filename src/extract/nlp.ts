/**
 * Sentences and tokens (with character offsets into Article.text and POS tags) from wink-nlp.
 * We run wink per paragraph (paragraphs are hard sentence boundaries: headlines have no final
 * period) with only the 'sbd' and 'pos' pipes: its NER pipe roughly doubles the cost per article
 * and our own number/time patterns cover what it finds.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
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

let nlp: ReturnType<typeof winkNLP> | null = null;
function engine(): ReturnType<typeof winkNLP> {
  if (!nlp) nlp = winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

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
  const headline: boolean[] = [];
  const paras = paragraphs.length ? paragraphs : [{ kind: 'paragraph' as const, text, start: 0 }];
  paras.forEach((p, pi) => {
    headline.push(p.kind === 'heading' || looksLikeHeadline(p.text));
    const doc = engine().readDoc(p.text);
    const words = doc.tokens().out() as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const spans = doc.sentences().out(its.span) as unknown as [number, number][];
    // wink gives token strings, not offsets: find each in the paragraph text in order.
    const offs: number[] = new Array(words.length);
    let cur = 0;
    for (let i = 0; i < words.length; i++) {
      const at = p.text.indexOf(words[i], cur);
      if (at < 0 || at - cur > 40) {
        offs[i] = cur;
      } else {
        offs[i] = at;
        cur = at + words[i].length;
      }
    }
    for (const [a, b] of spans) {
      const si = sentences.length;
      const firstTok = tokens.length;
      for (let i = a; i <= b; i++) tokens.push({ text: words[i], start: p.start + offs[i], end: p.start + offs[i] + words[i].length, pos: pos[i], sent: si });
      const s = p.start + offs[a];
      const e = p.start + offs[b] + words[b].length;
      sentences.push({ start: s, text: text.slice(s, e), paragraph: pi });
      sentEnds.push(e);
      sentTok.push([firstTok, tokens.length]);
    }
  });
  return { text, sentences, sentEnds, sentTok, tokens, headline };
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
