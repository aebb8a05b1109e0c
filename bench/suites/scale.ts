/**
 * Scale-out (issue 7): articles/s with 1 and 2 `crosscheck worker` processes on the same
 * PostgreSQL (per-article stages: read, clean, metadata, extraction), the single story assigner's
 * rate, and one-process `ingest` rates on SQLite vs PostgreSQL, all on the same ECB+ documents
 * (../shared/bench/ecbplus/ecbplus_docs.jsonl, first N; N from CROSSCHECK_SCALE_DOCS, default 982).
 *
 * Workers are long-running processes, so their rate is measured in steady state: each worker
 * first takes about WARM_PER_WORKER warm-up jobs (V8 compiles the hot code on background threads
 * during the first few thousand articles, which on a 2-core machine would otherwise eat the second
 * core), then the timed runs follow in the same queue. Beside it, the same work in memory in 1 and
 * 2 processes at once (bench/scale/ceiling.ts) shows what this machine can give at best.
 * PostgreSQL: CROSSCHECK_BENCH_PG, else CROSSCHECK_TEST_PG, else the local crosscheck_test database;
 * every measurement runs in a scratch schema dropped afterwards.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { BenchSuite } from '../run.js';
import { fmt, sharedDir } from '../shared.js';
import { Crosscheck } from '../../src/pipeline.js';
import { enqueuePaths } from '../../src/worker/index.js';

const PG = process.env.CROSSCHECK_BENCH_PG ?? process.env.CROSSCHECK_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/crosscheck_test';

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function withSchema<T>(fn: (url: string, schema: string) => Promise<T>): Promise<T> {
  const schema = `cc_bench_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE SCHEMA ${schema}`);
  const u = new URL(PG);
  u.searchParams.set('options', `-c search_path=${schema}`);
  try {
    return await fn(u.toString(), schema);
  } finally {
    await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin(`DROP SCHEMA IF EXISTS ${schema}_q CASCADE`);
  }
}

interface Stats {
  runs: Record<string, { n: number; firstAt: number; lastAt: number }>;
  built: number;
  failed: number;
  firstJobAt: number;
  lastJobAt: number;
  busyMs: number;
  cpuMs: number;
  assigned: number;
  assignMs: number;
}

function worker(args: string[]): Promise<Stats> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker', ...args, '--exit-when-idle', '--stats'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    const t = setTimeout(() => p.kill('SIGKILL'), 600_000);
    p.on('exit', (code) => {
      clearTimeout(t);
      if (code !== 0) return reject(new Error(`worker exited ${code}: ${err.slice(-2000)}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as Stats);
    });
  });
}

const WARM_PER_WORKER = Number(process.env.CROSSCHECK_SCALE_WARM ?? 1500);
const TIMED_PASSES = 2;

/**
 * Per-article stages with k build-only workers, in steady state: warm-up runs, then TIMED_PASSES
 * timed runs of the file; the rate is timed items over the window from the first timed job fetched
 * to the last one saved, over all workers. Then the assigner alone on the timed runs.
 */
async function workersRun(file: string, n: number, k: number): Promise<{ rate: number; cold: number; cpuRate: number; assignRate: number; perWorker: number[] }> {
  return withSchema(async (url, schema) => {
    const q = `${schema}_q`;
    const warmRuns = Math.ceil((k * WARM_PER_WORKER) / n);
    const runs = [...Array.from({ length: warmRuns }, (_, i) => `warm${i}`), ...Array.from({ length: TIMED_PASSES }, (_, i) => `timed${i}`)];
    for (const run of runs) await enqueuePaths(url, [file], { queueSchema: q, run });
    const common = ['--db', url, '--queue-schema', q];
    const stats = await Promise.all(Array.from({ length: k }, () => worker([...common, '--role', 'build'])));
    const window = (prefix: string) => {
      const per = stats.flatMap((s) => Object.entries(s.runs).filter(([r]) => r.startsWith(prefix)).map(([, v]) => v));
      const items = per.reduce((acc, v) => acc + v.n, 0);
      return items / ((Math.max(...per.map((v) => v.lastAt)) - Math.min(...per.map((v) => v.firstAt))) / 1000);
    };
    const timedPer = stats.map((s) => Object.entries(s.runs).filter(([r]) => r.startsWith('timed')).reduce((acc, [, v]) => acc + v.n, 0));
    const busy = stats.reduce((acc, x) => acc + x.cpuMs, 0);
    const built = stats.reduce((acc, x) => acc + x.built + x.failed, 0);
    // The assigner commits every run in submission order; its rate is over all of them.
    const a = await worker([...common, '--role', 'assign']);
    return { rate: window('timed'), cold: window('warm0'), cpuRate: built / (busy / 1000), assignRate: a.assigned / (a.assignMs / 1000), perWorker: timedPer };
  });
}

