import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../../src/store/index.js';
import { assignStories, configureClusterer, families } from '../../src/cluster/index.js';
import type { Article } from '../../src/types.js';
import * as F from './fixtures.js';

async function put(store: Store, arts: Article[]): Promise<Article[]> {
  for (const a of arts) a.seq = (await store.putArticle(a)).seq;
  return arts;
}

const ferry = () => [
  F.art('orig', F.WIRE_ORIGINAL, { outlet: 'Reuters', title: 'Ferry strike strands island passengers', published: '2031-03-04T06:00:00Z' }),
  F.art('wrapped', F.WIRE_WRAPPED, { outlet: 'Coastline Herald', title: 'Ferry strike strands passengers in Port Aldren', published: '2031-03-04T07:00:00Z' }),
  F.art('trimmed', F.WIRE_TRIMMED, { outlet: 'Veltra Today', published: '2031-03-04T07:30:00Z' }),
  F.art('rewrite', F.WIRE_REWRITE, { outlet: 'Aldren Post', title: 'Islanders stranded as ferry crews strike', published: '2031-03-04T09:00:00Z' }),
  F.art('indep', F.FERRY_INDEPENDENT, { outlet: 'Island Voice', title: 'Island shops ration bread', published: '2031-03-04T10:00:00Z' }),
];

test('assignStories: stories, provenance, family counts and title through the store', async () => {
  const store = await openStore(':memory:');
  const fires = [
    F.art('w1', F.FIRE_WAREHOUSE_1, { published: '2031-03-01T06:00:00Z', title: 'Timber warehouse fire injures two' }),
    F.art('f1', F.FIRE_FLATS_1, { published: '2031-03-05T06:00:00Z' }),
    F.art('w2', F.FIRE_WAREHOUSE_2, { published: '2031-03-02T06:00:00Z' }),
  ];
  const touched = await assignStories(store, await put(store, [...fires, ...ferry()]));
  assert.equal(touched.length, 3);
  const wire = await store.storyOfArticle('orig');
  for (const id of ['wrapped', 'trimmed', 'rewrite', 'indep']) assert.equal(await store.storyOfArticle(id), wire);
  assert.equal(await store.storyOfArticle('w2'), await store.storyOfArticle('w1'));
  assert.notEqual(await store.storyOfArticle('f1'), await store.storyOfArticle('w1'));
  const rows = new Map((await store.listStories()).map((r) => [r.id, r]));
  const row = rows.get(wire!)!;
  assert.equal(row.articleCount, 5);
  assert.equal(row.familyCount, 2);
  assert.equal(row.title, 'Ferry strike strands island passengers', 'the original article gives the headline');
  assert.equal(rows.get((await store.storyOfArticle('w1'))!)!.familyCount, 2);
  const prov = await store.getProvenance(['wrapped', 'rewrite']);
  assert.deepEqual([prov.get('wrapped')!.kind, prov.get('wrapped')!.of], ['wire-copy', 'orig']);
  assert.deepEqual([prov.get('rewrite')!.kind, prov.get('rewrite')!.of], ['rewrite', 'orig']);
  const fam = await families(store, wire!);
  assert.deepEqual([...fam.keys()].sort(), ['indep', 'orig']);
  await store.close();
});

test('after a restart, new articles join the stored stories', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'cc-cluster-')), 'x.db');
  const s1 = await openStore(file);
  const [orig, wrapped, trimmed, rewrite] = ferry();
  await assignStories(s1, await put(s1, [orig, wrapped, F.art('w1', F.FIRE_WAREHOUSE_1, { published: '2031-03-04T08:00:00Z' })]));
  const story = await s1.storyOfArticle('orig');
  await s1.close();
  const s2 = await openStore(file); // a fresh Store object: no in-memory clusterer state
  await assignStories(s2, await put(s2, [trimmed, rewrite, F.art('w2', F.FIRE_WAREHOUSE_2, { published: '2031-03-05T08:00:00Z' })]));
  assert.equal(await s2.storyOfArticle('trimmed'), story);
  assert.equal(await s2.storyOfArticle('rewrite'), story);
  assert.equal(await s2.storyOfArticle('w2'), await s2.storyOfArticle('w1'));
  const row = (await s2.listStories()).find((r) => r.id === story)!;
  assert.equal(row.articleCount, 4);
  assert.equal(row.familyCount, 1);
  assert.equal((await s2.getProvenance(['trimmed'])).get('trimmed')!.of, 'orig');
  await s2.close();
});

test('a bridging article merges two stored stories and the merge is recorded', async () => {
  const store = await openStore(':memory:');
  configureClusterer(store, { threshold: 0.3, mergeThreshold: 0.3, mergeStoryThreshold: 0 });
  const [p1, p2, p3, p4] = F.FIRE_WAREHOUSE_1.split('\n\n');
  await assignStories(store, await put(store, [F.art('a', `${p1}\n\n${p2}`), F.art('b', `${p3}\n\n${p4}`)]));
  const sa = (await store.storyOfArticle('a'))!;
  const sb = (await store.storyOfArticle('b'))!;
  assert.notEqual(sa, sb);
  await assignStories(store, await put(store, [F.art('c', F.FIRE_WAREHOUSE_1 + '\n\nThe yard will stay closed this week.')]));
  assert.equal(await store.storyOfArticle('b'), sa);
  assert.equal(await store.getStory(sb), null);
  assert.deepEqual((await store.getStory(sa))!.mergedFrom, [sb]);
  const merges = await store.listMerges(sa);
  assert.equal(merges.length, 1);
  assert.equal(merges[0].from, sb);
  assert.match(merges[0].reason, /bridges/);
  await store.close();
});
