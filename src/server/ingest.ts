/**
 * Ingestion queue for the HTTP API. Requests are serialised (the clusterer assigns stories in
 * order, one batch at a time) and coalesced: the items of every request that arrives while a batch
 * is being processed go into the next single Crosscheck.ingestItems call. Story assignment has a
 * fixed cost per call, so many small concurrent requests (one article each) then cost about as
 * much as one JSON Lines request holding them all. Each request still gets its own items back.
 */
import type { Crosscheck, IngestReport, ItemEvent } from '../pipeline.js';
import type { ItemError } from '../types.js';
import type { Item } from './records.js';

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

  constructor(
    private readonly cc: Crosscheck,
    /** Called after each batch with the whole batch's report (for live events, cache eviction). */
    private readonly onBatch: (report: IngestReport) => void,
    /** Most items per ingestItems call; requests are never split. */
    private readonly maxItems = 2000,
  ) {}

  /** Items' origins must be unique across requests (the server prefixes them per request). */
  submit(items: Item[]): Promise<RequestResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ items, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.pending.length) {
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

  private async run(batch: Pending[]): Promise<void> {
    try {
      const events = new Map<string, ItemEvent>();
      const report = await this.cc.ingestItems(
        batch.flatMap((p) => p.items),
        { onItem: (ev) => events.set(ev.origin, ev) },
      );
      const storyOf = new Map<string, string | null>();
      for (const id of new Set(report.articleIds)) storyOf.set(id, await this.cc.store.storyOfArticle(id));
      this.onBatch(report);
      for (const p of batch) p.resolve(this.resultFor(p.items, events, storyOf));
    } catch (e) {
      for (const p of batch) p.reject(e);
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
