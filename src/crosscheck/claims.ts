/**
 * Claims: every sentence of an article's body with its content lemmas, names, numbers, days,
 * roles, places, quotes and attribution.
 */
import { analyse, type AnalysedSentence } from './nlp.js';
import { AUX, REPORT_VERBS, STOP, TITLE_HEADS } from './lexicon.js';
import { fold, parseAttribution, parseDays, parseNumbers, parsePlaces, parseQuotes, parseRoles, personKey } from './slots.js';
import type { Claim, CrossArticle, QuoteSlot } from './types.js';

/** Dateline prefix such as "MOSCOW, Jan 23 (Reuters) – " or "HARLOW, Ont. (AP) —". */
const DATELINE = /^[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\p{L}.]*(?:\s+\d{1,2})?)?\s*(?:\([^)]{1,30}\))?\s*[–—-]{1,2}\s*/u;

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM', 'ADV']);

function speakerKey(speakerText: string | null): string | null {
  if (!speakerText) return null;
  const words = speakerText.trim().split(/\s+/);
  // strip titles: keep the trailing run of capitalised words that are not titles
  const tail: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i];
    if (/^[A-Z]/.test(w) && !TITLE_HEADS.has(w.toLowerCase())) tail.unshift(w);
    else break;
  }
  if (tail.length) return personKey(tail.join(' '));
  return speakerText.toLowerCase();
}

/** Year most often written in the text (to date "January 23" without a year), or null. */
export function yearOf(text: string): number | null {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)) counts.set(+m[1], (counts.get(+m[1]) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, c] of counts) if (best === null || c > (counts.get(best) ?? 0) || (c === counts.get(best) && y > best)) best = y;
  return best;
}

/** The content verb (else noun) just before a paragraph offset: what a day or place attaches to. */
function eventBefore(tokens: { lemma: string; pos: string; start: number }[], at: number): string | null {
  let noun: string | null = null;
  let seen = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.start >= at) continue;
    if (++seen > 6) break;
    if (t.pos === 'VERB' && !REPORT_VERBS.has(t.lemma) && !AUX.has(t.lemma)) return fold(t.lemma);
    if (t.pos === 'NOUN' && !noun) noun = fold(t.lemma);
  }
  return noun;
}

