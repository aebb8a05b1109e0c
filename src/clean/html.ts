/**
 * HTML -> article blocks. @mozilla/readability on linkedom finds the main content; around it we
 * add what Readability lacks for news pages (its extra text is mostly related-headline and see-also
 * blocks): pruning of labelled widgets (related, share, newsletter, captions...) before it runs,
 * pruning of link-dense lists and "Related"/"Read more" sections in its output, and a text-density
 * fallback when it finds nothing. The page's own metadata (meta tags, JSON-LD) is read too.
 * Malformed HTML never throws: linkedom parses anything, and every step is guarded.
 */
import { getReadability, parseHTML } from '../util/dom.js';
import type { GivenMeta, RemovalReason, RemovedPiece } from '../types.js';
import type { Block } from './lines.js';
import { countWords, matchLineRule } from './patterns.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- linkedom's DOM is untyped under our ES-only lib setting */
type El = any;

export type HtmlMeta = GivenMeta & { siteName?: string; description?: string };

export interface HtmlExtraction {
  title?: string;
  blocks: Block[];
  removed: RemovedPiece[];
  meta: HtmlMeta;
  /** Which extractor produced the blocks. */
  method: 'readability' | 'density' | 'none';
}

const BLOCK_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'DD', 'DT', 'FIGCAPTION', 'TD', 'TH', 'TR', 'TABLE', 'UL', 'OL', 'DL', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'FIGURE', 'MAIN', 'FORM', 'CENTER', 'HR', 'BR', 'ADDRESS', 'DETAILS', 'SUMMARY']);
const DROP_TAGS = 'script,style,noscript,template,svg,iframe,object,embed,canvas,button,select,input,textarea,link,meta';

/** Class/id words of widgets that are not article text, with the reason recorded when pruned. */
const WIDGET_PATTERNS: [RegExp, RemovalReason][] = [
  [/(?:^|[\s_-])(?:related|relatedlinks|related-?(?:articles?|stories|content|posts?|links?)|recommend(?:ed|ations?)?|more-?(?:stories|articles|from|on|news|like-this)|read-?(?:more|next|also)|see-?also|also-?read|you-?may-?like|most-?(?:read|popular|viewed|shared)|popular|trending|outbrain|taboola|teasers?|story-?list|more-?headlines)(?:$|[\s_-])/i, 'related-link'],
  [/(?:^|[\s_-])(?:share|sharing|social|share-?(?:bar|tools|buttons|links)|sociallinks|addthis|sharethis)(?:$|[\s_-])/i, 'share-prompt'],
  [/(?:^|[\s_-])(?:newsletter|subscribe|subscription|signup|sign-up|paywall|piano|membership|donate|support-?us|inline-?cta|cta)(?:$|[\s_-])/i, 'subscription'],
  [/(?:^|[\s_-])(?:comments?|disqus|respond|reply)(?:$|[\s_-])/i, 'comments'],
  [/(?:^|[\s_-])(?:ad|ads|advert|advertisement|adslot|ad-?slot|ad-?container|dfp|gpt|sponsor(?:ed)?|promo(?:tion)?|native-?ad)(?:$|[\s_-])/i, 'ad'],
  [/(?:^|[\s_-])(?:breadcrumbs?|nav|navbar|menu|skip-?link|pagination|pager)(?:$|[\s_-])/i, 'navigation'],
  [/(?:^|[\s_-])(?:tags?|tag-?list|topics|keywords)(?:$|[\s_-])/i, 'tags'],
  [/(?:^|[\s_-])(?:cookie|consent|gdpr)(?:$|[\s_-])/i, 'cookie-banner'],
  [/(?:^|[\s_-])(?:caption|credit|image-?credit|photo-?credit|wp-caption-text)(?:$|[\s_-])/i, 'non-content'],
];
const WIDGET_ROLES: Record<string, RemovalReason> = { navigation: 'navigation', complementary: 'related-link', banner: 'navigation', contentinfo: 'copyright', search: 'navigation' };

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function textOf(el: El): string {
  return norm(el?.textContent);
}

function linkTextLength(el: El): number {
  let n = 0;
  for (const a of el.querySelectorAll('a')) n += textOf(a).length;
  return n;
}

