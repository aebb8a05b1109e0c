/** What "the same outcome" means when comparing two stores: articles, stories, provenance, errors. */
import type { Store } from '../../src/store/index.js';

export async function outcome(store: Store) {
  const articles = await store.listArticles();
  const ids = articles.map((a) => a.id);
  const stories = (await store.listStories({ limit: 100000 }))
    .map((s) => ({ id: s.id, title: s.title, articleIds: s.articleIds, mergedFrom: s.mergedFrom, articleCount: s.articleCount, familyCount: s.familyCount }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const prov = await store.getProvenance(ids);
  const extractions: unknown[] = [];
  for (const id of ids) extractions.push(await store.getDoc('extraction', id));
  return {
    texts: articles.map((a) => a.text),
    removed: articles.map((a) => a.removed),
    extractions,
    articleIds: ids,
    stories,
    provenance: ids.map((id) => [id, prov.get(id) ?? null]),
    merges: (await store.listMerges()).map((m) => ({ from: m.from, into: m.into, reason: m.reason })),
    errors: (await store.listErrors(100000)).map((e) => `${e.code} ${e.origin}`).sort(),
  };
}
