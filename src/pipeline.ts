/**
 * The library API: one object that runs the pipeline stages over a Store.
 * The CLI, the HTTP server and the workers are thin shells over this.
 *
 *   read (ingest) -> clean -> metadata -> id -> store -> cluster/provenance -> extract
 *   brief: store -> crosscheck -> brief JSON -> Markdown / HTML
 */
import { cleanDoc, OutletBoilerplate, type CleanContext } from './clean/index.js';
import { isItemError, readInputs, type ReadOptions } from './ingest/index.js';
import { detectMetadata } from './ingest/metadata.js';
import { languageError, languagePolicy, type LanguagePolicy } from './ingest/language.js';
import { openStore, type Store } from './store/index.js';
import type { Article, BriefDocument, ItemError, RawDoc } from './types.js';
import { articleId } from './util/hash.js';
import { assignStories } from './cluster/index.js';
import { buildBrief, setStoryExtractor } from './brief/index.js';
import { extractArticle, mergeStory } from './extract/index.js';

// Briefs take their entities, quotes and timeline from the extraction stage. Extractions made at
// ingest are kept in a bounded in-process cache so a brief right after ingest does not redo them;
// anything else is computed on demand (a few ms per article).
const EXTRACTION_CACHE_MAX = 5000;
const extractionCache = new Map<string, ReturnType<typeof extractArticle>>();
function rememberExtraction(id: string, ex: ReturnType<typeof extractArticle>): void {
  if (extractionCache.size >= EXTRACTION_CACHE_MAX) extractionCache.delete(extractionCache.keys().next().value as string);
  extractionCache.set(id, ex);
}
function extractionOf(article: Article): ReturnType<typeof extractArticle> {
  const hit = extractionCache.get(article.id);
  if (hit) return hit;
  const ex = extractArticle(article);
  rememberExtraction(article.id, ex);
  return ex;
}
setStoryExtractor((articles) => mergeStory(articles.map((article) => ({ article, extraction: extractionOf(article) }))));

export interface ItemEvent {
  kind: 'stored' | 'duplicate' | 'error';
  origin: string;
  id?: string;
  error?: ItemError;
}

export interface IngestReport {
  stored: number;
  duplicates: number;
  failed: ItemError[];
  /** Ids of every article read successfully (stored now or before), in processing order. */
  articleIds: string[];
  /** Story ids touched by this batch. */
  storyIds: string[];
}

export interface IngestOptions extends ReadOptions {
  /** Called once per item, as it is processed. */
  onItem?: (ev: ItemEvent) => void;
  /** Called when an item has been read (before processing), for progress bars. */
  onRead?: (origin: string) => void;
  /** Items processed per sorted batch (publication order within a batch). */
  batchSize?: number;
  /** Extractions already computed (by workers, in parallel), by article id; others are computed here. */
  extracted?: ReadonlyMap<string, ReturnType<typeof extractArticle>>;
  /** Languages accepted (default: $CROSSCHECK_LANGUAGES, else English only); an article whose text
   *  reads as another language is a per-item error (code 'language'). */
  languages?: LanguagePolicy;
}

/** Pure: RawDoc -> Article (clean, metadata, id). Never throws: failures become ItemErrors. */
export function buildArticle(raw: RawDoc, ctx: CleanContext = {}, now = new Date()): Article | ItemError {
  try {
    const clean = cleanDoc(raw, ctx);
    if (!clean.text.trim()) {
      return { origin: raw.origin, code: 'no-article-text', error: `${raw.origin}: no article text found after cleaning; check that the file holds an article` };
    }
    const metadata = detectMetadata(raw, clean);
    return {
      id: articleId(clean.text),
      origin: raw.origin,
      format: raw.format,
      metadata,
      paragraphs: clean.paragraphs,
      text: clean.text,
      removed: clean.removed,
      ingestedAt: now.toISOString(),
    };
  } catch (e) {
    return { origin: raw.origin, code: 'internal', error: `${raw.origin}: failed to process (${(e as Error).message}); please report this input` };
  }
}

/** Reads paths and builds each article on its own (no store, no cross-article context): for
 *  one-article commands such as `clean` and `extract`. */
export async function* readArticles(paths: string[], opts: ReadOptions = {}): AsyncGenerator<Article | ItemError> {
  for await (const item of readInputs(paths, opts)) yield isItemError(item) ? item : buildArticle(item);
}

/** One line for a failed item; item errors usually name their input already. */
export function describeItemError(e: ItemError): string {
  return e.error.includes(e.origin) ? e.error : `${e.origin}: ${e.error}`;
}