/** Reads meta tags, canonical link and JSON-LD (NewsArticle and friends). */
export function readMeta(doc: El, url?: string): HtmlMeta {
  const meta: HtmlMeta = {};
  const m = (sel: string) => norm(doc.querySelector(sel)?.getAttribute('content')) || undefined;
  const title = m('meta[property="og:title"]') ?? m('meta[name="twitter:title"]');
  if (title) meta.title = title;
  const site = m('meta[property="og:site_name"]') ?? m('meta[name="application-name"]');
  if (site) meta.siteName = site;
  const pub = m('meta[property="article:published_time"]') ?? m('meta[name="pubdate"]') ?? m('meta[name="publish-date"]') ?? m('meta[itemprop="datePublished"]') ?? m('meta[name="date"]') ?? m('meta[name="dc.date"]') ?? m('meta[name="DC.date.issued"]');
  if (pub) meta.published = pub;
  const author = m('meta[name="author"]') ?? m('meta[property="article:author"]');
  if (author && !/^https?:/.test(author)) meta.author = author;
  const desc = m('meta[property="og:description"]') ?? m('meta[name="description"]');
  if (desc) meta.description = desc;
  const lang = norm(doc.documentElement?.getAttribute?.('lang'));
  if (lang) meta.language = lang.slice(0, 2).toLowerCase();
  const canonical = norm(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) || m('meta[property="og:url"]');
  if (canonical && /^https?:\/\//.test(canonical)) meta.url = canonical;
  else if (url) meta.url = url;
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(s.textContent ?? '');
    } catch {
      continue;
    }
    const art = findArticleLd(data);
    if (!art) continue;
    const str = (v: unknown) => (typeof v === 'string' ? norm(v) : undefined);
    const name = (v: unknown): string | undefined => (typeof v === 'string' ? norm(v) : v && typeof v === 'object' ? str((v as Record<string, unknown>).name) : undefined);
    if (!meta.title && str(art.headline)) meta.title = str(art.headline);
    if (str(art.datePublished)) meta.published = str(art.datePublished);
    const authors = (Array.isArray(art.author) ? art.author : art.author ? [art.author] : []).map(name).filter((x): x is string => !!x);
    if (authors.length) meta.author = authors.length === 1 ? authors[0] : authors;
    const publisher = name(art.publisher);
    if (publisher && !meta.siteName) meta.siteName = publisher;
    if (!meta.description && str(art.description)) meta.description = str(art.description);
    if (!meta.url && str(art.url)) meta.url = str(art.url);
    break;
  }
  if (meta.siteName) meta.outlet = meta.siteName;
  return meta;
}

function findArticleLd(data: unknown, depth = 0): Record<string, unknown> | undefined {
  if (!data || typeof data !== 'object' || depth > 4) return undefined;
  if (Array.isArray(data)) {
    for (const d of data) {
      const r = findArticleLd(d, depth + 1);
      if (r) return r;
    }
    return undefined;
  }
  const o = data as Record<string, unknown>;
  const types = ([] as unknown[]).concat(o['@type'] ?? []).map(String);
  if (types.some((t) => /(?:News|Reportage|Analysis|Opinion|Review|Background)?Article$|BlogPosting|LiveBlogPosting/.test(t))) return o;
  return findArticleLd(o['@graph'], depth + 1);
}

function widgetReason(el: El): RemovalReason | undefined {
  const role = el.getAttribute?.('role');
  if (role && WIDGET_ROLES[role]) return WIDGET_ROLES[role];
  const tag = el.tagName;
  if (tag === 'NAV') return 'navigation';
  if (tag === 'ASIDE') return 'related-link';
  if (tag === 'FIGCAPTION') return 'non-content';
  if (tag === 'FOOTER' || tag === 'HEADER') return undefined; // decided by size below
  const cls = `${el.getAttribute?.('class') ?? ''} ${el.getAttribute?.('id') ?? ''}`;
  if (!cls.trim()) return undefined;
  // embedded posts/quotes are article content even inside "social" wrappers
  if (/embed|tweet|instagram-media|blockquote|pull-?quote/i.test(cls)) return undefined;
  for (const [re, reason] of WIDGET_PATTERNS) if (re.test(cls)) return reason;
  return undefined;
}

/** Removes widgets that are small relative to the page (so a mislabelled main container survives). */
function pruneWidgets(root: El, removed: RemovedPiece[], total: number): void {
  const all = [...root.querySelectorAll('*')];
  const gone = new Set<El>();
  const detached = (el: El) => {
    for (let p = el; p && p !== root; p = p.parentNode) if (gone.has(p)) return true;
    return false;
  };
  for (const el of all) {
    if (detached(el)) continue;
    const reason = widgetReason(el);
    if (!reason) continue;
    const t = textOf(el);
    const paraText = [...el.querySelectorAll('p')].reduce((n: number, p: El) => n + textOf(p).length, 0);
    // never prune something holding a large share of the page's paragraph text
    if (total > 0 && paraText > 0.25 * total) continue;
    // captions are short; share bars, menus and tag lists are short or mostly links (an embedded
    // post inside a "social" wrapper is article text)
    const links = linkTextLength(el);
    if (reason === 'non-content' && t.length > 400) continue;
    if ((reason === 'share-prompt' || reason === 'navigation' || reason === 'tags' || reason === 'ad') && t.length > 200 && links < 0.4 * t.length) continue;
    if (t) {
      // a text rule names the widget more precisely than its class ("promo" holding a newsletter pitch)
      const byText = t.length <= 300 ? matchLineRule(t, countWords(t)) : undefined;
      const where = `${el.tagName.toLowerCase()}${el.getAttribute('class') ? '.' + norm(el.getAttribute('class')).split(' ')[0] : ''}`;
      removed.push({ text: t.slice(0, 2000), reason: byText?.reason ?? reason, rule: byText ? `page widget (${where}): ${byText.rule}` : `page widget (${where})` });
    }
    gone.add(el);
    el.remove();
  }
}

