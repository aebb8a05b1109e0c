// Small helpers for the views. Everything scraped is rendered as text nodes by Preact; only
// http(s) URLs ever become links.
import type { BriefArticle, SourceRef } from './api';

export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string' || !url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function sourceId(s: SourceRef): string | null {
  if (typeof s === 'string') return s;
  if (s && typeof s === 'object') {
    const v = s.id ?? s.article ?? s.articleId;
    return typeof v === 'string' ? v : null;
  }
  return null;
}

const DAY_FMT = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const TIME_FMT = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export function fmtDate(iso: string | null | undefined, withTime = false): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return (withTime && iso.length > 10 ? TIME_FMT : DAY_FMT).format(new Date(t));
}

export function fmtSpan(a: string, b: string): string {
  const fa = fmtDate(a, true);
  const fb = fmtDate(b, true);
  if (!fb || fa === fb) return fa;
  const da = fmtDate(a);
  const db = fmtDate(b);
  return da === db ? `${fa} – ${fb.slice(fb.lastIndexOf(',') + 1).trim()}` : `${da} – ${db}`;
}

/** Splits text into sentences (for finding the sentence a citation points at). */
export function sentences(text: string): string[] {
  const seg = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('en', { granularity: 'sentence' }) : null;
  const out: string[] = [];
  for (const para of text.split(/\n{2,}/)) {
    if (seg) for (const s of seg.segment(para)) { const t = s.segment.trim(); if (t) out.push(t); }
    else out.push(...para.split(/(?<=[.!?])\s+/).filter(Boolean));
  }
  return out;
}

const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** The sentence of `article` that best matches `claim` (word overlap), for citation previews. */
export function bestSentence(article: BriefArticle | undefined, claim: string, ref?: SourceRef): string | null {
  if (ref && typeof ref === 'object') {
    if (typeof ref.text === 'string' && ref.text) return ref.text;
    if (typeof ref.sentence === 'string' && ref.sentence) return ref.sentence;
  }
  const text = typeof article?.text === 'string' ? article.text : '';
  if (!text) return null;
  const all = sentences(text);
  if (typeof ref === 'object' && typeof ref?.sentence === 'number' && all[ref.sentence]) return all[ref.sentence];
  const want = words(claim);
  if (!want.size) return null;
  let best: string | null = null;
  let bestScore = 0;
  for (const s of all) {
    const got = words(s);
    let common = 0;
    for (const w of want) if (got.has(w)) common++;
    const score = common / Math.sqrt(want.size * Math.max(got.size, 1));
    if (score > bestScore) { bestScore = score; best = s; }
  }
  return bestScore >= 0.2 ? best : null;
}

/** Splits `text` around the first case-insensitive occurrence of `needle`. */
export function splitAround(text: string, needle: string): [string, string, string] | null {
  if (!needle) return null;
  const i = text.toLowerCase().indexOf(needle.toLowerCase());
  if (i < 0) return null;
  return [text.slice(0, i), text.slice(i, i + needle.length), text.slice(i + needle.length)];
}

export function valueText(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && 'text' in (v as object)) return String((v as { text: unknown }).text);
  return JSON.stringify(v);
}

/** Family root of an article: follow `of` links to the original (or use the brief's family). */
export function familyOf(a: BriefArticle, byId: Map<string, BriefArticle>): string {
  if (a.provenance?.family) return a.provenance.family;
  if (typeof a.family === 'string') return a.family;
  let cur: BriefArticle | undefined = a;
  const seen = new Set<string>();
  while (cur?.provenance?.of && !seen.has(cur.id)) {
    seen.add(cur.id);
    const next = byId.get(cur.provenance.of);
    if (!next) return cur.provenance.of;
    cur = next;
  }
  return cur?.id ?? a.id;
}

export function articleLabel(a: BriefArticle | undefined, id: string): string {
  if (!a) return id;
  return a.outlet || hostOf(a.url) || a.title || 'Unknown outlet';
}

/** The article's title, or its opening words when it has none. */
export function displayTitle(a: BriefArticle): string {
  if (a.title) return a.title;
  const first = typeof a.text === 'string' ? a.text.split(/\n/)[0] : '';
  if (!first) return `Untitled article ${a.id}`;
  return first.length > 90 ? first.slice(0, first.lastIndexOf(' ', 88) > 40 ? first.lastIndexOf(' ', 88) : 88) + '…' : first;
}

export function hostOf(url: unknown): string | null {
  const h = safeHref(url);
  return h ? new URL(h).hostname.replace(/^www\./, '') : null;
}
