/**
 * The shared Store suite against the real PostgreSQL server, each test in a fresh schema, plus
 * PostgreSQL-specific checks (concurrent migrations, concurrent idempotent puts, transactions).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../../src/store/index.js';
import { PostgresStore } from '../../src/store/postgres.js';
import { sampleArticle, storeContract } from './contract.js';
import { pgSkipReason, scratchSchema } from './postgres-env.js';

const skip = await pgSkipReason();

/** Opens a store in a fresh schema; closing it drops the schema. */
async function freshStore(): Promise<Store> {
  const scratch = await scratchSchema();
  const s = await openStore(scratch.url);
  const close = s.close.bind(s);
  s.close = async () => {
    await close();
    await scratch.drop();
  };
  return s;
}

if (skip) {
  test('postgres store', { skip }, () => {});
} else {
  storeContract('postgres', freshStore);

  test('postgres: concurrent starters migrate once; concurrent puts of one article store it once', async () => {
    const scratch = await scratchSchema();
    const stores = Array.from({ length: 4 }, () => new PostgresStore(scratch.url, { max: 2 }));
    try {
      const versions = await Promise.all(stores.map((s) => s.migrate()));
      assert.equal(new Set(versions).size, 1);
      const [{ n }] = await stores[0].query<{ n: string }>('SELECT COUNT(*) AS n FROM schema_version');
      assert.equal(Number(n), versions[0]);
      const a = sampleArticle('c1');
      const results = await Promise.all(stores.flatMap((s) => [s.putArticle(a), s.putArticle(a)]));
      assert.equal(results.filter((r) => r.stored).length, 1);
      assert.equal(new Set(results.map((r) => r.seq)).size, 1);
      assert.equal(await stores[1].countArticles(), 1);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await scratch.drop();
    }
  });

  test('postgres: a transaction commits all or nothing', async () => {
    const scratch = await scratchSchema();
    const s = new PostgresStore(scratch.url);
    try {
      await s.migrate();
      await assert.rejects(
        s.transaction(async (tx) => {
          await tx.putArticle(sampleArticle('t1'));
          await tx.putStory({ id: 'st1', title: 'Ferry strike', articleIds: ['t1'], firstSeen: '2026-03-01', lastSeen: '2026-03-01', mergedFrom: [] });
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal(await s.countArticles(), 0);
      assert.equal(await s.getStory('st1'), null);
      await s.transaction(async (tx) => {
        await tx.putArticle(sampleArticle('t1'));
        await tx.putStory({ id: 'st1', title: 'Ferry strike', articleIds: ['t1'], firstSeen: '2026-03-01', lastSeen: '2026-03-01', mergedFrom: [] });
      });
      assert.equal(await s.storyOfArticle('t1'), 'st1');
    } finally {
      await s.close();
      await scratch.drop();
    }
  });

  test('postgres: NUL and unpaired surrogates in scraped text are stored as U+FFFD, not rejected', async () => {
    const s = await freshStore();
    try {
      const a = sampleArticle('n1', 'Harbour\u0000 pilot \uD800said the tide turned.');
      assert.equal((await s.putArticle(a)).stored, true);
      const back = await s.getArticle('n1');
      assert.equal(back?.text, 'Harbour\uFFFD pilot \uFFFDsaid the tide turned.');
      assert.equal(back?.paragraphs[0].text, back?.text);
      await s.putDoc('extraction', 'n1', { quote: 'x\u0000y' });
      assert.deepEqual(await s.getDoc('extraction', 'n1'), { quote: 'x\uFFFDy' });
    } finally {
      await s.close();
    }
  });
}
