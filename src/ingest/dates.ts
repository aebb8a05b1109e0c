/**
 * Publication dates: normalising given date strings (ISO 8601, RFC 822, epoch, free text via
 * chrono-node) to `YYYY-MM-DD` or a full ISO timestamp, and recognising date lines in page text.
 */
import * as chrono from 'chrono-node';

const pad = (n: number) => String(n).padStart(2, '0');

function plausibleYear(y: number): boolean {
  return y >= 1900 && y <= new Date().getUTCFullYear() + 1;
}

function ymd(y: number, m: number, d: number): string | null {
  if (!plausibleYear(y) || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function fromComponents(c: chrono.ParsedComponents): string | null {
  if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) return null;
  const date = ymd(c.get('year')!, c.get('month')!, c.get('day')!);
  if (!date) return null;
  if (c.isCertain('hour') && c.isCertain('timezoneOffset')) {
    const d = c.date();
    if (!Number.isNaN(d.getTime())) return d.toISOString();
  }
  return date;
}

/**
 * Normalises a date string to ISO: `YYYY-MM-DD` when only the day is known (or the time has no
 * zone), else a full UTC timestamp. Null when it is not a date.
 */
export function normaliseDate(input: string | number | undefined | null): string | null {
  if (input === undefined || input === null) return null;
  let s = String(input).trim();
  if (!s) return null;
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const d = new Date(ms);
    return plausibleYear(d.getUTCFullYear()) ? d.toISOString() : null;
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (m) {
    if (!ymd(+m[1], +m[2], +m[3])) return null;
    if (!m[7]) return ymd(+m[1], +m[2], +m[3]); // a local time without zone: the day is all we know
    s = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7].length === 5 ? m[7].slice(0, 3) + ':' + m[7].slice(3) : m[7]}`;
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  // RFC 822 / 1123 ("Fri, 23 Jan 2026 10:00:00 GMT"), as in RSS.
  if (/^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3,9}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[A-Z]{1,5}|[+-]\d{4})$/.test(s)) {
    const d = new Date(s);
    if (!Number.isNaN(d.getTime()) && plausibleYear(d.getUTCFullYear())) return d.toISOString();
  }
  const r = chrono.parse(s)[0];
  return r ? fromComponents(r.start) : null;
}

const LINE_PREFIX = /^(?:(?:first\s+)?published|posted|updated|last\s+updated|modified|date|dated)\b\s*(?:on|at)?\s*[:\-–]?\s*/i;

export interface DateLine {
  date: string;
  /** 'published' for "Published ..." / plain date lines, 'updated' for "Updated ...". */
  kind: 'published' | 'updated';
}

/**
 * Recognises a line that is (almost) only a date, as pages print above or below the headline:
 * "Friday, January 23, 2026", "Published: 23 Jan 2026, 10:15 GMT", "Updated January 23, 2026".
 * The date must carry a year; most of the line must be the date itself.
 */
export function parseDateLine(line: string): DateLine | null {
  const t = line.trim();
  if (t.length < 6 || t.length > 90) return null;
  const kind: DateLine['kind'] = /^(?:last\s+)?(?:updated|modified)\b/i.test(t) ? 'updated' : 'published';
  const rest = t.replace(LINE_PREFIX, '').replace(/\s*\|\s*/g, ' ');
  // Cheap pre-filter before chrono (which is slow): a date line must name a year.
  if (!/(?:^|\D)(?:19|20)\d{2}(?:\D|$)/.test(rest)) return null;
  const results = chrono.parse(rest);
  if (!results.length) return null;
  const r = results[0];
  const date = fromComponents(r.start);
  if (!date) return null;
  // The date has to cover most of the line: no sentence around it.
  const covered = results.reduce((n, x) => n + x.text.length, 0);
  const leftover = rest
    .replace(/\b(?:IST|GMT|UTC|EST|EDT|CET|CEST|BST|PST|PDT|MSK|hrs|am|pm|a\.m\.|p\.m\.)\b/gi, '')
    .replace(/[\s,.:|·•\-–—()]/g, '');
  const coveredCompact = results.map((x) => x.text).join('').replace(/[\s,.:|·•\-–—()]/g, '');
  if (coveredCompact.length < 0.75 * leftover.length || covered < 6) return null;
  return { date, kind };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Month index (1-12) of a month name or abbreviation ("Jan", "Sept.", "March"), or null. */
export function monthIndex(name: string): number | null {
  const k = name.toLowerCase().replace(/\./g, '').slice(0, 3);
  const i = MONTHS.indexOf(k);
  return i === -1 ? null : i + 1;
}

/**
 * A month and day without a year ("Jan 23" in a dateline) resolved against a reference date: the
 * year that puts it closest to the reference.
 */
export function resolveMonthDay(month: number, day: number, ref: string | undefined): string | null {
  if (!ref) return null;
  const refMs = Date.parse(ref.length === 10 ? `${ref}T12:00:00Z` : ref);
  if (Number.isNaN(refMs)) return null;
  const y = new Date(refMs).getUTCFullYear();
  let best: string | null = null;
  let bestDiff = Infinity;
  for (const yy of [y - 1, y, y + 1]) {
    const d = ymd(yy, month, day);
    if (!d) continue;
    const diff = Math.abs(Date.parse(`${d}T12:00:00Z`) - refMs);
    if (diff < bestDiff) {
      bestDiff = diff;
      best = d;
    }
  }
  return best;
}

/** A date in a URL path (/2026/01/23/, /2026-01-23/), as ISO date. */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/-]|\.html?$|$)/.exec(path) ?? /\/((?:19|20)\d{2})(\d{2})(\d{2})(?=\/)/.exec(path);
  return m ? ymd(+m[1], +m[2], +m[3]) : null;
}
