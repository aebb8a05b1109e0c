// Unit tests of the plain-text cleaner on our own fictional articles (no seed text).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanDoc } from '../../src/clean/index.js';
import { classifyBlocks, isDateLine, textBlocks } from '../../src/clean/lines.js';
import type { CleanDoc, RawDoc } from '../../src/types.js';

const raw = (text: string): RawDoc => ({ origin: 'test.txt', format: 'text', body: { kind: 'text', text }, given: {} });
const clean = (text: string) => cleanDoc(raw(text));
const reasonOf = (d: CleanDoc, needle: string) => d.removed.find((r) => r.text.includes(needle))?.reason;
const kept = (d: CleanDoc, needle: string) => d.paragraphs.find((p) => p.text.includes(needle));

const SCRAPE = [
  'Skip to content',
  'HomeNewsHarbour bridge in Port Velmar reopens after storm...',
  'Add Velmar Daily as a preferred source on Google',
  'Harbour bridge in Port Velmar reopens after storm repairs',
  'Follow Us :',
  'Text Size:',
  'Tuesday, March 4, 2031',
  'By Odile Marchetti and Kwame Asante-Bell',
  'PORT VELMAR, March 4 (Northwire) – The Corran harbour bridge reopened to traffic on Tuesday, six weeks after a winter storm tore away part of its deck, the city council said.',
  'Mayor Ilse Brandvold cut a ribbon at the northern ramp shortly after dawn, and the first ferry-bound lorries crossed minutes later.[3][4]',
  'Advertisement',
  'Repairs Ran Ahead of Schedule',
  'Engineers had expected the work to last until April, but a dry spell in February let crews pour the new concrete early, chief engineer Tomas Reyl said.',
  'Coastal town votes to ban jet skis after summer of noise complaints',
  'The repairs cost 14 million velmar crowns, slightly under the budget the council approved in January.',
  'Readers who subscribe to the council newsletter were told of the reopening a day early, a spokesperson said.',
  'He declined to comment.',
  'ALSO READ: Velmar ferry strike called off after pay deal',
  'Harbour bridge in Port Velmar reopens after storm repairs',
  'Traffic Returns to the Waterfront',
  'By Tuesday evening, queues at the waterfront had eased and the harbour master lifted a speed limit on the approach roads.',
  '(Reporting by Odile Marchetti; Editing by Ruth Okonjo)',
  'Disclaimer: This report is auto generated from the Northwire news service. Velmar Daily holds no responsibility for its content.',
  'Subscribe to our channels on Signal and Telegram',
  'Support Independent Journalism',
  'Local reporting is expensive, and the Daily depends on people who read it.',
  'Become a member today and keep our newsroom on the waterfront.',
  'Support Independent Journalism',
  '© 2031 Velmar Daily. All rights reserved.',
  'Tags: bridges, storms, Port Velmar',
  'LEAVE A REPLY',
  'Please enter your comment!',
  'Most Read',
].join('\n\n');

test('scraped article: title, paragraphs, headings and every removed piece with its reason', () => {
  const d = clean(SCRAPE);
  assert.equal(d.title, 'Harbour bridge in Port Velmar reopens after storm repairs');
  const expectRemoved: [string, string][] = [
    ['Skip to content', 'navigation'],
    ['HomeNewsHarbour', 'navigation'],
    ['preferred source', 'share-prompt'],
    ['Follow Us', 'share-prompt'],
    ['Text Size', 'navigation'],
    ['Tuesday, March 4, 2031', 'date-line'],
    ['By Odile Marchetti and', 'byline'],
    ['Advertisement', 'ad'],
    ['Coastal town votes', 'teaser-headline'],
    ['ALSO READ', 'related-link'],
    ['(Reporting by', 'credits'],
    ['Disclaimer:', 'disclaimer'],
    ['Subscribe to our channels', 'subscription'],
    ['Support Independent Journalism', 'subscription'],
    ['Local reporting is expensive', 'subscription'],
    ['Become a member today', 'subscription'],
    ['All rights reserved', 'copyright'],
    ['Tags:', 'tags'],
    ['LEAVE A REPLY', 'comments'],
    ['Please enter your comment', 'comments'],
    ['Most Read', 'related-link'],
  ];
  for (const [needle, reason] of expectRemoved) assert.equal(reasonOf(d, needle), reason, needle);
  // the repeated title further down is removed as such
  assert.ok(d.removed.some((r) => r.reason === 'repeated-title' && r.line === 37));
  // real content stays: dateline inside the first paragraph, short paragraph, "subscribe" sentence, "By Tuesday" sentence
  assert.ok(d.paragraphs[0].text.startsWith('PORT VELMAR, March 4 (Northwire) –'));
  for (const needle of ['He declined to comment.', 'Readers who subscribe', 'By Tuesday evening', 'The repairs cost']) assert.ok(kept(d, needle), needle);
  assert.equal(kept(d, 'Repairs Ran Ahead')?.kind, 'heading');
  assert.equal(kept(d, 'Traffic Returns')?.kind, 'heading');
});

