/**
 * Worker thread that runs ingestion for the HTTP server (see ./ingest.ts, WorkerRunner). The
 * pipeline (clean, cluster, extract) is CPU-bound; in this thread it leaves the server's event
 * loop free to answer reads while a batch is processed; it also builds (and serialises and compresses)
 * briefs that are not cached yet, for the same reason. It opens its own Crosscheck on the same
 * database (SQLite in WAL mode, or PostgreSQL); it is the only writer of stories, as before.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Crosscheck, type ItemEvent } from '../pipeline.js';
import type { Item } from './records.js';
import { prepareBrief, type PreparedBrief } from './prepared.js';

export interface WorkerRequest {
  id: number;
  items?: Item[];
  /** Build the brief JSON of this story (off the server thread). */
  brief?: string;
  close?: boolean;
}

export type WorkerReply =
  | { ready: true }
  | { id: number; report: Awaited<ReturnType<Crosscheck['ingestItems']>>; events: [string, ItemEvent][]; storyOf: [string, string | null][] }
  | { id: number; brief: PreparedBrief | null }
  | { id: number; error: string };

const port = parentPort!;
const cc = await Crosscheck.open((workerData as { db?: string }).db);
// One batch at a time, in arrival order (the queue in the main thread sends one at a time too).
let chain: Promise<void> = Promise.resolve();
port.on('message', (msg: WorkerRequest) => {
  chain = chain.then(async () => {
    if (msg.close) {
      await cc.close();
      port.close();
      return;
    }
    try {
      if (msg.brief !== undefined) {
        const brief = prepareBrief(await cc.brief({ storyIds: [msg.brief] }));
        port.postMessage({ id: msg.id, brief } satisfies WorkerReply);
        return;
      }
      const events: [string, ItemEvent][] = [];
      const report = await cc.ingestItems(msg.items ?? [], { onItem: (ev) => events.push([ev.origin, ev]) });
      const storyOf: [string, string | null][] = [];
      for (const id of new Set(report.articleIds)) storyOf.push([id, await cc.store.storyOfArticle(id)]);
      port.postMessage({ id: msg.id, report, events, storyOf } satisfies WorkerReply);
    } catch (e) {
      port.postMessage({ id: msg.id, error: (e as Error).stack ?? String(e) } satisfies WorkerReply);
    }
  });
});
port.postMessage({ ready: true } satisfies WorkerReply);
