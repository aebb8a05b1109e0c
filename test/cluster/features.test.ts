import { test } from 'node:test';
import assert from 'node:assert/strict';
import { featureHash, featurize } from '../../src/cluster/features.js';
import { sentences, stem } from '../../src/cluster/text.js';

const has = (bag: { ids: Int32Array }, h: number) => bag.ids.includes(h);

test('names: capitalised mid-sentence words, also when they open a later sentence; not plain sentence starts', () => {
  const bag = featurize('Crews reached the Linnet Court flats at dawn. Linnet residents were moved. Firefighters stayed until noon.');
  assert.ok(has(bag, featureHash('e', 'linnet')));
  assert.ok(has(bag, featureHash('e', 'court')));
  assert.ok(!has(bag, featureHash('e', 'crews')), 'a capital at a sentence start alone is not a name');
  assert.ok(has(bag, featureHash('t', stem('crews'))));
  assert.ok(!has(bag, featureHash('t', 'the')), 'stop words are dropped');
});

test('years near the top date the article; later years are features only', () => {
  const head = featurize('HARROWFIELD, 12 May 2031 - The council met.\n\n' + 'x '.repeat(300) + 'It last met in 2019.');
  assert.deepEqual(head.years, [2031]);
  assert.ok(has(head, featureHash('y', '2019')));
  assert.ok(has(head, featureHash('d', '5-12')) === false); // "12 May": day before month is not read as a date
  const md = featurize('The vote is on May 12 in the hall.');
  assert.ok(has(md, featureHash('d', '5-12')));
});

test('fingerprints are deterministic, case-insensitive and shared by copies', () => {
  const text = 'The regional council said it would charter two cargo boats to keep the island shops supplied with food and fuel during the strike. Ferry crews voted to stay out until the harbour board reopens talks on pay and rotas. '.repeat(3);
  const a = featurize(text).prints;
  const b = featurize('Breaking: ' + text.toUpperCase()).prints;
  assert.ok(a.length > 0);
  assert.deepEqual(featurize(text).prints, a);
  assert.ok(a.every((h) => b.includes(h)));
});

test('sentences split on terminal punctuation and paragraph breaks', () => {
  assert.deepEqual(sentences('One is here. Two "is" there!\n\nThree? four'), ['One is here.', 'Two "is" there!', 'Three? four']);
});