test('removed pieces carry their 1-based input line and rule; nothing is dropped silently', () => {
  const d = clean(SCRAPE);
  const lines = SCRAPE.split('\n');
  const accounted = new Set<number>();
  for (const p of d.paragraphs) accounted.add(p.line!);
  for (const r of d.removed) {
    assert.ok(r.line && r.rule, `line and rule for ${r.text}`);
    if (r.reason !== 'citation-marker') assert.equal(lines[r.line - 1].trim(), r.text);
    accounted.add(r.line);
  }
  lines.forEach((l, i) => {
    if (l.trim() && l.trim() !== d.title) assert.ok(accounted.has(i + 1), `line ${i + 1} accounted for: ${l}`);
  });
});

test('citation markers are cut from paragraphs and recorded', () => {
  const d = clean(SCRAPE);
  const p = kept(d, 'Mayor Ilse Brandvold')!;
  assert.ok(p.text.endsWith('crossed minutes later.'), p.text);
  const m = d.removed.find((r) => r.reason === 'citation-marker');
  assert.equal(m?.text, '[3][4]');
  assert.equal(m?.line, 19);
  const w = clean('The inquiry reported in 2029 [12] that the dam was sound [a].\n\nEarlier notes [citation needed] disagree.');
  assert.equal(w.paragraphs[0].text, 'The inquiry reported in 2029 that the dam was sound.');
  assert.equal(w.paragraphs[1].text, 'Earlier notes disagree.');
  assert.equal(w.removed.filter((r) => r.reason === 'citation-marker').length, 3);
});

test('paragraph offsets index the joined text', () => {
  const d = clean(SCRAPE);
  for (const p of d.paragraphs) assert.equal(d.text.slice(p.start, p.start + p.text.length), p.text);
  assert.equal(d.text, d.paragraphs.map((p) => p.text).join('\n\n'));
});

test('section headings stay; pasted headlines of other stories go', () => {
  const article = [
    'The Lisk valley wind farm will add forty turbines by 2032, the regional energy board said on Monday, doubling the valley\'s output.',
    'Why the Board Chose the Valley',
    'Board chair Amara Quist said the valley\'s steady winds and an existing grid line made the wind farm cheaper than the coastal sites it had studied.',
    'Farmers in the valley will lease land for the turbines under twenty-year contracts.',
    'Footballer Dario Venn signs three-year deal with Harlow Rovers, ending months of speculation',
    'What the Wind Farm Means for Bills',
    'The board expects the turbines to cut wholesale power prices in the region by about four per cent.',
    'Critics of the wind farm say the valley\'s roads cannot carry the turbine blades.',
  ].join('\n');
  const d = clean(article);
  assert.equal(d.title, undefined);
  assert.equal(kept(d, 'Why the Board Chose')?.kind, 'heading');
  assert.equal(kept(d, 'What the Wind Farm Means')?.kind, 'heading');
  assert.equal(reasonOf(d, 'Footballer Dario Venn'), 'teaser-headline');
});

