/**
 * RSS 2.0 / RSS 1.0 (RDF) / Atom feeds -> one RawDoc per item, via fast-xml-parser.
 * Full content from `content:encoded` (RSS) or `<content>` (Atom) when present, else
 * `description` / `summary`. The channel title becomes the outlet (FieldSource 'feed').
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type { GivenMeta, ItemError, RawDoc } from '../types.js';

const ARRAYS = new Set(['item', 'entry', 'link', 'author', 'dc:creator', 'category', 'contributor']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text' });

type Node = Record<string, unknown>;

function asNode(v: unknown): Node | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : null;
}

function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

/** The text of an element: a plain string, `#text` of an element with attributes, or rebuilt markup. */
function text(v: unknown): string | undefined {
  v = first(v);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const n = asNode(v);
  if (!n) return undefined;
  if (typeof n['#text'] === 'string' || typeof n['#text'] === 'number') {
    const t = String(n['#text']).trim();
    if (t) return t;
  }
  // Inline XHTML (Atom type="xhtml") or nested markup: rebuild it as markup.
  const children: Node = {};
  for (const [k, val] of Object.entries(n)) if (!k.startsWith('@_')) children[k] = val;
  if (!Object.keys(children).length) return undefined;
  const built = String(builder.build(children)).trim();
  return built || undefined;
}

function stripTags(s: string): string {
  return s.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
}

function looksLikeHtml(s: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>/i.test(s);
}

/** "jane@example.com (Jane Doe)" -> "Jane Doe". */
function authorName(s: string): string {
  const m = /^\S+@\S+\s*\(([^)]+)\)\s*$/.exec(s);
  if (m) return m[1].trim();
  return s.trim();
}

function authors(v: unknown): string[] {
  const out: string[] = [];
  for (const a of Array.isArray(v) ? v : v === undefined ? [] : [v]) {
    const n = asNode(a);
    const name = n && 'name' in n ? text(n.name) : text(a);
    if (name) out.push(authorName(name));
  }
  return out;
}

function atomLink(v: unknown): string | undefined {
  const links: Node[] = (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((l): Node => asNode(l) ?? { '@_href': l });
  const pick =
    links.find((l) => (l['@_rel'] === undefined || l['@_rel'] === 'alternate') && (l['@_type'] === undefined || String(l['@_type']).includes('html'))) ??
    links.find((l) => l['@_rel'] === undefined || l['@_rel'] === 'alternate') ??
    links[0];
  if (!pick) return undefined;
  const href = pick['@_href'];
  return typeof href === 'string' && href.trim() ? href.trim() : undefined;
}

function body(content: string | undefined): RawDoc['body'] | null {
  if (!content || !content.trim()) return null;
  if (looksLikeHtml(content)) return { kind: 'html', html: content };
  return { kind: 'text', text: content };
}

export type FeedKind = 'rss' | 'atom';

/** 'rss' / 'atom' when the XML text's root element is a feed, else null (cheap prefix check). */
export function sniffFeed(prefix: string): FeedKind | null {
  const s = prefix.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<!DOCTYPE[^>]*>/i, '').trimStart();
  if (/^<rss[\s>]/i.test(s) || /^<rdf:RDF[\s>]/.test(s)) return 'rss';
  if (/^<feed[\s>]/i.test(s)) return 'atom';
  return null;
}

function malformed(origin: string, why: string): ItemError {
  return { origin, code: 'malformed-feed', error: `${origin}: not a valid RSS/Atom feed (${why}); check that the file is a complete feed` };
}

/**
 * Parses a whole feed. Items without any content become ItemErrors; the others are RawDocs.
 * A feed that is not well-formed XML (a truncated download, one bad item) is salvaged item by
 * item: see salvageFeed.
 */
export function* parseFeed(xml: string, origin: string): Generator<RawDoc | ItemError> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    // fast-xml-parser reports a document that ends inside elements as "Invalid '[...]' found".
    const open = /^Invalid '\[([\s\S]*)\]' found/.exec(valid.err.msg);
    const why = open
      ? `it ends inside <${open[1].split(',').map((t) => t.replace(/["\s]/g, '')).join('> <')}>`
      : `${valid.err.msg.replace(/\.$/, '')} at line ${valid.err.line}, column ${valid.err.col}`;
    const kind = sniffFeed(xml.slice(0, 4096));
    if (kind) yield* salvageFeed(xml, origin, kind, why);
    else yield malformed(origin, why);
    return;
  }
  yield* parseWellFormed(xml, origin);
}

const ITEM_RE: Record<FeedKind, { open: RegExp; root: RegExp }> = {
  rss: { open: /<item[\s>]/gi, root: /<(?:rss|rdf:RDF)\b[^>]*>/ },
  atom: { open: /<entry[\s>]/gi, root: /<feed\b[^>]*>/ },
};

/**
 * Recovers the items of a feed that is not well-formed XML. Written by hand because XML parsers
 * (fast-xml-parser included) either reject a malformed document or guess at its tree; a feed is
 * a flat list of self-contained <item>/<entry> elements, so each one can be cut out and parsed
 * alone, inside the feed's own root element, channel title and language. Items that parse are
 * read as usual; each one that does not (or is cut off) becomes its own error; nothing is
 * guessed.
 */
