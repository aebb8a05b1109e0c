/**
 * The durable work queue for `crosscheck worker` (issue 7): pg-boss on the same PostgreSQL as the
 * store (jobs, retries, expiry of jobs whose worker died), plus two small tables of our own:
 *
 *   worker_runs     one row per submitted batch ("run"): input count, cursor of the assigner
 *   worker_results  per-article results of the workers (Article or ItemError), by input index,
 *                   until the assigner has committed them to the store
 *
 * Per-article jobs carry (run, index, RawDoc); the job id is derived from (run, index), so a
 * replayed submission inserts nothing twice (pg-boss inserts with ON CONFLICT DO NOTHING).
 */
import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { PostgresStore } from '../store/postgres.js';

export const QUEUE = 'crosscheck-article';

export interface QueueOptions {
  /** PostgreSQL schema pg-boss keeps its tables in (default $CROSSCHECK_QUEUE_SCHEMA or "pgboss"). */
  queueSchema?: string;
  /** Seconds before a job whose worker went silent is retried (default 300). */
  jobTimeoutSeconds?: number;
}

export function queueSchema(o: QueueOptions): string {
  return o.queueSchema ?? process.env.CROSSCHECK_QUEUE_SCHEMA ?? 'pgboss';
}

export function jobTimeout(o: QueueOptions): number {
  return Math.max(1, Math.round(o.jobTimeoutSeconds ?? (Number(process.env.CROSSCHECK_JOB_TIMEOUT) || 300)));
}

/** Starts pg-boss (creates/migrates its schema under its own advisory lock) and the queue. */
export async function startBoss(url: string, o: QueueOptions & { supervise?: boolean } = {}): Promise<PgBoss> {
  const timeout = jobTimeout(o);
  const boss = new PgBoss({
    connectionString: url,
    schema: queueSchema(o),
    max: 3,
    schedule: false,
    supervise: o.supervise ?? true,
    // Expired jobs (dead worker) are found by maintenance: run it often relative to the timeout.
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, Math.floor(timeout / 2))),
  });
  boss.on('error', (e: Error) => process.stderr.write(`crosscheck worker: queue error: ${e.message}\n`));
  await boss.start();
  await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: 20, retryDelay: 0, expireInSeconds: timeout });
  return boss;
}

/**
 * Deterministic job id (UUID-shaped) for (run, index): a hash of the run, then the index, so that
 * pg-boss (which fetches by creation time, then id) hands out a run's items in input order and the
 * assigner, which commits in input order, rarely waits.
 */
export function jobId(run: string, index: number): string {
  const h = createHash('sha1').update(`crosscheck:${run}`).digest('hex');
  const n = index.toString(16).padStart(12, '0').slice(-12);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${n}`;
}

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS worker_runs (
     seq BIGSERIAL PRIMARY KEY,
     run TEXT NOT NULL UNIQUE,
     batch_size INTEGER NOT NULL,
     total INTEGER,
     next_index INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL,
     finished_at TEXT
   )`,
  `CREATE TABLE IF NOT EXISTS worker_results (
     run TEXT NOT NULL,
     i INTEGER NOT NULL,
     result JSONB NOT NULL,
     PRIMARY KEY (run, i)
   )`,
];

/** Creates the worker tables in the store's schema (idempotent, under an advisory lock). */
export async function ensureWorkerTables(store: PostgresStore): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('crosscheck:worker-tables:' || current_schema()))");
    for (const sql of SCHEMA) await tx.query(sql);
  });
}

export interface RunRow {
  run: string;
  batchSize: number;
  total: number | null;
  nextIndex: number;
}

export function toRun(r: Record<string, unknown>): RunRow {
  return { run: r.run as string, batchSize: Number(r.batch_size), total: r.total === null ? null : Number(r.total), nextIndex: Number(r.next_index) };
}

/** Runs not yet fully committed to the store, oldest first. */
export async function openRuns(store: PostgresStore): Promise<RunRow[]> {
  return (await store.query('SELECT * FROM worker_runs WHERE finished_at IS NULL ORDER BY seq')).map(toRun);
}
