import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../src/store/index.js';
import { sampleArticle, storeContract } from './contract.js';

storeContract('sqlite :memory:', () => openStore(':memory:'));

test('sqlite file: data survives close and reopen', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'cc-')), 'x.db');
  const s1 = await openStore(file);
  await s1.putArticle(sampleArticle('k1'));
  await s1.close();
  const s2 = await openStore(file);
  assert.equal((await s2.getArticle('k1'))?.id, 'k1');
  await s2.close();
});
