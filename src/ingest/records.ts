/**
 * JSON and JSON Lines records: `{ text | html, title?, url?, outlet?, published?, author?, language? }`.
 * Validated with zod; an invalid record is an ItemError for that record and the others go on.
 */
import { z } from 'zod';
import type { GivenMeta, InputFormat, ItemError, RawDoc } from '../types.js';

const str = z.string();
const optStr = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? undefined : String(v).trim() || undefined));

/** The record schema (unknown extra keys are ignored, so ECB+ or scraper exports load as they are). */
export const ArticleRecord = z
  .object({
    text: str.optional(),
    html: str.optional(),
    title: optStr,
    url: optStr,
    outlet: optStr,
    published: optStr,
    author: z
      .union([z.string(), z.array(z.string()), z.null()])
      .optional()
      .transform((v) => (v === null ? undefined : v)),
    language: optStr,
  })
  .refine((r) => (r.text ?? '').trim().length > 0 || (r.html ?? '').trim().length > 0, {
    message: 'the record has no "text" or "html" field with content',
  });

export type ArticleRecordT = z.infer<typeof ArticleRecord>;

function describeZod(err: z.ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `field "${i.path.join('.')}": ${i.message}` : i.message))
    .join('; ');
}

/** Common names scraper exports use for our fields (used only when our own name is absent). */
const ALIASES: Record<string, string[]> = {
  text: ['content', 'body', 'article', 'articleBody', 'maintext'],
  title: ['headline'],
  url: ['link', 'href'],
  outlet: ['source', 'site', 'site_name', 'publisher'],
  published: ['date', 'pubDate', 'published_at', 'publishedAt', 'datePublished', 'date_publish'],
  author: ['authors', 'byline'],
  language: ['lang'],
};

function withAliases(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...obj };
  for (const [field, names] of Object.entries(ALIASES)) {
    if (out[field] !== undefined && out[field] !== null) continue;
    for (const n of names) {
      const v = obj[n];
      if (typeof v === 'string' || (field === 'author' && Array.isArray(v) && v.every((x) => typeof x === 'string'))) {
        out[field] = v;
        break;
      }
    }
  }
  return out;
}

/** One parsed JSON value -> RawDoc or ItemError. */
export function recordToDoc(value: unknown, origin: string, format: InputFormat): RawDoc | ItemError {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { origin, code: 'malformed-json', error: `${origin}: expected a JSON object with "text" or "html", got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}` };
  }
  const r = ArticleRecord.safeParse(withAliases(value as Record<string, unknown>));
  if (!r.success) {
    return { origin, code: 'malformed-json', error: `${origin}: invalid article record (${describeZod(r.error)}); give each record a "text" or "html" string` };
  }
  const rec = r.data;
  const given: GivenMeta = {};
  if (rec.title) given.title = rec.title;
  if (rec.url) given.url = rec.url;
  if (rec.outlet) given.outlet = rec.outlet;
  if (rec.published) given.published = rec.published;
  if (rec.language) given.language = rec.language;
  if (rec.author !== undefined) {
    const a = Array.isArray(rec.author) ? rec.author.map((s) => s.trim()).filter(Boolean) : rec.author.trim();
    if (a.length) given.author = a;
  }
  // Explicit article text wins over HTML to be re-extracted when a record has both.
  const body: RawDoc['body'] = rec.text && rec.text.trim() ? { kind: 'text', text: rec.text } : { kind: 'html', html: rec.html ?? '' };
  return { origin, format, body, given };
}

/** Keys under which exports commonly wrap their list of records. */
const WRAPPERS = ['articles', 'items', 'records', 'docs', 'documents', 'data', 'results'];

/** A whole `.json` document: one record, an array of records, or `{ articles: [...] }`. */
export function* parseJsonDocument(text: string, origin: string): Generator<RawDoc | ItemError> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    yield { origin, code: 'malformed-json', error: `${origin}: not valid JSON (${(e as Error).message}); fix the file or save one record per line as .jsonl` };
    return;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const aliased = withAliases(obj);
    if (typeof aliased.text !== 'string' && typeof aliased.html !== 'string') {
      const key = WRAPPERS.find((k) => Array.isArray(obj[k]));
      if (key) value = obj[key];
    }
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield { origin, code: 'empty', error: `${origin}: the JSON array holds no records; add objects with "text" or "html"` };
      return;
    }
    for (let i = 0; i < value.length; i++) yield recordToDoc(value[i], `${origin}#${i + 1}`, 'json');
    return;
  }
  yield recordToDoc(value, origin, 'json');
}

/** One JSON Lines line: `itemNo` counts non-blank lines (origin `path#itemNo`), `lineNo` is the file line. */
export function parseJsonLine(line: string, origin: string, itemNo: number, lineNo = itemNo): RawDoc | ItemError {
  const o = `${origin}#${itemNo}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { origin: o, code: 'malformed-json', error: `${origin} line ${lineNo}: not valid JSON (${(e as Error).message}); fix or remove that line` };
  }
  return recordToDoc(value, o, 'jsonl');
}
