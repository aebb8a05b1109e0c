/**
 * Idempotent ingest (issue 7), on SQLite and on the real PostgreSQL server: the same article
 * twice, a whole batch replayed, or replayed concurrently from two processes' worth of
 * connections, stores nothing twice and leaves the stories as they were.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Crosscheck } from '../../src/pipeline.js';
import { openStore, type Store } from '../../src/store/index.js';
import { pgSkipReason, scratchSchema } from '../store/postgres-env.js';
import { writeCorpus, writeJsonlCorpus } from './corpus.js';
import { outcome } from './snapshot.js';

const pgSkip = await pgSkipReason();

async function check(name: string, open: () => Promise<{ store: () => Promise<Store>; done: () => Promise<void> }>) {
  const dir = mkdtempSync(join(tmpdir(), 'cc-idem-'));
  const files = writeCorpus(dir, 14, 3);
  const feed = writeJsonlCorpus(dir, 10, 9);
  const twice = join(dir, 'same-again.txt');
  writeFileSync(twice, '\n' + readFileSync(files[0], 'utf8') + '\n\n'); // same article, other file, extra blank lines
  const env = await open();
  try {
    const s = await env.store();
    const cc = Crosscheck.withStore(s);
    const r1 = await cc.ingest([...files, feed]);
    assert.ok(r1.stored > 10, `${name}: first batch stored`);
    const before = await outcome(s);
    const count = await s.countArticles();

    const r2 = await cc.ingest([files[0], twice]);
    assert.equal(r2.stored, 0, `${name}: the same article twice stores nothing`);
    assert.equal(r2.duplicates, 2);

    const r3 = await Crosscheck.withStore(s).ingest([...files, feed]); // a new session replays the batch
    assert.equal(r3.stored, 0, `${name}: a replayed batch stores nothing`);
    assert.equal(r3.duplicates, r1.stored + r1.duplicates);
    assert.equal(await s.countArticles(), count);
    const after = await outcome(s);
    assert.deepEqual(after.articleIds, before.articleIds);
    assert.deepEqual(after.stories, before.stories, `${name}: stories unchanged by the replays`);
    await s.close();

    // Replayed concurrently through two separate stores (two processes' connections).
    const [a, b] = [await env.store(), await env.store()];
    const [ra, rb] = await Promise.all([Crosscheck.withStore(a).ingest([...files, feed]), Crosscheck.withStore(b).ingest([...files, feed])]);
    assert.equal(ra.stored + rb.stored, 0);
    assert.equal(await a.countArticles(), count);
    await a.close();
    await b.close();
  } finally {
    await env.done();
  }
}

test('idempotent ingest on SQLite', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'cc-idem-db-')), 'x.db');
  await check('sqlite', async () => ({ store: () => openStore(file), done: async () => {} }));
});

test('idempotent ingest on PostgreSQL', { skip: pgSkip }, async () => {
  const scratch = await scratchSchema('cc_idem');
  await check('postgres', async () => ({ store: () => openStore(scratch.url), done: () => scratch.drop() }));
});
