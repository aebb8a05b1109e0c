import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scorePage, shingles, summarise, tokens } from '../../src/clean/metric.js';

test('tokens are Unicode letter/digit/underscore runs', () => {
  assert.deepEqual(tokens('Naïve café-owner paid €12,50 in Zürich; 東京 x_y!'), ['Naïve', 'café', 'owner', 'paid', '12', '50', 'in', 'Zürich', '東京', 'x_y']);
  assert.deepEqual(tokens(' -- '), []);
});

test('4-token shingles form a multiset; short texts give one shingle, empty none', () => {
  const s = shingles(tokens('a b c d a b c d'));
  assert.equal([...s.values()].reduce((x, y) => x + y, 0), 5);
  assert.equal(s.get(['a', 'b', 'c', 'd'].join('\u0001')), 2);
  assert.equal(shingles(tokens('only two')).size, 1);
  assert.equal(shingles([]).size, 0);
});

test('page score is normalised by tp + fp + fn', () => {
  // truth: 6 tokens -> 3 shingles; predicted adds 2 tokens -> 5 shingles, 3 shared
  const truth = 'the mayor opened the new bridge';
  const pred = 'the mayor opened the new bridge on Monday';
  const s = scorePage(pred, truth);
  assert.ok(Math.abs(s.tp - 3 / 5) < 1e-12);
  assert.ok(Math.abs(s.fp - 2 / 5) < 1e-12);
  assert.equal(s.fn, 0);
  assert.equal(s.exact, false);
  assert.equal(scorePage('The mayor, opened the new bridge!', 'The mayor opened the new bridge').exact, true);
  const none = scorePage('', '');
  assert.deepEqual([none.tp, none.fp, none.fn], [0, 0, 0]);
});

test('summary: mean precision and recall over eligible pages, F1 from the means', () => {
  const a = scorePage('one two three four five', 'one two three four five'); // P=R=1
  const b = scorePage('one two three four', 'one two three four five six seven'); // P=1, R=1/4
  const c = scorePage('', 'alpha beta gamma delta'); // no prediction: excluded from P, R=0
  const s = summarise([a, b, c]);
  assert.ok(Math.abs(s.precision - 1) < 1e-12);
  assert.ok(Math.abs(s.recall - (1 + 0.25 + 0) / 3) < 1e-12);
  assert.ok(Math.abs(s.f1 - (2 * s.precision * s.recall) / (s.precision + s.recall)) < 1e-12);
  assert.ok(Math.abs(s.accuracy - 1 / 3) < 1e-12);
});
