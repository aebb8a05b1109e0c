import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildClusterGolden, type ClusterGolden } from '../../scripts/golden/cluster.js';
import { seedsDir } from '../../bench/shared.js';

const goldenFile = join(import.meta.dirname, '..', 'golden', 'cluster', 'seeds.json');
const haveSeeds = existsSync(seedsDir());

function acceptance(g: ClusterGolden): void {
  assert.equal(g.stories.length, 1, 'all five seeds are one story');
  assert.deepEqual(g.stories[0].articles, ['000', '001', '002', '003', '004']);
  assert.equal(g.stories[0].familyCount, 4, '4 independent source families for 5 articles');
  assert.deepEqual([g.seeds['003'].kind, g.seeds['003'].of, g.seeds['003'].wire], ['wire-copy', null, 'Reuters']);
  assert.deepEqual([g.seeds['001'].kind, g.seeds['001'].of, g.seeds['001'].family], ['rewrite', '003', '003']);
  for (const s of ['000', '002', '004']) assert.deepEqual([g.seeds[s].kind, g.seeds[s].family], ['original', s]);
}

test('seeds: one story, 003 a Reuters wire copy, 001 a rewrite of 003, 4 families (golden)', { skip: !haveSeeds && 'seeds not found' }, async () => {
  const g = await buildClusterGolden();
  acceptance(g);
  assert.deepEqual(g, JSON.parse(readFileSync(goldenFile, 'utf8')), 'matches test/golden/cluster/seeds.json (npm run golden -- cluster)');
});

test('seeds ingested one by one in reverse order (a new batch each, state kept in the store) give the same result', { skip: !haveSeeds && 'seeds not found' }, async () => {
  acceptance(await buildClusterGolden({ reverse: true }));
});
