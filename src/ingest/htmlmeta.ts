/**
 * Metadata an HTML page declares about itself: <meta> tags (Open Graph, article:*, Dublin Core,
 * parse.ly, sailthru...), <link rel=canonical>, <html lang>, <title> and JSON-LD (NewsArticle and
 * friends). Parsed with linkedom; only the <head> is parsed as a document (cheap), JSON-LD blocks
 * are taken from the whole page.
 */
import { parseHTML } from '../util/dom.js';

export interface HtmlMeta {
  title?: string;
  siteName?: string;
  url?: string;
  published?: string;
  authors: string[];
  language?: string;
  description?: string;
}

function clean(s: string | null | undefined): string | undefined {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

type Json = Record<string, unknown>;

function jsonLdNodes(html: string): Json[] {
  const out: Json[] = [];
  const re = /<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>/gi;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(html)) && n++ < 20) {
    let v: unknown;
    try {
      v = JSON.parse(m[1].trim());
    } catch {
      continue;
    }
    const stack: unknown[] = [v];
    while (stack.length && out.length < 50) {
      const x = stack.pop();
      if (Array.isArray(x)) stack.push(...x);
      else if (x && typeof x === 'object') {
        out.push(x as Json);
        const g = (x as Json)['@graph'];
        if (g) stack.push(g);
      }
    }
  }
  return out;
}

function types(n: Json): string[] {
  const t = n['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

const ARTICLE_TYPES = /Article|NewsArticle|ReportageNewsArticle|BlogPosting|WebPage|LiveBlogPosting|AnalysisNewsArticle|Report/;

function names(v: unknown): string[] {
  const out: string[] = [];
  for (const a of Array.isArray(v) ? v : [v]) {
    if (typeof a === 'string') out.push(a);
    else if (a && typeof a === 'object' && typeof (a as Json).name === 'string') out.push((a as Json).name as string);
  }
  return out.map((s) => s.trim()).filter((s) => s && !/^https?:\/\//.test(s));
}

/** Reads the declared metadata of an HTML document. Never throws. */
export function readHtmlMeta(html: string): HtmlMeta {
  const meta: HtmlMeta = { authors: [] };
  try {
    const headEnd = html.search(/<\/head\s*>|<body[\s>]/i);
    // Inline scripts and styles are most of a head's bytes and hold no metadata we read here
    // (JSON-LD is taken separately below): drop them before parsing.
    const head = (headEnd > 0 ? html.slice(0, headEnd) : html.slice(0, 200_000)).replace(/<(script|style|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
    const { document } = parseHTML(`${head}</head><body></body></html>`);
    const get = (...sel: string[]): string | undefined => {
      for (const s of sel) {
        const el = document.querySelector(s);
        const v = clean(el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? el?.getAttribute('href'));
        if (v) return v;
      }
      return undefined;
    };
    meta.title = get('meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="title"]') ?? clean(document.title);
    meta.siteName = get('meta[property="og:site_name"]', 'meta[name="application-name"]', 'meta[name="publisher"]');
    meta.url = get('link[rel="canonical"]', 'meta[property="og:url"]');
    meta.published = get(
      'meta[property="article:published_time"]',
      'meta[name="article:published_time"]',
      'meta[property="og:article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[name="pubdate"]',
      'meta[name="publishdate"]',
      'meta[name="publish-date"]',
      'meta[name="parsely-pub-date"]',
      'meta[name="sailthru.date"]',
      'meta[name="dc.date.issued"]',
      'meta[name="DC.date.issued"]',
      'meta[name="dcterms.created"]',
      'meta[name="date"]',
    );
    meta.description = get('meta[name="description"]', 'meta[property="og:description"]');
    meta.language = clean(document.documentElement?.getAttribute('lang')) ?? get('meta[http-equiv="content-language"]');
    for (const sel of ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="parsely-author"]', 'meta[name="sailthru.author"]', 'meta[name="dc.creator"]']) {
      for (const el of document.querySelectorAll(sel)) {
        const v = clean(el.getAttribute('content'));
        if (v && !/^https?:\/\//.test(v)) meta.authors.push(v);
      }
      if (meta.authors.length) break;
    }
  } catch {
    /* unparsable head: fall through to JSON-LD */
  }
  try {
    for (const n of jsonLdNodes(html)) {
      const t = types(n);
      if (t.some((x) => ARTICLE_TYPES.test(x))) {
        if (!meta.title && typeof n.headline === 'string') meta.title = clean(n.headline);
        if (!meta.published && typeof n.datePublished === 'string') meta.published = clean(n.datePublished);
        if (!meta.authors.length) meta.authors.push(...names(n.author));
        if (!meta.siteName) meta.siteName = names(n.publisher)[0];
        if (!meta.url && typeof n.url === 'string') meta.url = clean(n.url);
      } else if (t.includes('Organization') || t.includes('NewsMediaOrganization')) {
        if (!meta.siteName && typeof n.name === 'string') meta.siteName = clean(n.name);
      }
    }
  } catch {
    /* ignore malformed JSON-LD */
  }
  return meta;
}
