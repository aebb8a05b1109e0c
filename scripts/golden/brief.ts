/**
 * Golden file of the cross-check and brief on the five seeds (test/golden/brief/seeds.json):
 * the seeds go through the whole pipeline in an in-memory store; recorded are short facts only:
 * conflicts (kind, short values such as "about three hours" or "former President", and their
 * sources as seed prefixes), which facts rest on one independent source, the summary's sources,
 * and counts. No seed sentence is stored. (Quotes come from the extraction stage and are checked
 * by the test directly, not kept here.)
 */
import { existsSync, readdirSync } from 'node:fs';
import { seedsDir } from '../../bench/shared.js';
import { Crosscheck } from '../../src/pipeline.js';
import type { FullBriefStory } from '../../src/brief/index.js';

export interface BriefGolden {
  stories: number;
  independentSources: number;
  conflicts: { kind: string; values: { value: string | null; words: number; sources: string[] }[] }[];
  /** Facts told by more than one article: sources and independent-source count. */
  facts: { sources: string[]; independentSources: number }[];
  summary: string[][];
  singleSource: { count: number; millionClaimSources: string[] | null };
  unattributed: number;
  /** The full story, for tests that check more than the golden file keeps. */
  story?: FullBriefStory;
  seedOf?: Record<string, string>;
}

export async function buildBriefGolden(): Promise<BriefGolden> {
  const dir = seedsDir();
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort() : [];
  const cc = await Crosscheck.open(':memory:');
  try {
    const r = await cc.ingest([dir]);
    const doc = await cc.brief({ articleIds: r.articleIds });
    const seedOf: Record<string, string> = {};
    for (const a of await cc.store.listArticles({ ids: r.articleIds })) {
      const f = files.find((x) => a.origin.endsWith(x));
      if (f) seedOf[a.id] = f.slice(0, 3);
    }
    const seeds = (ids: string[]) => ids.map((id) => seedOf[id] ?? id).sort();
    const s = [...(doc.stories as FullBriefStory[])].sort((a, b) => b.articles.length - a.articles.length)[0];
    // short values only: numbers, days and titles; quote and place values are counted in words
    const short = (kind: string, v: string) => (kind === 'number' || kind === 'role' || kind === 'date') && v.split(/\s+/).length <= 5 ? v : null;
    const million = s.singleSource.find((c) => /\bmillion people\b/.test(c.text));
    return {
      stories: doc.stories.length,
      independentSources: s.independentSources,
      conflicts: s.conflicts.map((c) => ({ kind: c.kind, values: c.values.map((v) => ({ value: short(c.kind, v.value), words: v.value.split(/\s+/).length, sources: seeds(v.sources) })) })),
      facts: s.facts.map((f) => ({ sources: seeds(f.sources), independentSources: f.independentSources })),
      summary: s.summary.map((x) => seeds(x.sources)),
      singleSource: { count: s.singleSource.length, millionClaimSources: million ? seeds(million.sources) : null },
      unattributed: s.unattributed.length,
      story: s,
      seedOf,
    };
  } finally {
    await cc.close();
  }
}

export default {
  name: 'brief',
  async build(): Promise<Record<string, unknown>> {
    const { story: _s, seedOf: _o, ...g } = await buildBriefGolden();
    return { 'seeds.json': g };
  },
};
