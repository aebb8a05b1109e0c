/**
 * Brief: assembles the brief JSON for stories from the store (articles, provenance families,
 * cross-check of facts and conflicts). Renderers turn it into Markdown (./markdown.ts) and a
 * standalone HTML page (./html.ts). The JSON is documented in docs/brief-json.md and
 * schema/brief.schema.json.
 */
import type { Store } from '../store/index.js';
import type { Article, BriefArticle, BriefDocument, BriefStory, Provenance, Story } from '../types.js';
import { crosscheckStory, type CrosscheckResult, type ListedClaim } from '../crosscheck/index.js';

export interface BriefEntity {
  name: string;
  type: 'person' | 'organization' | 'place' | 'other';
  variants: { text: string; sources: string[] }[];
  roles: { text: string; sources: string[] }[];
  sources: string[];
}

export interface BriefQuote {
  speaker: string | null;
  /** With no named speaker: the unnamed source as written ("Kremlin insiders"), else absent or null. */
  attribution?: string | null;
  text: string;
  kind?: 'direct' | 'partial' | 'reported';
  sources: string[];
  variants: { text: string; sources: string[] }[];
  wordingDiffers?: boolean;
}

export interface BriefTimelineEntry {
  date: string;
  end?: string;
  text: string;
  sources: string[];
}

export interface BriefFact {
  text: string;
  sources: string[];
  independentSources: number;
  wordings: { text: string; sources: string[] }[];
  /** True when some of its sources disagree on a detail (see conflicts). */
  conflicted?: boolean;
}

export interface BriefConflictValue {
  value: string;
  text: string;
  sources: string[];
  sentences: { source: string; text: string; start: number }[];
}

export interface BriefConflict {
  kind: 'number' | 'date' | 'role' | 'quote' | 'place' | 'participants';
  about: string;
  values: BriefConflictValue[];
}

/** A story of the brief with every section (issue 5); BriefStory is the base contract. */
export interface FullBriefStory extends BriefStory {
  independentSources: number;
  entities: BriefEntity[];
  quotes: BriefQuote[];
  timeline: BriefTimelineEntry[];
  summary: ListedClaim[];
  facts: BriefFact[];
  conflicts: BriefConflict[];
  singleSource: ListedClaim[];
  unattributed: ListedClaim[];
}

/** Story-level extraction used for entities, quotes and timeline; the cross-check's own is the fallback. */
export type StoryExtractor = (articles: Article[]) => { entities: BriefEntity[]; quotes: BriefQuote[]; timeline: BriefTimelineEntry[] } | null;

let storyExtractor: StoryExtractor | null = null;
/** Lets the extraction stage provide merged entities, quotes and timeline for briefs. */
export function setStoryExtractor(fn: StoryExtractor | null): void {
  storyExtractor = fn;
}

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
    family: prov?.family ?? a.id,
    url: a.metadata.url ?? null,
    dateline: a.metadata.dateline ?? null,
    language: a.metadata.language,
    fieldSources: a.metadata.fieldSources,
    text: a.text,
    paragraphs: a.paragraphs,
    removed: a.removed,
  };
}

/** Fallback entities / quotes / timeline from the cross-check's own claims. */
function ownExtraction(x: CrosscheckResult): { entities: BriefEntity[]; quotes: BriefQuote[]; timeline: BriefTimelineEntry[] } {
  const entities: BriefEntity[] = x.people.map((p) => ({
    name: p.name,
    type: 'person',
    variants: [{ text: p.name, sources: p.sources }],
    roles: p.roles,
    sources: p.sources,
  }));
  const quotes: BriefQuote[] = x.quotes
    .filter((q) => q.kind === 'direct' || q.sources.length > 1)
    .map((q) => ({ speaker: q.speaker, text: q.text, kind: q.kind, sources: q.sources, variants: q.variants, wordingDiffers: q.wordingDiffers }));
  const byDate = new Map<string, BriefTimelineEntry>();
  for (const c of x.claims) {
    for (const d of c.days) {
      if (!d.date || d.date.startsWith('--')) continue;
      const key = d.date + '|' + c.text;
      const e = byDate.get(key);
      if (e) { if (!e.sources.includes(c.article)) e.sources.push(c.article); continue; }
      byDate.set(key, { date: d.date, text: c.text, sources: [c.article] });
    }
  }
  const timeline = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { entities, quotes, timeline };
}

/** Pure: the brief story from its articles and their provenance (articles in publication order). */
export function briefStoryFrom(story: { id: string; title: string }, articles: Article[], prov: Map<string, Provenance>): FullBriefStory {
  const x = crosscheckStory({
    articles: articles.map((a) => ({
      id: a.id,
      text: a.text,
      paragraphs: a.paragraphs,
      published: a.metadata.published ?? a.metadata.dateline?.date ?? null,
      outlet: a.metadata.outlet ?? null,
      family: prov.get(a.id)?.family ?? a.id,
      // the root of a wire family is the original wording even when marked as a wire copy
      kind: prov.get(a.id) ? (prov.get(a.id)!.of ? prov.get(a.id)!.kind : 'original') : undefined,
    })),
  });
  let ext: ReturnType<StoryExtractor> = null;
  try {
    ext = storyExtractor?.(articles) ?? null;
  } catch {
    ext = null; // a failing extractor must not lose the brief: fall back to the cross-check's own
  }
  const own = ownExtraction(x);
  const bySource = new Map(x.sources.map((s) => [s.id, s]));
  return {
    id: story.id,
    title: story.title,
    articles: articles.map((a) => ({ ...briefArticle(a, prov.get(a.id)), reportsAlone: bySource.get(a.id)?.alone ?? [], leavesOut: bySource.get(a.id)?.leavesOut ?? [] })),
    independentSources: x.families,
    entities: ext?.entities ?? own.entities,
    quotes: ext?.quotes ?? own.quotes,
    timeline: ext?.timeline ?? own.timeline,
    summary: x.summary,
    facts: x.facts.map((f) => ({ text: f.text, sources: f.sources, independentSources: f.independentSources, wordings: f.wordings, ...(f.conflicted ? { conflicted: true } : {}) })),
    conflicts: x.conflicts,
    singleSource: x.singleSource,
    unattributed: x.unattributed,
  };
}

export async function buildStory(store: Store, storyId: string): Promise<FullBriefStory | null> {
  const story = await store.getStory(storyId);
  if (!story) return null;
  const articles = await store.listArticles({ storyId });
  const prov = await store.getProvenance(articles.map((a) => a.id));
  const brief = briefStoryFrom(story, articles, prov);
  try {
    await recordConflictCount(store, story, brief.conflicts.length);
  } catch {
    // derived data: a store busy with another writer must not lose the brief (the next one records it)
  }
  return brief;
}

/** Records the story's conflict count for the story list (counts only: members and activity time untouched). */
async function recordConflictCount(store: Store, story: Story, conflictCount: number): Promise<void> {
  await store.setStoryCounts(story.id, { conflictCount });
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
