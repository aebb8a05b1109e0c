import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Crosscheck, buildArticle } from '../../src/pipeline.js';
import { openStore } from '../../src/store/index.js';
import type { Article, RawDoc } from '../../src/types.js';

const raw = (n: number, text: string): RawDoc => ({ origin: `mem:${n}`, format: 'text', body: { kind: 'text', text }, given: { title: `Ferry item ${n}`, published: `2026-05-0${n}` } });

const A = raw(1, 'Ferry service to Inverholm resumed on Tuesday after a three-day strike by deckhands ended, the Calder Sound Ferry Company said.\n\nThe company said all eleven crossings would run on the normal timetable from Wednesday.');
const B = raw(2, 'The Inverholm ferry strike ended on Tuesday, and the Calder Sound Ferry Company said crossings to Inverholm resumed the same afternoon.\n\nUnion organiser Petra Lund said deckhands had accepted a pay offer of four percent.');

test('an article stored by a killed run (no story yet) is assigned on the next run, once', async () => {
  const store = await openStore(':memory:');
  const cc = Crosscheck.withStore(store);
  try {
    // Simulate a crash between storing and story assignment.
    const a = buildArticle(A) as Article;
    assert.ok('id' in a);
    await store.putArticle(a);
    assert.equal(await store.storyOfArticle(a.id), null);

    const r = await cc.ingestItems([A, B, A]);
    assert.equal(r.stored, 1);
    assert.equal(r.duplicates, 2);
    const sa = await store.storyOfArticle(a.id);
    assert.ok(sa, 'the orphan article now has a story');
    const members = (await store.listStories()).flatMap((s) => s.articleIds);
    assert.equal(members.filter((id) => id === a.id).length, 1, 'assigned exactly once');

    const before = JSON.stringify(await store.listStories());
    const r2 = await cc.ingestItems([A, B]);
    assert.equal(r2.stored, 0);
    assert.equal(JSON.stringify((await store.listStories()).map((s) => s.articleIds)), JSON.stringify(JSON.parse(before).map((s: { articleIds: string[] }) => s.articleIds)));
  } finally {
    await cc.close();
  }
});
