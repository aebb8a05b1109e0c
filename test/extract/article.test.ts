/**
 * extractArticle on our own fictional articles: entities with roles and coreference, every common
 * quote form, time expressions resolved against the publication date, numbers with hedges.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle } from '../../src/extract/index.js';
import { article, entityNamed, speakerOf } from './helpers.js';

const FERRY = `Ferry strike halts crossings to Vell Island

Ferry crews on the Vell Island route walked out late Sunday, stranding about 1,500 passengers, the operator said on Tuesday.

Harbour master Ellen Voss said the last ship left the quay shortly before midnight. "We had no warning at all," Voss said.

"It is a disgrace," said union organiser Tom Brandvik. "Our members have waited four years for this."

Transport Minister Oskar Lind, who met both sides on Monday, said the talks would resume on Thursday.

“We are close,” Lind told reporters, “but not close enough.”

He added: "Nobody wants the island cut off for another winter."

“Every day without ferries costs the island some 40,000 euros.”

According to Brandvik, more than 300 crew members took part. The union said that at least 12 sailings had been cancelled.

Ellen Voss, the harbour master, called the strike "a blow to every business on the island".

The strike is the first on the route since last year's dispute, which ended in August. A March 3 meeting had failed to reach a deal, and talks earlier this week also broke down.

Passengers paid 25% more for flights in the meantime, and the fourteenth sailing of the season was the first to be cancelled.`;

const ex = extractArticle(article(FERRY, '2026-03-10'));

test('people with roles from before and after the name', () => {
  const voss = entityNamed(ex, 'Ellen Voss');
  assert.equal(voss?.type, 'person');
  assert.ok(voss!.roles.some((r) => /harbour master/i.test(r.text)), JSON.stringify(voss!.roles));
  const lind = entityNamed(ex, 'Oskar Lind');
  assert.equal(lind?.type, 'person');
  assert.ok(lind!.roles.some((r) => r.text === 'Transport Minister'));
  const tom = entityNamed(ex, 'Tom Brandvik');
  assert.ok(tom!.roles.some((r) => r.text === 'union organiser'));
  assert.equal(entityNamed(ex, 'Vell Island')?.type, 'place');
});

test('surnames and pronouns resolve to the person named in full', () => {
  const voss = entityNamed(ex, 'Ellen Voss')!;
  assert.ok(ex.mentions.some((m) => m.text === 'Voss' && m.entity === voss.id && m.via === 'alias'));
  const lind = entityNamed(ex, 'Oskar Lind')!;
  assert.ok(ex.mentions.some((m) => m.text === 'He' && m.entity === lind.id && m.via === 'pronoun'));
});

test('every common quote form gets its speaker', () => {
  assert.equal(speakerOf(ex, 'We had no warning'), 'Ellen Voss'); // “...,” X said
  assert.equal(speakerOf(ex, 'It is a disgrace'), 'Tom Brandvik'); // “...,” said X
  assert.equal(speakerOf(ex, 'Our members have waited'), 'Tom Brandvik'); // continuation sentence
  assert.equal(speakerOf(ex, 'We are close'), 'Oskar Lind'); // split around the attribution
  assert.equal(speakerOf(ex, 'but not close enough'), 'Oskar Lind');
  assert.equal(speakerOf(ex, 'Nobody wants the island'), 'Oskar Lind'); // He added: “...”
  assert.equal(speakerOf(ex, 'Every day without ferries'), 'Oskar Lind'); // quote paragraph, no attribution
  assert.equal(speakerOf(ex, 'more than 300 crew members'), 'Tom Brandvik'); // according to X, ...
  assert.equal(speakerOf(ex, 'a blow to every business'), 'Ellen Voss'); // partial quote
  assert.equal(speakerOf(ex, 'the talks would resume'), 'Oskar Lind'); // "X, who ..., said ..."
  assert.equal(speakerOf(ex, 'the last ship left'), 'Ellen Voss'); // reported: X said ...
  const partial = ex.quotes.find((q) => q.text.includes('a blow to every business'))!;
  assert.equal(partial.kind, 'partial');
  assert.equal(partial.cue, 'called');
  const direct = ex.quotes.find((q) => q.text.includes('We had no warning'))!;
  assert.equal(direct.kind, 'direct');
  assert.equal(direct.cue, 'said');
});

test('time expressions resolve against the publication date, with precision and event', () => {
  const t = (s: string) => ex.times.find((x) => x.text.includes(s));
  assert.equal(t('late Sunday')?.date, '2026-03-08'); // published Tuesday 2026-03-10
  assert.equal(t('on Tuesday')?.date, '2026-03-10');
  assert.equal(t('on Monday')?.date, '2026-03-09');
  assert.equal(t('on Thursday')?.date, '2026-03-12'); // "would resume": forward
  assert.equal(t("last year's")?.date, '2025');
  assert.equal(t("last year's")?.precision, 'year');
  assert.match(t("last year's")?.event ?? '', /dispute/);
  assert.equal(t('in August')?.date, '2025-08');
  assert.equal(t('in August')?.precision, 'month');
  assert.equal(t('March 3')?.date, '2026-03-03');
  assert.match(t('March 3')?.event ?? '', /meeting/);
  const week = t('earlier this week')!;
  assert.equal(week.precision, 'week');
  assert.equal(week.date, '2026-03-09');
  assert.equal(week.dateEnd, '2026-03-10');
  for (const x of ex.times) assert.equal(x.anchor === 'published' || x.anchor === 'explicit', true);
});

test('numbers: counts with what they count, hedges, percentages, money; ordinals are not counts', () => {
  const n = (s: string) => ex.numbers.find((x) => x.text.includes(s));
  const pax = n('1,500')!;
  assert.deepEqual([pax.value, pax.kind, pax.hedge, pax.what], [1500, 'count', 'about', 'passengers']);
  const crew = n('300')!;
  assert.deepEqual([crew.value, crew.hedge], [300, 'more-than']);
  assert.match(crew.what ?? '', /crew members/);
  assert.equal(n('12')?.hedge, 'at-least');
  const money = n('40,000')!;
  assert.deepEqual([money.kind, money.unit, money.hedge], ['money', 'EUR', 'about']);
  assert.equal(n('25%')?.kind, 'percent');
  const years = n('four years')!;
  assert.deepEqual([years.kind, years.value, years.unit], ['duration', 4, 'years']);
  assert.ok(!ex.numbers.some((x) => /fourteenth/.test(x.text)), 'ordinal taken as a number');
});

test('offsets point at the text they name', () => {
  const text = article(FERRY, '2026-03-10').text;
  for (const m of ex.mentions) assert.equal(text.slice(m.start, m.start + m.text.length), m.text);
  for (const q of ex.quotes) assert.equal(text.slice(q.start, q.start + q.text.length), q.text);
  for (const t of ex.times) assert.equal(text.slice(t.start, t.start + t.text.length), t.text);
  for (const x of ex.numbers) assert.equal(text.slice(x.start, x.start + x.text.length), x.text);
  for (const s of ex.sentences) assert.equal(text.slice(s.start, s.start + s.text.length), s.text);
});

test('an undated article keeps relative times unresolved; an anchor resolves them', () => {
  const text = `Council approves new bridge\n\nThe town council in Marlow Bay approved the new footbridge on Friday, the mayor's office said.\n\nWork will start in May, council leader Ruth Achebe said.`;
  const bare = extractArticle(article(text));
  const fri = bare.times.find((t) => t.text.includes('Friday'))!;
  assert.equal(fri.date, null);
  assert.equal(fri.anchor, 'unresolved');
  const anchored = extractArticle(article(text), { anchorDate: '2026-04-15', anchorKind: 'story' });
  const fri2 = anchored.times.find((t) => t.text.includes('Friday'))!;
  assert.equal(fri2.date, '2026-04-10');
  assert.equal(fri2.anchor, 'story');
  assert.equal(anchored.times.find((t) => t.text.includes('May'))?.date, '2026-05');
});

test('organisations and places without gazetteer entries are typed from context', () => {
  const text = `Brewery buys rival\n\nGlenholm Brewing said on Monday it would buy rival Tarrow Ales, which has a plant in Kessock.\n\nThe deal needs approval from the Fair Trade Commission, according to chief executive Iona Mair.`;
  const e = extractArticle(article(text, '2026-02-02'));
  assert.equal(entityNamed(e, 'Glenholm Brewing')?.type, 'organization');
  assert.equal(entityNamed(e, 'Tarrow Ales')?.type, 'organization');
  assert.equal(entityNamed(e, 'Kessock')?.type, 'place');
  assert.equal(entityNamed(e, 'Fair Trade Commission')?.type, 'organization');
  assert.equal(entityNamed(e, 'Iona Mair')?.type, 'person');
  assert.equal(speakerOf(e, 'it would buy rival'), 'Glenholm Brewing');
});

test('a lower-case "former" before a title is part of the role (what sources disagree on)', () => {
  const ex = extractArticle(article('Talks resume in Odrinsk\n\nOn Monday, former President Arkady Voronin met Deputy Prime Minister Mikhail Zayats in Odrinsk.', '2026-02-09'));
  assert.deepEqual(entityNamed(ex, 'Arkady Voronin')?.roles.map((r) => r.text), ['former President']);
  assert.deepEqual(entityNamed(ex, 'Mikhail Zayats')?.roles.map((r) => r.text), ['Deputy Prime Minister']);
});

test('"..., X told reporters at a briefing on Monday morning." attributes the clause before it; a reported lead starts after the dateline', () => {
  const ex = extractArticle(article('ODRINSK, Feb 9 (Tesvar Wire) — The ferry line to the islands will reopen on Friday, port officials said.\n\nThe storm closed the harbour for about two days, Harbour Master Ilse Brandvold told reporters at a briefing on Monday morning.', '2026-02-09'));
  assert.equal(speakerOf(ex, 'The storm closed the harbour'), 'Ilse Brandvold');
  assert.ok(!ex.quotes.some((q) => q.text.startsWith('at a briefing')), JSON.stringify(ex.quotes.map((q) => q.text)));
  const lead = ex.quotes.find((q) => q.text.includes('ferry line'))!;
  assert.ok(lead.text.startsWith('The ferry line'), lead.text);
});

test('a plural title before a list of names ("Councillors Osei, Harms and Vos") is a role, not part of the first name', () => {
  const ex = extractArticle(article('Levy passes\n\nCouncillors Amara Osei, Piet Harms and Lena Vos voted against the harbour levy on Tuesday.', '2026-04-15'));
  assert.ok(entityNamed(ex, 'Amara Osei'), JSON.stringify(ex.entities.map((e) => e.name)));
  assert.ok(!ex.entities.some((e) => /^Councillors/.test(e.name)));
  assert.deepEqual(entityNamed(ex, 'Amara Osei')!.roles.map((r) => r.text), ['Councillor']);
});

test('"could expect to return on Tuesday" looks forward: the coming Tuesday, not the last one', () => {
  const ex = extractArticle(article('Odrinsk flood\n\nMayor Greta Lund said on Monday that residents could expect to return on Tuesday, once the water had gone down.', '2026-02-09'));
  const tue = ex.times.find((t) => /Tuesday/.test(t.text));
  assert.equal(tue?.date, '2026-02-10', JSON.stringify(ex.times));
});

test('"Farmers along the canal said" / "Officials in Odrinsk said": the speakers are the people before the preposition, not the place', () => {
  const ex = extractArticle(article('Spill worries farmers\n\nFarmers along the drainage canal said they had been warned not to water livestock from it. Officials in Odrinsk said the canal would be tested on Friday.', '2026-02-09'));
  const q1 = ex.quotes.find((q) => q.text.startsWith('they had been warned'));
  assert.equal(q1?.speakerText, 'Farmers along the drainage canal');
  assert.equal(q1?.speaker, null);
  assert.equal(ex.quotes.find((q) => q.text.startsWith('the canal would'))?.speakerText, 'Officials in Odrinsk');
});