test('a sentence-case section heading on topic is kept', () => {
  const d = clean([
    'Glenmoor council approved a new tram line on Thursday after a two-year consultation with residents.',
    'Tram line route and costs',
    'The tram line will run from the station to the hospital and cost 210 million crowns, the council said.',
  ].join('\n'));
  assert.equal(kept(d, 'Tram line route')?.kind, 'heading');
});

test('prompts are matched by shape, not by a word inside a sentence', () => {
  const sentences = [
    'Residents can subscribe to flood alerts by text message, the agency said.',
    'Share prices of the ferry operator rose 4% after the announcement.',
    'Comments from the minister drew criticism from opposition lawmakers, who called them premature.',
    'Follow-up inspections found no further damage to the pier.',
    'Advertisement spending by the campaign reached a record in May.',
    'By 2030, the port hopes to handle twice as many containers.',
    'Photographers from six countries entered the harbour photo contest, the organisers said.',
    'Don\'t miss the point: the council has not yet found the money, Quist warned.',
    'More than 300 people attended the meeting at the fish market.',
    'Facebook and Twitter executives met the minister.',
  ];
  const d = clean(sentences.join('\n'));
  assert.equal(d.removed.length, 0, JSON.stringify(d.removed));
  assert.equal(d.paragraphs.length, sentences.length);
});

test('more prompt patterns on our own wording', () => {
  const cases: [string, string][] = [
    ['We use cookies to improve your experience. Accept all cookies', 'cookie-banner'],
    ['Sign up for our morning newsletter', 'subscription'],
    ['Read more: Velmar port expansion faces new delay', 'related-link'],
    ['See also', 'related-link'],
    ['Story continues below advertisement', 'ad'],
    ['googletagmanager', 'tracking'],
    ['Share this article', 'share-prompt'],
    ['Home > World > Europe > Velmar', 'navigation'],
    ['Updated: 5 March 2031 10:42 GMT', 'date-line'],
    ['Copyright 2031 Northwire. All rights reserved.', 'copyright'],
    ['Editing by Ruth Okonjo and Hal Berringer', 'credits'],
    ['BY KWAME ASANTE-BELL', 'byline'],
    ['Join the conversation', 'comments'],
    ['•', 'empty'],
    ['Facebook Twitter WhatsApp Email', 'share-prompt'],
    ['Share on Facebook Share on X Copy link', 'share-prompt'],
    ['By Odile Marchetti - 03/04/31 11:04 PM CET', 'byline'],
    ['Updated on: March 4, 2031 / 10:07 AM / Velmar TV', 'date-line'],
    ['Northwire Published Tuesday, March 4, 2031 8:22AM CET', 'date-line'],
    ['terça-feira, 4 de março de 2031 às 10:13', 'date-line'],
    ['Email Odile Marchetti at odile@velmardaily.example or follow her on social media.', 'non-content'],
    ['Follow our full coverage of the ferry strike at https://velmardaily.example/ferries', 'related-link'],
    ['PUBLISHED: 10:48, Tue, Mar 4, 2031 | UPDATED: 11:05, Tue, Mar 4, 2031', 'date-line'],
    ['Updated Mar. 4, 2031 8:21 am ET / Original Mar. 4, 2031 8:02 am ET', 'date-line'],
    ['By Velmar Daily Staff | March 4, 2031 at 2:26 PM CET - Updated March 4 at 4:46 PM', 'byline'],
    ['In this March 2, 2031, file photo, rescue crews work on the Corran bridge in Port Velmar.', 'non-content'],
    ['Photo: Odile Marchetti', 'non-content'],
    ['https://velmardaily.example/news/ferry-strike-2031', 'non-content'],
    ['This post may contain affiliate links. We may earn a commission on purchases.', 'disclaimer'],
    ['Want more? Sign up for the Harbour Letter today and get it free every Friday.', 'subscription'],
    ['The best local stories, delivered to your inbox every morning.', 'subscription'],
    ['Get the Velmar Daily in your inbox every morning. Sign up now.', 'subscription'],
    ['Tags ferries, Port Velmar, strikes', 'tags'],
    ['The contents of this site are © 2031 Velmar Media Group.', 'copyright'],
    ["DON'T MISS Ferry fares frozen for a year [LATEST] Harbour seals return [PICTURES]", 'related-link'],
    ['Like this story? Share it with your neighbours!', 'share-prompt'],
    ['Have a tip? Write to the newsroom at tips@velmardaily.example.', 'non-content'],
  ];
  for (const [line, reason] of cases) {
    const d = clean(`The Velmar port handled a record number of ships last year, officials said on Friday.\n${line}\nThe expansion will add two berths.`);
    assert.equal(d.removed.find((r) => r.line === 2)?.reason, reason, line);
  }
});

