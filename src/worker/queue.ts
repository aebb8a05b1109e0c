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
 * Both tables are created by the store's migrations (src/store/migrations.ts, version 2).
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
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

/** What a worker leaves for the assigner, per input index (defined here so that enqueue, which
 * records unreadable inputs directly, and the worker share one encoding). */
export interface StoredResult {
  article?: unknown;
  error?: unknown;
  extraction?: unknown;
}

/**
 * Results travel as gzip-compressed JSON in a BYTEA column: the workers, which scale out, pay for
 * serialising and compressing; PostgreSQL, which every worker shares, stores the bytes as they are
 * (no JSONB parsing, no TOAST compression: STORAGE EXTERNAL).
 */
export function encodeResult(r: StoredResult): Buffer {
  return gzipSync(JSON.stringify(r), { level: 1 });
}

/** Decodes a stored result; plain JSON bytes (written before migration 2) are read as well. */
export function decodeResult<T = StoredResult>(b: Buffer): T {
  const raw = b.length > 1 && b[0] === 0x1f && b[1] === 0x8b ? gunzipSync(b) : b;
  return JSON.parse(raw.toString('utf8')) as T;
}

export interface RunRow {
  run: string;
  batchSize: number;
  total: number | null;
  nextIndex: number;
  /** Items submitted so far (every index below it has a job or a stored result). */
  submitted: number;
  /** Last sign of life of the submitter (ISO time), while the run is being submitted. */
  heartbeatAt: string | null;
}

export function toRun(r: Record<string, unknown>): RunRow {
  return {
    run: r.run as string,
    batchSize: Number(r.batch_size),
    total: r.total === null ? null : Number(r.total),
    nextIndex: Number(r.next_index),
    submitted: Number(r.submitted ?? 0),
    heartbeatAt: (r.heartbeat_at as string | null) ?? (r.created_at as string | null) ?? null,
  };
}

/**
 * Closes a run whose submitter died before saying how many items it had (`total` unknown) and has
 * been silent for `silentSeconds`: the run ends at what was submitted, so the runs submitted after
 * it are not blocked forever. Replaying the submission (`crosscheck enqueue --run <id>`) reopens it
 * and its remaining items are assigned after whatever was committed meanwhile. Returns whether
 * the run was closed.
 */
export async function closeIfAbandoned(store: PostgresStore, run: RunRow, silentSeconds: number, now = new Date()): Promise<boolean> {
  if (run.total !== null || !run.heartbeatAt) return false;
  if (now.getTime() - Date.parse(run.heartbeatAt) < silentSeconds * 1000) return false;
  const rows = await store.query(
    `UPDATE worker_runs SET total = submitted,
       closed_reason = 'submitter silent since ' || heartbeat_at || '; closed at ' || submitted || ' submitted items'
     WHERE run = $1 AND total IS NULL AND heartbeat_at IS NOT DISTINCT FROM $2 RETURNING run`,
    [run.run, run.heartbeatAt],
  );
  return rows.length > 0;
}

/** Runs not yet fully committed to the store, oldest first. */
export async function openRuns(store: PostgresStore): Promise<RunRow[]> {
  return (await store.query('SELECT * FROM worker_runs WHERE finished_at IS NULL ORDER BY seq')).map(toRun);
}
