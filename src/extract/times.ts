/**
 * Time expressions resolved against the article's anchor date (publication date, dateline date,
 * or the story's date), with precision and the event they date.
 *
 * chrono-node finds the expressions; we re-resolve what news copy needs differently from chrono's
 * defaults (weekdays: the most recent one unless the sentence looks forward; "this week" as an
 * interval; "last year's" as a year; "early December" as a month) and add what chrono does not
 * parse (bare years "since 2014", seasons "last summer", "into January 24" closing an interval,
 * "a two-day meeting starting on ...").
 */
import * as chrono from 'chrono-node';
import type { DatePrecision, TimeMention } from './types.js';
import { sentenceAt, type Analysis, type Token } from './nlp.js';

export interface Anchor {
  /** YYYY-MM-DD */
  date: string | null;
  kind: TimeMention['anchor'];
}

const EVENT_NOUNS = new Set(
  'meeting meetings talks summit negotiations visit call election elections attack attacks strike strikes vote deal agreement conference forum session sessions ceasefire war conflict invasion protest protests fire flood storm earthquake crash collision launch opening ceremony match game final trial hearing ruling verdict referendum announcement speech interview discussion discussions round festival concert exhibition inquiry inspection hearing meet rally march parade auction sale closure shutdown outage blackout evacuation explosion shooting derailment'.split(' '),
);
/** Length bounds of the event nouns: most tokens fall outside and skip the lower-casing. */
const EVENT_MIN = Math.min(...[...EVENT_NOUNS].map((w) => w.length));
const EVENT_MAX = Math.max(...[...EVENT_NOUNS].map((w) => w.length));
// The present tense of scheduling verbs reads forward in news copy ("the levy takes effect on
// July 1", "the trial opens on Monday"): past events are told in the past tense.
const FUTURE = /\b(?:will|would|is set (?:to|for)|are set (?:to|for)|set to|scheduled|expected|expects?|expecting|hope[sd]? to|aim(?:s|ed)? to|intend(?:s|ed)? to|next|upcoming|due|plans? to|planned|is to|are to|until|from|takes? effect|comes? into (?:force|effect)|(?:opens|begins|starts|ends|expires|closes|resumes|reopens|reports|publishes|releases|unveils|hosts|holds|faces|visits))\b/i;
/** chrono's casual English parser without the parsers news copy does not need (clock times, ISO and
 *  slash dates, "within 3 days" / "3 days later" durations): about a third faster. */
const KEEP_PARSERS = new Set(['ENMonthNameLittleEndianParser', 'ENMonthNameMiddleEndianParser', 'ENWeekdayParser', 'ENTimeUnitAgoFormatParser', 'ENYearMonthNameParser', 'ENCasualDateParser', 'ENCasualTimeParser', 'ENEndOfCurrentMonthParser', 'ENMonthNameParser', 'ENRelativeDateFormatParser']);
/** A word each kept parser's pattern cannot match without (case-insensitive, as chrono's own
 *  patterns are): "jan" for "January"/"Jan.", "night" for "last night"... A parser whose cue is
 *  absent from a sentence finds nothing there, so leaving it out changes nothing (chrono's refiners
 *  only merge, extend or drop what parsers found); most sentences need two or three parsers of ten. */
