/**
 * Metadata detection: title, outlet, url, byline, dateline, wire, publication date and language
 * of one article, from (in order of trust) the record / feed item, the HTML page's own metadata,
 * the URL, and wording in the text. `fieldSources` records where each field came from.
 *
 * It works from the raw text's top and bottom lines as well as from what the clean stage kept
 * and removed, so it does not depend on exactly what clean removed. The patterns (byline,
 * dateline, credit and disclaimer lines) are news-style conventions no library covers; dates are
 * parsed by chrono-node and languages identified by franc-min.
 */
import type { ArticleMetadata, CleanDoc, Dateline, FieldSource, RawDoc, RemovedPiece } from '../types.js';
import { dateFromUrl, monthIndex, normaliseDate, parseDateLine, resolveMonthDay } from './dates.js';
import { readHtmlMeta, type HtmlMeta } from './htmlmeta.js';
import { detectLanguage, normaliseLanguage } from './language.js';
import { canonicalWire, outletFromUrl, WIRE_PATTERN } from './outlets.js';

// ------------------------------------------------------------------------------------------ dateline

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE = `(?:(${MONTH})\\s+(\\d{1,2})|(\\d{1,2})\\s+(${MONTH}))(?:,?\\s+((?:19|20)\\d{2}))?`;
const CAPS_WORD = "[A-Z][A-Z'’.\\-]*[A-Z.]";
const WIRE_PAREN = `\\(\\s*(${WIRE_PATTERN})\\s*\\)`; // also tokenised "( Reuters )"
/** Another agency's credit after a date: "CASTEL ROSSO, Aug 15 (Tyrrhenian Press) —". */
const CREDIT_PAREN = "\\(\\s*([A-Z][A-Za-z.&'’\\-]*(?:\\s+[A-Z][A-Za-z.&'’\\-]*){0,3})\\s*\\)";
const DASH = '\\.?\\s*(?:[-–—]{1,2}|:)\\s*'; // also EFE-style ").-"


/** "MOSCOW, Jan 23 (Reuters) –", "KYIV, Ukraine (AP) —", "NEW DELHI:", "WASHINGTON —". */
const CAPS_DATELINE = new RegExp(
  `^(${CAPS_WORD}(?:(?:\\s+|\\s*/\\s*)${CAPS_WORD}){0,3})` + // place(s), in capitals ("WASHINGTON/MOSCOW")
    `(?:,\\s*(?!${MONTH}\\s+\\d)([A-Z][A-Za-z'’.\\-]*(?:\\s+[A-Z][A-Za-z'’.\\-]*){0,2}))?` + // region ("Ukraine", "Calif.")
    `(?:,\\s*${DATE})?` +
    `\\s*(?:${WIRE_PAREN}|${CREDIT_PAREN})?` +
    `(${DASH})`,
);
/** AFP style, place in title case but a wire in brackets: "Moscow (AFP) -". */
const WIRE_DATELINE = new RegExp(`^([A-Z][\\p{L}'’.\\-]+(?:\\s+[A-Z][\\p{L}'’.\\-]+){0,2})(?:,\\s*${DATE})?\\s*${WIRE_PAREN}(${DASH})`, 'u');
/** Wire only: "(Reuters) - ". */
const BARE_WIRE = new RegExp(`^${WIRE_PAREN}${DASH}`);

/** Capitalised words that open a line but are not places. */
const NOT_PLACES = new Set(
  'DEAR PUBLISHED POSTED BY PHOTO SOURCE CREDIT CREDITS DATE TAGS TOPICS RELATED MORE BREAKING UPDATE UPDATED EXCLUSIVE WATCH LIVE VIDEO PHOTOS PHOTO ANALYSIS OPINION EDITORIAL FILE NOTE CORRECTION FACTBOX EXPLAINER REFILE ADVISORY WARNING READ ALSO SEE NATO EU UN US U.S. UK FBI CIA IMF WHO OPEC ASEAN BRICS G7 G20 AI CEO TV FAQ Q A'.split(' '),
);

