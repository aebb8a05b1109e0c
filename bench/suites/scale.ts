/**
 * Scale-out (issue 7): articles/s with 1 and 2 `crosscheck worker` processes on the same
 * PostgreSQL (per-article stages: read, clean, metadata, extraction), the single story assigner's
 * rate, and one-process `ingest` rates on SQLite vs PostgreSQL, all on the same ECB+ documents
 * (../shared/bench/ecbplus/ecbplus_docs.jsonl, first N; N from CROSSCHECK_SCALE_DOCS, default 400).
 * PostgreSQL: CROSSCHECK_BENCH_PG, else CROSSCHECK_TEST_PG, else the local crosscheck_test database;
 * every measurement runs in a scratch schema dropped afterwards.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
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

/** Per-article stages with k build-only workers; then the assigner alone. */
async function workersRun(file: string, k: number): Promise<{ rate: number; summed: number; cpuRate: number; built: number; assignRate: number; perWorker: number[] }> {
  return withSchema(async (url, schema) => {
    const q = `${schema}_q`;
    await enqueuePaths(url, [file], { queueSchema: q, run: 'bench' });
    const common = ['--db', url, '--queue-schema', q];
    const stats = await Promise.all(Array.from({ length: k }, () => worker([...common, '--role', 'build'])));
    const built = stats.reduce((s, x) => s + x.built + x.failed, 0);
    const first = Math.min(...stats.map((s) => s.firstJobAt).filter(Number.isFinite));
    const last = Math.max(...stats.map((s) => s.lastJobAt).filter(Number.isFinite));
    const busy = stats.reduce((s, x) => s + x.cpuMs, 0);
    const a = await worker([...common, '--role', 'assign']);
    // Also the sum of each worker's own rate (over its own first-to-last window): start-up skew
    // between processes does not count against it.
    const summed = stats.reduce((acc, x) => acc + (x.built + x.failed) / Math.max(0.001, (x.lastJobAt - x.firstJobAt) / 1000), 0);
    return { rate: built / ((last - first) / 1000), summed, cpuRate: built / (busy / 1000), built, assignRate: a.assigned / (a.assignMs / 1000), perWorker: stats.map((s) => s.built + s.failed) };
  });
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

/** Wall ms of a fixed CPU-bound loop in `k` parallel processes (the machine's parallel ceiling). */
function spin(k: number): Promise<number> {
  const code = 'let x=0;for(let i=0;i<2e8;i++)x+=i%7;if(x<0)console.log(x)';
  const t0 = performance.now();
  return Promise.all(Array.from({ length: k }, () => new Promise<void>((res) => spawn(process.execPath, ['-e', code]).on('exit', () => res())))).then(() => performance.now() - t0);
}

const suite: BenchSuite = {
  name: 'scale',
  description: 'articles/s: 1 vs 2 workers on PostgreSQL (per-article stages), assigner, one-process SQLite vs PostgreSQL (ECB+)',
  async run() {
    const n = Number(process.env.CROSSCHECK_SCALE_DOCS ?? 400);
    const lines = readFileSync(join(sharedDir(), 'bench', 'ecbplus', 'ecbplus_docs.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, n);
    const dir = mkdtempSync(join(tmpdir(), 'cc-scale-'));
    const file = join(dir, 'ecb.jsonl'); // a scratch copy outside the repo
    writeFileSync(file, lines.join('\n') + '\n');
    try {
      const [one, two] = [await spin(1), await spin(2)];
      console.log(`${lines.length} ECB+ documents; ${cpus().length} CPUs; PostgreSQL ${new URL(PG).host}; machine ceiling now: 2 CPU-bound processes run ${fmt((2 * one) / two, 2)}x one`);
      // Warm-up (untimed): the first article loads the NLP models and lexicons.
      writeFileSync(join(dir, 'warm.jsonl'), lines.slice(0, 3).join('\n') + '\n');
      await oneProcess(':memory:', join(dir, 'warm.jsonl'));
      const sqlite = await oneProcess(join(dir, 'bench.db'), file);
      const pgOne = await withSchema((url) => oneProcess(url, file));
      console.log(`one process, ingest (all stages + story assignment):  SQLite ${fmt(sqlite.rate, 1)} articles/s   PostgreSQL ${fmt(pgOne.rate, 1)} articles/s   (stored ${sqlite.stored} / ${pgOne.stored})`);
      const w1 = await workersRun(file, 1);
      const w2 = await workersRun(file, 2);
      console.log(`workers, per-article stages (wall, first to last job):  1 worker ${fmt(w1.rate, 1)} articles/s   2 workers ${fmt(w2.rate, 1)} articles/s   speed-up ${fmt(w2.rate / w1.rate, 2)}x (goal >= 1.8x)`);
      console.log(`  sum of each worker's own rate: 1 worker ${fmt(w1.summed, 1)}   2 workers ${fmt(w2.summed, 1)} articles/s (${fmt(w2.summed / w1.summed, 2)}x)`);
      console.log(`  split between the 2 workers: ${w2.perWorker.join(' + ')}; per CPU-second of stage work: ${fmt(w1.cpuRate, 1)} (1) / ${fmt(w2.cpuRate, 1)} (2) articles`);
      console.log(`single story assigner (store + assignStories, in input order): ${fmt(w1.assignRate, 1)} articles/s`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default suite;