const MONTH = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const MONTH_WORD = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
// The month parsers' cues also hold what must stand next to the month in chrono's patterns, so that
// "market", "decision" or "novel" wake none of them (a parser's ordinal always ends in a digit or
// st/nd/rd/th and its words start as first/second/third...; a year ends in a digit or BE/AD/BC/CE).
const PARSER_CUES: Record<string, RegExp> = {
  // "5 March", "fifth of March", "5-7 Mar": an ordinal, a separator, then the month
  ENMonthNameLittleEndianParser: new RegExp(String.raw`(?:\d|st|nd|rd|th)(?:-|/|\s{0,3}(?:of)?\s{0,3})(?:${MONTH})`, 'i'),
  // "March 5", "Jan. 5th", "Jan fifth": the month, a separator, then an ordinal
  ENMonthNameMiddleEndianParser: new RegExp(String.raw`(?:${MONTH_WORD})\.?(?:-|/|\s*,?\s*)(?:\d|fir|sec|thi|fou|fif|six|sev|eig|nin|ten|ele|twe)`, 'i'),
  // "2019 March": a year, a separator, then the month
  ENYearMonthNameParser: new RegExp(String.raw`(?:\d|be|ad|bc|ce)(?:\s*[-./,]?\s*|\s+of\s+)(?:${MONTH})`, 'i'),
  // "in March", "March 2019": a month word at a word start (or after "in"), followed by no letter but the "o" of "of"
  ENMonthNameParser: new RegExp(String.raw`(?:^|[^A-Za-z0-9_]|in)(?:${MONTH_WORD})\.?(?:[^A-Za-z_]|of|$)`, 'i'),
  // "on Monday", "last Friday's", "Tuesday of next week": a weekday at a word start (or after on/this/
  // last/past/next), followed by no letter but of/this/last/past/next; "showed", "month", "Africa" wake it no more
  ENWeekdayParser: /(?:^|[^A-Za-z0-9_]|on|this|last|past|next)(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|sun|mon|tue|wed|thurs|thur|thu|fri|sat|weekend|weekday)\.?(?:[^A-Za-z0-9_]|$|of|this|last|past|next)/i,
  ENTimeUnitAgoFormatParser: /ago|before|earlier/i,
  ENCasualDateParser: /now|today|tonight|tomorrow|overmorrow|tmr|yesterday|night/i,
  ENCasualTimeParser: /morning|afternoon|evening|night|midday|noon/i,
  ENEndOfCurrentMonthParser: /month/i,
  // "this week", "last year", "next 2 days" is not it: "this"/"last"/"past"/"next" right before a time unit
  ENRelativeDateFormatParser: /(?:this|last|past|next)\s*(?:[smhdwy](?![A-Za-z0-9_])|sec|min|hr|hour|day|week|mo|qtr|quarter|yr|year)/i,
};
let chronoNews: chrono.Chrono | null = null;
/** Per kept parser, its cue (null: always run, e.g. in a minified build without class names). */
let parserCues: (RegExp | null)[] = [];
/** chrono instances for subsets of the kept parsers, by bit mask (built on first use). */
const chronoSubsets = new Map<number, chrono.Chrono>();
export function newsChrono(): chrono.Chrono {
  if (chronoNews) return chronoNews;
  const c = chrono.en.casual.clone();
  const kept = c.parsers.filter((p) => KEEP_PARSERS.has(p.constructor.name));
  // minified builds lose constructor names: then keep chrono's full set
  if (kept.length >= 6) c.parsers = kept;
  parserCues = c.parsers.map((p) => PARSER_CUES[p.constructor.name] ?? null);
  chronoNews = c;
  return c;
}
/** chrono's parse with only the parsers whose cue the text holds: the same results as newsChrono().parse. */
export function parseNews(text: string, ref: Date): chrono.ParsedResult[] {
  const full = newsChrono();
  let mask = 0;
  for (let i = 0; i < parserCues.length; i++) if (!parserCues[i] || parserCues[i]!.test(text)) mask |= 1 << i;
  if (!mask) return [];
  let c = chronoSubsets.get(mask);
  if (!c) {
    c = full.clone();
    c.parsers = full.parsers.filter((_, i) => mask & (1 << i));
    chronoSubsets.set(mask, c);
  }
  return c.parse(text, ref);
}
const TIME_CUE = /\b(?:(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|tomorrow|yesterday|weekend|weeks?|months?|years?|ago|morning|afternoon|evening|night|noon|midnight|spring|summer|autumn|fall|winter|decades?|(?:19|20)\d\d)\b/i;
/** Durations chrono reads as dates ("for 48 hours", "in 24 hours", "seven years after"). */
const DURATION_TEXT = /^(?:(?:in|for|after|within|over|during)\s+)?(?:the\s+)?(?:(?:next|past|last|first)\s+)?(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|a few|\w+ty(?:-\w+)?)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|nights?)(?:\s+(?:after|before|later|earlier))?$/i;
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const ym = (y: number, m: number) => `${y}-${pad(m)}`;
/** First and last month of a (northern) season; winter runs from December into the next year. */
const seasonMonths = (season: string): [number, number] => (season === 'summer' ? [6, 8] : season === 'winter' ? [12, 2] : season === 'spring' ? [3, 5] : [9, 11]);
function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return ymd(d);
}

