/**
 * `npm run bench -- crosscheck`: cross-check quality on our fictional example stories (conflict
 * precision / recall against each test/answer-keys/<story>.json, false conflicts per story,
 * share of summary sentences that are source sentences), brief time for a 50-article story after
 * ingest, and the whole pipeline on the seeds from a cold start (spawned CLI).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSuite } from '../run.js';
import { seedsDir } from '../shared.js';
import { Crosscheck } from '../../src/pipeline.js';
import { configureClusterer } from '../../src/cluster/index.js';
import { buildStory, type FullBriefStory } from '../../src/brief/index.js';
import type { BriefStory, RawDoc } from '../../src/types.js';
import { scoreStory, type AnswerKey } from '../../src/crosscheck/score.js';
import { crosscheckStory } from '../../src/crosscheck/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function briefOfFolder(dir: string, queryFeatures?: number): Promise<{ stories: FullBriefStory[]; texts: Map<string, string> }> {
  const cc = await Crosscheck.open(':memory:');
  if (queryFeatures) configureClusterer(cc.store, { queryFeatures });
  try {
    const r = await cc.ingest([dir]);
    const doc = await cc.brief({ articleIds: r.articleIds });
    const texts = new Map<string, string>();
    for (const a of await cc.store.listArticles({ ids: r.articleIds })) texts.set(a.id, a.text);
    return { stories: doc.stories as FullBriefStory[], texts };
  } finally {
    await cc.close();
  }
}

/** A summary sentence is traceable when it is (a trimmed part of) a sentence of a source it cites. */
export function traceable(s: { text: string; sources: string[] }, texts: Map<string, string>): boolean {
  return s.sources.some((id) => (texts.get(id) ?? '').includes(s.text));
}

async function quality(): Promise<void> {
  const exDir = join(root, 'examples');
  let tp = 0, found = 0, planted = 0, recalled = 0, sumSent = 0, sumOk = 0, worstFalse = 0;
  console.log('story                          planted found matched false  summary(traceable)');
  for (const name of readdirSync(exDir).sort()) {
    const keyPath = join(root, 'test', 'answer-keys', `${name}.json`);
    if (!existsSync(keyPath)) continue;
    const key = JSON.parse(readFileSync(keyPath, 'utf8')) as AnswerKey;
    const dflt = (await briefOfFolder(join(exDir, name))).stories.length;
    // measured with each example kept one story (see test/brief/examples.test.ts); the default
    // clusterer's story count is printed beside it
    const { stories, texts } = await briefOfFolder(join(exDir, name), 32);
    const conflicts = stories.flatMap((s) => s.conflicts);
    const sc = scoreStory(key, conflicts);
    const summary = stories.flatMap((s) => s.summary);
    const ok = summary.filter((x) => traceable(x, texts)).length;
    tp += sc.matchedFound; found += conflicts.length; planted += key.conflicts.length; recalled += sc.matchedPlanted;
    sumSent += summary.length; sumOk += ok;
    worstFalse = Math.max(worstFalse, sc.falseConflicts.length);
    console.log(`${name.padEnd(30)} ${String(key.conflicts.length).padStart(7)} ${String(conflicts.length).padStart(5)} ${String(sc.matchedPlanted).padStart(7)} ${String(sc.falseConflicts.length).padStart(5)}  ${ok}/${summary.length}  (${stories.length} story; default clusterer: ${dflt})`);
    for (const m of sc.missed) console.log(`    missed: ${m.kind} ${m.about}`);
    for (const f of sc.falseConflicts) console.log(`    false: ${f.kind} ${f.about} = ${f.values.map((v) => v.value).join(' | ')}`);
  }
  const P = found ? tp / found : 1, R = planted ? recalled / planted : 1;
  console.log(`conflict precision ${P.toFixed(3)}  recall ${R.toFixed(3)}  F1 ${(P + R ? (2 * P * R) / (P + R) : 0).toFixed(3)}  (goal: recall 1.0, at most 1 false conflict per story; worst story: ${worstFalse})`);
  console.log(`summary sentences traceable to a cited source sentence: ${sumOk}/${sumSent} = ${(sumSent ? sumOk / sumSent : 1).toFixed(3)} (goal 1.0)`);
}