function titleCase(s: string): string {
  return s
    .toLowerCase()
    .replace(/(^|[\s\-'’./])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase())
    .replace(/\bOf\b|\bDe\b|\bLa\b|\bDel\b/g, (w) => w.toLowerCase());
}

/**
 * Finds a dateline at the start of `text` and returns it with the rest of the text. The date
 * ("Jan 23") gets its year from `opts.published` (or from the dateline itself when written).
 */
export function splitDateline(text: string, opts: { published?: string } = {}): { dateline: Dateline | null; rest: string } {
  const lead = text.length - text.trimStart().length;
  const s = text.slice(lead, lead + 300);
  let m: RegExpExecArray | null;
  let place: string | undefined;
  let region: string | undefined;
  let dateParts: (string | undefined)[] = [];
  let wire: string | undefined;
  let len = 0;
  if ((m = CAPS_DATELINE.exec(s))) {
    const words = m[1].split(/\s+|\s*\/\s*/);
    const hasDate = !!(m[3] || m[5]);
    // a credit that is no known wire counts only after a date
    const credit = m[9] && hasDate ? m[9] : undefined;
    const hasWire = !!m[8] || !!credit;
    const dash = m[10].trim().replace(/^\./, '');
    const isStop = words.every((w) => NOT_PLACES.has(w.replace(/[:]$/, ''))) || NOT_PLACES.has(words[0]);
    const lettersOnly = m[1].replace(/[^A-Z]/g, '');
    // A bare "WORD:" or "WORD —" is a dateline only when it looks like a place name, not an acronym.
    const ok = !isStop && lettersOnly.length >= 3 && (hasDate || hasWire || ((dash === '—' || dash === '–' || dash === '-' || dash === ':' || dash === '--') && lettersOnly.length >= 4));
    // Something must follow (the sentence), and it must not be a heading in capitals itself.
    const after = s.slice(m[0].length);
    if (ok && (!m[9] || credit) && /^\S/.test(after) && !/^[A-Z\s]{12,}$/.test(after.slice(0, 20))) {
      place = titleCase(m[1]);
      region = m[2];
      dateParts = m.slice(3, 8);
      wire = m[8] ?? credit;
      len = m[0].length;
    }
  }
  if (!len && (m = WIRE_DATELINE.exec(s))) {
    place = m[1];
    dateParts = m.slice(2, 7);
    wire = m[7];
    len = m[0].length;
  }
  if (!len && (m = BARE_WIRE.exec(s))) {
    wire = m[1];
    len = m[0].length;
  }
  if (!len) return { dateline: null, rest: text };
  const dl: Dateline = { text: s.slice(0, len).trim() };
  if (place) dl.place = region ? `${place}, ${region}` : place;
  const [mon1, day1, day2, mon2, year] = dateParts;
  const mon = mon1 ?? mon2;
  const day = day1 ?? day2;
  if (mon && day) {
    const mi = monthIndex(mon);
    if (mi) {
      const d = year ? normaliseDate(`${year}-${String(mi).padStart(2, '0')}-${day.padStart(2, '0')}`) : resolveMonthDay(mi, Number(day), opts.published);
      if (d) dl.date = d.slice(0, 10);
    }
  }
  if (wire) dl.wire = canonicalWire(wire) ?? wire;
  return { dateline: dl, rest: text.slice(lead + len) };
}

// ------------------------------------------------------------------------------------------ byline

const NAME_TOKEN = "(?:\\p{Lu}[\\p{L}\\p{M}'’\\-]*\\.?|\\p{Lu}\\.)";
const PARTICLE = "(?:de|da|di|do|dos|du|van|von|der|den|del|della|la|le|bin|ibn|al|el|ter|ten|y|St\\.)";
const NAME = new RegExp(`^${NAME_TOKEN}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_TOKEN}){1,4}$`, 'u');
const ROLE = /^(?:(?:our|the|staff|senior|chief|special|political|foreign|diplomatic|security|defen[cs]e|economics|world|news|guest|contributing)\s+)*(?:writers?|reporters?|correspondents?|editors?|columnists?|contributors?|bureau(?:\s+chief)?|desk|team|staff)$/i;
const NOT_NAME_WORDS = /\b(?:Updated|Published|Posted|Min(?:ute)?s?|Read|Share|Comments?|Follow|Subscribe|Photo|Video|Image|Getty|January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|Of|For|On|With|After|Before|During|Friday)\b/;

function tidyName(n: string): string {
  const t = n.replace(/\s+/g, ' ').trim();
  return /\p{Ll}/u.test(t) ? t : titleCase(t);
}

export interface Byline {
  names: string[];
  wire?: string;
}

/**
 * Parses a byline: "By A and B", "By A, B and C", "A and B | Reuters", "By Reuters Staff",
 * "By A, Staff Writer". Null when the line is not a byline (for example "By Friday, the talks...").
 */
export function parseByline(line: string, requireBy = true): Byline | null {
  let s = line.replace(/\s+/g, ' ').trim();
  if (s.length > 160) return null;
  const by = /^(?:by|written by|words by|story by|text by)\s*:?\s+/i.exec(s);
  if (by) s = s.slice(by[0].length);
  else if (requireBy) return null;
  // Cut what follows the names: dates, "Updated ...", reading time, bullets.
  s = s.split(/\s+[•·]\s+|\s{2,}|\s+(?:Updated|Published|Posted|Last updated)\b|\s+\d{1,2}\s+min(?:ute)?s?\s+read\b/i)[0].trim();
  let wire: string | undefined;
  const w = new RegExp(`^(.*?)(?:\\s*[|,–—\\-]\\s*|\\s+(?:for|of)\\s+)?\\(?(${WIRE_PATTERN})\\)?(?:\\s+(?:staff|reporters?|correspondents?|news))?\\s*$`, 'i').exec(s);
  if (w && canonicalWire(w[2])) {
    wire = canonicalWire(w[2])!;
    s = w[1].trim();
  }
  s = s.replace(/\s+in\s+\p{Lu}[\p{L}\s.]*$/u, '').replace(/[,;|\-–—]+$/, '').trim();
  if (!s) return wire && (by || !requireBy) ? { names: [], wire } : null;
  const parts = s
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*\|\s*/i)
    .map((p) => p.trim())
    .filter(Boolean)
    .filter((p) => !ROLE.test(p) && !INSTITUTION.test(p));
  if (!parts.length) return wire ? { names: [], wire } : null;
  for (const p of parts) if (!NAME.test(p) || NOT_NAME_WORDS.test(p) || p.length > 60) return null;
  return { names: parts.map(tidyName), wire };
}

/** Words that make an author string an institution or a role, not a person. */
const INSTITUTION = /\b(?:Staff|Reports?|Bureau|Desk|Team|Editorial|Newsroom|Agenc(?:y|ies)|Sports?|News|Media|Online|Digital|Admin|Editors?|Writers?|Reporters?|Correspondents?|Contributors?|Platform|Blog|Magazine|Ministr(?:y|ies)|Services?)\b/i;
const DAY_OR_MONTH = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)';

/**
 * Person names from author strings as pages and Readability give them ("by Jane Doe — March 3",
 * "Tom Krisher; AP Auto Writer", "Jane Doe, Example.com", "Text: Jane Doe"). With `strict`, parts
 * that are not person names are dropped (page metadata is noisy); without it (a record or feed
 * the user gave) an unparsable string is kept as written.
 */
function authorNames(a: string | string[] | undefined, strict: boolean, outlet?: string): string[] {
  if (!a) return [];
  const list = Array.isArray(a) ? a : [a];
  const out: string[] = [];
  for (const item of list) {
    let s = item.replace(/\s+/g, ' ').trim();
    if (!s || /^https?:\/\//i.test(s) || /@/.test(s)) continue;
    s = s
      .replace(new RegExp(`(?<=\\p{Ll})(?=${DAY_OR_MONTH}\\b)`, 'u'), ' — ') // "Jeff FoustMonday, ..." (glued by scraping)
      .replace(/(?<=\p{Ll})(?=\d+\s*min(?:ute)?s?\s*read)/iu, ' — ')
      .replace(/^(?:by|par|por|von|di|door|text|texte|words|author|autor|auteur|текст|автор)\s*:?\s+/iu, '')
      .split(/\s+[—–-]\s+|\s+[•·]\s+|\s{2,}/)[0];
    const b = parseByline(s, false);
    if (b && b.names.length) {
      out.push(...b.names);
      continue;
    }
    const parts = s.split(/\s*[;,|]\s*|\s+and\s+|\s*&\s*/).map((p) => p.trim()).filter(Boolean);
    const names = parts.filter(
      (p) =>
        NAME.test(p) &&
        !NOT_NAME_WORDS.test(p) &&
        !INSTITUTION.test(p) &&
        !canonicalWire(p) &&
        !/\.(?:com|org|net|co|uk|in)\b/i.test(p) &&
        !(outlet && p.toLowerCase() === outlet.toLowerCase()),
    );
    if (names.length) out.push(...names.map(tidyName));
    else if (!strict) out.push(item.trim());
  }
  return [...new Set(out)];
}

// ------------------------------------------------------------------------------------------ lines

interface Line {
  text: string;
  reason?: RemovedPiece['reason'];
}

function nonEmptyLines(text: string): string[] {
  const out: string[] = [];
  for (const l of text.split(/\r?\n/)) {
    const t = l.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
  }
  return out;
}

/** Top and bottom lines of the input as written, plus what clean removed. */
function gatherLines(raw: RawDoc, clean: CleanDoc): { top: Line[]; bottom: Line[]; removed: Line[] } {
  const removed: Line[] = clean.removed.map((r) => ({ text: r.text.replace(/\s+/g, ' ').trim(), reason: r.reason }));
  if (raw.body.kind === 'text') {
    const lines = nonEmptyLines(raw.body.text.slice(0, 200_000));
    return {
      top: lines.slice(0, 40).map((text) => ({ text })),
      bottom: lines.slice(Math.max(0, lines.length - 60)).map((text) => ({ text })),
      removed,
    };
  }
  const paras = clean.paragraphs.map((p) => ({ text: p.text }));
  return {
    top: [...removed.filter((r) => r.reason === 'byline' || r.reason === 'date-line' || r.reason === 'dateline'), ...paras.slice(0, 6)],
    bottom: paras.slice(Math.max(0, paras.length - 12)),
    removed,
  };
}

// ------------------------------------------------------------------------------------------ title

const UI_WORDS = /\b(?:subscribe|sign (?:up|in)|log ?in|newsletter|advertisement|sponsored|follow us|share (?:this|on)|text size|cookie|preferred source|support our|read more|also read|read also|home\b|menu|search|skip to|click here|download (?:the|our) app|trending|most popular|breaking news)\b/i;

function headlineLike(t: string): boolean {
  if (t.length < 12 || t.length > 220) return false;
  const words = t.split(/\s+/);
  if (words.length < 3 || words.length > 30) return false;
  if (/[.,;:]$/.test(t) || /(?:\.\.\.|…)$/.test(t)) return false;
  if (UI_WORDS.test(t) || /^https?:\/\//.test(t) || parseDateLine(t) || parseByline(t)) return false;
  if (!/^[\p{Lu}\p{N}"“‘']/u.test(t)) return false;
  return true;
}

/** A line of running text: a sentence of 8+ words ending in a full stop (or a long paragraph). */
function bodyLike(t: string): boolean {
  const words = t.split(/\s+/).length;
  return (words >= 8 && /[.!"”’]$/.test(t)) || (t.length > 120 && /[.!?"”’]$/.test(t));
}

/** The headline of a plain-text page when clean found none: the line above the byline, or the first headline-like line before the body starts. */
function titleFromLines(lines: string[], bylineIdx: number): string | undefined {
  if (bylineIdx > 0) {
    for (let i = bylineIdx - 1; i >= Math.max(0, bylineIdx - 4); i--) {
      const t = lines[i];
      if (t.split(/\s+/).length <= 3 || /:$/.test(t)) continue;
      if (headlineLike(t)) return t;
      break;
    }
  }
  for (const t of lines.slice(0, 15)) {
    if (bodyLike(t)) return undefined;
    if (headlineLike(t)) return t;
  }
  return undefined;
}

/** "Headline - Outlet" / "Headline | Outlet" titles lose the outlet suffix. */
function stripSiteSuffix(title: string, site: string | undefined): string {
  const m = /^(.{12,}?)\s+[|\-–—:]\s+([^|\-–—]{2,60})$/.exec(title);
  if (!m) return title;
  const suffix = m[2].trim().toLowerCase();
  if (site && (suffix === site.toLowerCase() || suffix.includes(site.toLowerCase()) || site.toLowerCase().includes(suffix))) return m[1].trim();
  return title;
}

// ------------------------------------------------------------------------------------------ outlet & wire wording

const NAME_WORDS = "(?:The\\s+)?[A-Z][\\p{L}\\p{N}.&'’\\-]*(?:\\s+(?:of\\s+|and\\s+|&\\s+)?[A-Z][\\p{L}\\p{N}.&'’\\-]*){0,4}";
const DISCLAIMER_OUTLET = new RegExp(`(${NAME_WORDS})\\s+(?:holds|takes|bears|accepts|assumes|has)\\s+no\\s+(?:responsibility|liability)`, 'u');
const COPYRIGHT = new RegExp(`(?:©|\\(c\\)|Copyright|COPYRIGHT)\\s*(?:©\\s*)?(?:(?:19|20)\\d{2}(?:\\s*[-–]\\s*(?:19|20)\\d{2})?\\s*,?\\s*)?(?:by\\s+)?(${NAME_WORDS})`, 'u');
const WIRE_SOURCE_LINES: RegExp[] = [
  new RegExp(`(?:auto[-\\s]?generated|published|sourced|taken|distributed|syndicated)\\s+(?:from|via|through|by)\\s+(?:an?\\s+|the\\s+)?(?:syndicated\\s+)?(${WIRE_PATTERN})(?:\\s+news)?(?:\\s+(?:service|feed|wire|agency))?`, 'i'),
  new RegExp(`\\(?\\s*with\\s+inputs?\\s+from\\s+(${WIRE_PATTERN})`, 'i'),
  new RegExp(`(${WIRE_PATTERN})\\s+(?:writers?|reporters?|correspondents?)\\s+.*\\bcontributed\\b`, 'i'),
  new RegExp(`^[-–—]+\\s*(${WIRE_PATTERN})\\s*$`),
];
/** Reuters' house credit line: "(Reporting by ...; Editing by ...)". */
const REUTERS_CREDITS = /^\(\s*(?:Additional\s+)?Reporting\s+by\b[^)]*(?:[;,]\s*(?:additional\s+reporting|writing|editing)\s+by\b)/i;

function wireFromLine(t: string): string | null {
  for (const re of WIRE_SOURCE_LINES) {
    const m = re.exec(t);
    if (m) return canonicalWire(m[1]);
  }
  const c = COPYRIGHT.exec(t);
  if (c) {
    const w = canonicalWire(cleanHolder(c[1]) ?? '');
    if (w) return w;
  }
  if (REUTERS_CREDITS.test(t)) return 'Reuters';
  return null;
}

function cleanHolder(s: string): string | null {
  const t = s
    .replace(/[.,;:]?\s+All(?:\s+rights?(?:\s+reserved)?)?\b.*$/i, '')
    .replace(/[.,;:]+$/, '')
    .replace(/\s+(?:Ltd|Limited|Inc|LLC|Corp|Corporation|Group|Media|Plc|PLC|GmbH)\.?$/, '')
    .trim();
  if (!t || t.length < 2 || /^(?:The|This|All|Rights|Reserved|Disclaimer|Copyright)$/i.test(t)) return null;
  return t;
}

function outletFromLine(t: string): string | null {
  const d = DISCLAIMER_OUTLET.exec(t);
  if (d) {
    const name = cleanHolder(d[1].replace(/^(?:Disclaimer|Note)\s*:?\s*/i, ''));
    if (name && !canonicalWire(name) && !/^(?:We|It|He|She|They|This|The Author|Author)$/i.test(name)) return name;
  }
  // A copyright notice names the publisher only when it is a notice line of its own, not a photo credit.
  const c = COPYRIGHT.exec(t);
  if (c && t.length < 160 && (/^(?:©|\(c\)|copyright)/i.test(t) || /all rights reserved/i.test(t)) && !PHOTO_CREDIT.test(t)) {
    const name = cleanHolder(c[1]);
    if (name && !canonicalWire(name)) return name;
  }
  return null;
}

const PHOTO_CREDIT = /\b(?:photos?|images?|pictures?|pic|illustration|video|getty|shutterstock|alamy|epa|afp|reuters|ap photo|file)\b|\//i;

// ------------------------------------------------------------------------------------------ main

/**
 * A line that is only a URL (some corpora start each document with its source), also in the
 * tokenised form "http : / / www . example . com / a - b" (URLs hold no spaces, so they are removed).
 */
function urlLine(t: string): string | null {
  if (/^https?:\/\/\S+$/i.test(t)) return t;
  if (/^https?\s*:\s*\/\s*\/\s*\S/i.test(t) && t.length < 400) {
    const u = t.replace(/\s+/g, '');
    try {
      new URL(u);
      return u;
    } catch {
      return null;
    }
  }
  return null;
}

function set<K extends keyof ArticleMetadata['fieldSources']>(m: ArticleMetadata, field: K, value: ArticleMetadata[K] | null | undefined, source: FieldSource): boolean {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return false;
  if (m[field] !== undefined && !(Array.isArray(m[field]) && (m[field] as unknown[]).length === 0)) return false;
  (m as unknown as Record<string, unknown>)[field] = value;
  m.fieldSources[field] = source;
  return true;
}

function htmlMetaOf(raw: RawDoc, clean: CleanDoc): HtmlMeta | null {
  if (raw.body.kind !== 'html') return null;
  const theirs = clean.htmlMeta;
  if (!theirs) return readHtmlMeta(raw.body.html);
  const theirAuthors = theirs.author ? (Array.isArray(theirs.author) ? theirs.author : [theirs.author]) : [];
  // The clean stage already read the page's metadata; parse the head again only to fill gaps.
  const complete = theirs.title && (theirs.siteName ?? theirs.outlet) && theirs.published && theirAuthors.length && theirs.url;
  const mine: HtmlMeta = complete ? { authors: [] } : readHtmlMeta(raw.body.html);
  return {
    title: theirs.title ?? mine.title,
    siteName: theirs.siteName ?? theirs.outlet ?? mine.siteName,
    url: theirs.url ?? mine.url,
    published: theirs.published ?? mine.published,
    authors: theirAuthors.length ? theirAuthors : mine.authors,
    language: theirs.language ?? mine.language,
    description: theirs.description ?? mine.description,
  };
}

/** Detects the article's metadata. Pure and total: never throws on odd input. */
export function detectMetadata(raw: RawDoc, clean: CleanDoc): ArticleMetadata {
  const m: ArticleMetadata = { byline: [], language: 'und', fieldSources: {} };
  const g = raw.given;
  const fromFeed = raw.format === 'rss' || raw.format === 'atom';
  const html = htmlMetaOf(raw, clean);
  const { top, bottom, removed } = gatherLines(raw, clean);
  const rawLines = raw.body.kind === 'text' ? nonEmptyLines(raw.body.text.slice(0, 20_000)).slice(0, 40) : [];

  // url ---------------------------------------------------------------------------------
  set(m, 'url', g.url, 'record');
  set(m, 'url', html?.url && /^https?:\/\//i.test(html.url) ? html.url : undefined, 'html-meta');
  const firstLine = top[0]?.text;
  if (firstLine) set(m, 'url', urlLine(firstLine), 'text');

  // byline ------------------------------------------------------------------------------
  let bylineWire: string | undefined;
  let bylineWireSource: FieldSource = 'text';
  let bylineIdx = -1;
  set(m, 'byline', authorNames(g.author, false), 'record');
  if (html?.authors.length) {
    const names: string[] = [];
    for (const a of html.authors) {
      const w = canonicalWire(a);
      if (w && !bylineWire) {
        bylineWire = w;
        bylineWireSource = 'html-meta';
      }
      else names.push(...authorNames(a, true, html.siteName));
    }
    set(m, 'byline', [...new Set(names)], 'html-meta');
  }
  const bylineCandidates: Line[] = [...removed.filter((r) => r.reason === 'byline'), ...top];
  for (const l of bylineCandidates) {
    const b = parseByline(l.text) ?? (l.reason === 'byline' || /\|/.test(l.text) ? parseByline(l.text, false) : null);
    if (!b || (!b.names.length && !b.wire)) continue;
    if (!b.wire && !/^(?:by|written by|words by|story by|text by)\b/i.test(l.text) && l.reason !== 'byline') continue;
    if (b.names.length) set(m, 'byline', b.names, 'text');
    if (b.wire) bylineWire ??= b.wire;
    bylineIdx = rawLines.indexOf(l.text);
    break;
  }

  // published (first pass: explicit sources) ----------------------------------------------
  set(m, 'published', normaliseDate(g.published), 'record');
  set(m, 'published', normaliseDate(html?.published), 'html-meta');
  if (m.url) set(m, 'published', dateFromUrl(m.url), 'url');
  let dateLine: string | null = null;
  {
    let updated: string | null = null;
    const cands: Line[] = [...removed.filter((r) => r.reason === 'date-line'), ...top];
    for (const l of cands) {
      const d = parseDateLine(l.text);
      if (!d) continue;
      if (d.kind === 'published') {
        dateLine = d.date;
        break;
      }
      updated ??= d.date;
    }
    dateLine ??= updated;
    set(m, 'published', dateLine, 'text');
  }

  // dateline ------------------------------------------------------------------------------
  const ref = m.published ?? dateLine ?? undefined;
  const dlCandidates: string[] = [
    ...removed.filter((r) => r.reason === 'dateline').map((r) => r.text),
    ...clean.paragraphs.slice(0, 3).map((p) => p.text),
    ...top.map((l) => l.text),
  ];
  for (const t of dlCandidates) {
    const { dateline } = splitDateline(t, { published: ref });
    if (dateline) {
      m.dateline = dateline;
      m.fieldSources.dateline = 'text';
      break;
    }
  }
  if (m.dateline?.date && !m.published) set(m, 'published', m.dateline.date, 'text');

  // wire ------------------------------------------------------------------------------------
  if (m.dateline?.wire) set(m, 'wire', m.dateline.wire, 'inferred');
  if (bylineWire) set(m, 'wire', bylineWire, bylineWireSource);
  if (!m.wire) {
    for (const l of [...removed, ...bottom]) {
      const w = wireFromLine(l.text);
      if (w) {
        set(m, 'wire', w, 'text');
        break;
      }
    }
  }

  // outlet ------------------------------------------------------------------------------------
  set(m, 'outlet', g.outlet, fromFeed ? 'feed' : 'record');
  // "LinkName | tagline" site names keep the name only.
  set(m, 'outlet', html?.siteName?.split(/\s+[|–—-]\s+/)[0].trim(), 'html-meta');
  if (m.url) set(m, 'outlet', outletFromUrl(m.url), 'url');
  if (!m.outlet) {
    const lines = [...removed, ...bottom];
    // The disclaimer wording names the publisher most reliably; copyright lines next.
    for (const l of lines) {
      const d = DISCLAIMER_OUTLET.exec(l.text) ? outletFromLine(l.text) : null;
      if (d && set(m, 'outlet', d, 'text')) break;
    }
    if (!m.outlet) for (const l of lines) if (set(m, 'outlet', outletFromLine(l.text), 'text')) break;
  }
  if (!m.wire && m.outlet && canonicalWire(m.outlet)) set(m, 'wire', canonicalWire(m.outlet), 'inferred');

  // title --------------------------------------------------------------------------------------
  set(m, 'title', g.title, 'record');
  if (html?.title) set(m, 'title', stripSiteSuffix(html.title, html.siteName ?? m.outlet), 'html-meta');
  const cleanTitle = clean.title?.replace(/\s+/g, ' ').trim();
  if (cleanTitle && !urlLine(cleanTitle)) set(m, 'title', cleanTitle, 'text');
  if (!m.title && rawLines.length) set(m, 'title', titleFromLines(rawLines, bylineIdx), 'text');

  // language -----------------------------------------------------------------------------------
  const givenLang = normaliseLanguage(g.language);
  const detected = detectLanguage(clean.text);
  if (detected !== 'und') {
    m.language = detected;
    m.fieldSources.language = 'inferred';
  } else if (givenLang) {
    m.language = givenLang;
    m.fieldSources.language = 'record';
  } else if (html?.language && normaliseLanguage(html.language)) {
    m.language = normaliseLanguage(html.language)!;
    m.fieldSources.language = 'html-meta';
  } else {
    m.language = 'und';
    m.fieldSources.language = 'inferred';
  }
  return m;
}
