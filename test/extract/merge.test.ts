/**
 * mergeStory over our own fictional story (an original and a rewrite with other spellings):
 * entity variants merge across sources without merging different people who share a first name;
 * one statement quoted by two sources is one quote; dated events form one ordered timeline; an
 * undated article is resolved against the story's date.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle, mergeStory } from '../../src/extract/index.js';
import { unnamedSource } from '../../src/extract/merge.js';
import { renderStoryMarkdown } from '../../src/brief/markdown.js';
import { briefStoryFrom } from '../../src/brief/index.js';
import '../../src/pipeline.js';
import { article } from './helpers.js';

const dir = join(import.meta.dirname, '..', 'gold', 'extract', 'articles');
const a1 = article(readFileSync(join(dir, '10-border-talks.txt'), 'utf8'), '2026-02-06');
// the rewrite carries no date of its own: it takes the story's
const a2 = article(readFileSync(join(dir, '11-border-talks-rewrite.txt'), 'utf8'));
const a3 = article(
  `Tesvar envoy visits Odrinsk\n\nTesvar's Deputy Prime Minister Mikhail Zayats arrived in Odrinsk on Sunday ahead of the talks, the U.S. embassy said.\n\n"Without that, there is nothing to sign," Zayats told local television, repeating his demand.\n\nThe United States and the UAE have offered to host a later round, according to the UN.`,
  '2026-02-08',
);
const items = [a1, a2, a3].map((a) => ({ article: a, extraction: extractArticle(a) }));
const story = mergeStory(items);
const named = (n: string) => story.entities.find((e) => e.name === n || e.variants.some((v) => v.text === n));

test('spelling variants of one person merge, with each variant and its sources', () => {
  const z = named('Mikhail Zayats')!;
  assert.ok(z, 'Zayats missing');
  assert.equal(z, named('Mikhail Zaiats'));
  assert.equal(z.type, 'person');
  const v = new Map(z.variants.map((x) => [x.text, x.sources]));
  assert.deepEqual(v.get('Mikhail Zaiats'), [a2.id]);
  assert.ok(v.get('Mikhail Zayats')!.includes(a1.id) && v.get('Mikhail Zayats')!.includes(a3.id));
  assert.equal(named('Arkady Voronin'), named('Arkadiy Voronin'));
  assert.ok(z.roles.some((r) => /Deputy Prime Minister/.test(r.text) && r.sources.length >= 2));
});

test('people sharing a first name stay apart', () => {
  const zayats = named('Mikhail Zayats')!;
  const sorokin = named('Mikhail Sorokin')!;
  assert.ok(sorokin && zayats && sorokin !== zayats);
});

test('place and organisation variants merge (transliteration, abbreviations)', () => {
  assert.ok(named('Odrinsk'));
  assert.equal(named('Odrinsk'), named('Odrynsk'));
  assert.equal(named('UN'), named('United Nations'));
  const us = named('United States')!;
  assert.equal(us.type, 'place');
  assert.equal(named('U.S.'), us);
  assert.equal(named('UAE')?.type, 'place');
});

test('the same statement quoted by two sources is one quote with both sources', () => {
  const q = story.quotes.filter((x) => x.text.includes('nothing to sign'));
  assert.equal(q.length, 1, JSON.stringify(story.quotes.map((x) => x.text)));
  assert.equal(q[0].speaker, named('Mikhail Zayats')!.name);
  assert.deepEqual(new Set(q[0].sources), new Set([a1.id, a2.id, a3.id]));
  assert.equal(q[0].wordingDiffers, false);
});

test('different words in the same mouth are flagged', () => {
  const q = story.quotes.find((x) => x.variants.some((v) => v.text.includes('past decade')))!;
  assert.ok(q.variants.some((v) => v.text.includes('past ten years')), JSON.stringify(q));
  assert.equal(q.wordingDiffers, true);
  assert.equal(q.speaker, named('Arkady Voronin')!.name);
});

test('timeline: dated events across sources, merged and ordered; the undated rewrite uses the story date', () => {
  const tl = story.timeline;
  const dates = tl.map((t) => t.date + (t.end ? `/${t.end}` : ''));
  assert.deepEqual([...dates].sort(), dates, 'not ordered');
  const geneva = tl.find((t) => t.date === '2026-02-05')!;
  assert.ok(geneva, JSON.stringify(tl));
  assert.ok(geneva.sources.includes(a1.id) && geneva.sources.includes(a2.id), 'Thursday talks from both sources');
  const odrinsk = tl.find((t) => t.date === '2026-02-19' && t.end === '2026-02-20');
  assert.ok(odrinsk, 'February 19-20 round missing');
  assert.ok(tl.some((t) => t.date === '2017'));
  const rewriteTimes = mergeStory([items[1]]).timeline;
  assert.ok(!rewriteTimes.some((t) => t.date === '2026-02-05'), 'a lone undated article has no story date');
});

test('two statements of one speaker that share a word or two stay two quotes; a partial quote inside a longer one is not listed again', () => {
  const b1 = article(
    `Harbour strike talks\n\nUnion leader Petra Salk said the strike might end by spring.\n\nSalk called the offer "insulting" and said the dockers would find the offer "insulting" if nothing changed.`,
    '2026-02-06',
  );
  const b2 = article(`Harbour strike goes on\n\nUnion leader Petra Salk said ending the strike requires a real pay offer from the port authority as well.`, '2026-02-07');
  const s = mergeStory([b1, b2].map((a) => ({ article: a, extraction: extractArticle(a) })));
  const salk = s.quotes.filter((q) => q.speaker === 'Petra Salk');
  const spring = salk.find((q) => q.text.includes('by spring'));
  const offer = salk.find((q) => q.text.includes('real pay offer'));
  assert.ok(spring && offer, JSON.stringify(salk.map((q) => q.text)));
  assert.notEqual(spring, offer, 'different statements sharing "strike" and "end" are not merged');
  assert.equal(spring.variants.length, 1);
  assert.ok(!salk.some((q) => q.text === 'insulting'), 'the partial quote is part of the reported statement that holds it');
  assert.ok(salk.some((q) => q.text.includes('"insulting" if nothing changed')));
});

test('a quote from an unnamed source keeps the source as written; mis-parsed phrases stay unattributed', () => {
  // phrases that name a source
  assert.equal(unnamedSource('Kremlin insiders', 'according to'), 'Kremlin insiders');
  assert.equal(unnamedSource('The county fire service', 'said'), 'the county fire service');
  assert.equal(unnamedSource("the mayor's office", 'said'), "the mayor's office");
  assert.equal(unnamedSource('Tesvar media and analysts', 'according to'), 'Tesvar media and analysts');
  assert.equal(unnamedSource('Officials in Odrinsk', 'said'), 'Officials in Odrinsk');
  assert.equal(unnamedSource('Sources close to the talks', 'said'), 'Sources close to the talks');
  // not sources: a pronoun-led phrase needs the sentence before it, a naming cue, a place, an event
  assert.equal(unnamedSource('his advisers', 'according to'), null);
  assert.equal(unnamedSource('a new relief body', 'called'), null);
  assert.equal(unnamedSource('the drainage ditch', 'said'), null);
  assert.equal(unnamedSource('the meeting', 'said'), null);
  assert.equal(unnamedSource(null, 'said'), null);

  const b1 = article(`Odrinsk rail link to reopen\n\nThe Odrinsk rail link will reopen on Monday after repairs, according to Tesvar transport officials.\n\nRepairs cost about 4 million euros, the transport ministry said.\n\n"We are ready," Mikhail Zayats said.`, '2026-02-09');
  const b2 = article(`Rail link back on Monday\n\nTrains between Odrinsk and the coast run again from Monday, according to Tesvar transport officials.\n\nZayats said the line was safe.`, '2026-02-09');
  const s2 = mergeStory([b1, b2].map((a) => ({ article: a, extraction: extractArticle(a) })));
  const reopen = s2.quotes.find((q) => /reopen/.test(q.text));
  assert.ok(reopen, JSON.stringify(s2.quotes));
  assert.equal(reopen.speaker, null);
  assert.equal(reopen.attribution, 'Tesvar transport officials');
  const cost = s2.quotes.find((q) => /4 million/.test(q.text));
  assert.equal(cost?.attribution, 'the transport ministry');
  // a named speaker carries no attribution
  const ready = s2.quotes.find((q) => q.text === 'We are ready');
  assert.ok(ready?.speaker && ready.attribution === null);
  // the brief shows the source as written, marked as not named
  const md = renderStoryMarkdown(briefStoryFrom({ id: 's1', title: 'Odrinsk rail link to reopen' }, [b1, b2], new Map()));
  assert.match(md, /- \*\*Tesvar transport officials\*\* \(not named\): “The Odrinsk rail link will reopen/);
  assert.doesNotMatch(md, /\*\*unattributed\*\*: “The Odrinsk rail link/);
});

test('timeline: "since 2019" is a period up to the article date (the story date for an undated article), not an event of 2019', () => {
  const c1 = article('Zayats keeps ministry\n\nMikhail Zayats, who has led the transport ministry since 2019, kept his post in the reshuffle on Monday.', '2026-02-09');
  const c2 = article('Odrinsk port\n\nThe Odrinsk port has been closed to tankers since 2023, port officials said on Tuesday.');
  const s3 = mergeStory([c1, c2].map((a) => ({ article: a, extraction: extractArticle(a) })));
  const led = s3.timeline.find((e) => e.date === '2019');
  assert.ok(led, JSON.stringify(s3.timeline));
  assert.equal(led.end, '2026-02');
  const closed = s3.timeline.find((e) => e.date === '2023');
  assert.equal(closed?.end, '2026-02', JSON.stringify(s3.timeline));
  // a dated event keeps its day
  assert.ok(s3.timeline.some((e) => e.date === '2026-02-09' && !e.end));
});
