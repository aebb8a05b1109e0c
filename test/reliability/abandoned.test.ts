/**
 * A submission whose submitter dies before it finishes (its size never recorded) must not block
 * the runs submitted after it: once its submitter has been silent for the submit timeout, the
 * assigner closes it at what was submitted and goes on; replaying the submission with the same
 * run id reopens it and stores the rest, each article once.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from '../../src/ingest/index.js';
import { Crosscheck } from '../../src/pipeline.js';
import { PostgresStore } from '../../src/store/postgres.js';
import { enqueueItems, runWorker, startBoss } from '../../src/worker/index.js';
import type { ItemError, RawDoc } from '../../src/types.js';
import { dropSchema, pgSkipReason, scratchSchema } from '../store/postgres-env.js';
import { writeCorpus } from './corpus.js';

const skip = await pgSkipReason();

async function readAll(paths: string[]): Promise<(RawDoc | ItemError)[]> {
  const out: (RawDoc | ItemError)[] = [];
  for await (const x of readInputs(paths)) out.push(x);
  return out;
}

/** Yields `n` items, then fails as a killed submitter would. */
async function* dying(items: (RawDoc | ItemError)[], n: number): AsyncGenerator<RawDoc | ItemError> {
  yield* items.slice(0, n);
  throw new Error('submitter killed');
}

test('an abandoned submission is closed after the submit timeout, later runs go on, and a replay completes it', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-abandoned-'));
  const pa = writeCorpus(join(dir, 'a'), 8, 3);
  const pb = writeCorpus(join(dir, 'b'), 6, 9);
  const [a, b] = [await readAll(pa), await readAll(pb)];
  // What one process stores from the same inputs in the same order (the corpus holds duplicates).
  const one = await Crosscheck.open(':memory:');
  await one.ingest([...pa.slice(0, 5), ...pb]);
  const firstPart = await one.store.countArticles();
  await one.ingest(pa);
  const all = await one.store.countArticles();
  await one.close();
  assert.ok(firstPart >= 9 && all > firstPart);
  const sc = await scratchSchema('cc_aband');
  const queueSchema = `${sc.schema}_q`;
  const store = new PostgresStore(sc.url, { max: 2 });
  const boss = await startBoss(sc.url, { queueSchema, supervise: false });
  try {
    await assert.rejects(enqueueItems(store, boss, dying(a, 5), { run: 'A', chunk: 1, batchSize: 4, queueSchema }), /submitter killed/);
    const B = await enqueueItems(store, boss, b, { run: 'B', batchSize: 4, queueSchema });
    assert.equal(B.total, 6);
    const [runA] = await store.query<{ total: number | null; submitted: number }>("SELECT total, submitted FROM worker_runs WHERE run = 'A'");
    assert.equal(runA.total, null, 'the dead submitter never recorded its size');
    assert.equal(runA.submitted, 5);

    const stats = await runWorker(sc.url, { queueSchema, exitWhenIdle: true, submitTimeoutSeconds: 1, pollMs: 50 });
    assert.equal(stats.assigned, 5 + 6, 'the submitted part of A, then all of B, went through the assigner');
    const [closed] = await store.query<{ total: number; closed_reason: string | null; finished_at: string | null }>("SELECT total, closed_reason, finished_at FROM worker_runs WHERE run = 'A'");
    assert.equal(closed.total, 5);
    assert.match(closed.closed_reason ?? '', /submitter silent/);
    assert.ok(closed.finished_at);
    assert.equal(await store.countArticles(), firstPart);

    // The replay submits all 8 items of A: the 5 already stored are not stored again.
    const again = await enqueueItems(store, boss, a, { run: 'A', batchSize: 4, queueSchema });
    assert.equal(again.total, 8);
    const [reopened] = await store.query<{ total: number; closed_reason: string | null; finished_at: string | null }>("SELECT total, closed_reason, finished_at FROM worker_runs WHERE run = 'A'");
    assert.deepEqual([reopened.total, reopened.closed_reason, reopened.finished_at], [8, null, null]);
    const stats2 = await runWorker(sc.url, { queueSchema, exitWhenIdle: true, submitTimeoutSeconds: 1, pollMs: 50 });
    assert.equal(stats2.assigned, 3, 'only the rest of A');
    assert.equal(await store.countArticles(), all);
    const [{ n }] = await store.query<{ n: string }>('SELECT COUNT(*) AS n FROM story_members');
    assert.equal(Number(n), all, 'every article is in exactly one story');
  } finally {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await store.close();
    await sc.drop();
    await dropSchema(queueSchema);
  }
});
