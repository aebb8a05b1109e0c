/**
 * Brief: assembles the brief JSON for stories from the store. Renderers turn it into Markdown
 * (./markdown.ts) and a standalone HTML page (./html.ts).
 */
import type { Store } from '../store/index.js';
import type { Article, BriefArticle, BriefDocument, BriefStory, Provenance } from '../types.js';

export function briefArticle(a: Article, prov?: Provenance): BriefArticle {
  return {
    id: a.id,
    origin: a.origin,
    outlet: a.metadata.outlet ?? null,
    title: a.metadata.title ?? null,
    published: a.metadata.published ?? null,
    byline: a.metadata.byline,
    wire: a.metadata.wire ?? null,
    ...(prov ? { provenance: { kind: prov.kind, of: prov.of, confidence: prov.confidence } as Provenance } : {}),
    url: a.metadata.url ?? null,
    dateline: a.metadata.dateline ?? null,
    language: a.metadata.language,
    fieldSources: a.metadata.fieldSources,
    text: a.text,
    paragraphs: a.paragraphs,
    removed: a.removed,
  };
}

export async function buildStory(store: Store, storyId: string): Promise<BriefStory | null> {
  const story = await store.getStory(storyId);
  if (!story) return null;
  const articles = await store.listArticles({ storyId });
  const prov = await store.getProvenance(articles.map((a) => a.id));
  return { id: story.id, title: story.title, articles: articles.map((a) => briefArticle(a, prov.get(a.id))) };
}

export async function buildBrief(store: Store, opts: { articleIds?: string[]; storyIds?: string[] } = {}): Promise<BriefDocument> {
  let storyIds = opts.storyIds;
  if (!storyIds && opts.articleIds) {
    const seen = new Set<string>();
    storyIds = [];
    for (const id of opts.articleIds) {
      const s = await store.storyOfArticle(id);
      if (s && !seen.has(s)) { seen.add(s); storyIds.push(s); }
    }
  }
  if (!storyIds) storyIds = (await store.listStories({ limit: 1000 })).map((s) => s.id);
  const stories: BriefStory[] = [];
  for (const id of storyIds) {
    const s = await buildStory(store, id);
    if (s) stories.push(s);
  }
  return { generatedAt: new Date().toISOString(), stories };
}
