/**
 * CLI commands of the scale-out path (issue 7):
 *   crosscheck enqueue <paths...> --db postgres://...   submit articles as per-article jobs
 *   crosscheck worker --db postgres://... [--concurrency n]   process jobs and assign stories
 */
import { fork } from 'node:child_process';
import type { Command } from 'commander';
import { Option } from 'commander';
// The queue modules (pg-boss, pg) load only when a worker command runs, so other commands start fast.
import type { WorkerRole } from './worker.js';

function dbUrl(db?: string): string {
  const url = db ?? process.env.CROSSCHECK_DB;
  if (!url || !/^postgres(ql)?:\/\//i.test(url)) {
    throw new Error('workers need a PostgreSQL store: pass --db postgres://user@host/db (or set CROSSCHECK_DB)');
  }
  return url;
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`expected a positive whole number, got "${v}"`);
  return n;
}

export function registerWorker(program: Command): void {
  program
    .command('enqueue')
    .description('Submit articles (files, folders, URLs, - for stdin) to the PostgreSQL job queue for `crosscheck worker`')
    .argument('<paths...>', 'files, folders, URLs or - for stdin')
    .option('--db <url>', 'PostgreSQL store (default: $CROSSCHECK_DB)')
    .option('--run <id>', 'submission id: repeat it to resume or replay a submission without storing anything twice')
    .option('--batch-size <n>', 'articles per story-assignment batch (as in ingest)', positiveInt, 500)
    .option('--queue-schema <name>', 'schema of the job tables (default: $CROSSCHECK_QUEUE_SCHEMA or pgboss)')
    .option('--job-timeout <s>', 'seconds before a silent worker’s job is retried', positiveInt)
    .action(async (paths: string[], o: { db?: string; run?: string; batchSize: number; queueSchema?: string; jobTimeout?: number }) => {
      const { enqueuePaths } = await import('./enqueue.js');
      const r = await enqueuePaths(dbUrl(o.db), paths, { run: o.run, batchSize: o.batchSize, queueSchema: o.queueSchema, jobTimeoutSeconds: o.jobTimeout });
      process.stderr.write(`enqueued ${r.total} items (${r.readErrors} unreadable) as run ${r.run}\n`);
      process.stdout.write(JSON.stringify(r) + '\n');
    });

  program
    .command('worker')
    .description('Process queued articles (clean, metadata, extraction) and assign stories, on PostgreSQL')
    .option('--db <url>', 'PostgreSQL store (default: $CROSSCHECK_DB)')
    .option('--concurrency <n>', 'worker processes to run on this machine', positiveInt, 1)
    .addOption(new Option('--role <role>', 'build: per-article stages only; assign: story assigner only').choices(['build', 'assign', 'both']).default('both'))
    .option('--exit-when-idle', 'exit once every submitted run is done')
    .option('--queue-schema <name>', 'schema of the job tables (default: $CROSSCHECK_QUEUE_SCHEMA or pgboss)')
    .option('--job-timeout <s>', 'seconds before a silent worker’s job is retried', positiveInt)
    .option('--stats', 'print a JSON line of figures on exit')
    .option('--verbose', 'log assigner progress')
    .action(async (o: { db?: string; concurrency: number; role: WorkerRole; exitWhenIdle?: boolean; queueSchema?: string; jobTimeout?: number; stats?: boolean; verbose?: boolean }) => {
      const url = dbUrl(o.db);
      if (o.concurrency > 1) {
        // One process per worker: the per-article stages are CPU-bound, so threads of one event
        // loop would not run in parallel. Children get the same arguments with concurrency 1.
        const args = process.argv.slice(2).filter((a, i, all) => a !== '--concurrency' && all[i - 1] !== '--concurrency' && !a.startsWith('--concurrency='));
        const children = Array.from({ length: o.concurrency }, () => fork(process.argv[1], [...args, '--concurrency', '1'], { execArgv: process.execArgv, stdio: 'inherit' }));
        const stop = () => children.forEach((c) => c.kill('SIGTERM'));
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
        const codes = await Promise.all(children.map((c) => new Promise<number>((res) => c.once('exit', (code) => res(code ?? 1)))));
        process.exitCode = codes.some((c) => c !== 0) ? 1 : 0;
        return;
      }
      const ac = new AbortController();
      const stop = () => ac.abort();
      process.once('SIGTERM', stop); // graceful: finish the jobs in hand, then exit
      process.once('SIGINT', stop);
      const { runWorker } = await import('./worker.js');
      const stats = await runWorker(url, {
        role: o.role,
        exitWhenIdle: o.exitWhenIdle,
        queueSchema: o.queueSchema,
        jobTimeoutSeconds: o.jobTimeout,
        signal: ac.signal,
        log: o.verbose ? (l) => process.stderr.write(`${new Date().toISOString()} [worker ${process.pid}] ${l}\n`) : undefined,
      });
      if (o.stats) process.stdout.write(JSON.stringify({ pid: process.pid, ...stats }) + '\n');
    });
}
