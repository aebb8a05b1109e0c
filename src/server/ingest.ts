/**
 * Ingestion queue for the HTTP API. Requests are serialised (the clusterer assigns stories in
 * order, one batch at a time) and coalesced: the items of every request that arrives while a batch
 * is being processed go into the next single Crosscheck.ingestItems call. Story assignment has a
 * fixed cost per call, so many small concurrent requests (one article each) then cost about as
 * much as one JSON Lines request holding them all. Each request still gets its own items back.
 */
import { Worker } from 'node:worker_threads';
import type { Crosscheck, IngestReport, ItemEvent } from '../pipeline.js';
import type { ItemError } from '../types.js';
import type { Item } from './records.js';
import type { WorkerReply, WorkerRequest } from './ingest-worker.js';
import { prepareBrief, type PreparedBrief } from './prepared.js';

/** What one ingestItems call gives back, with each item's event and each article's story. */
export interface BatchOutcome {
  report: IngestReport;
  events: Map<string, ItemEvent>;
  storyOf: Map<string, string | null>;
}

export interface IngestRunner {
  readonly mode: 'process' | 'worker';
  run(items: Item[]): Promise<BatchOutcome>;
  /** The brief of one story, serialised and compressed; null when there is no such story. */
  brief(storyId: string): Promise<PreparedBrief | null>;
  close(): Promise<void>;
}

/** Runs the pipeline in this thread (in-memory stores, embedded use, tests). */
export class InProcessRunner implements IngestRunner {
  readonly mode = 'process' as const;
  constructor(private readonly cc: Crosscheck) {}
  async run(items: Item[]): Promise<BatchOutcome> {
    const events = new Map<string, ItemEvent>();
    const report = await this.cc.ingestItems(items, { onItem: (ev) => events.set(ev.origin, ev) });
    const storyOf = new Map<string, string | null>();
    for (const id of new Set(report.articleIds)) storyOf.set(id, await this.cc.store.storyOfArticle(id));
    return { report, events, storyOf };
  }
  async brief(storyId: string): Promise<PreparedBrief | null> {
    return prepareBrief(await this.cc.brief({ storyIds: [storyId] }));
  }
  async close(): Promise<void> {}
}

/** Runs the pipeline in a worker thread on its own connection to the same database. */
export class WorkerRunner implements IngestRunner {
  readonly mode = 'worker' as const;
  private worker: Worker;
  private nextId = 1;
  private waiting = new Map<number, { resolve: (o: BatchOutcome | PreparedBrief | null) => void; reject: (e: Error) => void }>();
  private ready: Promise<void>;
  private failed: Error | null = null;

