/**
 * The plain data that flows between crosscheck's pipeline stages.
 *
 *   ingest  -> RawDoc            (bytes from a file, folder, stdin, HTTP, feed item, JSON record)
 *   clean   -> CleanDoc          (paragraphs + removed pieces with reasons)
 *   ingest/metadata -> ArticleMetadata (title, outlet, byline, dateline, published, language)
 *   (assembled) -> Article       (what the store keeps; id from normalised content)
 *   cluster -> StoryAssignment + Provenance
 *   extract -> Extraction        (entities, quotes, times, numbers, with offsets)
 *   crosscheck -> CrosscheckResult (facts, conflicts, single-source, unattributed)
 *   brief   -> Brief             (JSON; rendered to Markdown / HTML)
 *
 * Every stage is a plain typed function over these objects; the store persists them.
 */

/** Input formats we accept. */
export type InputFormat = 'text' | 'html' | 'json' | 'jsonl' | 'rss' | 'atom';

/** Where a metadata field's value came from (recorded per field). */
export type FieldSource =
  | 'record' // given by the JSON record / feed item / API caller
  | 'html-meta' // <meta>, JSON-LD, <title> of an HTML page
  | 'text' // found in the article text (byline line, dateline, date line, disclaimer)
  | 'url' // derived from the URL (outlet from host, date from path)
  | 'feed' // from the enclosing feed's channel
  | 'inferred'; // computed (language detection, wire from dateline)

/** Metadata supplied alongside the content (record fields, feed item fields, HTTP body fields). */
export interface GivenMeta {
  title?: string;
  url?: string;
  outlet?: string;
  published?: string; // any date string; normalised later
  author?: string | string[];
  language?: string;
}

/** One item produced by the ingest readers, before cleaning. */
export interface RawDoc {
  /** Path or URL it came from; for multi-item inputs `path#n` (1-based item index). */
  origin: string;
  format: InputFormat;
  /** The article body: plain text, or an HTML document/fragment. */
  body: { kind: 'text'; text: string } | { kind: 'html'; html: string };
  given: GivenMeta;
}

/** A per-item failure: the batch goes on. */
export interface ItemError {
  origin: string;
  error: string; // human message, says what to do
  code: ItemErrorCode;
}
export type ItemErrorCode =
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'encoding'
  | 'malformed-json'
  | 'malformed-feed'
  | 'malformed-html'
  | 'no-article-text'
  | 'language'
  | 'unsupported'
  | 'not-found'
  | 'io'
  | 'fetch'
  | 'internal';

export type RemovalReason =
  | 'navigation'
  | 'share-prompt'
  | 'subscription'
  | 'comments'
  | 'disclaimer'
  | 'related-link'
  | 'teaser-headline'
  | 'repeated-title'
  | 'citation-marker'
  | 'ad'
  | 'tracking'
  | 'copyright'
  | 'cookie-banner'
  | 'byline'
  | 'dateline'
  | 'date-line'
  | 'credits'
  | 'tags'
  | 'empty'
  | 'outlet-boilerplate'
  | 'non-content';

/** A piece of the input that is not article text, kept with the reason it was removed. */
export interface RemovedPiece {
  text: string;
  reason: RemovalReason;
  /** 1-based line number in the plain-text input (text inputs), when known. */
  line?: number;
  /** Short human explanation of the rule that fired ("matches share prompt pattern"). */
  rule?: string;
}

export interface Paragraph {
  kind: 'paragraph' | 'heading';
  text: string;
  /** Character offset of this paragraph in Article.text. */
  start: number;
  /** 1-based line in the plain-text input, when known. */
  line?: number;
}

/** Output of the clean stage. */
export interface CleanDoc {
  /** Title found while cleaning (first heading line, <h1>, og:title...), if any. */
  title?: string;
  paragraphs: Paragraph[];
  /** Paragraph texts joined with "\n\n"; Paragraph.start indexes into it. */
  text: string;
  removed: RemovedPiece[];
  /** Metadata the HTML page itself declares (meta tags, JSON-LD). */
  htmlMeta?: GivenMeta & { siteName?: string; description?: string };
}

export interface Dateline {
  /** The dateline text as written ("MOSCOW, Jan 23 (Reuters) –"). */
  text: string;
  place?: string;
  /** ISO date (YYYY-MM-DD) when resolvable. */
  date?: string;
  wire?: string;
}

export interface ArticleMetadata {
  title?: string;
  outlet?: string;
  url?: string;
  byline: string[];
  dateline?: Dateline;
  /** Wire service the text comes from ("Reuters", "AP", "AFP"), if any. */
  wire?: string;
  /** ISO 8601 timestamp or date (YYYY-MM-DD) of publication. */
  published?: string;
  /** ISO 639-1 code ("en"), or "und". */
  language: string;
  /** Where each field came from, by field name. */
  fieldSources: Partial<Record<'title' | 'outlet' | 'url' | 'byline' | 'dateline' | 'wire' | 'published' | 'language', FieldSource>>;
}

/** What the store keeps for each article. */
export interface Article {
  /** Stable id: hash of the normalised clean text (16 hex chars). */
  id: string;
  origin: string;
  format: InputFormat;
  metadata: ArticleMetadata;
  paragraphs: Paragraph[];
  text: string;
  removed: RemovedPiece[];
  /** Ingest order (assigned by the store, 1-based, monotone). */
  seq?: number;
  ingestedAt: string;
}

// ---------------------------------------------------------------- stories & provenance

export type ProvenanceKind = 'original' | 'duplicate' | 'wire-copy' | 'rewrite';

export interface Provenance {
  kind: ProvenanceKind;
  /** The article this one copies or rewrites; null for originals. */
  of: string | null;
  confidence: number; // 0..1
  /** Source family id: the id of the family's root (original) article. */
  family: string;
  /** Human-readable evidence ("87% of 5-shingles shared with ...; dateline (Reuters)"). */
  evidence?: string;
}

export interface Story {
  id: string;
  title: string;
  articleIds: string[];
  /** ISO timestamps: first and last publication (or ingest) time among members. */
  firstSeen: string;
  lastSeen: string;
  /** Ids of stories merged into this one. */
  mergedFrom: string[];
}

export interface StoryMerge {
  from: string;
  into: string;
  at: string;
  reason: string;
}

// ---------------------------------------------------------------- brief (JSON output contract)

export interface BriefArticle {
  id: string;
  origin: string;
  outlet: string | null;
  title: string | null;
  published: string | null;
  byline: string[];
  wire: string | null;
  provenance?: Provenance;
  [extra: string]: unknown;
}

export interface BriefStory {
  id: string;
  title: string;
  articles: BriefArticle[];
  [extra: string]: unknown;
}

export interface BriefDocument {
  generatedAt: string;
  stories: BriefStory[];
  errors?: ItemError[];
}