/** Splits a content tree into text blocks (one per leaf block element, inline runs merged). */
export function domBlocks(root: El): (Block & { linkDensity: number; links: number })[] {
  const out: (Block & { linkDensity: number; links: number })[] = [];
  let buf = '';
  let bufLinks = 0;
  let nLinks = 0;
  let tag = 'p';
  const flush = () => {
    const t = norm(buf);
    if (t) out.push({ text: t, tag, linkDensity: t.length ? Math.min(1, bufLinks / t.length) : 0, links: nLinks });
    buf = '';
    bufLinks = 0;
    nLinks = 0;
    tag = 'p';
  };
  const walk = (node: El, inLink: boolean, blockTag: string) => {
    for (const c of node.childNodes ?? []) {
      if (c.nodeType === 3) {
        const v: string = c.textContent ?? '';
        if (!buf.trim()) tag = blockTag;
        buf += v;
        if (inLink) bufLinks += norm(v).length;
        continue;
      }
      if (c.nodeType !== 1) continue;
      const name: string = c.tagName;
      if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT') continue;
      if (name === 'BR') {
        buf += ' ';
        continue;
      }
      if (BLOCK_TAGS.has(name)) {
        flush();
        walk(c, inLink, /^H[1-6]$|^LI$|^BLOCKQUOTE$|^FIGCAPTION$|^PRE$|^TD$|^TH$|^DD$|^DT$/.test(name) ? name.toLowerCase() : 'p');
        flush();
      } else {
        if (name === 'A') nLinks++;
        walk(c, inLink || name === 'A', blockTag);
      }
    }
  };
  walk(root, false, 'p');
  flush();
  return out;
}

const RELATED_HEADING = /^(?:related(?: \w+)?|read (?:more|also|next)|more (?:from|on|stories|news|about)\b.*|see also|also read|you (?:may|might) also like|recommended(?: for you)?|most (?:read|popular|viewed)|trending(?: now)?|top stories|latest (?:news|stories)|further reading|what to read next|more coverage|editor'?s picks)\s*:?$/i;

/** Drops link lists and "Related/Read more" sections from Readability's output blocks. */
function pruneBlocks(blocks: (Block & { linkDensity: number; links: number })[], removed: RemovedPiece[]): Block[] {
  const kept: Block[] = [];
  let inRelated = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const words = b.text.split(' ').length;
    const isHeading = /^h[1-6]$/.test(b.tag ?? '');
    if (RELATED_HEADING.test(b.text) && words <= 8) {
      inRelated = true;
      removed.push({ text: b.text, reason: 'related-link', rule: 'related-links section heading' });
      continue;
    }
    if (inRelated) {
      if (isHeading || (b.linkDensity < 0.5 && words > 25)) inRelated = false;
      else {
        removed.push({ text: b.text, reason: 'related-link', rule: 'item of a related-links section' });
        continue;
      }
    }
    if (b.tag === 'figcaption') {
      removed.push({ text: b.text, reason: 'non-content', rule: 'image caption' });
      continue;
    }
    // link-dense short blocks (lists of headlines, "see also" lines)
    const dense = (x?: { linkDensity: number; links: number; text: string }) => !!x && x.links >= 1 && x.linkDensity > 0.6 && x.text.split(' ').length <= 30;
    // (a sentence that merely carries a link or two is text; headline links have no final full stop)
    const sentence = /[.!?]["”’)]?$/.test(b.text) && b.linkDensity < 0.9;
    if (dense(b) && !sentence && (b.tag === 'li' || dense(blocks[i - 1]) || dense(blocks[i + 1]) || b.linkDensity > 0.95)) {
      removed.push({ text: b.text, reason: 'related-link', rule: `link-dense block (${Math.round(b.linkDensity * 100)}% link text)` });
      continue;
    }
    kept.push({ text: b.text, ...(b.tag ? { tag: b.tag } : {}) });
  }
  return kept;
}

/** Text-density fallback: the element whose direct paragraph children hold the most text. */
function densityRoot(body: El): El | undefined {
  let best: El | undefined;
  let bestScore = 0;
  for (const el of body.querySelectorAll('div,section,article,main,td')) {
    let score = 0;
    for (const c of el.children ?? []) {
      if (c.tagName !== 'P' && c.tagName !== 'H2' && c.tagName !== 'H3' && c.tagName !== 'BLOCKQUOTE') continue;
      const t = textOf(c).length;
      score += t * (1 - Math.min(1, linkTextLength(c) / Math.max(1, t)));
    }
    if (score > bestScore) {
      bestScore = score;
      best = el;
    }
  }
  return bestScore > 100 ? best : undefined;
}

const MAX_DEPTH = 150;

/** Deepest element nesting under root (iterative: deep trees must not overflow the stack). */
function maxDepth(root: El): number {
  let max = 0;
  const stack: [El, number][] = [[root, 0]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > MAX_DEPTH) return max;
    for (const c of el.children ?? []) stack.push([c, d + 1]);
  }
  return max;
}