/** Rate of the same per-article work in memory in `k` processes at once (steady state). */
async function ceiling(file: string, k: number): Promise<number> {
  const one = () =>
    new Promise<{ n: number; ms: number }>((resolve, reject) => {
      const p = spawn(process.execPath, ['--import', 'tsx', 'bench/scale/ceiling.ts', file, '2', String(TIMED_PASSES)], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      p.stdout.on('data', (d) => (out += d));
      p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`ceiling child exited ${code}`))));
    });
  const r = await Promise.all(Array.from({ length: k }, one));
  return r.reduce((acc, x) => acc + x.n / (x.ms / 1000), 0);
}

async function oneProcess(db: string, file: string): Promise<{ rate: number; stored: number }> {
  const cc = await Crosscheck.open(db);
  try {
    const t0 = performance.now();
    const r = await cc.ingest([file]);
    return { rate: (r.stored + r.duplicates) / ((performance.now() - t0) / 1000), stored: r.stored };
  } finally {
    await cc.close();
  }
}

const suite: BenchSuite = {
  name: 'scale',
  description: 'articles/s: 1 vs 2 workers on PostgreSQL (per-article stages), assigner, one-process SQLite vs PostgreSQL (ECB+)',
  async run() {
    const n = Number(process.env.CROSSCHECK_SCALE_DOCS ?? 982);
    const lines = readFileSync(join(sharedDir(), 'bench', 'ecbplus', 'ecbplus_docs.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, n);
    const dir = mkdtempSync(join(tmpdir(), 'cc-scale-'));
    const file = join(dir, 'ecb.jsonl'); // a scratch copy outside the repo
    writeFileSync(file, lines.join('\n') + '\n');
    try {
      console.log(`${lines.length} ECB+ documents; ${cpus().length} CPUs; PostgreSQL ${new URL(PG).host}; load average ${loadavg()[0].toFixed(1)}`);
      // Warm-up (untimed): one pass loads the NLP models and lets V8 compile the hot paths.
      await oneProcess(':memory:', file);
      const sqlite = await oneProcess(join(dir, 'bench.db'), file);
      const pgOne = await withSchema((url) => oneProcess(url, file));
      console.log(`one process, ingest (all stages + story assignment):  SQLite ${fmt(sqlite.rate, 1)} articles/s   PostgreSQL ${fmt(pgOne.rate, 1)} articles/s   (stored ${sqlite.stored} / ${pgOne.stored})`);
      const [c1, c2] = [await ceiling(file, 1), await ceiling(file, 2)];
      const w1 = await workersRun(file, lines.length, 1);
      const w2 = await workersRun(file, lines.length, 2);
      console.log(`workers, per-article stages, steady state (${TIMED_PASSES} timed passes after ~${WARM_PER_WORKER} warm-up jobs per worker):`);
      console.log(`  1 worker ${fmt(w1.rate, 1)} articles/s   2 workers ${fmt(w2.rate, 1)} articles/s   speed-up ${fmt(w2.rate / w1.rate, 2)}x (goal >= 1.8x; timed items per worker: ${w2.perWorker.join(' + ')})`);
      console.log(`  same work in memory, no database (machine ceiling): 1 process ${fmt(c1, 1)}   2 processes ${fmt(c2, 1)} articles/s = ${fmt(c2 / c1, 2)}x; the 2 workers reach ${fmt((100 * w2.rate) / c2, 0)}% of it`);
      console.log(`  cold (first warm-up run, JIT still compiling): 1 worker ${fmt(w1.cold, 1)}   2 workers ${fmt(w2.cold, 1)} articles/s; per CPU-second of stage work: ${fmt(w1.cpuRate, 1)} (1) / ${fmt(w2.cpuRate, 1)} (2)`);
      console.log(`single story assigner (store + assignStories, in input order): ${fmt(w1.assignRate, 1)} articles/s`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default suite;
