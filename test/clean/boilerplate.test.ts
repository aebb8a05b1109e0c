// Cross-article boilerplate: lines repeated across several articles of one outlet.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanDoc, OutletBoilerplate, outletOf } from '../../src/clean/index.js';
import { Crosscheck } from '../../src/pipeline.js';
import type { RawDoc } from '../../src/types.js';

const FOOTER = 'The Gullhaven Courier is owned by its readers and never by a shipping line.';
const stories = [
  'The Gullhaven lifeboat crew rescued four anglers from a capsized dinghy off Skerry Point on Saturday.',
  'Gullhaven school board chose a new head teacher, Miriam Osei, after a five-month search.',
  'A fire at the Gullhaven net loft was put out before it reached the fuel store, the fire service said.',
  'The Gullhaven ferry will run an extra evening sailing through August to cope with summer visitors.',
];
const doc = (i: number, outlet = 'Gullhaven Courier'): RawDoc => ({
  origin: `mem#${i + 1}`,
  format: 'json',
  body: { kind: 'text', text: `${stories[i]}\n\nOfficials said more details would follow next week.\n\n${FOOTER}` },
  given: { outlet },
});

test('a line becomes boilerplate once seen in `threshold` distinct articles of the outlet', () => {
  const bp = new OutletBoilerplate(3);
  for (let i = 0; i < 3; i++) {
    const ctx = bp.contextForDoc(doc(i));
    assert.ok(!cleanDoc(doc(i), ctx).removed.some((r) => r.reason === 'outlet-boilerplate'), `article ${i} keeps the footer`);
    bp.observeDoc(doc(i));
  }
  const d = cleanDoc(doc(3), bp.contextForDoc(doc(3)));
  const removed = d.removed.filter((r) => r.reason === 'outlet-boilerplate').map((r) => r.text);
  // the footer goes; the stock sentence in the middle of the story stays (see lines.ts)
  assert.deepEqual(removed, [FOOTER]);
  assert.ok(d.text.includes('Officials said more details would follow next week.'));
  assert.ok(d.text.startsWith(stories[3]));
  // another outlet learnt nothing
  assert.deepEqual(bp.contextForDoc(doc(3, 'Skerry Herald')), {});
});

test('the same article observed twice counts once, and is cleaned as the first time', () => {
  const bp = new OutletBoilerplate(2);
  assert.equal(bp.observe('x', ['Alpha line here', 'Beta line']), true);
  assert.equal(bp.observe('x', ['Alpha line here', 'Beta line']), false);
  assert.equal(bp.contextFor('x').outletLineCounts?.get('alpha line here'), 1);
  const b2 = new OutletBoilerplate(2);
  b2.observeDoc(doc(0));
  b2.observeDoc(doc(1));
  assert.deepEqual(b2.contextForDoc(doc(0)), {}, 'a known article gets no boilerplate context');
});

test('outlet key: given outlet, else URL host without www', () => {
  assert.equal(outletOf({ origin: 'a', format: 'text', body: { kind: 'text', text: '' }, given: { url: 'https://www.Example.org/a/b' } }), 'example.org');
  assert.equal(outletOf({ origin: 'https://news.example.net/x', format: 'html', body: { kind: 'html', html: '' }, given: {} }), 'news.example.net');
  assert.equal(outletOf({ origin: 'file.txt', format: 'text', body: { kind: 'text', text: '' }, given: {} }), undefined);
});

test('pipeline: the fourth article of an outlet loses the shared lines; re-ingesting the first is a duplicate', async () => {
  const cc = await Crosscheck.open(':memory:');
  try {
    const r = await cc.ingestItems([doc(0), doc(1), doc(2), doc(3), doc(0)]);
    assert.equal(r.stored, 4);
    assert.equal(r.duplicates, 1);
    const fourth = await cc.store.getArticle(r.articleIds[3]);
    assert.ok(fourth, 'fourth article stored');
    assert.ok(fourth!.removed.some((x) => x.reason === 'outlet-boilerplate' && x.text === FOOTER));
    assert.ok(!fourth!.text.includes(FOOTER));
  } finally {
    await cc.close();
  }
});