/** Records page text that neither became a block nor was removed with a reason already. */
function recordLeftOut(pageBlocks: string[], blocks: Block[], removed: RemovedPiece[], title?: string): void {
  const squash = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const known = [...blocks.map((b) => b.text), ...removed.map((r) => r.text), title ?? ''].map(squash).join('\u0001');
  const seen = new Set<string>();
  for (const t of pageBlocks) {
    const k = squash(t);
    if (!k || seen.has(k) || known.includes(k)) continue;
    seen.add(k);
    removed.push({ text: t.slice(0, 2000), reason: 'non-content', rule: 'outside the main content (not chosen by the extractor)' });
  }
}

function wrap(html: string): string {
  return /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
}

/** Readability.js alone on linkedom (the benchmark's baseline): its textContent, or '' when it finds nothing. */
export function readabilityText(html: string): string {
  try {
    const { document } = parseHTML(wrap(html));
    return new (getReadability())(document as never).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

export function extractHtml(html: string, url?: string): HtmlExtraction {
  const removed: RemovedPiece[] = [];
  let document: El;
  try {
    document = parseHTML(wrap(html)).document;
  } catch {
    return { blocks: [], removed, meta: url ? { url } : {}, method: 'none' };
  }
  let meta: HtmlMeta = {};
  try {
    meta = readMeta(document, url);
  } catch {
    /* metadata is best-effort */
  }
  const h1 = document.querySelector('h1');
  const docTitle = norm(document.querySelector('title')?.textContent);
  let title = meta.title ?? (h1 ? textOf(h1) : undefined) ?? (docTitle || undefined);
  if (title && meta.siteName) title = title.replace(new RegExp(`\\s*[|–—-]\\s*${meta.siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`), '');
  try {
    const body = document.body ?? document.documentElement;
    for (const el of [...body.querySelectorAll(DROP_TAGS)]) el.remove();
    const total = [...body.querySelectorAll('p')].reduce((n: number, p: El) => n + textOf(p).length, 0);
    pruneWidgets(body, removed, total);
    // the page's remaining text blocks, before Readability rewrites the tree, so that what it leaves
    // out can be recorded too (nothing is dropped silently)
    const pageBlocks = domBlocks(body).map((b) => b.text);
    let blocks: Block[] = [];
    let method: HtmlExtraction['method'] = 'none';
    let parsed: ReturnType<InstanceType<ReturnType<typeof getReadability>>['parse']> = null;
    // Readability is quadratic or worse on pathologically deep trees (thousands of unclosed
    // <div>/<table> tags); real pages stay far below this depth, so such a page is read flat.
    const deep = maxDepth(body) > MAX_DEPTH;
    if (deep) {
      blocks = pruneBlocks(domBlocks(body), removed);
      method = 'density';
    } else {
      try {
        parsed = new (getReadability())(document as never, { charThreshold: 300 }).parse();
      } catch {
        parsed = null;
      }
    }
    if (deep) {
      // already read flat above
    } else if (parsed?.content && norm(parsed.textContent).length > 80) {
      const { document: cdoc } = parseHTML(wrap(String(parsed.content)));
      blocks = pruneBlocks(domBlocks(cdoc.body), removed);
      method = 'readability';
      if (!title && parsed.title) title = norm(parsed.title);
      if (!meta.author && parsed.byline) meta.author = norm(parsed.byline);
    } else {
      const { document: fresh } = parseHTML(wrap(html));
      const fb = fresh.body ?? fresh.documentElement;
      for (const el of [...fb.querySelectorAll(DROP_TAGS)]) el.remove();
      pruneWidgets(fb, [], total);
      const root = densityRoot(fb);
      if (root) {
        blocks = pruneBlocks(domBlocks(root), removed);
        method = 'density';
      }
    }
    recordLeftOut(pageBlocks, blocks, removed, title);
    return { ...(title ? { title } : {}), blocks, removed, meta, method };
  } catch {
    return { ...(title ? { title } : {}), blocks: [], removed, meta, method: 'none' };
  }
}
