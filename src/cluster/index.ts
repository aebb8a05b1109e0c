/**
 * Stories and provenance over a Store (issue 3).
 *
 *   assignStories(store, articles)  new articles (publication order) -> stories, merges,
 *                                   provenance and family counts, all persisted via the Store.
 *
 * The clusterer (./clusterer.ts) and provenance (./provenance.ts) are pure; this module keeps one
 * in-memory clusterer per open Store. After a restart (or when another process has assigned
 * articles meanwhile: doc cluster/meta holds the last assigned seq), the index is rebuilt by
 * replaying the stored members of the most recent `REPLAY_WINDOW` articles into their stored
 * stories, which restores the document frequencies and the non-cold stories.
 */
import type { Store } from '../store/index.js';
import type { Article, Provenance, Story } from '../types.js';
import { StoryClusterer, type ClustererOptions } from './clusterer.js';
import { computeProvenance, families as familiesOf } from './provenance.js';

export { StoryClusterer, DEFAULT_OPTIONS, type Assignment, type ClusterDoc, type ClustererOptions } from './clusterer.js';
export { computeProvenance, DEFAULT_PROVENANCE, type ProvArticle, type ProvenanceOptions } from './provenance.js';
export { detectWire } from './text.js';

/** Articles replayed into a fresh clusterer on restart (enough to cover every non-cold story). */
export const REPLAY_WINDOW = 50_000;

interface ClusterState {
  c: StoryClusterer;
  lastSeq: number;
}

interface ClusterMeta {
  lastSeq: number;
}

const states = new WeakMap<Store, ClusterState>();
/** Clusterer options per store (tests and benches may override before the first assignment). */
const optionsFor = new WeakMap<Store, Partial<ClustererOptions>>();

export function configureClusterer(store: Store, opts: Partial<ClustererOptions>): void {
  optionsFor.set(store, opts);
  states.delete(store);
}

function timeOf(a: Article): number | undefined {
  // Only a real publication time: ingest time would put undated articles months "later".
  const t = a.metadata.published ? Date.parse(a.metadata.published) : NaN;
  return Number.isNaN(t) ? undefined : t;
}

/** The article's headline: its metadata title, else a heading that opens the text. */
function titleOf(a: Article): string | undefined {
  const h = a.paragraphs[0]?.kind === 'heading' ? a.paragraphs[0].text.trim() : undefined;
  return a.metadata.title?.trim() || h || undefined;
}

function clusterDoc(a: Article) {
  return { key: a.id, text: a.text, title: titleOf(a), time: timeOf(a) };
}

async function stateFor(store: Store): Promise<ClusterState> {
  let st = states.get(store);
  const meta = await store.getDoc<ClusterMeta>('cluster', 'meta');
  if (!st) {
    st = { c: new StoryClusterer(optionsFor.get(store)), lastSeq: 0 };
    states.set(store, st);
    if (meta) st.lastSeq = Math.max(0, meta.lastSeq - REPLAY_WINDOW);
  }
  if (meta && meta.lastSeq > st.lastSeq) await replay(store, st, meta.lastSeq);
  return st;
}

/** Replays stored, already-assigned articles with seq in (st.lastSeq, upTo] into their stories. */
async function replay(store: Store, st: ClusterState, upTo: number): Promise<void> {
  for (;;) {
    const page = await store.listArticles({ afterSeq: st.lastSeq, limit: 500 });
    if (!page.length) break;
    for (const a of page) {
      if ((a.seq ?? 0) > upTo) return;
      st.lastSeq = Math.max(st.lastSeq, a.seq ?? 0);
      const sid = await store.storyOfArticle(a.id);
      if (sid) st.c.restore(clusterDoc(a), sid);
    }
  }
}