test('outlet boilerplate: lines seen in enough other articles of the outlet are removed', () => {
  const counts = new Map<string, number>([['the velmar daily is read by 40 000 people every morning', 3], ['once seen line', 1]]);
  const text = 'The Velmar Daily is read by 40,000 people every morning.\nOnce seen line.\nThe ferry strike ended on Sunday after both sides accepted a pay deal.';
  const d = classifyBlocks(textBlocks(text), { outletLineCounts: counts, boilerplateMinCount: 3 });
  assert.equal(d.removed.length, 1);
  assert.equal(d.removed[0].reason, 'outlet-boilerplate');
  assert.equal(d.paragraphs.length, 2);
  assert.equal(cleanDoc(raw(text)).removed.length, 0);
});

test('outlet boilerplate: a stock sentence in the middle of a story stays', () => {
  const counts = new Map<string, number>([['he declined to comment', 9]]);
  const lines = [
    'Velmar police arrested two men after a break-in at the harbour chandlery on Sunday, officers said.',
    'The men, aged 24 and 31, were held overnight and released on bail on Monday morning.',
    'The shop\'s owner said thieves had taken rope, flares and two outboard motors worth 9,000 crowns.',
    'He declined to comment.',
    'A court hearing was set for July 3 at the Velmar magistrates\' court, the police said.',
    'Officers asked anyone who saw a white van near the quay late on Saturday to call them.',
  ];
  const d = classifyBlocks(textBlocks(lines.join('\n')), { outletLineCounts: counts, boilerplateMinCount: 3 });
  assert.equal(d.removed.length, 0);
  assert.equal(d.paragraphs.length, 6);
});

test('empty and whitespace-only input gives no paragraphs', () => {
  assert.equal(clean('').paragraphs.length, 0);
  assert.equal(clean(' \n\t\n').text, '');
});

test('an "About <company>" box at the end is removed, but not a mid-article heading', () => {
  const d = clean([
    'Velmar Shipyards said on Monday it had won an order for three hybrid ferries from the Skerry Islands authority.',
    'The ferries will be delivered from 2033 and run on batteries for the short crossings between the islands.',
    'The order is the largest in the yard\'s history, chief executive Hal Berringer said.',
    'About Velmar Shipyards',
    'Velmar Shipyards builds and repairs ships for customers in 14 countries and employs 2,100 people.',
    'Media contact: press office, Velmar Shipyards.',
  ].join('\n'));
  assert.equal(reasonOf(d, 'About Velmar Shipyards'), 'non-content');
  assert.equal(reasonOf(d, 'builds and repairs ships'), 'non-content');
  assert.ok(kept(d, 'largest in the yard'));
});

test('date lines need a day, month or weekday covering most of the line', () => {
  assert.equal(isDateLine('Friday, March 7, 2031', 4), true);
  assert.equal(isDateLine('10:15', 1), false);
  assert.equal(isDateLine('At 10:15 the ferry left the quay', 7), false);
  assert.equal(isDateLine('March 2031 budget vote: what to expect', 6), false);
});

test('a short Title Case headline of another story is removed by how it fits its neighbours', () => {
  const d = clean([
    'The Lisk valley wind farm will add forty turbines by 2032, the regional energy board said on Monday.',
    'Board chair Amara Quist said the valley\'s steady winds made the site cheaper than the coast.',
    'Storm Hits Coastal Towns of Norland',
    'Farmers in the valley will lease land for the turbines under twenty-year contracts.',
    'Costs and Contracts',
    'The turbines will cost 300 million crowns; the contracts run for twenty years.',
  ].join('\n'));
  assert.equal(reasonOf(d, 'Storm Hits Coastal Towns'), 'teaser-headline');
  assert.equal(kept(d, 'Costs and Contracts')?.kind, 'heading');
});

