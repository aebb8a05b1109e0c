/**
 * Shared helpers of the cluster / provenance / growth suites and the tuning script:
 * the ECB+ loader and the stream order used for ECB+ (which has no publication times).
 *
 * Stream order (documented choice): topics are interleaved round-robin (the i-th document of
 * every topic, topics ascending, then the (i+1)-th...), and inside a topic documents keep file
 * order, which alternates the topic's two events. So many stories, and both events of a topic,
 * are "open" at once, as on a real news desk. No times are given, so no story goes cold.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from './shared.js';
import { StoryClusterer, type ClustererOptions } from '../src/cluster/clusterer.js';
import { bcubed, pairwise, type PRF } from '../src/cluster/eval.js';

export interface EcbDoc {
  id: string;
  topic: number;
  subtopic: string;
  cluster: string;
  split: 'train' | 'dev' | 'test';
  text: string;
}

export function loadEcb(): EcbDoc[] {
  const file = join(sharedDir(), 'bench', 'ecbplus', 'ecbplus_docs.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EcbDoc);
}

/** Round-robin interleaving of topics (see the header). */
export function streamOrder(docs: EcbDoc[]): EcbDoc[] {
  const byTopic = new Map<number, EcbDoc[]>();
  for (const d of docs) {
    const l = byTopic.get(d.topic);
    if (l) l.push(d);
    else byTopic.set(d.topic, [d]);
  }
  const topics = [...byTopic.keys()].sort((a, b) => a - b);
  const out: EcbDoc[] = [];
  for (let i = 0; ; i++) {
    let any = false;
    for (const t of topics) {
      const d = byTopic.get(t)![i];
      if (d) {
        out.push(d);
        any = true;
      }
    }
    if (!any) break;
  }
  return out;
}

/** Runs the online clusterer over docs in stream order; returns story id per doc id. */
export function clusterEcb(docs: EcbDoc[], opts: Partial<ClustererOptions> = {}, background: EcbDoc[] = []): { story: Map<string, string>; merges: number } {
  const c = new StoryClusterer(opts);
  for (const d of background) c.observe(d.text);
  const story = new Map<string, string>();
  const alias = new Map<string, string>();
  let merges = 0;
  const root = (s: string): string => {
    let x = s;
    while (alias.has(x)) x = alias.get(x)!;
    return x;
  };
  for (const d of streamOrder(docs)) {
    const a = c.add({ key: d.id, text: d.text });
    for (const m of a.merged) {
      alias.set(m.from, a.storyId);
      merges++;
    }
    story.set(d.id, a.storyId);
  }
  for (const [k, s] of story) story.set(k, root(s));
  return { story, merges };
}

export function score(docs: EcbDoc[], label: (d: EcbDoc) => string): { pw: PRF; b3: PRF } {
  const pred = docs.map(label);
  const gold = docs.map((d) => d.cluster);
  return { pw: pairwise(pred, gold), b3: bcubed(pred, gold) };
}