/** Assigns new articles (in publication order) to stories; returns the ids of touched stories. */
export async function assignStories(store: Store, articles: Article[]): Promise<string[]> {
  if (!articles.length) return [];
  const st = await stateFor(store);
  const stories = new Map<string, Story>();
  const touched = new Set<string>();
  const fresh = new Map<string, Article>();
  const load = async (id: string): Promise<Story> => {
    let s = stories.get(id);
    if (!s) {
      s = (await store.getStory(id)) ?? { id, title: '', articleIds: [], firstSeen: '', lastSeen: '', mergedFrom: [] };
      stories.set(id, s);
    }
    return s;
  };
  const now = new Date().toISOString();
  for (const a of articles) {
    fresh.set(a.id, a);
    const asg = st.c.add(clusterDoc(a));
    const story = await load(asg.storyId);
    for (const m of asg.merged) {
      const gone = await load(m.from);
      for (const id of gone.articleIds) if (!story.articleIds.includes(id)) story.articleIds.push(id);
      story.mergedFrom.push(m.from, ...gone.mergedFrom.filter((x) => !story.mergedFrom.includes(x)));
      stories.delete(m.from);
      touched.delete(m.from);
      await store.deleteStory(m.from);
      await store.recordMerge({ from: m.from, into: story.id, at: now, reason: `article ${a.id} bridges both stories (similarity ${m.score.toFixed(2)} to ${m.from}, ${asg.score.toFixed(2)} to ${story.id})` });
    }
    if (!story.articleIds.includes(a.id)) story.articleIds.push(a.id);
    touched.add(story.id);
    st.lastSeq = Math.max(st.lastSeq, a.seq ?? 0);
  }
  for (const id of touched) {
    const story = stories.get(id)!;
    const stored = await store.listArticles({ ids: story.articleIds.filter((x) => !fresh.has(x)) });
    const byId = new Map<string, Article>(stored.map((a) => [a.id, a]));
    for (const x of story.articleIds) if (fresh.has(x)) byId.set(x, fresh.get(x)!);
    const members = story.articleIds.map((x) => byId.get(x)).filter((a): a is Article => !!a);
    const prov = computeProvenance(members);
    // Only what changed is written: a story that gains one article keeps most members' provenance.
    const before = await store.getProvenance([...prov.keys()]);
    const same = (a: Provenance | undefined, b: Provenance) => !!a && a.kind === b.kind && a.of === b.of && a.confidence === b.confidence && a.family === b.family && (a.evidence ?? null) === (b.evidence ?? null);
    for (const [aid, p] of prov) if (!same(before.get(aid), p)) await store.putProvenance(aid, p);
    finishStory(story, members, prov);
    await store.putStory(story, { familyCount: familiesOf(prov).size });
  }
  await store.putDoc('cluster', 'meta', { lastSeq: st.lastSeq } satisfies ClusterMeta);
  return [...touched];
}

const KIND_ORDER: Record<Provenance['kind'], number> = { original: 0, 'wire-copy': 1, rewrite: 2, duplicate: 3 };

/** Title (best headline: a declared title over a heading line; originals first; earliest), first/last seen. */
function finishStory(story: Story, members: Article[], prov: Map<string, Provenance>): void {
  const when = (a: Article) => a.metadata.published ?? a.ingestedAt;
  const ranked = [...members].sort((x, y) => {
    const px = prov.get(x.id), py = prov.get(y.id);
    const kx = px ? KIND_ORDER[px.kind] + (px.of ? 0.5 : 0) : 9, ky = py ? KIND_ORDER[py.kind] + (py.of ? 0.5 : 0) : 9;
    const tx = x.metadata.title ? 0 : titleOf(x) ? 1 : 2, ty = y.metadata.title ? 0 : titleOf(y) ? 1 : 2;
    return tx - ty || kx - ky || when(x).localeCompare(when(y)) || (x.seq ?? 0) - (y.seq ?? 0);
  });
  const best = ranked.find((a) => titleOf(a)) ?? ranked[0];
  story.title = (best && (titleOf(best) ?? best.paragraphs[0]?.text.slice(0, 100))) || story.title || story.id;
  const times = members.map(when).filter(Boolean).sort();
  if (times.length) {
    story.firstSeen = times[0];
    story.lastSeen = times[times.length - 1];
  }
}

/** Source families of a stored story: family root article id -> member ids (root first). */
export async function families(store: Store, storyId: string): Promise<Map<string, string[]>> {
  const story = await store.getStory(storyId);
  if (!story) return new Map();
  const prov = await store.getProvenance(story.articleIds);
  return familiesOf(prov);
}

export { familiesOf };