test('a related-coverage list under a bare label goes as related-link; the story around it stays', () => {
  const d = clean([
    'SKERRY ISLANDS, June 2 (Northwire) - The Skerry Islands authority ordered three battery ferries on Monday.',
    'The ferries will replace diesel boats on the short crossings from 2033, the authority said.',
    'Related Coverage',
    '• Velmar shipyard wins record order',
    '• Island fares to rise in autumn',
    'The order is worth 210 million crowns, officials said.',
    'Our Standards: The Northwire Trust Principles.',
    'Why does the ferry matter so much to island life, and what would change if the crossings were cut back for a whole winter season?',
  ].join('\n'));
  assert.equal(reasonOf(d, 'Related Coverage'), 'related-link');
  assert.equal(reasonOf(d, 'Velmar shipyard wins'), 'related-link');
  assert.equal(reasonOf(d, 'Island fares to rise'), 'related-link');
  assert.equal(reasonOf(d, 'Our Standards'), 'disclaimer');
  assert.ok(kept(d, 'The order is worth'));
  assert.equal(kept(d, 'Why does the ferry matter')?.kind, 'paragraph');
});

test('hard-wrapped paragraphs are re-joined (first line number kept)', () => {
  const wrapped = [
    'Velmar council approves harbour tram extension',
    '',
    'The Velmar city council voted on Wednesday to extend the harbour',
    'tram line to the new ferry terminal, ending a dispute that had',
    'delayed the project for almost three years, officials said.',
    '',
    'Council leader Amara Quist said the extension would be built in',
    'two phases, with the first stretch to the fish market opening in',
    'Spring 2033 and the second a year later, weather permitting.',
    '',
    'Opposition members argued that the budget of 96 million crowns',
    'left no margin for the soft ground near the docks.',
  ].join('\n');
  const d = clean(wrapped);
  assert.equal(d.title, 'Velmar council approves harbour tram extension');
  assert.equal(d.paragraphs.length, 3, JSON.stringify(d.paragraphs));
  assert.deepEqual(d.paragraphs.map((p) => p.line), [3, 7, 11]);
  assert.ok(d.paragraphs[1].text.includes('opening in Spring 2033 and the second'));
  assert.equal(d.removed.length, 0);
});

test('header lines next to the byline or date line are source credits, not headings', () => {
  const d = clean([
    'Ferry fares frozen for a year after island protests',
    '',
    'Skerry Weekly',
    'Friday, June 6, 2031',
    '',
    'The Skerry Islands authority froze ferry fares for a year on Thursday after weeks of protests by islanders.',
    '',
    'Velmar Daily staff',
  ].join('\n'));
  assert.equal(reasonOf(d, 'Skerry Weekly'), 'byline');
  assert.equal(reasonOf(d, 'Velmar Daily staff'), 'byline');
  assert.equal(d.paragraphs.length, 1);
});

const PORTAL = [
  "Velmar port strike ends after 11 days as dockers accept 6% pay rise",
  "Last Updated: June 12, 2031, 09:41 IST",
  "Written by Priya Venkataraman",
  "Click here to join our WhatsApp channel",
  "The strike that closed the Velmar container port for 11 days ended on Wednesday night after dockers voted to accept a 6% pay rise, the union said.",
  "About 2,400 workers had walked out on June 1, leaving more than 40 ships waiting at anchor outside the harbour.",
  "Also Read | Ferry operator posts record summer bookings",
  "Union leader Rafael Odum said members had won \"most of what we asked for\" and would return to work on Thursday morning.",
  "WATCH | Dockers celebrate outside the port gates",
  "The port authority said it would take about a week to clear the backlog of containers.",
  "MORE: Velmar shipyard wins record ferry order",
  "READ MORE: What the strike cost the island economy",
  "We use your sign-up to provide content in ways you've consented to and to improve our understanding of you.",
  "First Published: June 12, 2031, 08:15 IST",
  "Click here to download our app for the latest news",
  "Get the latest news and updates on your phone",
  "Copyright © 2031 Velmar Media Ltd.",
  "Advertisement",
  "Port operators welcome deal",
  "Shipping companies said they were relieved the dispute was over, though several warned that freight rates on the island route would stay high until the backlog cleared.",
  "Trending Topics"
].join('\n');

