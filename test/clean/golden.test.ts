// Golden test: the clean stage's decisions on the five seeds (../shared/corpus/seeds) must match
// the reviewed files in test/golden/clean/ (regenerate with `npm run golden -- clean --write`).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { goldenFor, seedFiles } from '../../scripts/golden/clean.js';

const goldenDir = join(import.meta.dirname, '..', 'golden', 'clean');

test('every seed has a golden file and every golden file a seed', () => {
  const seeds = seedFiles().map((f) => f.replace(/\.txt$/, '.json'));
  assert.equal(seeds.length, 5, 'expected the five seeds in ../shared/corpus/seeds');
  assert.deepEqual(readdirSync(goldenDir).filter((f) => f.endsWith('.json')).sort(), seeds);
});

for (const seed of seedFiles()) {
  test(`clean output of ${seed} matches its golden file`, () => {
    const path = join(goldenDir, seed.replace(/\.txt$/, '.json'));
    assert.ok(existsSync(path), `missing ${path}: run npm run golden -- clean --write and review it`);
    const want = JSON.parse(readFileSync(path, 'utf8'));
    const got = JSON.parse(JSON.stringify(goldenFor(seed)));
    assert.deepEqual(got.removed, want.removed, 'removed pieces differ (run npm run golden -- clean to see the diff)');
    assert.deepEqual(got.paragraphs, want.paragraphs, 'kept paragraphs differ (run npm run golden -- clean to see the diff)');
    assert.deepEqual(got.title, want.title);
  });
}
