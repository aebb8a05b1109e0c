/**
 * The block classifier: decides for every line/block of a scraped article whether it is a
 * paragraph, a heading, the title, or a removed piece (with reason, input line and rule).
 *
 * Used for plain text (one block per non-blank line) and for HTML (one block per extracted DOM
 * block), so the same text rules apply to both. Hand-written: the decisions depend on the
 * neighbours of a line and on the article's own vocabulary, which no library models.
 */
import * as chrono from 'chrono-node';
import type { CleanDoc, Paragraph, RemovalReason, RemovedPiece } from '../types.js';
import { countWords, isByline, matchLineRule } from './patterns.js';

export interface Block {
  text: string;
  /** 1-based input line (plain text). */
  line?: number;
  /** HTML tag the block came from (h1..h6, p, li, ...), when known. */
  tag?: string;
}

export interface ClassifyOptions {
  /** Title already known (HTML <h1>/og:title); repeated copies of it are removed. */
  title?: string;
  /** Lines seen in other articles of the same outlet: normalised line -> number of articles. */
  outletLineCounts?: Map<string, number>;
  /** How many other articles of the outlet must contain a line for it to be boilerplate (default 3). */
  boilerplateMinCount?: number;
  /** Whether the first headline-shaped block may become the title (default true). */
  detectTitle?: boolean;
  /** Whether headline-shaped text blocks are judged as teasers of other stories (default true; HTML
   *  output of Readability holds many unpunctuated list items, Q&A headings and captions, and other
   *  stories' headlines there sit in link lists that html.ts prunes, so cleanDoc turns it off for HTML). */
  teasers?: boolean;
}

type Decision =
  | { kind: 'paragraph' | 'heading' | 'title' }
  | { kind: 'removed'; reason: RemovalReason; rule: string };

interface Item extends Block {
  words: number;
  d?: Decision;
}

