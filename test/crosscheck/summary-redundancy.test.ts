// The summary leaves out a fact that tells the same event as one already chosen in other words
// (same predication and actor), and keeps different facts about the same people.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sameEvent } from '../../src/crosscheck/index.js';

test('sameEvent: one event told twice', () => {
  assert.ok(sameEvent(
    'Late on Monday, Governor Alma Reyes met with Tessaly union leaders at the state house, including organiser Piet Vos.',
    'Governor Alma Reyes met a senior Tessaly delegation in Corvin for new wage talks.',
  ));
  assert.ok(sameEvent(
    'Reyes said that while the state still wants a deal, it will keep pursuing its budget goals until the strike ends.',
    'Reyes stressed that the state would pursue its long-term budget goals in the north until a settlement is reached.',
  ));
});

test('sameEvent: different facts about the same people stay apart', () => {
  assert.ok(!sameEvent(
    'Governor Alma Reyes met Tessaly union leaders at the state house on Monday.',
    'Governor Alma Reyes signed the new water bill on Friday.',
  ));
  assert.ok(!sameEvent(
    'About 300 dock workers walked out at the port of Corvin on Monday.',
    'The union said 300 dock workers would return to the port of Corvin if talks resumed.',
  ));
});
