/**
 * extractTimes hands chrono only the parsers whose cue a sentence holds (parseNews): the results
 * must be exactly chrono's with all the kept parsers, also for the forms next to each cue's edge.
 * Sentences are our own, about fictional events.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newsChrono, parseNews } from '../../src/extract/times.js';

const REF = new Date('2026-03-18T12:00:00Z');

const SENTENCES = [
  'The Vell Island ferry resumed on March 5 after a week of talks.',
  'Crews walked out on the 5th of March and again on 7-9 Mar, the union said.',
  'The harbour board met on Jan. 5th and on Jan fifth, twice in one day.',
  'Records from 2019 March and 1988 of June were lost in the flood.',
  'In March 2025 the quay was rebuilt; inMay2024 is a typo the parser still reads.',
  'The market may be calmer, a decision on the novel plan is due, the union said.',
  'Organisers said the festival would return this week, not last year or next month.',
  'This plan was tabled last Tuesday and the vote is set for next Friday.',
  'Ferries stopped three days ago, the operator said, and late on Sunday night.',
  'The mayor spoke this morning; the strike ends at the end of the month.',
  'The twenty-first of December and December twenty-first are both holidays on Vell.',
  'Talks broke down yesterday but could resume today or tomorrow, Lind said.',
  'A monthly fee of 40 euros, a Monday rota and a weekday service were agreed.',
  'Figures showed the crossing followed Monday\'s plan; the vote is on Tuesday of next week, or onFriday.',
  'Money from Africa arrived on Sat. and on Thurs, said the mayor, who met them on Sun.',
  'Nothing here names a time at all, only harbours, crews and ferries.',
];

test('parseNews gives exactly the results of chrono with every kept parser', () => {
  const full = newsChrono();
  for (const s of SENTENCES) {
    const want = full.parse(s, REF).map((r) => ({ index: r.index, text: r.text, start: r.start.date().toISOString(), end: r.end?.date().toISOString() ?? null }));
    const got = parseNews(s, REF).map((r) => ({ index: r.index, text: r.text, start: r.start.date().toISOString(), end: r.end?.date().toISOString() ?? null }));
    assert.deepEqual(got, want, s);
  }
});

test('parseNews skips chrono for sentences no kept parser can read', () => {
  assert.deepEqual(parseNews('Nothing here names a time at all, only harbours, crews and ferries.', REF), []);
  // and it still finds the dates that are there
  assert.ok(parseNews('The ferry resumed on March 5.', REF).some((r) => r.text.includes('March 5')));
});
