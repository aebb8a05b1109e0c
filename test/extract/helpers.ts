/** Builds articles for extraction tests the way the pipeline does (clean + metadata), from text. */
import { buildArticle } from '../../src/pipeline.js';
import { isItemError } from '../../src/ingest/index.js';
import type { Article } from '../../src/types.js';
import type { ArticleExtraction } from '../../src/extract/types.js';

let n = 0;

/** Our own fictional article text -> Article (published date given like a feed/record would). */
export function article(text: string, published?: string): Article {
  const art = buildArticle({ origin: `test-${++n}.txt`, format: 'text', body: { kind: 'text', text }, given: published ? { published } : {} });
  if (isItemError(art)) throw new Error(art.error);
  if (published) art.metadata.published = published;
  return art;
}

export function entityNamed(ex: ArticleExtraction, name: string) {
  return ex.entities.find((e) => e.name === name || e.variants.includes(name));
}

export function speakerOf(ex: ArticleExtraction, fragment: string): string | null | undefined {
  const q = ex.quotes.find((x) => x.text.includes(fragment));
  if (!q) return undefined;
  return q.speaker ? ex.entities.find((e) => e.id === q.speaker)?.name ?? null : null;
}