test('portal-style scrape: labels with pipes, app promos, sign-up notices, sub-heading kept', () => {
  const d = clean(PORTAL);
  assert.equal(d.title, 'Velmar port strike ends after 11 days as dockers accept 6% pay rise');
  const expectRemoved: [string, string][] = [
    ['Last Updated:', 'date-line'],
    ['Written by Priya', 'byline'],
    ['join our WhatsApp channel', 'share-prompt'],
    ['Also Read |', 'related-link'],
    ['WATCH |', 'related-link'],
    ['MORE: Velmar shipyard', 'related-link'],
    ['READ MORE:', 'related-link'],
    ['We use your sign-up', 'subscription'],
    ['First Published:', 'date-line'],
    ['download our app', 'subscription'],
    ['on your phone', 'subscription'],
    ['Copyright ©', 'copyright'],
    ['Advertisement', 'ad'],
    ['Trending Topics', 'related-link'],
  ];
  for (const [needle, reason] of expectRemoved) assert.equal(reasonOf(d, needle), reason, needle);
  assert.equal(kept(d, 'Port operators welcome deal')?.kind, 'heading');
  assert.equal(d.paragraphs.filter((p) => p.kind === 'paragraph').length, 5);
});

const TABLOID = [
  "Council Approves Velmar Tram Extension After Three-Year Row",
  "",
  "By Odile Marchetti, Transport Correspondent",
  "Published 10:42 BST, 6 October 2032 | Updated 11:05 BST, 6 October 2032",
  "",
  "Velmar's harbour tram will finally reach the ferry terminal after councillors voted 31 to 12 in favour of the extension on Wednesday night.",
  "",
  "The decision ends a three-year row over the route, which will run past the fish market and the old customs house.",
  "",
  "Budget Fears Over Soft Ground",
  "",
  "Opposition councillors warned that the 96 million crown budget left no margin for the soft ground near the docks, where an earlier bridge project ran far over cost.",
  "",
  "Engineers told the meeting that test drilling had found the ground firmer than expected along most of the route.",
  "",
  "Pop Star Lina Roe Announces Surprise Wedding In Secret Island Ceremony",
  "",
  "What Happens Next",
  "",
  "The first trams are due to run to the fish market next spring, with the full line to the terminal opening in 2034.",
  "",
  "Share or comment on this article:",
  "",
  "Comments are closed.",
  "",
  "Most Read News",
  "Harbour seals return to the quay",
  "Ferry fares frozen for a year"
].join('\n');

test('tabloid-style scrape: Title Case teaser among Title Case headings, comment and most-read furniture', () => {
  const d = clean(TABLOID);
  assert.equal(d.title, 'Council Approves Velmar Tram Extension After Three-Year Row');
  assert.equal(reasonOf(d, 'Pop Star Lina Roe'), 'teaser-headline');
  assert.deepEqual(d.paragraphs.filter((p) => p.kind === 'heading').map((p) => p.text), ['Budget Fears Over Soft Ground', 'What Happens Next']);
  assert.equal(reasonOf(d, 'By Odile Marchetti'), 'byline');
  assert.equal(reasonOf(d, 'Published 10:42 BST'), 'date-line');
  assert.equal(reasonOf(d, 'Share or comment'), 'comments');
  assert.equal(reasonOf(d, 'Comments are closed'), 'comments');
  assert.equal(reasonOf(d, 'Most Read News'), 'related-link');
  assert.equal(reasonOf(d, 'Harbour seals return'), 'related-link');
  assert.equal(d.paragraphs.filter((p) => p.kind === 'paragraph').length, 5);
});
