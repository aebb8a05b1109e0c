import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { IngestQueue, type BatchOutcome, type IngestRunner } from '../../src/server/ingest.js';
import type { IngestReport, ItemEvent } from '../../src/pipeline.js';
import type { Item } from '../../src/server/records.js';

/** A runner that takes `ms` per batch, records batch sizes, and stores every item as article "a:<origin>". */
class FakeRunner implements IngestRunner {
  readonly mode = 'process' as const;
  batches: number[] = [];
  /** performance.now() when each batch started. */
  startedAt: number[] = [];
  constructor(private readonly ms: number, private readonly failOn?: string) {}
  async run(items: Item[]): Promise<BatchOutcome> {
    this.batches.push(items.length);
    this.startedAt.push(performance.now());
    await new Promise((r) => setTimeout(r, this.ms));
    if (this.failOn && items.some((i) => i.origin === this.failOn)) throw new Error('store is gone');
    const events = new Map<string, ItemEvent>();
    const storyOf = new Map<string, string | null>();
    const report: IngestReport = { stored: 0, duplicates: 0, failed: [], articleIds: [], storyIds: [] };
    for (const it of items) {
      const id = `a:${it.origin}`;
      events.set(it.origin, { kind: 'stored', origin: it.origin, id });
      storyOf.set(id, `s:${it.origin.split('#')[0]}`);
      report.stored++;
      report.articleIds.push(id);
    }
    return { report, events, storyOf };
  }
  async brief(): Promise<null> {
    return null;
  }
  async close(): Promise<void> {}
}

const item = (origin: string): Item => ({ origin, format: 'json', body: { kind: 'text', text: `Text of ${origin}.` }, given: {} });

/** `clients` clients, each posting `each` one-item requests one after another (as a newsroom feed would). */
async function feed(q: IngestQueue, clients: number, each: number): Promise<string[]> {
  const got: string[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let k = 0; k < each; k++) {
        const origin = `c${c}-${k}#1`;
        const r = await q.submit([item(origin)]);
        assert.equal(r.stored, 1);
        assert.deepEqual(r.articleIds, [`a:${origin}`], 'each request gets its own items back');
        assert.deepEqual(r.storyIds, [`s:c${c}-${k}`]);
        got.push(r.articleIds[0]);
        // The client's own turnaround before its next request (parsing the answer, reading the next article).
        await new Promise((res) => setTimeout(res, 1));
      }
    }),
  );
  return got;
}

describe('IngestQueue group commit', () => {
  test('concurrent one-article clients share batches instead of alternating big and small ones', async () => {
    const runner = new FakeRunner(100);
    const q = new IngestQueue(runner, () => undefined, 2000, 25);
    const got = await feed(q, 8, 6);
    assert.equal(new Set(got).size, 48);
    // After the first request starts a batch alone, the others gather into full batches of 8.
    const full = runner.batches.filter((n) => n === 8).length;
    assert.ok(full >= 4, `batches ${runner.batches.join(',')}: expected at least 4 batches of all 8 clients`);
    assert.ok(runner.batches.length <= 9, `batches ${runner.batches.join(',')}`);
  });

  test('without gathering (gatherMs 0) the same feed needs more batches', async () => {
    const runner = new FakeRunner(100);
    const q = new IngestQueue(runner, () => undefined, 2000, 0);
    await feed(q, 8, 6);
    const gathered = new FakeRunner(100);
    await feed(new IngestQueue(gathered, () => undefined, 2000, 25), 8, 6);
    assert.ok(gathered.batches.length < runner.batches.length, `gathered ${gathered.batches.join(',')} vs plain ${runner.batches.join(',')}`);
  });

  test('a lone client is not delayed: each of its requests starts a batch at once', async () => {
    const runner = new FakeRunner(40);
    const q = new IngestQueue(runner, () => undefined, 2000, 50);
    const submitted: number[] = [];
    for (let k = 0; k < 8; k++) {
      submitted.push(performance.now());
      await q.submit([item(`solo-${k}#1`)]);
    }
    assert.deepEqual(runner.batches, Array(8).fill(1));
    // No timer between submit and run (a gather would wait up to 10 ms: a quarter of 40 ms).
    const delays = runner.startedAt.map((t, i) => t - submitted[i]).sort((x, y) => x - y);
    assert.ok(delays[4] < 5, `delays ${delays.map((d) => d.toFixed(1)).join(', ')} ms`);
  });

  test('a failing batch rejects only its own requests; the next batch runs', async () => {
    const runner = new FakeRunner(10, 'bad#1');
    const q = new IngestQueue(runner, () => undefined);
    const first = q.submit([item('bad#1')]);
    await assert.rejects(first, /store is gone/);
    const r = await q.submit([item('good#1')]);
    assert.equal(r.stored, 1);
    await new Promise((res) => setImmediate(res));
    assert.equal(q.busy, false);
  });

  test('maxItems bounds a batch, requests are never split', async () => {
    const runner = new FakeRunner(20);
    const q = new IngestQueue(runner, () => undefined, 5, 0);
    const blocker = q.submit([item('x#1')]);
    const rs = await Promise.all([q.submit([item('p#1'), item('p#2'), item('p#3')]), q.submit([item('q#1'), item('q#2'), item('q#3')]), blocker]);
    // x and p fit in one batch of at most 5 items; q would make 7, so it waits for the next.
    assert.deepEqual(runner.batches, [4, 3]);
    assert.deepEqual(rs[0].articleIds, ['a:p#1', 'a:p#2', 'a:p#3']);
    assert.deepEqual(rs[1].articleIds, ['a:q#1', 'a:q#2', 'a:q#3']);
  });
});
