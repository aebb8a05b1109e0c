/**
 * Golden file of the cluster stage on the five seeds (test/golden/cluster/seeds.json): the seeds
 * go through the whole pipeline (ingest, clean, metadata, stories, provenance) in an in-memory
 * store; recorded per seed: its story (as an index), provenance kind, source (`of`) and family
 * root (as seed file prefixes), wire; per story: article and family counts. No seed text.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { seedsDir } from '../../bench/shared.js';
import { Crosscheck } from '../../src/pipeline.js';
import { detectWire } from '../../src/cluster/text.js';

export interface ClusterGolden {
  stories: { articles: string[]; familyCount: number }[];
  seeds: Record<string, { story: number; kind: string; of: string | null; family: string; wire: string | null }>;
}

/** Ingests the seeds (in one batch, or one batch per seed in reverse file order) and records the result. */
export async function buildClusterGolden(opts: { reverse?: boolean } = {}): Promise<ClusterGolden> {
  const dir = seedsDir();
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort() : [];
  const cc = await Crosscheck.open(':memory:');
  try {
    if (opts.reverse) for (const f of [...files].reverse()) await cc.ingest([join(dir, f)]);
    else await cc.ingest([dir], { batchSize: 500 });
    const seedOf = new Map<string, string>(); // article id -> seed prefix ("003")
    for (const a of await cc.store.listArticles({})) {
      const f = files.find((x) => a.origin.endsWith(x));
      if (f) seedOf.set(a.id, f.slice(0, 3));
    }
    const rows = (await cc.store.listStories({ limit: 100 })).map((r) => ({ ...r, seeds: r.articleIds.map((id) => seedOf.get(id) ?? id).sort() }));
    rows.sort((a, b) => a.seeds[0].localeCompare(b.seeds[0]));
    const out: ClusterGolden = { stories: [], seeds: {} };
    for (const [i, r] of rows.entries()) {
      out.stories.push({ articles: r.seeds, familyCount: r.familyCount });
      const prov = await cc.store.getProvenance(r.articleIds);
      for (const id of r.articleIds) {
        const p = prov.get(id);
        const a = await cc.store.getArticle(id);
        out.seeds[seedOf.get(id) ?? id] = {
          story: i,
          kind: p?.kind ?? 'none',
          of: p?.of ? (seedOf.get(p.of) ?? p.of) : null,
          family: p ? (seedOf.get(p.family) ?? p.family) : 'none',
          wire: a ? (detectWire(a)?.wire ?? null) : null,
        };
      }
    }
    out.seeds = Object.fromEntries(Object.entries(out.seeds).sort((a, b) => a[0].localeCompare(b[0])));
    return out;
  } finally {
    await cc.close();
  }
}

export default {
  name: 'cluster',
  async build(): Promise<Record<string, unknown>> {
    return { 'seeds.json': await buildClusterGolden() };
  },
};