  constructor(db: string | undefined) {
    if (import.meta.url.endsWith('.ts')) {
      // Running from source under tsx (development, tests): module hooks do not reach worker
      // threads in Node 20, so the worker registers tsx itself before loading the .ts module.
      const tsx = import.meta.resolve('tsx/esm/api');
      const entry = new URL('./ingest-worker.ts', import.meta.url).href;
      const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
      this.worker = new Worker(boot, { eval: true, workerData: { db } });
    } else {
      this.worker = new Worker(new URL('./ingest-worker.js', import.meta.url), { workerData: { db } });
    }
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (m: WorkerReply) => {
        if ('ready' in m) return resolve();
        const w = this.waiting.get(m.id);
        if (!w) return;
        this.waiting.delete(m.id);
        if ('error' in m) w.reject(new Error(`ingest worker: ${m.error}`));
        else if ('brief' in m) w.resolve(m.brief);
        else w.resolve({ report: m.report, events: new Map(m.events), storyOf: new Map(m.storyOf) });
      });
      const fail = (e: Error) => {
        this.failed = e;
        reject(e);
        for (const w of this.waiting.values()) w.reject(e);
        this.waiting.clear();
      };
      this.worker.on('error', fail);
      this.worker.on('exit', (code) => fail(new Error(`ingest worker exited (code ${code})`)));
    });
    this.ready.catch(() => undefined);
  }

  /** Resolves once the worker has opened the store (rejects if it could not). */
  started(): Promise<void> {
    return this.ready;
  }

  private async call(req: Omit<WorkerRequest, 'id'>): Promise<BatchOutcome | PreparedBrief | null> {
    await this.ready;
    if (this.failed) throw this.failed;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id } satisfies WorkerRequest);
    });
  }

  async run(items: Item[]): Promise<BatchOutcome> {
    return (await this.call({ items })) as BatchOutcome;
  }

  async brief(storyId: string): Promise<PreparedBrief | null> {
    return (await this.call({ brief: storyId })) as PreparedBrief | null;
  }

  async close(): Promise<void> {
    if (this.failed) return;
    const exited = new Promise<void>((r) => this.worker.once('exit', () => r()));
    this.worker.postMessage({ id: 0, close: true } satisfies WorkerRequest);
    const timer = setTimeout(() => void this.worker.terminate(), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

export interface ItemResult {
  origin: string;
  status: 'stored' | 'duplicate' | 'error';
  id?: string;
  storyId?: string | null;
  error?: ItemError;
}

export interface RequestResult {
  stored: number;
  duplicates: number;
  articleIds: string[];
  storyIds: string[];
  items: ItemResult[];
  errors: ItemError[];
}

interface Pending {
  items: Item[];
  resolve: (r: RequestResult) => void;
  reject: (e: unknown) => void;
}

export class IngestQueue {
  private pending: Pending[] = [];
  private running = false;
  /** Requests in flight when the last batch ended (answered + waiting), and how long it ran (ms): see gather(). */
  private lastInFlight = 0;
  private lastRunMs = 0;
  private arrived: (() => void) | null = null;

  constructor(
    private readonly runner: IngestRunner,
    /** Called after each batch with the whole batch's report (for live events, cache eviction). */
    private readonly onBatch: (report: IngestReport) => void,
    /** Most items per ingestItems call; requests are never split. */
    private readonly maxItems = 2000,
    /** Longest wait (ms) for the clients just answered to send their next request (0: none). */
    private readonly gatherMs = 5,
  ) {}

  get mode(): 'process' | 'worker' {
    return this.runner.mode;
  }

  /** True while a batch runs or requests wait. */
  get busy(): boolean {
    return this.running || this.pending.length > 0;
  }

  /** Builds a story's brief where ingestion runs (off the server thread in worker mode). */
  brief(storyId: string): Promise<PreparedBrief | null> {
    return this.runner.brief(storyId);
  }

  /** Waits for the batches queued so far, then stops the runner. */
  async close(): Promise<void> {
    while (this.running || this.pending.length) await new Promise((r) => setTimeout(r, 20));
    await this.runner.close();
  }

  /** Items' origins must be unique across requests (the server prefixes them per request). */
  submit(items: Item[]): Promise<RequestResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ items, resolve, reject });
      this.arrived?.();
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.pending.length) {
        await this.gather();
        const batch: Pending[] = [];
        let n = 0;
        while (this.pending.length && (batch.length === 0 || n + this.pending[0].items.length <= this.maxItems)) {
          const p = this.pending.shift()!;
          batch.push(p);
          n += p.items.length;
        }
        await this.run(batch);
      }
    } finally {
      this.running = false;
    }
  }

  /**
   * Group commit. Concurrent clients that each post one article at a time come back a moment
   * after their answer; without waiting for them, the batches alternate between the few requests
   * that arrived during the last batch and the many that arrive just after it, and each batch pays
   * story assignment for the stories it touches. So when fewer requests wait than were in flight
   * when the last batch ended, wait a little for the others: at most gatherMs, and at most a
   * quarter of the last batch's run time (so the wait stays small beside the work it saves).
   */
  private async gather(): Promise<void> {
    const limit = Math.min(this.gatherMs, this.lastRunMs / 4);
    if (limit <= 0 || this.pending.length >= this.lastInFlight) return;
    const until = performance.now() + limit;
    while (this.pending.length < this.lastInFlight && this.pendingItems() < this.maxItems) {
      const left = until - performance.now();
      if (left <= 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.arrived = null;
          resolve();
        }, left);
        this.arrived = () => {
          clearTimeout(timer);
          this.arrived = null;
          resolve();
        };
      });
    }
  }

  private pendingItems(): number {
    let n = 0;
    for (const p of this.pending) n += p.items.length;
    return n;
  }

  private async run(batch: Pending[]): Promise<void> {
    const started = performance.now();
    try {
      const { report, events, storyOf } = await this.runner.run(batch.flatMap((p) => p.items));
      this.onBatch(report);
      for (const p of batch) p.resolve(this.resultFor(p.items, events, storyOf));
    } catch (e) {
      for (const p of batch) p.reject(e);
    } finally {
      this.lastRunMs = performance.now() - started;
      this.lastInFlight = batch.length + this.pending.length;
    }
  }

  private resultFor(items: Item[], events: Map<string, ItemEvent>, storyOf: Map<string, string | null>): RequestResult {
    const res: RequestResult = { stored: 0, duplicates: 0, articleIds: [], storyIds: [], items: [], errors: [] };
    const stories = new Set<string>();
    for (const it of items) {
      const ev = events.get(it.origin);
      if (!ev || ev.kind === 'error') {
        const error: ItemError = ev?.error ?? { origin: it.origin, code: 'internal', error: `${it.origin}: not processed; please report this` };
        res.items.push({ origin: it.origin, status: 'error', error });
        res.errors.push(error);
        continue;
      }
      const storyId = ev.id ? (storyOf.get(ev.id) ?? null) : null;
      if (ev.kind === 'stored') res.stored++;
      else res.duplicates++;
      if (ev.id) res.articleIds.push(ev.id);
      if (storyId) stories.add(storyId);
      res.items.push({ origin: it.origin, status: ev.kind, id: ev.id, storyId });
    }
    res.storyIds = [...stories];
    return res;
  }
}
