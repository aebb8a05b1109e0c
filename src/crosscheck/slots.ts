/**
 * Slot parsers: numbers (with hedges and what they count), days and dates, roles of people,
 * places, quotes and attribution, read from one analysed sentence. Hand-written patterns: the
 * hedge/role/day semantics are what conflicts are judged on, and no library models them.
 */
import type { AnalysedSentence, Token } from './nlp.js';
import { AUX, DOMAINS, DURATION_UNITS, MONTHS, REPORT_VERBS, SCALES, SMALL_NUMBERS, STATUS_GROUPS, SYNONYMS, TITLE_HEADS, WEEKDAYS } from './lexicon.js';
import type { DaySlot, Hedge, NumberSlot, PlaceSlot, QuoteSlot, RoleSlot } from './types.js';

export function fold(lemma: string): string {
  const l = lemma.toLowerCase();
  return SYNONYMS[l] ?? l;
}

/** Person key from a name: last word, lower case, accents removed, -iy/-yy/-y endings folded. */
export function personKey(name: string): string {
  const words = name.replace(/[’']s$/, '').split(/\s+/).filter(Boolean);
  const last = (words[words.length - 1] ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z-]/g, '');
  return last.replace(/(iy|yy|ii|y|i)$/, 'y');
}

// ------------------------------------------------------------------------------------ numbers

const WORDS = Object.keys(SMALL_NUMBERS).filter((w) => !['a', 'an', 'half', 'dozen'].includes(w)).join('|');
const HEDGES = 'far over|well over|just over|just under|more than|less than|fewer than|no more than|upwards of|at least|at most|up to|close to|an estimated|estimated|about|around|some|roughly|approximately|nearly|almost|over|under|below|exactly|precisely';
const NUM_RE = new RegExp(
  `(?<![\\p{L}\\d$.,])(?:(${HEDGES})\\s+)?(\\$\\s?)?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|(?:${WORDS})(?:-(?:${WORDS}))?|an?|half(?:\\s+an?)?)(?![\\p{L}\\d])(?:\\s+(hundred|thousand|million|billion|trillion|dozen)\\b)?(?:\\s*(%|per\\s?cent\\b|percent\\b))?`,
  'giu',
);

function hedgeOf(h: string | undefined): Hedge {
  if (!h) return null;
  const x = h.toLowerCase();
  if (/^(about|around|some|roughly|approximately|an estimated|estimated)$/.test(x)) return 'about';
  if (/^(far over|well over|just over|more than|over|upwards of)$/.test(x)) return 'more-than';
  if (x === 'at least') return 'at-least';
  if (/^(less than|fewer than|under|below)$/.test(x)) return 'less-than';
  if (/^(up to|at most|no more than)$/.test(x)) return 'at-most';
  if (/^(nearly|almost|close to|just under)$/.test(x)) return 'nearly';
  return 'exactly';
}

function wordValue(s: string): number {
  const x = s.toLowerCase().replace(/\s+/g, ' ');
  if (/^[\d,.]+$/.test(x)) return Number(x.replace(/,/g, ''));
  if (x.startsWith('half')) return 0.5;
  if (x === 'a' || x === 'an') return 1;
  return x.split('-').reduce((sum, w) => sum + (SMALL_NUMBERS[w] ?? 0), 0);
}

function tokenIndexAt(tokens: Token[], off: number): number {
  for (let i = 0; i < tokens.length; i++) if (tokens[i].start >= off) return i;
  return tokens.length;
}

const MONTH_RE = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$/i;

/**
 * Phrases that name what happened to a counted thing when the verb is phrasal ("came off the
 * rails", "were forced from their homes"). Short on purpose: common news events only.
 */
const EVENT_PHRASES: [RegExp, string][] = [
  [/\b(off the (track|tracks|rails|line)|left the (track|tracks|rails)|jumped the (track|tracks|rails)|derail\w*)\b/i, 'derail'],
  [/\b(evacuat\w+|forced from their homes|told to leave|ordered out)\b/i, 'evacuate'],
  [/\b(killed|died|dead|lost their lives)\b/i, 'kill'],
  [/\b(injured|wounded|hurt)\b/i, 'injure'],
];

/** Numbers in a sentence with their hedge, unit and governing verb. Offsets relative to sentence. */
export function parseNumbers(s: AnalysedSentence): NumberSlot[] {
  const out: NumberSlot[] = [];
  const text = s.text;
  const toks = s.tokens.map((t) => ({ ...t, start: t.start - s.start }));
  for (const m of text.matchAll(NUM_RE)) {
    const at = m.index!;
    const core = m[3];
    const scale = m[4];
    const pct = m[5];
    const before = text.slice(Math.max(0, at - 12), at);
    const after = text.slice(at + m[0].length);
    if (/^(a|an|half(\s+an?)?)$/i.test(core) && !scale) continue;
    if (/^(st|nd|rd|th)\b/i.test(after)) continue; // ordinal
    if (/^\s*(a\.m\.|p\.m\.|am\b|pm\b|o'clock|:\d)/i.test(after)) continue; // clock time
    if (MONTH_RE.test(before) && /^\d/.test(core)) continue; // a date ("Jan 23")
    if (/\bwar\s*$/i.test(before)) continue; // World War Two
    if (/\[\s*$/.test(before) || /\p{L}-$/u.test(before)) continue; // citation marker [8], "sub-zero"
    if (/^\d{4}$/.test(core) && !scale && !pct && +core >= 1800 && +core <= 2100) continue; // a year
    if (/[\d,]\s*$/.test(before.slice(-1)) || /^[\d]/.test(after)) continue;
    let value = wordValue(core) * (scale ? SCALES[scale.toLowerCase()] ?? (scale.toLowerCase() === 'dozen' ? 12 : 1) : 1);
    if (!Number.isFinite(value)) continue;
    const hedge = hedgeOf(m[1]);
    let unit: string | null = pct ? '%' : m[2] ? 'usd' : null;
    let duration = false;
    const endOff = at + m[0].length;
    const ti = tokenIndexAt(toks, endOff);
    let unitTok: Token | null = null;
    if (after.startsWith('-')) {
      // compound modifier: "three-hour meeting" is a duration; "27-point plan", "five-year-old" are not counts
      const w = /^-(\w+)(-old)?/.exec(after);
      const u = w ? w[1].toLowerCase().replace(/s$/, '') : '';
      if (!w || w[2] || !DURATION_UNITS.has(u)) continue;
      unit = u;
      duration = true;
    } else if (!unit) {
      for (let k = ti, seen = 0; k < toks.length && seen < 3; k++, seen++) {
        const t = toks[k];
        if (t.pos === 'NOUN') { unit = fold(t.lemma); unitTok = t; break; }
        if (t.lower === 'of') continue;
        if (t.pos !== 'ADJ' && t.pos !== 'ADV' && t.pos !== 'DET' && t.pos !== 'PROPN') break;
      }
      if (unit && DURATION_UNITS.has(unit)) {
        if (/^\s*\w+\s+(ago|old|earlier|later)\b/i.test(after)) continue; // a time reference or an age
        duration = true;
      }
    }
    if (value === 1 && !unit) continue; // "one of", pronoun "one"
    // governing verb: nearest content verb before (within 6 tokens), else after the unit
    const ni = tokenIndexAt(toks, at);
    let verb: string | null = null;
    for (let k = ni - 1; k >= 0 && k >= ni - 6; k--) {
      const t = toks[k];
      if (t.pos === 'VERB' && !AUX.has(t.lemma) && !REPORT_VERBS.has(t.lemma)) { verb = fold(t.lemma); break; }
      if (t.text === ';' || t.text === '.' ) break;
    }
    if (!verb) {
      for (let k = ti; k < toks.length && k < ti + 6; k++) {
        const t = toks[k];
        if (t.pos === 'VERB' && !AUX.has(t.lemma) && !REPORT_VERBS.has(t.lemma)) { verb = fold(t.lemma); break; }
        if (t.text === ',' || t.text === ';') break;
      }
    }
    // a phrasal event right after the counted thing ("14 cars off the track") names what happened to it
    const ev = EVENT_PHRASES.find(([re]) => re.test(text.slice(endOff, endOff + (verb ? 30 : 70))));
    if (ev) verb = ev[1];
    if (value === 0 && !unit) continue;
    let display = m[0].trim();
    if (unitTok && !pct) display = text.slice(at, unitTok.start + unitTok.text.length);
    else if (after.startsWith('-')) display = text.slice(at, endOff + (/^-\w+/.exec(after)?.[0].length ?? 0));
    out.push({ text: display, value, hedge, unit, verb, duration, at });
  }
  return out;
}

/** The interval of values a hedged number allows. */
export function numberRange(n: NumberSlot): [number, number] {
  const v = n.value;
  switch (n.hedge) {
    case 'about': return [v * 0.9, v * 1.1];
    case 'more-than': case 'at-least': return [v, Infinity];
    case 'less-than': case 'at-most': return [0, v];
    case 'nearly': return [v * 0.85, v];
    case 'exactly': return [v, v];
    default: return [v * 0.98, v * 1.02];
  }
}

export function numbersCompatible(a: NumberSlot, b: NumberSlot): boolean {
  const [a0, a1] = numberRange(a);
  const [b0, b1] = numberRange(b);
  return a0 <= b1 && b0 <= a1;
}

// ------------------------------------------------------------------------------------ days

const WD = WEEKDAYS.join('|');
const MO = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const PART = 'morning|afternoon|evening|night';
const DAY_RE = new RegExp(
  `\\b(?:(early|late|overnight|last|this|next)\\s+(?:on\\s+)?)?(?:(?:(${WD})(?:[’']s)?(?:,\\s*)?)?\\s*(?:(${MO})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?|(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MO})(?:,?\\s+(\\d{4}))?)|(${WD}))(?:[’']s)?(?:\\s+(${PART}))?\\b`,
  'gi',
);

function partHours(mod: string | undefined, part: string | undefined): [number, number] {
  const p = (part ?? '').toLowerCase();
  const m = (mod ?? '').toLowerCase();
  if (p === 'morning') return m === 'early' ? [0, 9] : [4, 12];
  if (p === 'afternoon') return [12, 18];
  if (p === 'evening') return [17, 24];
  if (p === 'night') return [18, 30];
  if (m === 'early') return [0, 10];
  if (m === 'late') return [16, 30];
  if (m === 'overnight') return [18, 32];
  return [0, 24];
}

function monthIndex(s: string): number {
  const x = s.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(x));
}

const FUTURE_RE = /\b(will|next|is set to|are set to|scheduled|is expected to|are expected to|planned|upcoming|plans to)\b/i;

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Days and dates in a sentence, resolved against the publication date when possible. */
export function parseDays(text: string, published: string | null | undefined, storyYear: number | null): DaySlot[] {
  const out: DaySlot[] = [];
  const pub = published && /^\d{4}-\d{2}-\d{2}/.test(published) ? new Date(published.slice(0, 10) + 'T00:00:00Z') : null;
  for (const m of text.matchAll(DAY_RE)) {
    const [, mod, wdA, moA, dA, yA, dB, moB, yB, wdB, part] = m;
    const preLate = /\blate\s+on\s*$/i.test(text.slice(Math.max(0, m.index! - 9), m.index!)) ? 'late' : /\bearly\s+on\s*$/i.test(text.slice(Math.max(0, m.index! - 10), m.index!)) ? 'early' : undefined;
    const modifier = mod ?? preLate;
    const wdName = (wdA ?? wdB)?.toLowerCase();
    let weekday = wdName ? WEEKDAYS.indexOf(wdName) : null;
    let date: string | null = null;
    const mo = moA ?? moB;
    if (mo) {
      const mi = monthIndex(mo);
      const day = Number(dA ?? dB);
      if (mi < 0 || day < 1 || day > 31) continue;
      const year = Number(yA ?? yB) || (pub ? pub.getUTCFullYear() : storyYear);
      if (year) {
        let d = new Date(Date.UTC(year, mi, day));
        // "December 3" in a January article is last December
        if (!(yA ?? yB) && pub && d.getTime() - pub.getTime() > 60 * 86400000) d = new Date(Date.UTC(year - 1, mi, day));
        date = isoDay(d);
        weekday = d.getUTCDay();
      } else date = `--${String(mi + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    } else if (weekday !== null && pub) {
      const pw = pub.getUTCDay();
      const future = (modifier ?? '').toLowerCase() === 'next' || FUTURE_RE.test(text);
      const delta = future ? (weekday - pw + 7) % 7 : -((pw - weekday + 7) % 7);
      date = isoDay(new Date(pub.getTime() + delta * 86400000));
    }
    const part0 = partHours(modifier, part);
    // intervals: "starting on January 23" (with "two-day") runs forward, "into January 24" reaches back
    const lead = text.slice(Math.max(0, m.index! - 16), m.index!).toLowerCase();
    const span = /\b(two|three|four|five|\d+)[- ]days?\b/i.exec(text);
    const days = span ? (wordValue(span[1]) || 2) : 2;
    if (/\b(starting|beginning|from|since)(\s+on)?\s*$/.test(lead)) part0[1] = part0[0] + 24 * days;
    else if (/\b(into|until|through|till|to)(\s+on)?\s*$/.test(lead)) part0[0] -= 24 * days;
    out.push({ text: m[0].trim(), weekday, date, part: part0, at: m.index! });
  }
  return out;
}

function absHours(d: DaySlot): [number, number] | null {
  if (!d.date || d.date.startsWith('--')) return null;
  const base = Date.parse(d.date + 'T00:00:00Z') / 3600000;
  return [base + d.part[0], base + d.part[1]];
}

/** True when the two day mentions can denote the same moment (or we cannot tell). */
export function daysCompatible(a: DaySlot, b: DaySlot): boolean {
  const A = absHours(a), B = absHours(b);
  if (A && B) return A[0] < B[1] && B[0] < A[1];
  if (a.date && b.date && a.date.slice(-5) === b.date.slice(-5)) return true;
  if (a.date?.startsWith('--') && b.date?.startsWith('--')) return a.date === b.date;
  if (a.weekday === null || b.weekday === null) return true;
  // compare on the week circle
  const wa: [number, number] = [a.weekday * 24 + a.part[0], a.weekday * 24 + a.part[1]];
  const wb: [number, number] = [b.weekday * 24 + b.part[0], b.weekday * 24 + b.part[1]];
  for (const shift of [-168, 0, 168]) if (wa[0] < wb[1] + shift && wb[0] + shift < wa[1]) return true;
  return false;
}

// ------------------------------------------------------------------------------------ roles

const isCap = (t: Token) => /^[A-Z][\p{L}'’.-]*$/u.test(t.text);
const NOT_NAME = new Set([...WEEKDAYS, ...MONTHS, 'the', 'a', 'an', 'on', 'in', 'at', 'and', 'but', 'he', 'she', 'it', 'they', 'we', 'i']);

function nameRun(toks: Token[], i: number): { name: string; end: number } | null {
  const parts: string[] = [];
  let k = i;
  while (k < toks.length && parts.length < 4 && isCap(toks[k]) && !NOT_NAME.has(toks[k].lower) && !TITLE_HEADS.has(toks[k].lower.replace(/s$/, ''))) {
    parts.push(toks[k].text);
    k++;
  }
  if (!parts.length) return null;
  return { name: parts.join(' '), end: k };
}

function parseRole(words: string[], extra = ''): { head: string; status: string[]; domains: string[] } | null {
  let head = '';
  const status = new Set<string>();
  const domains = new Set<string>();
  for (const w0 of words) {
    const w = w0.toLowerCase().replace(/[’']s$/, '');
    const base = w.replace(/s$/, '');
    if (TITLE_HEADS.has(w) || TITLE_HEADS.has(base)) head = TITLE_HEADS.has(w) ? w : base;
    const st = STATUS_GROUPS[w] ?? (w.startsWith('ex-') ? 'tenure' : w.startsWith('vice-') ? 'rank' : undefined);
    if (st) status.add(st);
    if (DOMAINS.has(w)) domains.add(w);
  }
  for (const w of extra.toLowerCase().split(/[^a-z-]+/)) if (DOMAINS.has(w)) domains.add(w);
  if (!head) return null;
  if (head === 'spokeswoman' || head === 'spokesperson' || head === 'spokespeople') head = 'spokesman';
  if (head === 'advisor') head = 'adviser';
  if (head === 'minister' && words.some((w) => w.toLowerCase() === 'prime')) head = 'prime minister';
  if (head === 'president' && words.some((w) => /^vice/i.test(w))) status.add('rank');
  return { head, status: [...status].sort(), domains: [...domains].sort() };
}

const MOD_OK = (t: Token) =>
  isCap(t) || STATUS_GROUPS[t.lower] !== undefined || DOMAINS.has(t.lower) || /^(ex|vice)-/.test(t.lower) || /^(special|senior|chief|new|top|deputy|acting|interim|former|assistant|presidential|city|county|state|regional|local|national|federal|veteran)$/.test(t.lower);

/** "former President Trump", "Fire Chief Dana Roe", "Dana Roe, the city's police chief". */
export function parseRoles(s: AnalysedSentence): RoleSlot[] {
  const out: RoleSlot[] = [];
  const toks = s.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const base = t.lower.replace(/s$/, '');
    if (!(TITLE_HEADS.has(t.lower) || TITLE_HEADS.has(base)) || t.pos === 'VERB') continue;
    // title before a name
    const run = nameRun(toks, i + 1);
    if (run && run.end > i + 1) {
      let b = i;
      while (b - 1 >= 0 && MOD_OK(toks[b - 1]) && !(b - 1 >= 0 && toks[b - 1].text.endsWith("'s"))) {
        if (i - b >= 4) break;
        b--;
      }
      // a capitalised sentence-initial word before is part of the role only if it is a modifier
      const words = toks.slice(b, i + 1).map((x) => x.text);
      // include hyphenated pieces ("ex-" tokens)
      const role = parseRole(words);
      if (role) out.push({ person: personKey(run.name), name: run.name, role: s.text.slice(toks[b].start - s.start, t.start - s.start + t.text.length), ...role });
      i = run.end - 1;
    }
  }
  // appositive: "Dana Roe, the city's police chief," / "Rustem Umerov, Secretary of the ... Council"
  const APP = /\b([A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){1,2}),\s+(?:(?:the|a|an)\s+)?(?:[\p{L}]+[’']s\s+)?((?:[\p{L}.-]+\s+){0,3}?[\p{L}-]+)((?:\s+(?:of|for|at|to)\s+(?:the\s+)?[A-Z][\p{L}'’-]*(?:\s+(?:[A-Z][\p{L}'’-]*|of|and|the|for))*)?)(?=[,.;]|\s+(?:said|says|told|who|has|had|was|is)\b)/gu;
  for (const m of s.text.matchAll(APP)) {
    const words = m[2].split(/\s+/);
    const last = words[words.length - 1].toLowerCase();
    if (!TITLE_HEADS.has(last) && !TITLE_HEADS.has(last.replace(/s$/, ''))) continue;
    const role = parseRole(words, m[3] ?? '');
    if (role) out.push({ person: personKey(m[1]), name: m[1], role: (m[2] + (m[3] ?? '')).trim(), ...role });
  }
  return out;
}

/** Two roles of one person that cannot both be true. */
export function rolesConflict(a: RoleSlot, b: RoleSlot): boolean {
  if (a.head !== b.head) return false;
  if (a.status.join() !== b.status.join()) return true;
  if (a.domains.length && b.domains.length && !a.domains.some((d) => b.domains.includes(d))) return true;
  return false;
}

// ------------------------------------------------------------------------------------ places

/** Capitalised phrases after in/at that are not places (organisations, events, time). */
const PLACE_SKIP = /^(?:[A-Z]\.?|First|Last|Next|The|This|Department|Ministry|Council|Court|Committee|Office|Police|Fire|University)\b|\b(?:Department|Ministry|Forum|Talks|Negotiations|Committee|Council|Agency|Service)$/;

/** "in Abu Dhabi", "at the Harlow Mill depot": the place and the word it attaches to. */
export function parsePlaces(s: AnalysedSentence): PlaceSlot[] {
  const out: PlaceSlot[] = [];
  const toks = s.tokens;
  for (let i = 0; i < toks.length - 1; i++) {
    const p = toks[i].lower;
    if (p !== 'in' && p !== 'at') continue;
    let k = i + 1;
    if (toks[k]?.lower === 'the') k++;
    const parts: string[] = [];
    while (k < toks.length && (isCap(toks[k]) || (parts.length && /^(of|and)$/.test(toks[k].lower) && toks[k + 1] && isCap(toks[k + 1])))) {
      if (NOT_NAME.has(toks[k].lower) && isCap(toks[k])) break;
      parts.push(toks[k].text);
      k++;
    }
    if (!parts.length || toks[k]?.text === "'s" || toks[k]?.text === '’s') continue;
    let key = '';
    let noun = '';
    for (let j = i - 1; j >= 0 && j >= i - 5; j--) {
      const t = toks[j];
      if (t.text === ',' || t.text === ';') break;
      if (t.pos === 'VERB' && !AUX.has(t.lemma) && !REPORT_VERBS.has(t.lemma)) { key = fold(t.lemma); break; }
      if (t.pos === 'NOUN' && !noun) noun = fold(t.lemma);
    }
    key ||= noun;
    if (PLACE_SKIP.test(parts.join(' '))) continue;
    out.push({ prep: p as 'in' | 'at', place: parts.join(' '), key, at: toks[i].start - s.start });
  }
  return out;
}

// ------------------------------------------------------------------------------------ attribution

const ACCORDING = /\baccording to ([^,.;“”"]+)/i;
const GROUP_SAY = /\b((?:[A-Z][\p{L}.'’-]*\s+){0,3}(?:officials|sources|media(?:\s+reports)?|reports|police|authorities|witnesses|residents|analysts|commentators|insiders|experts|investigators|spokesman|spokeswoman|officers|agency|ministry)(?:\s+in\s+[A-Z][\p{L}]+)?)\s+(?:say|says|said|told|reported|report|confirmed|estimated|believe|warned)\b/iu;

/** Who a sentence attributes its content to, or null. */
export function parseAttribution(s: AnalysedSentence, quotes: QuoteSlot[]): string | null {
  const acc = ACCORDING.exec(s.text);
  if (acc) return 'according to ' + acc[1].trim();
  const g = /\b(?:say|says|said|told|reported|report|confirmed|estimated|believe|warned)\b/.test(s.text) ? GROUP_SAY.exec(s.text) : null;
  if (g) return g[0].trim();
  const q = quotes.find((x) => x.speakerText);
  if (q) return q.speakerText;
  const toks = s.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.pos === 'VERB' && REPORT_VERBS.has(t.lemma)) {
      const from = Math.max(0, i - 4);
      return s.text.slice(toks[from].start - s.start, t.start - s.start + t.text.length).replace(/^[^\p{L}]+/u, '');
    }
  }
  return null;
}

// ------------------------------------------------------------------------------------ quotes

const QUOTE_RE = /[“"]([^”"]{3,}?)[”"]/g;
const CUE = '(?:said|says|added|told(?:\\s+\\w+)?|stated|warned|insisted|noted|explained|argued|declared|wrote|asked|replied|stressed|continued)';
const AFTER_SPEAKER = new RegExp(`^[,.!?]?\\s*(?:(he|she|they)|((?:[A-Z][\\p{L}.'’-]*\\s+){0,4}[A-Z][\\p{L}'’-]+))\\s+${CUE}\\b`, 'u');
const AFTER_CUE = new RegExp(`^[,.!?]?\\s*${CUE}\\s+((?:[A-Za-z.'’-]+\\s+){0,4}?[A-Z][\\p{L}'’-]+(?:\\s+[A-Z][\\p{L}'’-]+)*)`, 'u');
const BEFORE = new RegExp(`(?:\\b(he|she|they)|([A-Z][\\p{L}'’-]+(?:\\s+[A-Z][\\p{L}'’-]+){0,2}))\\s+(?:${CUE}|called\\s+[^“"]*|described\\s+[^“"]*)(?:,\\s*(?:however|then|later|also|too))?[:,]?\\s*$`, 'iu');

/** Direct and partial quotes in a paragraph, with the speaker as written (pronouns unresolved). */
export function parseQuotes(paragraph: string): { text: string; at: number; end: number; speakerText: string | null; pronoun: boolean; kind: 'direct' | 'partial' }[] {
  const out: { text: string; at: number; end: number; speakerText: string | null; pronoun: boolean; kind: 'direct' | 'partial' }[] = [];
  for (const m of paragraph.matchAll(QUOTE_RE)) {
    const text = m[1].trim().replace(/[,.]$/, '');
    const words = text.split(/\s+/).length;
    if (words < 2) continue;
    const after = paragraph.slice(m.index! + m[0].length, m.index! + m[0].length + 120);
    const sentStart = Math.max(paragraph.lastIndexOf('. ', m.index!) + 1, 0);
    const before = paragraph.slice(sentStart, m.index!);
    let speakerText: string | null = null;
    let pronoun = false;
    const a = AFTER_SPEAKER.exec(after);
    const c = AFTER_CUE.exec(after);
    const b = BEFORE.exec(before);
    const acc = /according to ([^,.;“”"]+)/u.exec(after) ?? /according to ([^,.;“”"]+)/u.exec(before);
    if (a) { speakerText = a[1] ?? a[2]; pronoun = !!a[1]; }
    else if (c) speakerText = c[1];
    else if (b) { speakerText = b[1] ?? b[2]; pronoun = !!b[1]; }
    else if (acc) speakerText = acc[1];
    else if (/^[,.]?\s*(?:he|she)\s+(?:said|added)/i.test(after)) { pronoun = true; speakerText = after.trim().split(/\s+/)[0].replace(/^[,.]/, ''); }
    const isDirect = words >= 5 && (/[,.!?]$/.test(m[1].trim()) || /^[,.!?]/.test(after) || before.trim() === '' || /:\s*$/.test(before));
    out.push({ text, at: m.index!, end: m.index! + m[0].length, speakerText: speakerText?.trim() ?? null, pronoun, kind: isDirect ? 'direct' : 'partial' });
  }
  return out;
}
