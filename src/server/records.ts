/**
 * Turns POST /api/articles bodies (one JSON article, an array, or JSON Lines) into RawDocs for
 * Crosscheck.ingestItems, with a per-item error for every record that is not a valid article.
 */
import type { ItemError, RawDoc } from '../types.js';
import { ArticleInput } from './schemas.js';

export type Item = RawDoc | ItemError;

/** Origin label for item n (1-based) of a request. */
export function itemOrigin(prefix: string, n: number, url?: string): string {
  return url ? `${prefix}#${n} ${url}` : `${prefix}#${n}`;
}

function zodMessage(e: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return e.issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ` : '') + i.message).join('; ');
}

/** One record (already JSON-parsed) -> RawDoc or ItemError. */
export function recordToItem(rec: unknown, origin: string): Item {
  const parsed = ArticleInput.safeParse(rec);
  if (!parsed.success) {
    return { origin, code: 'malformed-json', error: `${origin}: not a valid article (${zodMessage(parsed.error)}); send {"text": "..."} or {"html": "..."} with optional title, url, outlet, published, author` };
  }
  const a = parsed.data;
  const given: RawDoc['given'] = {};
  if (a.title) given.title = a.title;
  if (a.url) given.url = a.url;
  if (a.outlet) given.outlet = a.outlet;
  if (a.published) given.published = a.published;
  if (a.author) given.author = a.author;
  if (a.language) given.language = a.language;
  const useHtml = !(a.text ?? '').trim() && !!a.html;
  return {
    origin: a.url ? `${origin} ${a.url}` : origin,
    format: 'json',
    body: useHtml ? { kind: 'html', html: a.html! } : { kind: 'text', text: a.text! },
    given,
  };
}

/** JSON Lines text -> items; blank lines are skipped, bad lines become per-item errors. */
export function jsonLinesToItems(body: string, prefix: string): Item[] {
  const out: Item[] = [];
  const lines = body.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const origin = `${prefix}#${i + 1}`;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (e) {
      out.push({ origin, code: 'malformed-json', error: `${origin}: line ${i + 1} is not valid JSON (${(e as Error).message}); send one JSON object per line` });
      return;
    }
    out.push(recordToItem(rec, origin));
  });
  return out;
}

/** Any accepted body -> items. */
export function bodyToItems(body: unknown, prefix: string): Item[] {
  if (typeof body === 'string') return jsonLinesToItems(body, prefix);
  if (Array.isArray(body)) return body.map((rec, i) => recordToItem(rec, `${prefix}#${i + 1}`));
  return [recordToItem(body, `${prefix}#1`)];
}