/** Publication-order key: published time when known, else ingest order. */
function byPublication(a: { art: Article; n: number }, b: { art: Article; n: number }): number {
  const pa = a.art.metadata.published ? Date.parse(a.art.metadata.published) : NaN;
  const pb = b.art.metadata.published ? Date.parse(b.art.metadata.published) : NaN;
  if (!Number.isNaN(pa) && !Number.isNaN(pb) && pa !== pb) return pa - pb;
  return a.n - b.n;
}

export class Crosscheck {
  /** Lines repeated across articles of one outlet (learnt while ingesting) are removed as boilerplate. */
  private readonly boilerplate = new OutletBoilerplate();

  private constructor(readonly store: Store) {}

  /** buildArticle with this session's outlet boilerplate, then learns the item's lines. */
  private buildLearning(raw: RawDoc): Article | ItemError {
    const art = buildArticle(raw, this.boilerplate.contextForDoc(raw));
    this.boilerplate.observeDoc(raw);
    return art;
  }

  static async open(db?: string): Promise<Crosscheck> {
    return new Crosscheck(await openStore(db));
  }

  static withStore(store: Store): Crosscheck {
    return new Crosscheck(store);
  }

  async close(): Promise<void> {
    await this.store.close();
  }

  /** Reads paths (files, folders, '-', URLs) and ingests every article found. */
  async ingest(paths: string[], opts: IngestOptions = {}): Promise<IngestReport> {
    return this.ingestItems(readInputs(paths, opts), opts);
  }

  /** Ingests already-read items (HTTP API, workers, tests). */
  async ingestItems(items: AsyncIterable<RawDoc | ItemError | Article> | Iterable<RawDoc | ItemError | Article>, opts: IngestOptions = {}): Promise<IngestReport> {
    const report: IngestReport = { stored: 0, duplicates: 0, failed: [], articleIds: [], storyIds: [] };
    const batchSize = opts.batchSize ?? 500;
    const languages = opts.languages ?? languagePolicy(process.env.CROSSCHECK_LANGUAGES);
    let batch: { art: Article; n: number }[] = [];
    let n = 0;
    const touched = new Set<string>();
    const flush = async () => {
      batch.sort(byPublication);
      const fresh: Article[] = [];
      const freshIds = new Set<string>();
      for (const { art } of batch) {
        const res = await this.store.putArticle(art);
        art.seq = res.seq;
        report.articleIds.push(art.id);
        if (res.stored) {
          report.stored++;
          fresh.push(art);
          freshIds.add(art.id);
          opts.onItem?.({ kind: 'stored', origin: art.origin, id: art.id });
        } else {
          report.duplicates++;
          // Crash safety: an article stored by a run that was killed before story assignment has
          // no story yet; it is assigned now (once), exactly as the interrupted run would have.
          if (!freshIds.has(art.id) && (await this.store.storyOfArticle(art.id)) === null) {
            const stored = (await this.store.getArticle(art.id)) ?? art;
            fresh.push(stored);
            freshIds.add(art.id);
          }
          opts.onItem?.({ kind: 'duplicate', origin: art.origin, id: art.id });
        }
      }
      if (fresh.length) for (const s of await assignStories(this.store, fresh)) touched.add(s);
      for (const art of fresh) {
        let ex: ReturnType<typeof extractArticle> | null = null;
        try {
          ex = opts.extracted?.get(art.id) ?? extractArticle(art);
        } catch {
          ex = null; // derived data: a failing extractor must not lose the article (briefs recompute on demand)
        }
        if (ex) {
          rememberExtraction(art.id, ex);
          await this.store.putDoc('extraction', art.id, ex);
        }
      }
      batch = [];
    };
    for await (const item of items) {
      opts.onRead?.(item.origin);
      // Workers hand in Articles already built in parallel (src/worker); RawDocs are built here.
      let built = isItemError(item) ? item : 'body' in item ? this.buildLearning(item) : item;
      if (!isItemError(built)) built = languageError(built, languages) ?? built;
      if (isItemError(built)) {
        report.failed.push(built);
        await this.store.putError({ ...built, at: new Date().toISOString() });
        opts.onItem?.({ kind: 'error', origin: built.origin, error: built });
        continue;
      }
      batch.push({ art: built, n: n++ });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    report.storyIds = [...touched];
    return report;
  }

  /** Builds the brief document for the given stories (default: the stories of these articles, or all). */
  async brief(opts: { articleIds?: string[]; storyIds?: string[] } = {}): Promise<BriefDocument> {
    return buildBrief(this.store, opts);
  }
}
