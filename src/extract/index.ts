/**
 * Extraction (issue 4): per-article entities with roles, quotes with speakers, resolved time
 * expressions and numbers (offsets into Article.text), and the per-story merge of spelling
 * variants, quote wordings and dated events across sources.
 *
 *   extractArticle(article)  -> ArticleExtraction   (pure, a few ms)
 *   mergeStory(items)        -> StoryExtraction     (re-resolves undated articles on the story's date)
 */
import type { Article } from '../types.js';
import type { ArticleExtraction, StoryExtraction } from './types.js';
import { analyse } from './nlp.js';
import { extractEntities } from './entities.js';
import { extractQuotes } from './quotes.js';
import { datelineEnd, extractTimes, type Anchor } from './times.js';
import { extractNumbers } from './numbers.js';
import { mergeExtractions } from './merge.js';

export type * from './types.js';
export { warmGazetteers } from './gazetteer.js';

export interface ExtractOptions {
  /** YYYY-MM-DD (or ISO timestamp) to resolve relative dates against, when the article has none. */
  anchorDate?: string;
  /** What the given anchorDate is (default 'story'). */
  anchorKind?: 'published' | 'dateline' | 'story';
}

/** The date an article's relative time expressions are resolved against. */
export function articleAnchor(article: Article, opts: ExtractOptions = {}): Anchor {
  const pub = article.metadata?.published;
  if (pub && /^\d{4}-\d{2}-\d{2}/.test(pub)) return { date: pub.slice(0, 10), kind: 'published' };
  const dl = article.metadata?.dateline?.date;
  if (dl && /^\d{4}-\d{2}-\d{2}/.test(dl)) return { date: dl.slice(0, 10), kind: 'dateline' };
  if (opts.anchorDate && /^\d{4}-\d{2}-\d{2}/.test(opts.anchorDate)) return { date: opts.anchorDate.slice(0, 10), kind: opts.anchorKind ?? 'story' };
  return { date: null, kind: 'unresolved' };
}

export function extractArticle(article: Article, opts: ExtractOptions = {}): ArticleExtraction {
  const a = analyse(article.text, article.paragraphs);
  const ents = extractEntities(a, article.metadata?.dateline?.text);
  const quotes = extractQuotes(a, ents.mentions, ents.types);
  const times = extractTimes(a, articleAnchor(article, opts), article.metadata?.dateline?.text);
  const skip: [number, number][] = times.map((t) => [t.start, t.start + t.text.length]);
  const dl = article.metadata?.dateline?.text;
  const at = dl ? article.text.indexOf(dl) : -1;
  if (at >= 0) skip.push([at, at + dl!.length]);
  const own = datelineEnd(article.text);
  if (own) skip.push([0, own]);
  // a reported statement that opens the article starts after its dateline ("BRENNICK (AP) — A fire ..., officials said")
  const lead = Math.max(own, at >= 0 && at < 5 && dl ? at + dl.length : 0);
  for (const q of lead ? quotes : []) {
    if (q.kind !== 'reported' || q.start >= lead || q.start + q.text.length <= lead + 10) continue;
    const rest = q.text.slice(lead - q.start).replace(/^[\s\-–—:]+/, '');
    q.start += q.text.length - rest.length;
    q.text = rest;
  }
  const numbers = extractNumbers(a, skip);
  return { articleId: article.id, sentences: a.sentences, entities: ents.entities, mentions: ents.mentions, quotes, times, numbers };
}

/**
 * Merges the extractions of a story's articles. Articles without a date of their own are
 * re-resolved against the story's date (the most common publication/dateline date of the
 * others); what still cannot be resolved stays with anchor 'unresolved'.
 */
export function mergeStory(items: { article: Article; extraction: ArticleExtraction }[]): StoryExtraction {
  const dates = new Map<string, number>();
  for (const { article } of items) {
    const a = articleAnchor(article);
    if (a.date) dates.set(a.date, (dates.get(a.date) ?? 0) + 1);
  }
  const storyDate = [...dates.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0];
  const fixed = items.map((it) => {
    if (articleAnchor(it.article).date || !storyDate) return it;
    return { article: it.article, extraction: { ...it.extraction, times: extractTimes(analyse(it.article.text, it.article.paragraphs), { date: storyDate, kind: 'story' }, it.article.metadata?.dateline?.text) } };
  });
  return mergeExtractions(fixed);
}