function* salvageFeed(xml: string, origin: string, kind: FeedKind, why: string): Generator<RawDoc | ItemError> {
  const re = ITEM_RE[kind];
  const starts = [...xml.matchAll(re.open)].map((m) => m.index!);
  if (!starts.length) {
    yield malformed(origin, why);
    return;
  }
  const head = xml.slice(0, starts[0]);
  const rootTag = re.root.exec(head)?.[0] ?? (kind === 'rss' ? '<rss>' : '<feed>');
  const rootName = /^<([\w:]+)/.exec(rootTag)![1];
  const keep = (tag: string) => {
    const m = new RegExp(`<${tag}(\\s[^>]*)?>[\\s\\S]*?</${tag}\\s*>`).exec(head);
    return m && XMLValidator.validate(`<x>${m[0]}</x>`) === true ? m[0] : '';
  };
  const channelHead = keep('title') + (kind === 'rss' ? keep('language') + keep('dc:language') : '');
  const wrap = (item: string) =>
    kind === 'rss' ? `${rootTag}<channel>${channelHead}${item}</channel></${rootName}>` : `${rootTag}${channelHead}${item}</${rootName}>`;
  const close = kind === 'rss' ? /<\/item\s*>/i : /<\/entry\s*>/i;
  // Each item runs from its start tag to its own end tag, before the next item starts.
  const chunks = starts.map((at, i) => {
    const segment = xml.slice(at, i + 1 < starts.length ? starts[i + 1] : xml.length);
    const end = close.exec(segment);
    if (!end) return { cut: true, wrapped: null };
    const wrapped = wrap(segment.slice(0, end.index + end[0].length));
    return { cut: false, wrapped: XMLValidator.validate(wrapped) === true ? wrapped : null };
  });
  const read = chunks.filter((c) => c.wrapped).length;
  for (let i = 0; i < chunks.length; i++) {
    const o = `${origin}#${i + 1}`;
    const { cut, wrapped } = chunks[i];
    if (!wrapped) {
      yield {
        origin: o,
        code: 'malformed-feed',
        error: `${o}: this feed item is ${cut ? 'cut off' : 'malformed'}, so it was skipped (the feed is not well-formed XML: ${why}; ${read} other item(s) were read); check that the feed was downloaded completely`,
      };
      continue;
    }
    for (const x of parseWellFormed(wrapped, origin)) {
      yield { ...x, origin: x.origin.replace(/#1$/, `#${i + 1}`) };
    }
  }
}

function* parseWellFormed(xml: string, origin: string): Generator<RawDoc | ItemError> {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (e) {
    yield malformed(origin, (e as Error).message);
    return;
  }
  const rss = asNode(doc.rss);
  const rdf = asNode(doc['rdf:RDF']);
  const atom = asNode(doc.feed);
  let kind: FeedKind;
  let items: unknown[];
  let channelTitle: string | undefined;
  let channelLang: string | undefined;
  if (rss || rdf) {
    kind = 'rss';
    const channel = asNode(first((rss ?? rdf)!.channel)) ?? {};
    items = (channel.item as unknown[] | undefined) ?? (rdf?.item as unknown[] | undefined) ?? [];
    channelTitle = text(channel.title);
    channelLang = text(channel.language) ?? text(channel['dc:language']);
  } else if (atom) {
    kind = 'atom';
    items = (atom.entry as unknown[] | undefined) ?? [];
    channelTitle = text(atom.title);
    channelLang = typeof atom['@_xml:lang'] === 'string' ? (atom['@_xml:lang'] as string) : undefined;
  } else {
    const root = Object.keys(doc).find((k) => !k.startsWith('?')) ?? 'nothing';
    yield { origin, code: 'unsupported', error: `${origin}: XML whose root element is <${root}> is not an RSS or Atom feed; give a feed, an HTML page or a text file` };
    return;
  }
  if (!items.length) {
    yield { origin, code: 'empty', error: `${origin}: the ${kind === 'rss' ? 'RSS' : 'Atom'} feed has no items` };
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const o = `${origin}#${i + 1}`;
    const it = asNode(items[i]);
    if (!it) {
      yield malformed(o, 'the item is empty');
      continue;
    }
    const given: GivenMeta = {};
    let content: string | undefined;
    if (kind === 'rss') {
      content = text(it['content:encoded']) ?? text(it.description);
      given.url = text(it.link) ?? (asNode(first(it.guid))?.['@_isPermaLink'] !== 'false' ? text(it.guid) : undefined);
      given.published = text(it.pubDate) ?? text(it['dc:date']);
      const au = [...authors(it.author), ...authors(it['dc:creator'])];
      if (au.length) given.author = au.length === 1 ? au[0] : au;
      given.outlet = text(it.source) ?? channelTitle;
    } else {
      content = text(it.content) ?? text(it.summary);
      given.url = atomLink(it.link);
      given.published = text(it.published) ?? text(it.updated);
      const au = authors(it.author);
      if (au.length) given.author = au.length === 1 ? au[0] : au;
      given.outlet = text(asNode(it.source)?.title) ?? channelTitle;
    }
    const title = text(it.title);
    if (title) given.title = looksLikeHtml(title) ? stripTags(title) : title;
    if (channelLang) given.language = channelLang;
    for (const k of Object.keys(given) as (keyof GivenMeta)[]) if (given[k] === undefined) delete given[k];
    const b = body(content);
    if (!b) {
      yield { origin: o, code: 'no-article-text', error: `${o}: feed item${title ? ` "${title.slice(0, 60)}"` : ''} has no content or description; fetch its link instead` };
      continue;
    }
    yield { origin: o, format: kind, body: b, given };
  }
}
