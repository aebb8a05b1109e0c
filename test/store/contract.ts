/**
 * The shared Store test suite: every backend must pass it. Called by sqlite.test.ts and
 * postgres.test.ts with a factory for a fresh, empty store.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/index.js';
import type { Article } from '../../src/types.js';

export function sampleArticle(id: string, text = `Body of ${id}.`): Article {
  return {
    id,
    origin: `/tmp/${id}.txt`,
    format: 'text',
    metadata: { title: `Title ${id}`, outlet: 'Harbour Gazette', byline: ['Ann Lee'], language: 'en', published: '2026-03-02T10:00:00Z', fieldSources: { title: 'text' } },
    paragraphs: [{ kind: 'paragraph', text, start: 0, line: 1 }],
    text,
    removed: [{ text: 'Share this', reason: 'share-prompt', line: 2 }],
    ingestedAt: '2026-03-02T11:00:00Z',
  };
}

export function storeContract(name: string, make: () => Promise<Store>): void {
  test(`${name}: articles are stored once, read back intact, listed in seq order`, async () => {
    const s = await make();
    try {
      const a = sampleArticle('a1');
      const r1 = await s.putArticle(a);
      const r2 = await s.putArticle(a);
      assert.equal(r1.stored, true);
      assert.equal(r2.stored, false);
      assert.equal(r2.seq, r1.seq);
      await s.putArticle(sampleArticle('a2'));
      assert.equal(await s.countArticles(), 2);
      const back = await s.getArticle('a1');
      assert.deepEqual({ ...back, seq: undefined }, { ...a, seq: undefined });
      assert.deepEqual((await s.listArticles()).map((x) => x.id), ['a1', 'a2']);
      assert.deepEqual((await s.listArticles({ afterSeq: r1.seq })).map((x) => x.id), ['a2']);
      assert.deepEqual((await s.listArticles({ ids: ['a2'] })).map((x) => x.id), ['a2']);
      assert.deepEqual(await s.listArticles({ ids: [] }), []);
      assert.equal(await s.getArticle('nope'), null);
    } finally {
      await s.close();
    }
  });

  test(`${name}: stories, members, merges, provenance`, async () => {
    const s = await make();
    try {
      for (const id of ['a1', 'a2', 'a3']) await s.putArticle(sampleArticle(id));
      await s.putStory({ id: 's1', title: 'Harbour fire', articleIds: ['a1', 'a2'], firstSeen: '2026-03-01', lastSeen: '2026-03-02', mergedFrom: [] }, { familyCount: 1 });
      await s.putStory({ id: 's2', title: 'Council vote', articleIds: ['a3'], firstSeen: '2026-03-01', lastSeen: '2026-03-01', mergedFrom: [] });
      assert.deepEqual((await s.getStory('s1'))?.articleIds, ['a1', 'a2']);
      assert.equal(await s.storyOfArticle('a3'), 's2');
      assert.deepEqual((await s.listArticles({ storyId: 's1' })).map((a) => a.id), ['a1', 'a2']);
      // merge s2 into s1
      await s.putStory({ id: 's1', title: 'Harbour fire', articleIds: ['a1', 'a2', 'a3'], firstSeen: '2026-03-01', lastSeen: '2026-03-02', mergedFrom: ['s2'] });
      await s.deleteStory('s2');
      await s.recordMerge({ from: 's2', into: 's1', at: '2026-03-03T00:00:00Z', reason: 'bridged by a3' });
      assert.equal(await s.storyOfArticle('a3'), 's1');
      assert.equal(await s.getStory('s2'), null);
      assert.deepEqual((await s.listMerges('s1')).map((m) => m.from), ['s2']);
      const rows = await s.listStories({ search: 'harbour' });
      assert.equal(rows.length, 1);
      assert.equal(rows[0].articleCount, 3);
      assert.equal(rows[0].familyCount, 1);
      assert.equal((await s.listStories({ search: '100%_' })).length, 0);
      const before = (await s.listStories()).find((r) => r.id === 's1')!;
      await s.setStoryCounts('s1', { conflictCount: 4 });
      await s.setStoryCounts('nope', { conflictCount: 1 });
      const after = (await s.listStories()).find((r) => r.id === 's1')!;
      assert.equal(after.conflictCount, 4);
      assert.equal(after.familyCount, before.familyCount);
      assert.deepEqual(after.articleIds, before.articleIds);
      assert.equal(after.updatedAt, before.updatedAt);
      await s.putProvenance('a2', { kind: 'wire-copy', of: 'a1', confidence: 0.93, family: 'a1', evidence: 'shingles' });
      await s.putProvenance('a1', { kind: 'original', of: null, confidence: 1, family: 'a1' });
      const p = await s.getProvenance(['a1', 'a2', 'zz']);
      assert.equal(p.get('a2')?.kind, 'wire-copy');
      assert.equal(p.get('a2')?.of, 'a1');
      assert.equal(p.get('a1')?.of, null);
      assert.equal(p.has('zz'), false);
    } finally {
      await s.close();
    }
  });

  test(`${name}: docs and errors`, async () => {
    const s = await make();
    try {
      await s.putDoc('extraction', 'a1', { n: 1, list: ['x'] });
      await s.putDoc('extraction', 'a1', { n: 2 });
      assert.deepEqual(await s.getDoc('extraction', 'a1'), { n: 2 });
      assert.equal(await s.getDoc('extraction', 'zz'), null);
      await s.deleteDoc('extraction', 'a1');
      assert.equal(await s.getDoc('extraction', 'a1'), null);
      await s.putError({ origin: 'bad.bin', code: 'binary', error: 'binary file', at: '2026-03-02T00:00:00Z' });
      const errs = await s.listErrors();
      assert.equal(errs[0].code, 'binary');
      assert.equal(await s.migrate(), await s.migrate());
    } finally {
      await s.close();
    }
  });
}