/** Key used to compare lines across articles and against the title. */
export function lineKey(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

/** Citation markers like "[8]", "[8][9]", "[citation needed]". */
const CITATION = /\s*((?:\[(?:\d{1,3}(?:[,–-]\d{1,3})*|[a-z]|citation needed|note \d+|nb \d+)\])+)/gi;

const END_PUNCT = /[.!?…]["”’»)\]]*$/;
/** Headline shape: short, no sentence-final punctuation (a heading may end in "?" or ":"). */
function headlineShaped(raw: string, words: number): boolean {
  if (words < 1 || words > 25) return false;
  const text = raw.replace(CITATION, '').trim();
  if (/[.!…,;]["”’»)\]]*$/.test(text)) return false;
  if (/\p{Ll}{2}[.!?]["”’]?\s+\p{Lu}/u.test(text)) return false; // several sentences
  if (/\?["”’]?$/.test(text) && words > 12) return false; // a long question is a sentence
  return true;
}

const STOP = new Set(
  'a an the and or but of in on at to for from by with as is are was were be been has have had it its this that these those than then into over after before about not no new says said will would can could may might more most up out off his her their our your who what when where why how which while amid against between during under'.split(' '),
);

/** Crude stem so "warns"/"warned", "talks"/"talk" match: case-folded 5-letter prefix. */
function stem(w: string): string {
  const l = w.toLowerCase().replace(/['’]s$/, '');
  return l.length > 5 ? l.slice(0, 5) : l;
}

function contentWords(s: string): string[] {
  return (s.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).filter((w) => !STOP.has(w.toLowerCase()));
}

/** Share of capitalised words among the line's content words (1 = Title Case). */
function titleCaseRatio(s: string): number {
  const ws = contentWords(s).filter((w) => /^\p{L}/u.test(w));
  if (!ws.length) return 0;
  return ws.filter((w) => /^\p{Lu}/u.test(w)).length / ws.length;
}

/** Headline verbs in the present tense ("X says", "Y warns"): typical of story headlines, rare in section headings. */
const HEADLINE_VERB = /\b(?:says|say|warns|vows|urges|slams|eyes|ties|hits|calls|claims|plans|seeks|rejects|backs|denies|admits|accuses|blames|launches|unveils|announces|reveals|confirms|orders|signs|bans|threatens|pledges|insists|agrees|defends|wins|loses|sues|faces|halts|cuts|raises|kills|dies|arrests|strikes|targets|demands|hails|mulls|weighs|rules|opens|shuts|ends|lifts|sets|moves|takes|gets|reports|tells)\b/i;

const PLACEHOLDER_DATE = /^(?:(?:published|updated|last updated|posted|first published|modified|date)(?: on| at)?\s*[:|-]?\s*)/i;

/** chrono's English parser first, then its other locales: scraped pages put dates in the page's language. */
const DATE_PARSERS = [chrono, chrono.de, chrono.fr, chrono.es, chrono.pt, chrono.it, chrono.nl, chrono.ru, chrono.sv];

/** Cheap pre-filter before running the date parsers: a year, a numeric date, or an English month/weekday name. */
const DATE_HINT = /\b(?:1[89]|20)\d{2}\b|\b\d{1,2}[./-]\d{1,2}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\b/i;

const FOREIGN_DATE_HINT = /[^\x00-\x7F]|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b(?:januar|februar|mai|juni|juli|oktober|dezember|janvier|avril|juin|juillet|septembre|octobre|novembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|maio|junho|julho|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|januari|februari|maart|mei|augustus|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|jueves|viernes|domingo)\b/i;

/** One date/time expression, possibly labelled ("Updated: 5 March 2025 10:42 GMT", "Agency Published Monday ..."). */
function isDatePart(part: string): boolean {
  const t = part
    .replace(/^(?:\p{Lu}[\p{L}.'’&-]*\s+){0,4}(?=(?:published|updated|posted)\b)/iu, '')
    .replace(PLACEHOLDER_DATE, '')
    .replace(/[\s,;:]+$/, '')
    .trim();
  if (!/\d/.test(t) || !DATE_HINT.test(t)) return false;
  const rest = t.replace(/\s+/g, '').length;
  // other locales only when the text may be in another language (cost: one parse per locale)
  const parsers = FOREIGN_DATE_HINT.test(t) ? DATE_PARSERS : DATE_PARSERS.slice(0, 1);
  for (const parser of parsers) {
    const res = parser.parse(t);
    if (!res.length) continue;
    const covered = res.reduce((n, r) => n + r.text.replace(/\s+/g, '').length, 0);
    // the date must cover most of the part (time-zone names and separators may be left over) and
    // name a day, month or weekday (a bare time is not a date line)
    if (covered / rest >= 0.6 && res.some((r) => r.start.isCertain('day') || r.start.isCertain('month') || r.start.isCertain('weekday'))) return true;
  }
  return false;
}

/** A bare time after a date part ("10:07 AM", "14.30 CET"). */
const TIME_PART = /^(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?$/i;

/** A short source/outlet tag after a date ("... / 10:07 AM / Velmar TV"). */
const OUTLET_TAG = /^(?:\p{Lu}[\p{L}\d.&'’-]*)(?:\s+\p{Lu}[\p{L}\d.&'’-]*){0,2}$/u;

/** Splits "A | B", "A / B", "A - Updated B" into parts. */
function metaParts(text: string): string[] {
  return text.split(/\s+[|•·/]\s+|\s*\|\s*|\s+[–—-]\s+(?=(?:updated|published|posted|modified|original|last updated)\b)/i).map((p) => p.trim()).filter(Boolean);
}

/** A line that is only dates (and maybe times), like "Friday, January 23, 2026" or "Published: 10:48, Tue, Nov 19, 2030 | Updated: 11:05". */
export function isDateLine(text: string, words: number): boolean {
  if (words > 24 || (END_PUNCT.test(text) && !/\b(?:a\.m|p\.m)\.$/i.test(text))) return false;
  const parts = metaParts(text);
  if (!parts.length || parts.length > 4 || !isDatePart(parts[0])) return false;
  return parts.slice(1).every((p, i) => TIME_PART.test(p) || isDatePart(p) || (i === parts.length - 2 && OUTLET_TAG.test(p)));
}

/** "By A | January 2, 2030 at 2:26 PM - Updated 4:46 PM": a byline followed by dates. */
function isBylineWithDate(text: string, words: number): boolean {
  if (words > 30) return false;
  const parts = metaParts(text).flatMap((p, i) => (i === 0 ? p.split(/\s+[–—-]\s+/) : [p]));
  return parts.length >= 2 && isByline(parts[0]) && parts.slice(1).every(isDatePart);
}

/** Reasons for which a short run of text between two such lines is part of the same widget. */
const WIDGET_REASONS = new Set<RemovalReason>(['subscription', 'comments', 'related-link', 'share-prompt', 'ad', 'cookie-banner', 'navigation']);
const END_MARKERS = new Set<RemovalReason>(['credits', 'disclaimer', 'copyright', 'tags', 'comments']);

export function classifyBlocks(blocks: Block[], opts: ClassifyOptions = {}): CleanDoc {
  const items: Item[] = [];
  const removed: RemovedPiece[] = [];
  for (const b of blocks) {
    const text = b.text.replace(/[\u00a0\u2007\u202f\t]+/g, ' ').replace(/ {2,}/g, ' ').trim();
    if (!text) continue; // blank lines carry no text
    items.push({ ...b, text, words: countWords(text) });
  }
  const remove = (it: Item, reason: RemovalReason, rule: string) => {
    it.d = { kind: 'removed', reason, rule };
  };
  const minCount = opts.boilerplateMinCount ?? 3;

  // 1. line rules: empty, phrase patterns, outlet boilerplate, date lines
  for (const [i, it] of items.entries()) {
    if (!/[\p{L}\p{N}]/u.test(it.text)) { remove(it, 'empty', 'no letters or digits'); continue; }
    const r = matchLineRule(it.text, it.words);
    if (r) { remove(it, r.reason, r.rule); continue; }
    if (isDateLine(it.text, it.words)) { remove(it, 'date-line', 'standalone date line'); continue; }
    if (isBylineWithDate(it.text, it.words)) { remove(it, 'byline', 'byline with publication date'); continue; }
    const seen = opts.outletLineCounts?.get(lineKey(it.text));
    // page furniture sits in the header or footer, or is not sentence-shaped; a stock sentence in
    // the middle of a story ("He declined to comment.") is text even when the outlet repeats it
    const edge = i < Math.ceil(items.length * 0.2) || i >= Math.floor(items.length * 0.7) || headlineShaped(it.text, it.words);
    if (seen !== undefined && seen >= minCount && edge) { remove(it, 'outlet-boilerplate', `line seen in ${seen} other articles of this outlet`); continue; }
  }

  // 1b. items of a related-links list under a bare label ("Related coverage", "Read more")
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.d?.kind !== 'removed' || it.d.reason !== 'related-link' || it.words > 4) continue;
    for (let j = i + 1; j < items.length; j++) {
      const x = items[j];
      if (x.d) break;
      const bullet = /^[•·▪*►›»-]\s*/.test(x.text);
      if (!(bullet && x.words <= 30) && !headlineShaped(x.text, x.words)) break;
      remove(x, 'related-link', 'item of a related-links list');
    }
  }

  // 2. title: known one, else the first headline-shaped block before any paragraph
  let title = opts.title?.trim() || undefined;
  const kept = () => items.filter((it) => !it.d || it.d.kind !== 'removed');
  if (!title && opts.detectTitle !== false) {
    const first = kept()[0];
    if (first && headlineShaped(first.text, first.words) && first.words >= 3 && (!first.tag || /^h[1-3]$/.test(first.tag))) {
      first.d = { kind: 'title' };
      title = first.text;
    }
  } else if (title) {
    // an <h1> (or first block) equal to the known title is the title, not body text
    for (const it of items) if (!it.d && lineKey(it.text) === lineKey(title)) { it.d = { kind: 'title' }; break; }
  }
  if (title) {
    const tk = lineKey(title);
    let seenTitle = false;
    for (const it of items) {
      if (it.d?.kind === 'title') { seenTitle = true; continue; }
      if (it.d) continue;
      const k = lineKey(it.text);
      if (k === tk || (it.words >= 4 && /(?:\.\.\.|…)$/.test(it.text) && tk.startsWith(k))) {
        remove(it, 'repeated-title', seenTitle ? 'repeats the article title' : 'copy of the article title');
      }
    }
  }

  // 2b. header zone (before the first paragraph): a short name line next to the byline or date line
  //     ("Velmar Daily", "Wexmoor Now staff") credits the source; it is not a section heading
  const firstText = items.findIndex((it) => !it.d && !headlineShaped(it.text, it.words));
  for (let i = 0; i < (firstText < 0 ? items.length : firstText); i++) {
    const it = items[i];
    if (it.d || it.words > 6 || /\d/.test(it.text) || !headlineShaped(it.text, it.words) || titleCaseRatio(it.text) < 0.5 || HEADLINE_VERB.test(it.text)) continue;
    const near = [items[i - 1], items[i + 1]].some((x) => x?.d?.kind === 'removed' && (x.d.reason === 'byline' || x.d.reason === 'date-line'));
    if (near) remove(it, 'byline', 'source/author line in the article header (next to the byline or date line)');
  }

  // 3. headline-shaped lines inside the body: section heading or another story's headline (teaser)
  const body = items.filter((it) => !it.d && !headlineShaped(it.text, it.words));
  const docStems = new Map<string, number>();
  for (const it of body) for (const w of contentWords(it.text)) docStems.set(stem(w), (docStems.get(stem(w)) ?? 0) + 1);
  if (title) for (const w of contentWords(title)) docStems.set(stem(w), (docStems.get(stem(w)) ?? 0) + 1);
  const heads = items.filter((it) => !it.d && headlineShaped(it.text, it.words));
  const titleCaseHeads = heads.filter((h) => titleCaseRatio(h.text) >= 0.75).length;
  // next block not removed by the rules above, for every position (linear, so long inputs stay fast)
  const nextKept: (Item | undefined)[] = new Array(items.length);
  for (let i = items.length - 1, nk: Item | undefined; i >= 0; i--) {
    nextKept[i] = nk;
    if (!items[i].d || items[i].d!.kind !== 'removed') nk = items[i];
  }
  const pos = new Map(items.map((it, i) => [it, i]));
  for (const it of heads) {
    const next = nextKept[pos.get(it)!];
    const nextIsText = !!next && !headlineShaped(next.text, next.words);
    const ws = contentWords(it.text);
    const known = ws.filter((w) => docStems.has(stem(w))).length;
    const overlap = ws.length ? known / ws.length : 1;
    const novelNames = ws.slice(1).filter((w) => /^\p{Lu}/u.test(w) && !docStems.has(stem(w))).length;
    const tc = titleCaseRatio(it.text);
    const evidence: string[] = [];
    // sentence case alone marks a headline only when long: short sentence-case section headings are common
    if (tc < 0.6 && it.words >= 8) evidence.push('sentence-case headline');
    if (it.words >= 12) evidence.push(`${it.words} words, long for a section heading`);
    if (HEADLINE_VERB.test(it.text)) evidence.push('headline verb');
    if (overlap < 0.5 || novelNames >= 2) evidence.push(`off-topic (${Math.round(overlap * 100)}% of its words in the article, ${novelNames} new names)`);
    if (tc < 0.6 && titleCaseHeads >= 2) evidence.push('unlike the article\'s Title Case headings');
    if (!nextIsText) evidence.push('no text follows it');
    else {
      // a section heading announces what follows: it shares words with the next paragraphs
      const ahead = new Set<string>();
      for (let k = pos.get(it)! + 1, n = 0; k < items.length && n < 2 && k <= pos.get(it)! + 12; k++) {
        if (items[k].d?.kind === 'removed' || headlineShaped(items[k].text, items[k].words)) continue;
        for (const w of contentWords(items[k].text)) ahead.add(stem(w));
        n++;
      }
      if (ws.length && !ws.some((w) => ahead.has(stem(w)))) evidence.push('no word in common with the text that follows');
    }
    if (/\s[|–—-]\s[A-Z][\w .]{1,30}$/.test(it.text) && !/:/.test(it.text)) evidence.push('ends with a site name');
    const isTag = !!it.tag && /^h[2-4]$/.test(it.tag);
    if (opts.teasers === false) {
      if (isTag) it.d = { kind: 'heading' };
      continue;
    }
    const need = isTag ? 4 : 3;
    if (evidence.length >= need) remove(it, 'teaser-headline', `headline of another story: ${evidence.join('; ')}`);
    else if (!nextIsText && !next) remove(it, 'non-content', 'heading-like line with no text after it');
    else if (isTag || it.words <= 20) it.d = { kind: 'heading' };
  }

  // 3b. "About the author" / "About <Company>" boxes near the end (press-release boilerplate, bios)
  const ABOUT = /^(?:About|ABOUT) (?:the (?:author|authors|writer|reporter)s?|us|this (?:series|project|story)|\p{Lu}[\p{L}\d&.'’-]*(?:\s+(?:\p{Lu}|&)[\p{L}\d&.'’-]*){0,4})\s*:?$/u;
  for (let i = Math.floor(items.length * 0.5); i < items.length; i++) {
    const it = items[i];
    if (it.d?.kind === 'removed' || it.d?.kind === 'title' || !ABOUT.test(it.text)) continue;
    remove(it, 'non-content', 'about-the-author/company box');
    let j = i + 1;
    for (; j < items.length; j++) {
      const x = items[j];
      if (x.d?.kind === 'heading' || x.d?.kind === 'title') break;
      if (x.d?.kind !== 'removed') remove(x, 'non-content', 'inside an about-the-author/company box');
    }
    i = j - 1;
  }

  // 4. short runs of text inside a widget (appeal box, comment form) after the article has ended
  let ended = false;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.d?.kind === 'removed' && END_MARKERS.has(it.d.reason)) ended = true;
    if (!ended || it.d?.kind === 'removed') continue;
    let j = i;
    while (j < items.length && items[j].d?.kind !== 'removed') j++;
    const prev = items[i - 1]?.d, after = items[j]?.d;
    if (j - i <= 3 && prev?.kind === 'removed' && after?.kind === 'removed' && prev.reason === after.reason && WIDGET_REASONS.has(prev.reason)) {
      for (let k = i; k < j; k++) remove(items[k], prev.reason, `text inside a ${prev.reason} block after the article's end`);
    }
    i = j - 1;
  }

  // 5. assemble
  const paragraphs: Paragraph[] = [];
  const parts: string[] = [];
  let off = 0;
  for (const it of items) {
    const d = it.d ?? { kind: 'paragraph' as const };
    if (d.kind === 'removed') {
      removed.push({ text: it.text, reason: d.reason, ...(it.line !== undefined ? { line: it.line } : {}), rule: d.rule });
      continue;
    }
    if (d.kind === 'title') continue;
    let text = it.text;
    if (d.kind === 'paragraph') {
      text = text.replace(CITATION, (_m, marks: string) => {
        removed.push({ text: marks, reason: 'citation-marker', ...(it.line !== undefined ? { line: it.line } : {}), rule: 'inline citation marker' });
        return '';
      }).trim();
      if (!text) continue;
    }
    paragraphs.push({ kind: d.kind, text, start: off, ...(it.line !== undefined ? { line: it.line } : {}) });
    parts.push(text);
    off += text.length + 2;
  }
  return { ...(title ? { title } : {}), paragraphs, text: parts.join('\n\n'), removed };
}

/**
 * Plain text -> one block per line, with its 1-based line number. Hard-wrapped text (a paragraph
 * broken over several lines at a fixed width, as in e-mail or some text exports) is re-joined, so
 * that each paragraph is one block: a line continues the previous one when the previous line is
 * long and has no sentence-final punctuation, and either the line starts in lower case or the
 * document's long lines share one wrap width.
 */
export function textBlocks(text: string): Block[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const lens = lines.map((l) => l.trim().length).filter((n) => n >= 30).sort((a, b) => a - b);
  const median = lens.length ? lens[Math.floor(lens.length / 2)] : 0;
  const wrapped = lens.length >= 6 && median <= 100 && lens.filter((n) => Math.abs(n - median) <= 15).length >= 0.6 * lens.length && lens[lens.length - 1] <= median + 20;
  const out: Block[] = [];
  let prev: Block | undefined;
  lines.forEach((raw, i) => {
    const t = raw.trim();
    if (prev && t) {
      const p = prev.text.trim();
      const open = p.length >= 40 && !/[.!?…:]["”’)\]]*$/.test(p);
      if (open && (/^\p{Ll}/u.test(t) || (wrapped && p.length >= median - 15))) {
        prev.text = `${p} ${t}`;
        return;
      }
    }
    const b: Block = { text: raw, line: i + 1 };
    out.push(b);
    prev = t ? b : undefined;
  });
  return out;
}
