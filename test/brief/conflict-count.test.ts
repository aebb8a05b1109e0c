// The story list shows the conflict count the store holds: building a story's brief records it
// (issue 7 follow-up; before, the stored count stayed 0 and only the server's cached briefs had it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Crosscheck, buildArticle } from '../../src/pipeline.js';
import type { Article, RawDoc } from '../../src/types.js';

// Our own fictional event: two outlets disagree on how many passengers the first crossing carried.
const docs: { outlet: string; published: string; text: string }[] = [
  {
    outlet: 'Tarrow Bay Gazette',
    published: '2031-09-03T08:00:00Z',
    text: 'TARROW BAY, Sept. 3 – The new ferry between Tarrow Bay and Ossel Island made its first crossing on Tuesday.\n\nHarbour master Edda Voss said the first crossing carried 180 passengers.\n\nThe council paid 6.5 million crowns for the vessel.',
  },
  {
    outlet: 'Ossel Island Courier',
    published: '2031-09-03T12:00:00Z',
    text: 'The new ferry between Tarrow Bay and Ossel Island made its first crossing on Tuesday.\n\nHarbour master Edda Voss said the first crossing carried 420 passengers.\n\nIslanders waited on the quay to greet the vessel.',
  },
];

test('building a brief records the story conflict count in the store', async () => {
  const cc = await Crosscheck.open(':memory:');
  try {
    const arts = docs.map((d, i) => {
      const raw: RawDoc = { origin: `test:${i}`, format: 'text', body: { kind: 'text', text: d.text }, given: { title: 'Ferry reaches Ossel Island', outlet: d.outlet, published: d.published } };
      const a = buildArticle(raw);
      assert.ok(!('code' in a), JSON.stringify(a));
      return a as Article;
    });
    for (const a of arts) await cc.store.putArticle(a);
    // One story by hand: the brief is under test here, not clustering.
    const story = { id: 'story-tarrow', title: 'Ferry reaches Ossel Island', articleIds: arts.map((a) => a.id), firstSeen: docs[0].published, lastSeen: docs[1].published, mergedFrom: [] };
    await cc.store.putStory(story, { familyCount: 2 });
    assert.equal((await cc.store.listStories())[0].conflictCount, 0);

    const doc = await cc.brief({ storyIds: [story.id] });
    const conflicts = (doc.stories[0] as { conflicts?: unknown[] }).conflicts ?? [];
    assert.ok(conflicts.length > 0, 'the planted passenger-count conflict is found');

    const [row] = await cc.store.listStories();
    assert.equal(row.id, story.id);
    assert.equal(row.conflictCount, conflicts.length);
    assert.ok(row.conflictCount > 0);
    // Nothing else about the story changed: same members, title and family count.
    assert.deepEqual(row.articleIds, story.articleIds);
    assert.equal(row.title, story.title);
    assert.equal(row.familyCount, 2);
  } finally {
    await cc.close();
  }
});
