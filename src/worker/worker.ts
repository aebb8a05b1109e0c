/**
 * `crosscheck worker`: a process that takes per-article jobs from the durable queue (pg-boss) and
 * runs the per-article stages (read -> clean -> metadata via buildArticle; extraction when the
 * extract stage exports `extractArticle`), and/or acts as the single story assigner.
 *
 * Story assignment stays equal to the one-process run: exactly one assigner at a time (a
 * session-level advisory lock; a killed holder's lock is released with its connection) consumes
 * the workers' results in input order, cut into the same batches `Crosscheck.ingestItems` makes,
 * and hands each batch to that same `ingestItems` (publication sort, putArticle, assignStories).
 * Storing a batch, assigning its stories and advancing the run's cursor happen in one PostgreSQL
 * transaction, so a crash at any point either commits the whole batch or none of it.
 */
import pg from 'pg';
import type PgBoss from 'pg-boss';
import { Crosscheck, buildArticle } from '../pipeline.js';
import { PostgresStore } from '../store/postgres.js';
import type { CleanContext } from '../clean/index.js';
import { extractArticle } from '../extract/index.js';
import type { ArticleExtraction } from '../extract/types.js';
import type { Article, ItemError } from '../types.js';
import type { ArticleJob } from './enqueue.js';
import { QUEUE, closeIfAbandoned, decodeResult, encodeResult, jobId, jobTimeout, openRuns, startBoss, type QueueOptions, type RunRow } from './queue.js';

export type WorkerRole = 'build' | 'assign' | 'both';

export interface WorkerOptions extends QueueOptions {
  role?: WorkerRole;
  /** Jobs fetched per round trip (default 16). */
  fetchBatch?: number;
  /** Idle poll interval in ms (default 250). */
  pollMs?: number;
  /** Seconds of silence after which a run still being submitted is taken for abandoned and
   * closed at what was submitted (default: the job timeout). */
  submitTimeoutSeconds?: number;
  /** Exit once every submitted run is done (build role: once the queue is empty). */
  exitWhenIdle?: boolean;
  /** Aborts the loops gracefully (in-flight work finishes). */
  signal?: AbortSignal;
  log?: (line: string) => void;
}

/** What a worker leaves for the assigner, per input index. */
export interface WorkerResult {
  article?: Article;
  error?: ItemError;
  /** Extraction of the article (absent when the extractor failed on it). */
  extraction?: ArticleExtraction;
}

export interface WorkerStats {
  built: number;
  failed: number;
  extracted: number;
  /** Epoch ms of the first and last job handled (NaN when none). */
  firstJobAt: number;
  lastJobAt: number;
  /** Milliseconds spent in the per-article stages (wall clock, and CPU time of this process). */
  busyMs: number;
  cpuMs: number;
  batchesCommitted: number;
  assigned: number;
  /** Milliseconds spent committing batches (storing + story assignment). */
  assignMs: number;
  /** Milliseconds the build loop waited for a fetch, and for the previous batch's save. */
  fetchWaitMs: number;
  saveWaitMs: number;
  /** Per run: items built, epoch ms when the first was fetched and the last saved. */
  runs: Record<string, { n: number; firstAt: number; lastAt: number }>;
}

/** The per-article stages for one job: clean + metadata (with the outlet boilerplate context the
 * submitter computed in input order), then extraction. Never throws. */