export function extractTimes(a: Analysis, anchor: Anchor, dateline?: string | null): TimeMention[] {
  const text = a.text;
  // the dateline ("MOSCOW, Jan 23 (Reuters) –") dates the article, not an event
  const dl = dateline ? text.indexOf(dateline) : -1;
  const inDateline = (at: number) => dl >= 0 && at >= dl && at < dl + dateline!.length;
  // a dateline the metadata stage did not recognise ("PORT HALVARD, March 18 (Northwire) -")
  const dlEnd = datelineEnd(text);
  // where the article's own words start: an event label never takes the dateline's words
  const bodyFrom = Math.max(dlEnd, dl >= 0 ? dl + dateline!.length : 0);
  // with no anchor, a full date written in the text still tells the year of "January 23"
  let textYear: string | null = null;
  if (!anchor.date) {
    const full = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? \d{1,2},? ((?:19|20)\d{2})\b/.exec(text);
    if (full) textYear = full[1];
  }
  const ref = anchor.date ? new Date(`${anchor.date}T12:00:00Z`) : new Date('2000-01-01T12:00:00Z');
  const out: TimeMention[] = [];
  const sentAt = (at: number) => sentenceAt(a, at);
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([x, y]) => s < y && e > x);

  // chrono runs many parsers over whatever it is given: give it only the sentences that hold a
  // time word (most sentences hold none), with their offsets restored afterwards.
  const results: { index: number; text: string; start: chrono.ParsedComponents; end: chrono.ParsedComponents | null }[] = [];
  for (const sent of a.sentences) {
    if (!TIME_CUE.test(sent.text)) continue;
    // very long "sentences" (unpunctuated input) go to chrono in pieces cut at spaces, so the cost stays linear
    for (let off = 0; off < sent.text.length; ) {
      let cut = Math.min(sent.text.length, off + 2000);
      if (cut < sent.text.length) {
        const sp = sent.text.lastIndexOf(' ', cut);
        if (sp > off + 1000) cut = sp;
      }
      const piece = sent.text.slice(off, cut);
      // a piece that is the whole sentence has just passed the test
      if (piece.length === sent.text.length || TIME_CUE.test(piece)) for (const r of parseNews(piece, ref)) results.push({ index: r.index + sent.start + off, text: r.text, start: r.start, end: r.end ?? null });
      off = cut;
    }
  }
  for (const r of results) {
    const s0 = r.index;
    if (inDateline(s0)) continue;
    const raw = r.text.replace(/[\s,;:]+$/, '');
    const low = raw.toLowerCase();
    if (/^(?:now|today'?s?|a|an|one)$/i.test(low) || /^\d{1,2}$/.test(low)) continue;
    if (DURATION_TEXT.test(low) || (/^(?:the\s+)?(?:next|past|last)\s+\w+\s+(?:years|months|weeks|days)$/.test(low))) continue;
    // "in the months before the contract": no count, no date
    if (/^(?:the\s+)?(?:months|weeks|days|years|decades)\s+(?:before|after|ago|earlier|later)$/.test(low)) continue;
    if (dlEnd > 0 && s0 < dlEnd) continue;
    const st = r.start;
    const sentence = sentAt(s0);
    // widen to the words news copy uses around dates
    let start = s0;
    let end = s0 + raw.length;
    const before = text.slice(Math.max(0, start - 40), start);
    const pre = /(?:\b(?:late|early|mid|earlier|later|last|next|on|in|into|until|since|by|from|starting|beginning)(?:[ -]on)?(?: the (?:early|late) hours of)?[ -]?)+$/i.exec(before);
    if (pre) start -= pre[0].length;
    let surface = text.slice(start, end);
    let date: string | null = null;
    let dateEnd: string | null = null;
    let precision: DatePrecision | null = null;
    let anchorKind: TimeMention['anchor'] = anchor.date ? anchor.kind : 'unresolved';
    const yearKnown = st.isCertain('year');
    const monthKnown = st.isCertain('month');
    // "the end of October", "early next month": chrono picks a day no one wrote; the month is what is known
    const dayKnown = st.isCertain('day') && !(/^(?:the\s+)?(?:end|beginning|start|middle) of\b/.test(low) && !/\b\d{1,2}(?:st|nd|rd|th)?\b/.test(low));
    const weekday = st.isCertain('weekday') && !dayKnown;
    if (/\bend of (?:the|this) month\b/i.test(text.slice(Math.max(0, start - 12), end + 2)) && anchor.date) {
      date = anchor.date.slice(0, 7);
      precision = 'month';
      const m0 = /\bend of (?:the|this) month/i.exec(text.slice(Math.max(0, start - 12), end + 2));
      if (m0) start = Math.max(0, start - 12) + m0.index;
    } else if (/\bweek\b/.test(low)) {
      if (!anchor.date) date = null;
      else {
        const d = new Date(`${anchor.date}T12:00:00Z`);
        const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
        let monday = addDays(anchor.date, -dow);
        if (/\blast week\b/.test(low)) monday = addDays(monday, -7);
        if (/\bnext week\b/.test(low)) monday = addDays(monday, 7);
        date = monday;
        dateEnd = /\bthis week\b/.test(low) && /earlier/i.test(surface) ? anchor.date : addDays(monday, 6);
      }
      precision = 'week';
    } else if (weekday) {
      const wd = st.get('weekday') ?? 0;
      if (anchor.date) {
        const d = new Date(`${anchor.date}T12:00:00Z`);
        const cur = d.getUTCDay();
        // "by Sunday evening": a deadline ahead, unless the clause looks back ("had burned ... by Saturday")
        const deadline = /^by\s/i.test(surface) && !/\b(?:had|was|were)\b/i.test(text.slice(a.sentences[sentence].start, start));
        const forward = looksForward(text, a.sentences[sentence].start, start) || /\bnext\b/i.test(surface) || deadline;
        let diff = forward ? (wd - cur + 7) % 7 : -((cur - wd + 7) % 7);
        if (/\blast\b/i.test(surface) && diff === 0) diff = -7;
        date = addDays(anchor.date, diff);
      }
      precision = 'day';
    } else if (dayKnown) {
      let y = yearKnown ? st.get('year')! : inferYear(st.get('month')!, st.get('day')!, anchor.date, looksForward(text, a.sentences[sentence].start, start));
      if (!y && textYear && !/\b(?:yesterday|tomorrow|tonight|ago|today)\b/i.test(low)) {
        y = Number(textYear);
        anchorKind = 'explicit';
      }
      // "Next year's festival will run from July 2": the sentence names the year
      if (y && !yearKnown && anchor.date) {
        const sentText = a.sentences[sentence].text;
        if (/\bnext year\b/i.test(sentText)) y = Number(anchor.date.slice(0, 4)) + 1;
        else if (/\blast year\b/i.test(sentText) && !/\bthis year\b/i.test(sentText)) y = Number(anchor.date.slice(0, 4)) - 1;
      }
      date = y ? `${y}-${pad(st.get('month')!)}-${pad(st.get('day')!)}` : null;
      precision = 'day';
      if (yearKnown) anchorKind = 'explicit';
      // "from July 3 to July 12": chrono reads the range as one result with an end
      const re = r.end;
      if (date && re && re.isCertain('day') && re.isCertain('month')) {
        const ey = re.isCertain('year') ? re.get('year')! : Number(date.slice(0, 4)) + (re.get('month')! < st.get('month')! ? 1 : 0);
        const ed = `${ey}-${pad(re.get('month')!)}-${pad(re.get('day')!)}`;
        if (ed > date) dateEnd = ed;
      }
      if (/\b(?:yesterday|tomorrow|tonight|ago)\b/i.test(low) && !anchor.date) date = null;
    } else if (monthKnown && !yearKnown && anchor.date && /\b(?:last|next)\s+[a-z]+$/i.test(surface.replace(/[\s,;:]+$/, '')) && !/\bmonth\b/i.test(low)) {
      // "last June" in June is a year ago; "next March" in March is a year ahead
      const m = st.get('month')!;
      const y0 = Number(anchor.date.slice(0, 4));
      const m0 = Number(anchor.date.slice(5, 7));
      const y = /\blast\s+[a-z]+$/i.test(surface.replace(/[\s,;:]+$/, '')) ? (m >= m0 ? y0 - 1 : y0) : m <= m0 ? y0 + 1 : y0;
      date = ym(y, m);
      precision = 'month';
    } else if (monthKnown) {
      const m = st.get('month')!;
      const y = yearKnown && !/\b(?:this|last|next) month\b/i.test(low) ? st.get('year')! : /\b(?:this|last|next) month\b/i.test(low) ? st.get('year')! : inferYear(m, 15, anchor.date, looksForward(text, a.sentences[sentence].start, start));
      date = y && (anchor.date || (yearKnown && !/month/.test(low))) ? ym(y, m) : null;
      precision = 'month';
      if (yearKnown && !/month/.test(low)) anchorKind = 'explicit';
    } else if (yearKnown) {
      date = anchor.date || !/\b(?:last|this|next)\b/.test(low) ? String(st.get('year')) : null;
      precision = 'year';
    } else continue;
    // "last year's summit": the possessive belongs to the time expression
    if (/^[’']s\b/.test(text.slice(end, end + 3))) end += 2;
    surface = text.slice(start, end);
    if (date === null) anchorKind = 'unresolved';
    taken.push([start, end]);
    out.push({ start, text: surface, date, dateEnd, precision, event: eventFor(a, sentence, start, end, bodyFrom), sentence, anchor: anchorKind });
  }

  // "by the end of the year": the anchor's December (chrono has no parser for it)
  if (anchor.date) {
    const reYearEnd = /\b(?:the\s+)?end of (?:the|this) year\b/gi;
    for (let m = reYearEnd.exec(text); m; m = reYearEnd.exec(text)) {
      const s = m.index;
      const e = s + m[0].length;
      if (overlaps(s, e)) continue;
      const sentence = sentAt(s);
      taken.push([s, e]);
      out.push({ start: s, text: m[0], date: `${anchor.date.slice(0, 4)}-12`, dateEnd: null, precision: 'month', event: eventFor(a, sentence, s, e, bodyFrom), sentence, anchor: anchor.kind });
    }
  }
  // "the summer of 2021", "winter 2019": a season of a given year
  const reSeasonYear = /\b(?:the\s+)?(summer|winter|spring|autumn|fall)(?:\s+of)?\s+((?:19|20)\d{2})\b/gi;
  for (let m = reSeasonYear.exec(text); m; m = reSeasonYear.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    if (overlaps(s, e)) continue;
    const y = Number(m[2]);
    const season = m[1].toLowerCase();
    const [ms, me] = seasonMonths(season);
    const sentence = sentAt(s);
    taken.push([s, e]);
    out.push({ start: s, text: m[0], date: ym(y, ms), dateEnd: season === 'winter' ? ym(y + 1, me) : ym(y, me), precision: 'month', event: eventFor(a, sentence, s, e, bodyFrom), sentence, anchor: 'explicit' });
  }
  // bare years and seasons chrono leaves alone
  // comparisons too: "up 4 percent on 2024", "compared with 2023", "from 2019 to 2024" (not "to 2024 homes")
  const reYear = /\b(?:(in|since|by|of|during|until|before|after|from|through|on|over|than|with|to|between|and)\s+(?:early |late |mid-)?)((?:19|20)\d{2})\b(?![-–]\d)/gi;
  for (let m = reYear.exec(text); m; m = reYear.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    if (overlaps(s, e)) continue;
    if (/^(?:to|with|over)$/i.test(m[1]) && /^\s+[a-z]+s\b/.test(text.slice(e, e + 30))) continue; // "rose to 2024 homes": a count
    const sentence = sentAt(s);
    taken.push([s, e]);
    out.push({ start: s, text: m[0], date: m[2], dateEnd: null, precision: 'year', event: eventFor(a, sentence, s, e, bodyFrom), sentence, anchor: 'explicit' });
  }
  const reSeason = /\b(last|this|next|by|in the|during the|early|late)\s+(summer|winter|spring|autumn|fall)(?:[’']s)?\b/gi;
  for (let m = reSeason.exec(text); m; m = reSeason.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    if (overlaps(s, e)) continue;
    const sentence = sentAt(s);
    let date: string | null = null;
    let dateEnd: string | null = null;
    if (anchor.date) {
      const y0 = Number(anchor.date.slice(0, 4));
      const now = y0 * 12 + Number(anchor.date.slice(5, 7)) - 1;
      const season = m[2].toLowerCase();
      const rel = m[1].toLowerCase();
      const [ms, me] = seasonMonths(season);
      const seasons = [y0 - 2, y0 - 1, y0, y0 + 1].map((yy) => ({ yy, s: yy * 12 + ms - 1, e: (ms > me ? yy + 1 : yy) * 12 + me - 1 }));
      // "in the autumn" / "this summer": the current or latest season, or the coming one when the
      // sentence looks forward ("work would start in the autumn").
      const ahead = rel !== 'last' && rel !== 'next' && rel !== 'by' && looksForward(text, a.sentences[sentence].start, s);
      const pick =
        rel === 'last' ? seasons.filter((x) => x.e < now).pop() : rel === 'next' || rel === 'by' ? seasons.find((x) => x.s > now) : ahead ? seasons.find((x) => x.e >= now) : seasons.filter((x) => x.s <= now).pop();
      const y = pick?.yy ?? y0;
      date = ym(y, ms);
      dateEnd = season === 'winter' ? ym(y + 1, me) : ym(y, me);
    }
    taken.push([s, e]);
    out.push({ start: s, text: m[0], date, dateEnd, precision: 'month', event: eventFor(a, sentence, s, e, bodyFrom), sentence, anchor: date ? anchor.kind : 'unresolved' });
  }
  out.sort((x, y) => x.start - y.start);

  // "into January 24" / "a two-day meeting starting on January 23": intervals
  for (let i = 0; i < out.length; i++) {
    const t = out[i];
    if (/^into\b/i.test(t.text) && t.date && t.precision === 'day') {
      for (let j = i - 1; j >= 0; j--) {
        const p = out[j];
        if (t.sentence - p.sentence > 1) break;
        if (p.precision === 'day' && p.date && p.date < t.date && !p.dateEnd) {
          p.dateEnd = t.date;
          t.event = null; // dated through the interval it closes
          break;
        }
      }
    }
    const sent = text.slice(Math.max(a.sentences[t.sentence].start, t.start - 200), Math.min(a.sentEnds[t.sentence], t.start + 200));
    const span = /\b(two|three|four|five|2|3|4|5)-day\b/i.exec(sent);
    if (span && t.date && t.precision === 'day' && /^(?:starting|beginning|from)\b/i.test(t.text) && !t.dateEnd) {
      const n = { two: 2, three: 3, four: 4, five: 5 }[span[1].toLowerCase() as 'two'] ?? Number(span[1]);
      t.dateEnd = addDays(t.date, n - 1);
    }
  }
  // "between April 2 and April 19", "from 2016 to 2022": one interval, written as two dates
  for (let i = 0; i + 1 < out.length; i++) {
    const x = out[i];
    const y = out[i + 1];
    if (!x.date || !y.date || x.dateEnd || y.dateEnd || x.sentence !== y.sentence || x.precision !== y.precision || !(x.date < y.date)) continue;
    const gap = text.slice(x.start + x.text.length, y.start);
    const lead = text.slice(Math.max(0, x.start - 9), x.start);
    const opens = /\b(?:between|from)\s+$/i.test(lead) || /^(?:between|from)\s/i.test(x.text);
    const joins = /^\s*(?:and|to|until|till|through|[-–])?\s*$/i.test(gap) && (/\S/.test(gap) || /^(?:to|until|till|through|and)\s/i.test(y.text));
    if (!opens || !joins) continue;
    x.dateEnd = y.date;
    x.text = text.slice(x.start, y.start + y.text.length);
    out.splice(i + 1, 1);
  }
  return out;
}

/** End offset of a dateline at the start of the text ("PORT HALVARD, March 18 (Northwire) -"), or 0. */
export function datelineEnd(text: string): number {
  const m = /^[A-Z][A-Z .'’-]+,(?: [A-Z][a-z]+\.?,?)? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?(?: \([^)]{1,30}\))? ?[-–—]/.exec(text);
  return m ? m[0].length : 0;
}

/** Does the clause leading up to a time expression look forward ("will meet on Monday",
 *  "is set for Saturday") rather than back ("broke down late on Thursday")? */
function looksForward(text: string, sentStart: number, at: number): boolean {
  const before = text.slice(Math.max(sentStart, at - 70), at);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'));
  let clause = cut >= 0 && before.length - cut > 12 ? before.slice(cut + 1) : before;
  // "... will walk out from Monday after talks broke down late on Thursday": the last clause counts
  const sub = lastConjunction(clause);
  if (sub && clause.length - sub[0].length > 8) {
    const tail = clause.slice(sub[0].length);
    if (FUTURE.test(tail)) return true;
    // "... after talks broke down late on Thursday": a past verb after the conjunction decides
    if (/\b(?:[a-z]+ed|broke|began|met|said|took|held|won|lost|fell|rose|came|went|told|left|was|were|had|did|ran|saw|made)\b/.test(tail)) return false;
  }
  return FUTURE.test(clause);
}

const CONJ_PREFIX = /.*\b(?:after|before|because|when|while|since|as|although|though)\b/i;
const CONJ = /\b(?:after|before|because|when|while|since|as|although|though)\b/gi;
/** The clause up to and including its last subordinating conjunction, as CONJ_PREFIX.exec gives it
 *  (only [0] is used). CONJ_PREFIX's leading `.*` backtracks from every position; on a single line
 *  the last whole-word match of CONJ ends at the same place in one forward scan. With a line break
 *  (`.` stops there) the original regex decides. */
function lastConjunction(clause: string): [string] | null {
  if (clause.includes('\n') || clause.includes('\r') || clause.includes('\u2028') || clause.includes('\u2029')) {
    const m = CONJ_PREFIX.exec(clause);
    return m ? [m[0]] : null;
  }
  CONJ.lastIndex = 0;
  let end = -1;
  for (let m = CONJ.exec(clause); m; m = CONJ.exec(clause)) end = m.index + m[0].length;
  return end >= 0 ? [clause.slice(0, end)] : null;
}

/** The year of a day-month without a year: the one nearest the anchor (past unless the sentence
 *  looks forward). */
function inferYear(month: number, day: number, anchor: string | null, forward: boolean): number | null {
  if (!anchor) return null;
  const y = Number(anchor.slice(0, 4));
  const cand = [y - 1, y, y + 1].map((yy) => ({ yy, d: Date.UTC(yy, month - 1, day) - Date.parse(`${anchor}T00:00:00Z`) }));
  // forward: this month or later (the month's middle may be a fortnight back); back: up to two months ahead
  const ok = cand.filter((c) => (forward ? c.d >= -86400000 * (day === 15 ? 31 : 200) : c.d <= 86400000 * 60));
  ok.sort((p, q) => Math.abs(p.d) - Math.abs(q.d));
  return (ok[0] ?? cand[1]).yy;
}

/** Text from token i to token j (exclusive). Module-level, as is extendLocation: eventFor runs per
 *  time mention, and closures there cost an allocation each (and a name-keeping wrapper under tsx). */
function tokPhrase(a: Analysis, i: number, j: number): string {
  return i < j ? a.text.slice(a.tokens[i].start, a.tokens[j - 1].end) : '';
}

/** Token index after "in Abu Dhabi" / "at the Kremlin" / "in the United Arab Emirates" starting at j (else j). */
function extendLocation(toks: Token[], t1: number, j: number): number {
  if (j < t1 && /^(?:in|at)$/.test(toks[j].text)) {
    let k = j + 1;
    if (toks[k]?.text === 'the') k++;
    const s = k;
    while (k < t1 && /^[A-Z]/.test(toks[k].text)) k++;
    if (k > s) return k;
  }
  return j;
}

/** The event a time expression dates: a noun phrase headed by an event noun next to it
 *  ("December 3 meeting", "last year's Trump–Putin summit in Alaska"), else the clause around it. */
function eventFor(a: Analysis, sentence: number, start: number, end: number, bodyFrom = 0): string | null {
  const [t0, t1] = a.sentTok[sentence];
  const toks = a.tokens;
  let after = t0;
  while (after < t1 && toks[after].start < end) after++;
  let before = after - 1;
  while (before >= t0 && toks[before].end > start) before--;
  // 0. a possessive time expression owns the noun phrase after it: "last year's dispute over pay"
  if (/[’']s$/.test(a.text.slice(start, end))) {
    let j = after;
    while (j < t1 && j - after < 8 && !/^[,.;:()“”"—]$/.test(toks[j].text) && toks[j].pos !== 'VERB' && toks[j].pos !== 'AUX' && !/^(?:which|that|who|where|when)$/.test(toks[j].text)) j++;
    if (j > after) return tokPhrase(a, after, j).replace(/^[’']s\s+/, '');
  }
  // 1. noun phrase right after: "December 3 meeting", "last year's Trump–Putin summit in Alaska"
  for (let j = after; j < Math.min(t1, after + 6); j++) {
    if (/^[,.;:()“”"]$/.test(toks[j].text) || toks[j].pos === 'VERB' || toks[j].pos === 'ADP') break;
    if (EVENT_NOUNS.has(toks[j].text.toLowerCase())) {
      // "a December 3 meeting": the date is part of the event's name
      const k = extendLocation(toks, t1, j + 1);
      if (/^[’']s/.test(toks[after]?.text ?? '')) return tokPhrase(a, after, k).replace(/^[’']s\s+/, '');
      return a.text.slice(start, toks[k - 1].end).replace(/^(?:on|in|at|by|from|since|until|into)\s+/i, '');
    }
  }
  // 2. nearest event noun in the sentence, with its modifiers and location
  let best = -1;
  for (let j = t0; j < t1; j++) {
    const w = toks[j].text;
    if (w.length < EVENT_MIN || w.length > EVENT_MAX || !EVENT_NOUNS.has(w.toLowerCase()) || (toks[j].start >= start && toks[j].end <= end)) continue;
    // "Fire Chief Dana Okafor": an event word heading a longer name is no event
    if (/^[A-Z]/.test(w) && j + 1 < t1 && /^[A-Z]/.test(toks[j + 1].text)) continue;
    if (best < 0 || Math.abs(j - before) < Math.abs(best - before)) {
      // "walked out on Tuesday after pay talks failed": an event noun in another clause is not the one dated
      const [x, y] = j < before ? [j + 1, before] : [after, j];
      let apart = false;
      for (let k = x; k < y && !apart; k++) apart = CLAUSE_END.test(toks[k].text) || /^(?:after|before|when|while|because|since|until|but|although|though|whereas)$/i.test(toks[k].text);
      if (!apart) best = j;
    }
  }
  if (best >= 0 && best < before && before - best <= 8 && (isVerbal(toks[best + 1]) || (toks[best + 1]?.pos === 'ADV' && isVerbal(toks[best + 2])))) {
    // "the war might end by summer": the event noun is the subject of the dated clause, which
    // says what happens to it (and reads as a forecast when it holds a modal)
    let k = best + 1;
    while (k <= before && !CLAUSE_END.test(toks[k].text)) k++;
    if (k > before) {
      let i = best;
      while (i - 1 >= t0 && (toks[i - 1].pos === 'ADJ' || toks[i - 1].pos === 'NOUN' || toks[i - 1].pos === 'PROPN') && best - i < 3 && toks[i - 1].start >= bodyFrom) i--;
      const ev = trimLabel(a, i, before + 1);
      if (ev) return ev;
    }
  }
  // "earlier this month he said the war might end": the clause after it says what happened
  const subjectAfter = best > before && (isVerbal(toks[best + 1]) || (toks[best + 1]?.pos === 'ADV' && isVerbal(toks[best + 2])));
  if (best >= 0 && Math.abs(best - before) <= 12 && !subjectAfter) {
    let i = best;
    while (i - 1 >= t0 && (toks[i - 1].pos === 'ADJ' || toks[i - 1].pos === 'PROPN' || toks[i - 1].pos === 'NOUN' || toks[i - 1].pos === 'NUM' || toks[i - 1].text === '-') && toks[i - 1].end <= start - 0 + 100 && !(toks[i - 1].start >= start && toks[i - 1].end <= end) && best - i < 5) i--;
    let j = extendLocation(toks, t1, best + 1);
    if (j === best + 1 && i === best) {
      // a bare "meeting": take its object and place ("meeting Trump in Switzerland")
      let k = best + 1;
      let last = -1;
      while (k < t1 && k - best <= 6 && !(toks[k].start >= start && toks[k].end <= end) && (toks[k].pos === 'PROPN' || toks[k].pos === 'DET' || /^(?:in|with|at|between|and|of)$/.test(toks[k].text))) {
        if (toks[k].pos === 'PROPN') last = k;
        k++;
      }
      if (last > 0) j = last + 1;
    }
    return tokPhrase(a, i, j);
  }
  // 3. the clause the time expression belongs to, as written: back to the clause's start (a comma,
  //    quote mark or dash, the dateline's end), after any attribution ("X said (that)", "X told Y"),
  //    and forward only when little stands before it or it dates the saying itself ("X said on
  //    Monday the port would reopen")
  let i = before;
  while (i >= t0 && !CLAUSE_END.test(toks[i].text) && toks[i].start >= bodyFrom && before - i < 14) i--;
  let from = i + 1;
  let saying = false;
  for (let k = before; k >= from; k--) {
    if (!CUE_WORDS.has(toks[k].text)) continue;
    if (k === before) {
      saying = true; // the time expression dates the statement
      break;
    }
    let x = k + 1;
    if (/^(?:told|tells)$/.test(toks[k].text)) while (x <= before && x - k <= 4 && (/^[A-Z]/.test(toks[x].text) || /^(?:reporters|journalists|the|local|state)$/.test(toks[x].text))) x++;
    if (toks[x]?.text === 'that') x++;
    let verb = false;
    for (let y = x; y <= before && !verb; y++) verb = isVerbal(toks[y]);
    // "X said the port would reopen on Friday": the reported clause; "X told reporters at a
    // briefing on Monday": no clause follows, the telling is the event
    if (verb) from = x;
    else saying = true;
    break;
  }
  const left = [from, before + 1];
  let j = after;
  // up to the clause's end or another time expression ("... might end by summer")
  while (j < t1 && !CLAUSE_END.test(toks[j].text) && !/^[.!?]$/.test(toks[j].text) && j - after < 14 && !(/^(?:by|on|in|until|before|after|from|since|at)$/.test(toks[j].text) && j + 1 < t1 && TIME_CUE.test(toks[j + 1].text))) j++;
  let label = trimLabel(a, left[0], left[1]);
  const words = label ? label.split(' ').length : 0;
  if (/^(?:that|when)$/.test(toks[after]?.text ?? '') && j - after >= 4) {
    // "the third time this year that the council had debated the tunnel": the clause after it
    const right = trimLabel(a, after + 1, j);
    if (right.split(' ').length >= 3) label = right;
  } else if ((saying && !inQuoteAt(a.text, start)) || words < 3) {
    let r = after;
    if (toks[r]?.text === 'that') r++;
    const right = trimLabel(a, r, j);
    if (!label && !right && j < t1 && toks[j].text === ',') {
      // "Early on March 4, 2026, the harbour board met ...": the clause after the comma
      let k = j + 1;
      while (k < t1 && !CLAUSE_END.test(toks[k].text) && !/^[.!?]$/.test(toks[k].text) && k - j < 12) k++;
      label = trimLabel(a, j + 1, k);
    } else if (right) label = label ? `${label} ${right}` : right;
  }
  if (!label) return null;
  // a short label: at most 14 words, cut before a preposition phrase where one starts late
  const ws = label.split(' ');
  if (ws.length > 14) {
    let cut = 14;
    for (let k = 13; k >= 6; k--) if (LABEL_TRAIL.has(ws[k].toLowerCase())) {
      cut = k;
      break;
    }
    label = ws.slice(0, cut).join(' ').replace(LABEL_TRIM_END, '');
  }
  return label.length >= 4 ? label : null;
}

const CLAUSE_END = /^[,;:()“”"—–-]$/;
const CUE_WORDS = new Set(['said', 'says', 'told', 'tells', 'added', 'announced', 'warned', 'stated', 'confirmed', 'reported', 'wrote', 'noted', 'insisted']);
/** Words a label neither starts nor ends with: determiners, relative words, conjunctions, prepositions. */
const LABEL_LEAD = new Set(['the', 'a', 'an', 'who', 'which', 'that', 'and', 'but', 'while', 'when', 'as', 'because', 'after', 'before', 'if', 'where', 'so', 'then', 'also', 'since', 'until', 'by', 'on', 'in', 'at', 'from', 'to', 'with', 'for', 'of', 'over', 'through', 'during', 'into', 'late', 'early']);
const LABEL_TRAIL = new Set(['the', 'a', 'an', 'and', 'but', 'or', 'to', 'of', 'over', 'through', 'during', 'by', 'on', 'in', 'at', 'from', 'with', 'for', 'until', 'into', 'since', 'before', 'after', 'that', 'which', 'who', 'as', 'than', 'its', 'their', 'his', 'her', 'late', 'early', 'this', 'next', 'last']);
const LABEL_TRIM_END = /[\s,;:—–-]+$/;
const LABEL_PUNCT = /^[,;:.!?()“”"'‘’—–-]+$/;

/** Is offset `at` inside a double-quoted passage of its line? (an odd number of quote marks before it) */
function inQuoteAt(text: string, at: number): boolean {
  const ls = text.lastIndexOf('\n', at) + 1;
  const seg = text.slice(ls, at);
  const curly = (seg.match(/“/g)?.length ?? 0) - (seg.match(/”/g)?.length ?? 0);
  return curly > 0 || (seg.match(/"/g)?.length ?? 0) % 2 === 1;
}

function isVerbal(t: Token | undefined): boolean {
  return !!t && (t.pos === 'VERB' || t.pos === 'AUX');
}

/** The words of tokens [i, j) as written, without leading determiners / connectives and without
 *  trailing prepositions, articles and punctuation ("over the" before a cut-off time expression). */
function trimLabel(a: Analysis, i: number, j: number): string {
  const toks = a.tokens;
  // "that" leads a clause ("that the council had debated") but is kept as a subject ("that is the most important thing")
  while (i < j && ((LABEL_LEAD.has(toks[i].text.toLowerCase()) && !(toks[i].text.toLowerCase() === 'that' && isVerbal(toks[i + 1]))) || LABEL_PUNCT.test(toks[i].text))) i++;
  while (j > i && (LABEL_TRAIL.has(toks[j - 1].text.toLowerCase()) || LABEL_PUNCT.test(toks[j - 1].text))) j--;
  if (j - i < 1) return '';
  const t = tokPhrase(a, i, j).replace(/\s+/g, ' ').trim();
  return /[\p{L}]/u.test(t) ? t : '';
}

export { MONTH_NAMES, WEEKDAY_NAMES };