/** 50 articles in one story: variants of the seeds and of our examples (each with its own closing line). */
function fiftyArticles(): RawDoc[] {
  const bases: { origin: string; text: string }[] = [];
  for (const f of readdirSync(seedsDir()).sort()) bases.push({ origin: f, text: readFileSync(join(seedsDir(), f), 'utf8') });
  const exDir = join(root, 'examples');
  for (const d of readdirSync(exDir).sort()) for (const f of readdirSync(join(exDir, d)).filter((x) => x.endsWith('.txt')).sort()) bases.push({ origin: `${d}/${f}`, text: readFileSync(join(exDir, d, f), 'utf8') });
  const docs: RawDoc[] = [];
  for (let i = 0; docs.length < 50; i++) {
    const b = bases[i % bases.length];
    docs.push({ origin: `${b.origin}#v${i}`, format: 'text', body: { kind: 'text', text: `${b.text}\n\nThis version, number ${i + 1}, was filed at ${String(6 + (i % 12)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')} by the desk.\n` }, given: {} });
  }
  return docs;
}

async function speed(): Promise<void> {
  const cc = await Crosscheck.open(':memory:');
  try {
    const r = await cc.ingestItems(fiftyArticles());
    const ids = [...new Set(r.articleIds)];
    const t = new Date().toISOString();
    await cc.store.putStory({ id: 'bench-50', title: 'fifty-article story', articleIds: ids, firstSeen: t, lastSeen: t, mergedFrom: [] });
    const wall: number[] = [];
    const cpu: number[] = [];
    let s: BriefStory | null = null;
    for (let k = 0; k < 4; k++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      s = await buildStory(cc.store, 'bench-50');
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    const med = (xs: number[]) => [...xs.slice(1)].sort((a, b) => a - b)[1];
    const full = s as FullBriefStory;
    // the cross-check alone (the rest of a brief is the extraction stage's entities/quotes/timeline)
    const arts = await cc.store.listArticles({ storyId: 'bench-50' });
    const prov = await cc.store.getProvenance(arts.map((a) => a.id));
    const input = { articles: arts.map((a) => ({ id: a.id, text: a.text, paragraphs: a.paragraphs, published: a.metadata.published ?? null, family: prov.get(a.id)?.family ?? a.id, kind: prov.get(a.id)?.kind })) };
    const xw: number[] = [], xc: number[] = [];
    for (let k = 0; k < 4; k++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      crosscheckStory(input);
      xw.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      xc.push((c.user + c.system) / 1000);
    }
    console.log(`brief of a ${full.articles.length}-article story after ingest (buildStory: store, cross-check, extraction merge): first ${wall[0].toFixed(0)} ms wall / ${cpu[0].toFixed(0)} ms CPU (loads NLP models), then median ${med(wall).toFixed(0)} ms wall / ${med(cpu).toFixed(0)} ms CPU; ${full.facts.length} facts, ${full.conflicts.length} conflicts (goal < 200 ms)`);
    console.log(`  of which the cross-check alone: median ${med(xw).toFixed(0)} ms wall / ${med(xc).toFixed(0)} ms CPU (load average now ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} cores)`);
  } finally {
    await cc.close();
  }
}

function coldPipeline(): void {
  const cache = join(root, '.bench-cache');
  mkdirSync(cache, { recursive: true });
  const out = join(cache, 'dist');
  // compile once to plain JS so the timing is the program's, not the TypeScript loader's
  try {
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', out], { stdio: 'ignore' });
  } catch {
    /* type errors elsewhere still emit JS */
  }
  const runner = join(cache, 'run-cli.mjs');
  writeFileSync(runner, "import { main } from './dist/cli/main.js';\nawait main();\n");
  const runs: number[] = [];
  let lastErr = '';
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    const p = spawnSync(process.execPath, [runner, 'brief', seedsDir(), '--db', ':memory:', '--format', 'json', '--quiet'], { encoding: 'utf8', cwd: root });
    runs.push(performance.now() - t0);
    if (p.status !== 0) lastErr = p.stderr.slice(0, 300);
  }
  runs.sort((a, b) => a - b);
  console.log(`whole pipeline on the 5 seeds from a cold start (spawned CLI, brief --format json): median ${runs[1].toFixed(0)} ms, best ${runs[0].toFixed(0)} ms (goal < 1000 ms)${lastErr ? `; CLI error: ${lastErr}` : ''}`);
}

const suite: BenchSuite = {
  name: 'crosscheck',
  description: 'conflict precision/recall on examples/*, summary traceability, 50-article brief time, cold pipeline on the seeds',
  async run() {
    await quality();
    await speed();
    coldPipeline();
  },
};
export default suite;