export function processJob(job: ArticleJob): WorkerResult {
  const ctx: CleanContext = job.ctx ? { outletLineCounts: new Map(job.ctx.lines), boilerplateMinCount: job.ctx.min } : {};
  const built = buildArticle(job.raw, ctx);
  if ('error' in built) return { error: built };
  try {
    return { article: built, extraction: extractArticle(built) };
  } catch {
    // As in the one-process path: the article is kept; the assigner's ingestItems retries the
    // extraction and, if it fails again, stores none (briefs recompute on demand).
    return { article: built };
  }
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((res) => {
    if (signal?.aborted) return res();
    const onAbort = () => (clearTimeout(t), res());
    const t = setTimeout(() => (signal?.removeEventListener('abort', onAbort), res()), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Stores results, except for indexes the assigner has already committed (a late replay). */
async function saveResults(store: PostgresStore, rows: { run: string; i: number; result: WorkerResult }[]): Promise<void> {
  await store.query(
    `INSERT INTO worker_results (run, i, result)
     SELECT x.run, x.i, x.r FROM unnest($1::text[], $2::int[], $3::bytea[]) AS x(run, i, r)
     WHERE NOT EXISTS (SELECT 1 FROM worker_runs w WHERE w.run = x.run AND w.next_index > x.i)
     ON CONFLICT (run, i) DO NOTHING`,
    [rows.map((r) => r.run), rows.map((r) => r.i), rows.map((r) => encodeResult(r.result))],
  );
}

async function buildLoop(store: PostgresStore, boss: PgBoss, o: WorkerOptions, stats: WorkerStats): Promise<void> {
  const batch = o.fetchBatch ?? 16;
  const fetch = () => boss.fetch<ArticleJob>(QUEUE, { batchSize: batch });
  // Saving a batch's results (and completing its jobs) overlaps with building the next batch, and
  // the next batch is fetched while this one is built: the worker never waits on a round trip.
  let saving: Promise<void> = Promise.resolve();
  let next: ReturnType<typeof fetch> | undefined;
  try {
    while (!o.signal?.aborted) {
      const w0 = performance.now();
      const jobs = await (next ?? fetch());
      stats.fetchWaitMs += performance.now() - w0;
      next = undefined;
      if (!jobs || jobs.length === 0) {
        await saving;
        if (o.exitWhenIdle && (await queueDrained(store, boss))) return;
        await sleep(o.pollMs ?? 250, o.signal);
        continue;
      }
      const fetchedAt = Date.now();
      if (Number.isNaN(stats.firstJobAt)) stats.firstJobAt = fetchedAt;
      next = fetch();
      next.catch(() => {}); // surfaced when awaited
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const rows = jobs.map((j) => {
        const result = processJob(j.data);
        if (result.article) stats.built++;
        if (result.error) stats.failed++;
        if (result.extraction !== undefined) stats.extracted++;
        return { run: j.data.run, i: j.data.i, result };
      });
      stats.busyMs += performance.now() - t0;
      const c1 = process.cpuUsage(c0);
      stats.cpuMs += (c1.user + c1.system) / 1000;
      const s0 = performance.now();
      await saving; // at most one batch in flight
      stats.saveWaitMs += performance.now() - s0;
      saving = (async () => {
        await saveResults(store, rows);
        await boss.complete(QUEUE, jobs.map((j) => j.id));
        const savedAt = Date.now();
        stats.lastJobAt = savedAt;
        for (const r of rows) {
          const per = (stats.runs[r.run] ??= { n: 0, firstAt: fetchedAt, lastAt: savedAt });
          per.n++;
          per.lastAt = savedAt;
        }
        o.log?.(`built ${rows.length} items (${stats.built + stats.failed} so far)`);
      })();
      saving.catch(() => {}); // surfaced by the next await
    }
  } finally {
    await saving; // graceful stop: the batch in hand is saved before exit
    // Jobs fetched ahead and not started are handed back at once (else they wait for expiry).
    const left = next ? await next.catch(() => null) : null;
    if (left && left.length) await boss.fail(QUEUE, left.map((j) => j.id)).catch(() => {});
  }
}

/** No queued or running job, and every open run has been fully submitted. */
async function queueDrained(store: PostgresStore, boss: PgBoss): Promise<boolean> {
  const runs = await openRuns(store);
  if (runs.some((r) => r.total === null)) return false;
  return (await boss.getQueueSize(QUEUE, { before: 'completed' })) === 0;
}

/** Items [next, end) of a run when a whole batch (or the run's tail) is ready, else the gap. */
async function readyBatch(store: PostgresStore, run: RunRow): Promise<{ items: WorkerResult[]; end: number } | { gap: number }> {
  const items: WorkerResult[] = [];
  let expected = run.nextIndex;
  let articles = 0;
  for (;;) {
    const rows = await store.query<{ i: number; result: Buffer }>('SELECT i, result FROM worker_results WHERE run = $1 AND i >= $2 ORDER BY i LIMIT 200', [run.run, expected]);
    for (const r of rows) {
      if (r.i !== expected) return { gap: expected };
      const result = decodeResult<WorkerResult>(r.result);
      items.push(result);
      expected++;
      if (result.article) articles++;
      if (articles >= run.batchSize) return { items, end: expected };
    }
    if (run.total !== null && expected >= run.total) return { items, end: expected };
    if (rows.length < 200) return { gap: expected };
  }
}

/**
 * Commits one batch: ingestItems (store + stories), extraction docs, cursor; all or nothing.
 * `astore` is the assigner's own store object, routed through the transaction in place so the
 * clusterer's in-memory state (kept per Store object) carries over from batch to batch.
 */
async function commitBatch(astore: PostgresStore, run: RunRow, items: WorkerResult[], end: number): Promise<number> {
  return astore.transactionInPlace(async () => {
    const [cur] = await astore.query<{ next_index: number }>('SELECT next_index FROM worker_runs WHERE run = $1 FOR UPDATE', [run.run]);
    if (!cur || Number(cur.next_index) !== run.nextIndex) return 0; // somebody else committed it
    const input: (Article | ItemError)[] = [];
    const extracted = new Map<string, ArticleExtraction>();
    for (const r of items) {
      if (r.article) input.push(r.article);
      if (r.error) input.push(r.error);
      if (r.article && r.extraction) extracted.set(r.article.id, r.extraction);
    }
    await Crosscheck.withStore(astore).ingestItems(input, { batchSize: run.batchSize, extracted });
    await astore.query(
      `UPDATE worker_runs SET next_index = $2, finished_at = CASE WHEN total IS NOT NULL AND $2 >= total THEN $3 ELSE NULL END WHERE run = $1`,
      [run.run, end, new Date().toISOString()],
    );
    await astore.query('DELETE FROM worker_results WHERE run = $1 AND i < $2', [run.run, end]);
    return items.filter((r) => r.article).length;
  });
}

/** Turns a job that exhausted its retries into a per-item error so the run can go on. */
async function failedJobResult(store: PostgresStore, boss: PgBoss, run: string, i: number): Promise<boolean> {
  const job = await boss.getJobById<ArticleJob>(QUEUE, jobId(run, i), { includeArchive: true });
  if (!job || job.state !== 'failed') return false;
  const origin = job.data?.raw?.origin ?? `${run}#${i + 1}`;
  const error: ItemError = { origin, code: 'internal', error: `${origin}: a worker failed on this item ${job.retryCount + 1} times; please report this input` };
  await saveResults(store, [{ run, i, result: { error } }]);
  return true;
}

async function assignLoop(url: string, store: PostgresStore, boss: PgBoss, o: WorkerOptions, stats: WorkerStats): Promise<void> {
  const log = o.log ?? (() => {});
  // The lock lives on its own connection: if this process dies, the server drops the
  // connection and the lock with it, and another worker's assigner takes over.
  const lockConn = new pg.Client({ connectionString: url });
  lockConn.on('error', () => {});
  await lockConn.connect();
  // The assigner's own store object (see commitBatch); replaced after a failed batch so that
  // in-memory clusterer state never runs ahead of what was committed.
  let astore = new PostgresStore(url, { max: 2 });
  try {
    let holding = false;
    let gapSince = 0;
    let failures = 0;
    while (!o.signal?.aborted) {
      if (!holding) {
        const [{ ok }] = (await lockConn.query("SELECT pg_try_advisory_lock(hashtext('crosscheck:assigner:' || current_schema())) AS ok")).rows as { ok: boolean }[];
        holding = ok;
        if (holding) log('assigner: holding the assigner lock');
      }
      const runs = await openRuns(store);
      if (runs.length === 0 && o.exitWhenIdle) return;
      if (!holding || runs.length === 0) {
        await sleep(holding ? (o.pollMs ?? 250) : 1000, o.signal);
        continue;
      }
      const run = runs[0];
      const ready = await readyBatch(store, run);
      if ('gap' in ready) {
        // Waiting for a worker. A job that failed for good becomes an item error after a while.
        if (!gapSince) gapSince = Date.now();
        else if (Date.now() - gapSince > 2000) {
          gapSince = 0;
          log(`assigner: run ${run.run}: waiting for item ${ready.gap}`);
          if (await failedJobResult(store, boss, run.run, ready.gap)) continue;
          if (ready.gap >= run.submitted && (await closeIfAbandoned(store, run, o.submitTimeoutSeconds ?? jobTimeout(o)))) {
            process.stderr.write(`crosscheck worker: run ${run.run}: its submitter has been silent for too long; closed at ${run.submitted} items so later runs go on (replay it with \`crosscheck enqueue --run ${run.run}\` to submit the rest)\n`);
            continue;
          }
        }
        await sleep(Math.min(100, o.pollMs ?? 250), o.signal);
        continue;
      }
      gapSince = 0;
      try {
        const t0 = performance.now();
        const n = await commitBatch(astore, run, ready.items, ready.end);
        stats.assignMs += performance.now() - t0;
        failures = 0;
        stats.batchesCommitted++;
        stats.assigned += n;
        log(`assigner: run ${run.run}: committed items ${run.nextIndex}..${ready.end - 1} (${n} articles)`);
      } catch (e) {
        // Rolled back: drop the in-memory state with the store object and try again.
        failures++;
        process.stderr.write(`crosscheck worker: assigning run ${run.run} from item ${run.nextIndex} failed (${(e as Error).message}); retrying\n`);
        await astore.close().catch(() => {});
        astore = new PostgresStore(url, { max: 2 });
        if (failures >= 5) throw e;
        await sleep(1000 * failures, o.signal);
      }
    }
  } finally {
    await astore.close().catch(() => {});
    await lockConn.end().catch(() => {});
  }
}

/**
 * Runs a loop; a database error (server restart, dropped connection) is logged and the loop
 * restarted after a pause, up to 10 times in a row, so one hiccup does not stop a worker.
 * Jobs in hand at that moment are retried by pg-boss after their timeout.
 */
async function resilient(name: string, loop: () => Promise<void>, o: WorkerOptions): Promise<void> {
  for (let failures = 0; ; ) {
    try {
      return await loop();
    } catch (e) {
      if (o.signal?.aborted || ++failures > 10) throw e;
      process.stderr.write(`crosscheck worker: ${name} loop failed (${(e as Error).message}); restarting (${failures}/10)\n`);
      await sleep(500 * failures, o.signal);
    }
  }
}

/** Runs a worker until aborted (or idle, with exitWhenIdle). */
export async function runWorker(url: string, o: WorkerOptions = {}): Promise<WorkerStats> {
  const role = o.role ?? 'both';
  const stats: WorkerStats = { built: 0, failed: 0, extracted: 0, firstJobAt: NaN, lastJobAt: NaN, busyMs: 0, cpuMs: 0, batchesCommitted: 0, assigned: 0, assignMs: 0, fetchWaitMs: 0, saveWaitMs: 0, runs: {} };
  const store = new PostgresStore(url, { max: 4 });
  let boss: PgBoss | undefined;
  try {
    await store.migrate(); // includes the worker tables (migration 2)
    boss = await startBoss(url, o);
    const loops: Promise<void>[] = [];
    const b = boss;
    if (role !== 'assign') loops.push(resilient('build', () => buildLoop(store, b, o, stats), o));
    if (role !== 'build') loops.push(resilient('assigner', () => assignLoop(url, store, b, o, stats), o));
    await Promise.all(loops);
    return stats;
  } finally {
    await boss?.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => {});
    await store.close();
  }
}
