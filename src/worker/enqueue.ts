/**
 * `crosscheck enqueue`: reads the inputs (same readers as `crosscheck ingest`) and submits one job
 * per item to the durable queue, numbered in input order. Items that already failed to read are
 * recorded as results directly (no job). Replaying a submission with the same --run id inserts
 * nothing twice: job ids and result keys are derived from (run, index).
 */
import { randomUUID } from 'node:crypto';
import type PgBoss from 'pg-boss';
import { isItemError, readInputs, type ReadOptions } from '../ingest/index.js';
import { PostgresStore } from '../store/postgres.js';
import { OutletBoilerplate, outletOf, type LineKeys } from '../clean/boilerplate.js';
import type { ItemError, RawDoc } from '../types.js';
import { QUEUE, encodeResult, jobId, jobTimeout, startBoss, type QueueOptions } from './queue.js';

export interface ArticleJob {
  run: string;
  i: number;
  raw: RawDoc;
  /**
   * Outlet boilerplate context for cleaning, as the one-process pipeline would have it at this
   * point of the input: the outlet's lines already seen in at least `min` earlier articles, with
   * their counts (the only entries the clean stage acts on). Absent when there is none.
   */
  ctx?: { lines: [string, number][]; min: number };
}

/**
 * The pipeline's OutletBoilerplate, also keeping, per outlet, the lines at or above the threshold
 * (so each job gets a compact copy of exactly the context that matters, in O(lines of the doc)).
 */
class TrackedBoilerplate extends OutletBoilerplate {
  readonly hot = new Map<string, Map<string, number>>();

  protected override observeKeys(outlet: string, k: LineKeys): boolean {
    const fresh = super.observeKeys(outlet, k);
    const counts = this.contextFor(outlet).outletLineCounts;
    if (!fresh || !counts) return fresh;
    let hot = this.hot.get(outlet);
    if (!hot) this.hot.set(outlet, (hot = new Map()));
    for (const key of k.all) {
      const c = counts.get(key);
      if (c !== undefined && c >= this.threshold) hot.set(key, c);
    }
    return fresh;
  }

  /** The compact context for the next doc (computed before observing it, like the pipeline). */
  jobContext(raw: RawDoc): ArticleJob['ctx'] {
    const ctx = this.contextForDoc(raw);
    const outlet = outletOf(raw);
    if (!ctx.outletLineCounts || !outlet) return undefined;
    const hot = this.hot.get(outlet);
    return hot && hot.size ? { lines: [...hot], min: ctx.boilerplateMinCount ?? this.threshold } : undefined;
  }
}

export interface EnqueueOptions extends QueueOptions, ReadOptions {
  /** Run id: give the same one to resume or replay a submission safely (default: a new UUID). */
  run?: string;
  /** Articles per story-assignment batch (same meaning as IngestOptions.batchSize; default 500). */
  batchSize?: number;
  /** Jobs inserted per round trip (default 200). */
  chunk?: number;
  onItem?: (origin: string) => void;
}

export interface EnqueueReport {
  run: string;
  total: number;
  readErrors: number;
}

/** Submits items (already read) as jobs of a run; finishes by recording the run's size. */
export async function enqueueItems(
  store: PostgresStore,
  boss: PgBoss,
  items: AsyncIterable<RawDoc | ItemError> | Iterable<RawDoc | ItemError>,
  o: EnqueueOptions = {},
): Promise<EnqueueReport> {
  await store.migrate(); // creates the worker tables (migration 2) on a new store
  const run = o.run ?? randomUUID();
  const batchSize = o.batchSize ?? 500;
  const now = () => new Date().toISOString();
  await store.query('INSERT INTO worker_runs (run, batch_size, created_at, heartbeat_at) VALUES ($1, $2, $3, $3) ON CONFLICT (run) DO UPDATE SET heartbeat_at = $3', [run, batchSize, now()]);
  // Signs of life while reading slow inputs, so the assigner does not take this run for abandoned.
  const beat = setInterval(() => void store.query('UPDATE worker_runs SET heartbeat_at = $2 WHERE run = $1', [run, now()]).catch(() => {}), 30_000);
  beat.unref();
  const chunk = o.chunk ?? 200;
  let jobs: PgBoss.JobInsert<ArticleJob>[] = [];
  let errs: { i: number; err: ItemError }[] = [];
  let n = 0;
  let readErrors = 0;
  let bytes = 0; // payload size of the pending chunk: large articles go in smaller round trips
  // A submission is one session, like one `crosscheck ingest`: boilerplate is learnt in input order.
  const boilerplate = new TrackedBoilerplate();
  const flush = async () => {
    if (jobs.length) await boss.insert(jobs);
    if (errs.length) {
      await store.query(
        `INSERT INTO worker_results (run, i, result) SELECT $1, x.i, x.r FROM unnest($2::int[], $3::bytea[]) AS x(i, r) ON CONFLICT DO NOTHING`,
        [run, errs.map((e) => e.i), errs.map((e) => encodeResult({ error: e.err }))],
      );
    }
    // Every index below n now has its job or its result.
    await store.query('UPDATE worker_runs SET submitted = GREATEST(submitted, $2), heartbeat_at = $3 WHERE run = $1', [run, n, now()]);
    jobs = [];
    errs = [];
    bytes = 0;
  };
  try {
    for await (const item of items) {
      o.onItem?.(item.origin);
      const i = n++;
      if (isItemError(item)) {
        readErrors++;
        errs.push({ i, err: item });
      } else {
        const ctx = boilerplate.jobContext(item);
        boilerplate.observeDoc(item);
        jobs.push({ id: jobId(run, i), name: QUEUE, data: ctx ? { run, i, raw: item, ctx } : { run, i, raw: item }, expireInSeconds: jobTimeout(o) });
        bytes += item.body.kind === 'text' ? item.body.text.length : item.body.html.length;
      }
      if (jobs.length + errs.length >= chunk || bytes > 8_000_000) await flush();
    }
    await flush();
  } finally {
    clearInterval(beat);
  }
  // The size is known only now: the assigner finishes the run's last batch once it sees it. A run
  // that the assigner closed as abandoned (its submitter died) is reopened by this replay.
  await store.query(
    `UPDATE worker_runs SET total = $2, finished_at = NULL, closed_reason = NULL
     WHERE run = $1 AND (total IS NULL OR (closed_reason IS NOT NULL AND total < $2))`,
    [run, n],
  );
  return { run, total: n, readErrors };
}

/** Reads paths and submits them; opens and closes its own connections. */
export async function enqueuePaths(url: string, paths: string[], o: EnqueueOptions = {}): Promise<EnqueueReport> {
  const store = new PostgresStore(url, { max: 2 });
  let boss: PgBoss | undefined;
  try {
    await store.migrate();
    boss = await startBoss(url, { ...o, supervise: false });
    return await enqueueItems(store, boss, readInputs(paths, o), o);
  } finally {
    await boss?.stop({ graceful: false, wait: true }).catch(() => {});
    await store.close();
  }
}
