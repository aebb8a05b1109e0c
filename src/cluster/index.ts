/**
 * Story clustering and provenance. PLACEHOLDER (foundation skeleton): every article starts its own
 * story and is an original. The cluster owner replaces this with the online clusterer.
 */
import type { Store } from '../store/index.js';
import type { Article } from '../types.js';

/** Assigns new articles (in publication order) to stories; returns the ids of touched stories. */
export async function assignStories(store: Store, articles: Article[]): Promise<string[]> {
  const ids: string[] = [];
  for (const a of articles) {
    const id = 's' + a.id;
    const t = a.metadata.published ?? a.ingestedAt;
    await store.putStory({ id, title: a.metadata.title ?? a.paragraphs[0]?.text.slice(0, 80) ?? a.id, articleIds: [a.id], firstSeen: t, lastSeen: t, mergedFrom: [] });
    await store.putProvenance(a.id, { kind: 'original', of: null, confidence: 1, family: a.id });
    ids.push(id);
  }
  return ids;
}
