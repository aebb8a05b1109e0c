/**
 * The hand-annotated gold set (test/gold/extract: five seeds as short facts plus our own fictional
 * articles) must stay above the quality floor: F1 >= 0.90 on entities and quote speakers,
 * >= 0.95 on resolved dates. `npm run bench -- extract` prints the full table.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldArticles } from '../../bench/suites/extract.js';
import { extractArticle } from '../../src/extract/index.js';
import { addCounts, emptyScores, prf, scoreArticle } from '../../src/extract/gold.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = process.env.CROSSCHECK_SHARED ?? join(root, '..', 'shared');
const skip = existsSync(join(shared, 'corpus', 'seeds')) ? false : 'shared seeds not found beside the checkout';

test('gold set quality floor', { skip }, async () => {
  const items = await goldArticles();
  assert.ok(items.filter((i) => !i.gold.seed).length >= 10, 'at least ten own articles');
  assert.equal(items.filter((i) => i.gold.seed).length, 5);
  const all = emptyScores();
  for (const it of items) addCounts(all, scoreArticle(it.article, extractArticle(it.article, it.opts), it.gold));
  const f = (k: 'entities' | 'quotes' | 'dates' | 'numbers' | 'roles') => prf(all[k]).f1;
  assert.ok(f('entities') >= 0.9, `entities F1 ${f('entities')}`);
  assert.ok(f('quotes') >= 0.9, `speakers F1 ${f('quotes')}`);
  assert.ok(f('dates') >= 0.95, `dates F1 ${f('dates')}`);
  assert.ok(f('numbers') >= 0.85, `numbers F1 ${f('numbers')}`);
  assert.ok(f('roles') >= 0.85, `roles F1 ${f('roles')}`);
});

test('the scorer counts misses and spurious items', async () => {
  // a scorer that cannot fail would make the floor above meaningless
  const items = await goldArticles().catch(() => []);
  const it = items.find((i) => !i.gold.seed);
  if (!it) return;
  const ex = extractArticle(it.article, it.opts);
  const none = scoreArticle(it.article, { ...ex, entities: [], quotes: [], times: [], numbers: [] }, it.gold);
  assert.equal(none.entities.tp, 0);
  assert.equal(none.entities.fn, it.gold.entities.length);
  assert.equal(none.quotes.fn, it.gold.quotes.length);
  const wrongDates = scoreArticle(it.article, { ...ex, times: ex.times.map((t) => ({ ...t, date: t.date ? '1999' : null })) }, it.gold);
  assert.equal(wrongDates.dates.tp, 0);
});
