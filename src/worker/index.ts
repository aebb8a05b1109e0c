/** Scale-out on PostgreSQL (issue 7): durable per-article jobs, worker processes, one assigner. */
export { enqueueItems, enqueuePaths, type ArticleJob, type EnqueueOptions, type EnqueueReport } from './enqueue.js';
export { runWorker, processJob, type WorkerOptions, type WorkerResult, type WorkerStats, type WorkerRole } from './worker.js';
export { QUEUE, startBoss, jobId, encodeResult, decodeResult } from './queue.js';
export { registerWorker } from './cli.js';
