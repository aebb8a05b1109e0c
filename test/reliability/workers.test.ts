/**
 * Work distribution (issue 7): two `crosscheck worker` processes on the real PostgreSQL server
 * process a submitted batch; the stored articles, stories, provenance, merges and errors equal
 * those of a one-process `Crosscheck.ingest` of the same inputs in the same order.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Crosscheck } from '../../src/pipeline.js';
import { openStore } from '../../src/store/index.js';
import { enqueuePaths } from '../../src/worker/index.js';
import { dropSchema, pgSkipReason, scratchSchema } from '../store/postgres-env.js';
import { writeCorpus, writeJsonlCorpus } from './corpus.js';
import { outcome } from './snapshot.js';
import { cli } from './cli.js';

const skip = await pgSkipReason();

test('two worker processes store the same articles and stories as one process', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-workers-'));
  const paths = [...writeCorpus(dir, 36, 11), writeJsonlCorpus(dir, 24), join(dir, 'missing.txt')];
  const one = await scratchSchema('cc_one');
  const par = await scratchSchema('cc_par');
  const queueSchema = `${par.schema}_q`;
  try {
    const cc = await Crosscheck.open(one.url);
    await cc.ingest(paths, { batchSize: 5 });
    const expected = await outcome(cc.store);
    await cc.close();
    assert.ok(expected.stories.length >= 4 && expected.stories.length < expected.articleIds.length, 'the corpus forms multi-article stories');
    const s0 = await openStore(one.url);
    const learnt = (await s0.listArticles()).filter((a) => a.removed.some((p) => p.reason === 'outlet-boilerplate'));
    await s0.close();
    assert.ok(learnt.length > 0, 'outlet boilerplate was learnt during the run (and must be reproduced by the workers)');
    const ex = await (async () => { const s = await openStore(one.url); try { return await s.getDoc('extraction', expected.articleIds[0]); } finally { await s.close(); } })();
    assert.ok(ex, 'the one-process run stored extractions');

    const sub = await enqueuePaths(par.url, paths, { run: 'w1', batchSize: 5, queueSchema });
    assert.equal(sub.total, 36 + 24 + 1);
    const args = ['worker', '--db', par.url, '--queue-schema', queueSchema, '--exit-when-idle', '--stats'];
    const [w1, w2] = await Promise.all([cli(args), cli(args)]);
    assert.equal(w1.code, 0, w1.err);
    assert.equal(w2.code, 0, w2.err);
    const stats = [w1, w2].map((w) => JSON.parse(w.out.trim().split('\n').pop()!));
    assert.equal(stats[0].built + stats[1].built, 60, 'every readable item built exactly once');
    assert.equal(stats[0].assigned + stats[1].assigned, 60, 'one assigner committed every article once');

    const s = await openStore(par.url);
    try {
      assert.deepEqual(await outcome(s), expected);
    } finally {
      await s.close();
    }
    // Replaying the same submission stores nothing twice.
    const again = await enqueuePaths(par.url, paths, { run: 'w1', batchSize: 5, queueSchema });
    assert.equal(again.total, 36 + 24 + 1);
    const w3 = await cli(args);
    assert.equal(w3.code, 0, w3.err);
    const s2 = await openStore(par.url);
    try {
      assert.deepEqual(await outcome(s2), expected);
    } finally {
      await s2.close();
    }
  } finally {
    await one.drop();
    await par.drop();
    await dropSchema(queueSchema);
  }
});