/** First known person named in the sentence before offset `at` (outside quotes). */
function mentionedBefore(tokens: { text: string; start: number }[], at: number, known: Set<string>): string | null {
  let inQuote = false;
  for (const t of tokens) {
    if (t.start >= at) break;
    if (/[“”"]/.test(t.text)) inQuote = !inQuote;
    if (!inQuote && /^[A-Z]/.test(t.text) && known.has(personKey(t.text))) return personKey(t.text);
  }
  return null;
}

// Per-sentence slot parses are pure functions of the (memoised, shared) analysed sentence.
type SentenceSlots = { roles: ReturnType<typeof parseRoles>; numbers: ReturnType<typeof parseNumbers>; places: ReturnType<typeof parsePlaces>; lemmas: string[]; core: string[]; names: string[] };
const slotCache = new WeakMap<AnalysedSentence, SentenceSlots>();
const quoteCache = new Map<string, ReturnType<typeof parseQuotes>>();

function sentenceSlots(s: AnalysedSentence): SentenceSlots {
  const hit = slotCache.get(s);
  if (hit) return hit;
  const lemmas = new Set<string>();
  const core = new Set<string>();
  const names = new Set<string>();
  for (const t of s.tokens) {
    if (!CONTENT_POS.has(t.pos) || !/\p{L}|\d/u.test(t.text)) continue;
    const l = t.pos === 'PROPN' ? personKey(t.text) || t.lower : fold(t.lemma);
    if (STOP.has(l) || REPORT_VERBS.has(t.lemma) || l.length < 2) continue;
    lemmas.add(l);
    if (t.pos !== 'PROPN' && t.pos !== 'NUM' && !/^[A-Z]/.test(t.text) && !TITLE_HEADS.has(l) && !/^(reporter|official|spokesman|briefing|city|statement|told|news)$/.test(l)) core.add(l);
    if (t.pos === 'PROPN' || /^[A-Z]/.test(t.text)) names.add(t.text);
  }
  const res = { roles: parseRoles(s), numbers: parseNumbers(s), places: parsePlaces(s), lemmas: [...lemmas], core: [...core], names: [...names] };
  slotCache.set(s, res);
  return res;
}

function quotesOf(text: string): ReturnType<typeof parseQuotes> {
  let q = quoteCache.get(text);
  if (!q) {
    if (quoteCache.size > 20000) quoteCache.clear();
    quoteCache.set(text, (q = parseQuotes(text)));
  }
  return q;
}

export function extractClaims(a: CrossArticle, storyYear: number | null = null): Claim[] {
  const claims: Claim[] = [];
  const family = a.family ?? a.id;
  const known = new Set<string>();
  let lastPerson: string | null = null;
  let n = 0;
  const paragraphs = a.paragraphs.length ? a.paragraphs : [{ kind: 'paragraph' as const, text: a.text, start: 0 }];
  paragraphs.forEach((p, pi) => {
    if (p.kind === 'heading') return;
    const quotes = quotesOf(p.text);
    const quoteSpeaker = new Map<(typeof quotes)[number], string | null>();
    for (const s of analyse(p.text)) {
      let text = s.text;
      let off = s.start;
      const dl = DATELINE.exec(text);
      if (dl && claims.length === 0) { text = text.slice(dl[0].length); off += dl[0].length; }
      const words = s.tokens.filter((t) => /\p{L}/u.test(t.text)).length;
      if (words < 4) continue;
      const slots = sentenceSlots(s);
      const roles = slots.roles;
      for (const r of roles) known.add(r.person);
      // persons mentioned in this sentence, in order
      const mentioned: string[] = [];
      for (const r of roles) mentioned.push(r.person);
      for (let i = 0; i < s.tokens.length; i++) {
        const t = s.tokens[i];
        if (!/^[A-Z]/.test(t.text)) continue;
        const nxt = s.tokens[i + 1];
        const k = personKey(t.text);
        if (known.has(k)) mentioned.push(k);
        else if (nxt && nxt.pos === 'VERB' && REPORT_VERBS.has(nxt.lemma) && t.pos === 'PROPN') { known.add(k); mentioned.push(k); }
      }
      const sQuotes: QuoteSlot[] = [];
      // a quotation opened in an earlier sentence that runs into this one
      const open = quotes.find((q) => q.at < s.start && q.end > s.start + 1);
      for (const q of quotes) {
        if (q.at < s.start || q.at >= s.start + s.text.length) continue;
        let speaker: string | null;
        if (q.pronoun) speaker = mentionedBefore(s.tokens, q.at, known) ?? lastPerson;
        else speaker = speakerKey(q.speakerText) ?? mentionedBefore(s.tokens, q.at, known);
        if (speaker && q.speakerText && !q.pronoun && /^[A-Z]/.test(q.speakerText)) known.add(speaker);
        sQuotes.push({ text: q.text, speaker, speakerText: q.speakerText, kind: q.kind });
        quoteSpeaker.set(q, speaker);
        if (speaker && known.has(speaker)) mentioned.push(speaker);
      }
      if (mentioned.length) lastPerson = mentioned[0];
      const rel = off - s.start; // shift of slot offsets when a dateline was trimmed
      claims.push({
        id: `${a.id}:${n}`,
        article: a.id,
        family,
        n: n++,
        text,
        start: p.start + off,
        end: p.start + s.start + s.text.length,
        paragraph: pi,
        lemmas: slots.lemmas,
        core: slots.core,
        names: slots.names,
        numbers: slots.numbers.map((x) => ({ ...x, at: x.at - rel })),
        days: parseDays(text, a.published, storyYear).map((d) => ({ ...d, event: eventBefore(s.tokens, off + d.at) })),
        roles,
        places: slots.places,
        quotes: sQuotes,
        attribution: parseAttribution(s, sQuotes) ?? (open ? quoteSpeaker.get(open) ?? null : null),
        ...(open ? { continuesQuote: true } : {}),
      });
    }
  });
  return claims;
}
