import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildArticle } from '../../src/pipeline.js';
import { isItemError, readInputs } from '../../src/ingest/index.js';
import { detectMetadata, parseByline, splitDateline } from '../../src/ingest/metadata.js';
import { normaliseDate, parseDateLine, dateFromUrl } from '../../src/ingest/dates.js';
import { canonicalWire, outletFromUrl } from '../../src/ingest/outlets.js';
import { detectLanguage, normaliseLanguage } from '../../src/ingest/language.js';
import type { Article, CleanDoc, RawDoc } from '../../src/types.js';
import { BRIDGE_HTML, BRIDGE_PARAS, FERRY_PAGE, FERRY_PARAS, FERRY_TITLE, FRENCH_TEXT } from './helpers.js';

function article(raw: RawDoc): Article {
  const a = buildArticle(raw);
  if (isItemError(a)) throw new Error(a.error);
  return a;
}

function textDoc(text: string, given: RawDoc['given'] = {}): RawDoc {
  return { origin: 'test.txt', format: 'text', body: { kind: 'text', text }, given };
}

function cleanOf(text: string, removed: CleanDoc['removed'] = []): CleanDoc {
  return { paragraphs: [{ kind: 'paragraph', text, start: 0 }], text, removed };
}

describe('splitDateline', () => {
  test('Reuters style with date and wire', () => {
    const { dateline, rest } = splitDateline('PORT AVERLY, March 3 (Reuters) – The council voted.', { published: '2026-03-04' });
    assert.deepEqual(dateline, { text: 'PORT AVERLY, March 3 (Reuters) –', place: 'Port Averly', date: '2026-03-03', wire: 'Reuters' });
    assert.equal(rest, 'The council voted.');
  });
  test('AP style with region', () => {
    const { dateline, rest } = splitDateline('KESTREL FALLS, Vermont (AP) — Engineers closed a bridge.');
    assert.deepEqual(dateline, { text: 'KESTREL FALLS, Vermont (AP) —', place: 'Kestrel Falls, Vermont', wire: 'AP' });
    assert.equal(rest, 'Engineers closed a bridge.');
  });
  test('AFP style, day before month, year across new year', () => {
    const { dateline } = splitDateline('LONDON, 30 Dec (AFP) - Fog grounded flights.', { published: '2027-01-02T08:00:00.000Z' });
    assert.equal(dateline?.date, '2026-12-30');
    assert.equal(dateline?.wire, 'AFP');
    const t = splitDateline('Valbrune (AFP) - Le pont a rouvert.');
    assert.equal(t.dateline?.place, 'Valbrune');
    assert.equal(t.dateline?.wire, 'AFP');
  });
  test('place only, colon style, wire only, explicit year', () => {
    assert.equal(splitDateline('WASHINGTON — Lawmakers met.').dateline?.place, 'Washington');
    assert.equal(splitDateline('NEW DELHI: The ministry said.').dateline?.place, 'New Delhi');
    assert.deepEqual(splitDateline('(Reuters) - Shares rose.').dateline, { text: '(Reuters) -', wire: 'Reuters' });
    assert.equal(splitDateline('SKARHOLM, Jan. 5, 2026 (Reuters) - Ice closed the port.').dateline?.date, '2026-01-05');
  });
  test('tokenised and EFE-style punctuation', () => {
    assert.equal(splitDateline('SKARHOLM ( Reuters ) - Ice closed the port .').dateline?.wire, 'Reuters');
    const efe = splitDateline('VALBRUNE (EFE).- El puente reabrió.');
    assert.equal(efe.dateline?.wire, 'EFE');
    assert.equal(efe.rest, 'El puente reabrió.');
  });
  test('several places', () => {
    const { dateline } = splitDateline('PORT AVERLY/SKARHOLM, March 3 (Reuters) - Ferries stopped.', { published: '2026-03-03' });
    assert.equal(dateline?.place, 'Port Averly/Skarholm');
    assert.equal(dateline?.date, '2026-03-03');
  });
  test('no year known: the date stays unresolved', () => {
    const { dateline } = splitDateline('MOSCOW, Feb 2 (Reuters) - Talks ended.');
    assert.equal(dateline?.date, undefined);
    assert.equal(dateline?.place, 'Moscow');
  });
  test('not datelines', () => {
    for (const s of ['BREAKING: The council resigned.', 'NATO — the alliance said', 'The council met on Tuesday.', 'EU: new rules', 'By Friday, the talks had ended.', 'UPDATE 2-Shares fall']) {
      assert.equal(splitDateline(s).dateline, null, s);
    }
    const text = 'Plain sentence.';
    assert.equal(splitDateline(text).rest, text);
  });
});

describe('parseByline', () => {
  test('the usual forms', () => {
    assert.deepEqual(parseByline('By Ingrid Marsh and Paulo Serrat'), { names: ['Ingrid Marsh', 'Paulo Serrat'], wire: undefined });
    assert.deepEqual(parseByline('By Ana Ruiz, Tomas Veyle and Li Wen')?.names, ['Ana Ruiz', 'Tomas Veyle', 'Li Wen']);
    assert.deepEqual(parseByline('Ingrid Marsh and Paulo Serrat | Reuters', false), { names: ['Ingrid Marsh', 'Paulo Serrat'], wire: 'Reuters' });
    assert.deepEqual(parseByline('By NADIA BROOK, Associated Press'), { names: ['Nadia Brook'], wire: 'AP' });
    assert.deepEqual(parseByline('By Nadia Brook, Staff Writer')?.names, ['Nadia Brook']);
    assert.deepEqual(parseByline('By Jean-Luc van der Berg in Skarholm')?.names, ['Jean-Luc van der Berg']);
    assert.deepEqual(parseByline('By Reuters Staff'), { names: [], wire: 'Reuters' });
    assert.deepEqual(parseByline('By Ana Ruiz • Updated March 3, 2026')?.names, ['Ana Ruiz']);
  });
  test('not bylines', () => {
    assert.equal(parseByline('By Friday, the talks had ended.'), null);
    assert.equal(parseByline('By the end of the year the bridge will reopen'), null);
    assert.equal(parseByline('Ingrid Marsh and Paulo Serrat'), null, 'needs "By" unless told otherwise');
  });
});

describe('dates', () => {
  test('normaliseDate', () => {
    assert.equal(normaliseDate('2026-01-23'), '2026-01-23');
    assert.equal(normaliseDate('2026-02-16T09:30:00+01:00'), '2026-02-16T08:30:00.000Z');
    assert.equal(normaliseDate('2026-02-16T09:30:00'), '2026-02-16');
    assert.equal(normaliseDate('Mon, 16 Feb 2026 09:30:00 GMT'), '2026-02-16T09:30:00.000Z');
    assert.equal(normaliseDate('March 3, 2026'), '2026-03-03');
    assert.equal(normaliseDate(1771234200), '2026-02-16T09:30:00.000Z');
    assert.equal(normaliseDate('not a date'), null);
    assert.equal(normaliseDate('2026-02-30'), null);
    assert.equal(normaliseDate('March 3'), null, 'no year: not a publication date');
  });
  test('parseDateLine', () => {
    assert.deepEqual(parseDateLine('Wednesday, March 4, 2026'), { date: '2026-03-04', kind: 'published' });
    assert.deepEqual(parseDateLine('Updated: 4 Mar 2026, 10:15 IST'), { date: '2026-03-04T04:45:00.000Z', kind: 'updated' });
    assert.equal(parseDateLine('Published March 4, 2026')?.date, '2026-03-04');
    assert.equal(parseDateLine('The council voted on March 3, 2026 to build a terminal.'), null);
    assert.equal(parseDateLine('Share this article'), null);
  });
  test('dateFromUrl', () => {
    assert.equal(dateFromUrl('https://x.example/news/2026/02/16/bridge'), '2026-02-16');
    assert.equal(dateFromUrl('https://x.example/2026-02-16/bridge.html'), '2026-02-16');
    assert.equal(dateFromUrl('https://x.example/news/bridge-123'), null);
  });
});

describe('outlets, wires, languages', () => {
  test('outletFromUrl: table and readable fallback', () => {
    assert.equal(outletFromUrl('https://www.reuters.com/world/x'), 'Reuters');
    assert.equal(outletFromUrl('https://edition.cnn.com/2026/01/01/x'), 'CNN');
    assert.equal(outletFromUrl('https://www.bbc.co.uk/news/x'), 'BBC News');
    assert.equal(outletFromUrl('https://theprint.in/world/x'), 'ThePrint');
    assert.equal(outletFromUrl('https://news.daily-courier.co.uk/a'), 'Daily Courier');
    assert.equal(outletFromUrl('https://kestrelgazette.example/a'), 'Kestrelgazette');
    assert.equal(outletFromUrl('http://127.0.0.1:8080/a'), null);
    assert.equal(outletFromUrl('not a url'), null);
  });
  test('canonicalWire', () => {
    assert.equal(canonicalWire('The Associated Press'), 'AP');
    assert.equal(canonicalWire('Agence France-Presse'), 'AFP');
    assert.equal(canonicalWire('Thomson Reuters'), 'Reuters');
    assert.equal(canonicalWire('The Kestrel Gazette'), null);
  });
  test('languages', () => {
    assert.equal(detectLanguage(FERRY_PARAS.join(' ')), 'en');
    assert.equal(detectLanguage(FRENCH_TEXT), 'fr');
    assert.equal(detectLanguage('Der Gemeinderat von Valbrunn hat am Dienstag beschlossen, eine neue Bibliothek am Bahnhof zu bauen. Die Arbeiten sollen im Frühjahr beginnen.'), 'de');
    assert.equal(detectLanguage('Городской совет Вальбруна во вторник проголосовал за строительство новой библиотеки рядом с вокзалом.'), 'ru');
    assert.equal(detectLanguage('Short.'), 'und');
    assert.equal(normaliseLanguage('en-GB'), 'en');
    assert.equal(normaliseLanguage('fra'), 'fr');
  });
});

describe('detectMetadata on fictional articles', () => {
  test('a scraped plain-text page: every field from the text', () => {
    const a = article(textDoc(FERRY_PAGE));
    const m = a.metadata;
    assert.equal(m.title, FERRY_TITLE);
    assert.deepEqual(m.byline, ['Ingrid Marsh', 'Paulo Serrat']);
    assert.deepEqual(m.dateline, { text: 'PORT AVERLY, March 3 (Reuters) –', place: 'Port Averly', date: '2026-03-03', wire: 'Reuters' });
    assert.equal(m.wire, 'Reuters');
    assert.equal(m.published, '2026-03-04');
    assert.equal(m.outlet, 'The Averly Courier');
    assert.equal(m.language, 'en');
    assert.deepEqual(m.fieldSources, { byline: 'text', published: 'text', dateline: 'text', wire: 'inferred', outlet: 'text', title: 'text', language: 'inferred' });
  });

  test('an HTML page: the page metadata wins over text guesses', () => {
    const a = article({ origin: 'bridge.html', format: 'html', body: { kind: 'html', html: BRIDGE_HTML }, given: {} });
    const m = a.metadata;
    assert.equal(m.title, 'Cracks close Old Mill bridge in Kestrel Falls');
    assert.equal(m.outlet, 'The Kestrel Gazette');
    assert.equal(m.url, 'https://www.kestrelgazette.example/news/2026/02/16/old-mill-bridge');
    assert.equal(m.published, '2026-02-16T08:30:00.000Z');
    assert.deepEqual(m.byline, ['Nadia Brook']);
    assert.equal(m.wire, undefined);
    assert.deepEqual(m.fieldSources, { url: 'html-meta', byline: 'html-meta', published: 'html-meta', outlet: 'html-meta', title: 'html-meta', language: 'inferred' });
  });

  test('a JSON record: record fields win and are marked "record"; outlet from the URL when not given', () => {
    const a = article({ origin: 'r.json', format: 'json', body: { kind: 'text', text: FERRY_PARAS.join('\n\n') }, given: { title: 'Ferry vote', url: 'https://www.reuters.com/world/ferry', published: 'Tue, 03 Mar 2026 18:00:00 GMT', author: 'Ingrid Marsh and Paulo Serrat' } });
    const m = a.metadata;
    assert.equal(m.title, 'Ferry vote');
    assert.equal(m.outlet, 'Reuters');
    assert.equal(m.fieldSources.outlet, 'url');
    assert.equal(m.wire, 'Reuters', 'a wire outlet is its own wire');
    assert.deepEqual(m.byline, ['Ingrid Marsh', 'Paulo Serrat']);
    assert.equal(m.fieldSources.byline, 'record');
    assert.equal(m.published, '2026-03-03T18:00:00.000Z');
  });

  test('feed items: the channel title is the outlet with source "feed"', () => {
    const m = detectMetadata({ origin: 'f.rss#1', format: 'rss', body: { kind: 'text', text: BRIDGE_PARAS[0] }, given: { outlet: 'Kestrel Gazette', language: 'en-gb' } }, cleanOf(BRIDGE_PARAS[0]));
    assert.equal(m.outlet, 'Kestrel Gazette');
    assert.equal(m.fieldSources.outlet, 'feed');
  });

  test('AP copy: dateline, copyright line', () => {
    const text = [
      'Bridge closed after cracks found',
      '',
      'KESTREL FALLS, Vermont (AP) — ' + BRIDGE_PARAS[0],
      '',
      BRIDGE_PARAS[1],
      '',
      'Copyright 2026 The Associated Press. All rights reserved.',
    ].join('\n');
    const m = article(textDoc(text)).metadata;
    assert.equal(m.wire, 'AP');
    assert.equal(m.dateline?.place, 'Kestrel Falls, Vermont');
    assert.equal(m.outlet, undefined, 'a wire copyright is not the outlet');
    assert.equal(m.title, 'Bridge closed after cracks found');
  });

  test('wire from credit and syndication lines only', () => {
    const reuters = detectMetadata(textDoc(`${BRIDGE_PARAS[0]}\n\n(Reporting by Ana Ruiz; Editing by Carl Dunmore)`), cleanOf(BRIDGE_PARAS[0]));
    assert.equal(reuters.wire, 'Reuters');
    assert.equal(reuters.fieldSources.wire, 'text');
    const pti = detectMetadata(textDoc(`${BRIDGE_PARAS[0]}\n\n(With inputs from PTI)`), cleanOf(BRIDGE_PARAS[0]));
    assert.equal(pti.wire, 'PTI');
    const none = detectMetadata(textDoc(BRIDGE_PARAS.join('\n\n')), cleanOf(BRIDGE_PARAS.join('\n\n')));
    assert.equal(none.wire, undefined);
    assert.deepEqual(none.byline, []);
    assert.equal(none.published, undefined);
  });

  test('removed pieces from clean are used (byline, date line, copyright)', () => {
    const m = detectMetadata(
      { origin: 'x.html', format: 'html', body: { kind: 'html', html: `<p>${BRIDGE_PARAS[0]}</p>` }, given: {} },
      cleanOf(BRIDGE_PARAS[0], [
        { text: 'Ana Ruiz and Li Wen | AFP', reason: 'byline' },
        { text: 'Published 16 February 2026', reason: 'date-line' },
        { text: '© 2026 Kestrel Gazette Ltd', reason: 'copyright' },
      ]),
    );
    assert.deepEqual(m.byline, ['Ana Ruiz', 'Li Wen']);
    assert.equal(m.wire, 'AFP');
    assert.equal(m.published, '2026-02-16');
    assert.equal(m.outlet, 'Kestrel Gazette');
  });

  test('photo credits are not the outlet; a copyright notice line is', () => {
    const lines = (extra: string) => `${BRIDGE_PARAS[0]}\n\n${extra}\n\n${BRIDGE_PARAS[1]}`;
    assert.equal(detectMetadata(textDoc(lines('Photo: © Nadia Brook/Kestrel Images')), cleanOf(BRIDGE_PARAS[0])).outlet, undefined);
    assert.equal(detectMetadata(textDoc(lines('The piers were built by © Mill Holdings in 1898')), cleanOf(BRIDGE_PARAS[0])).outlet, undefined);
    assert.equal(detectMetadata(textDoc(lines('Copyright © 2026 The Kestrel Gazette. All rights reserved.')), cleanOf(BRIDGE_PARAS[0])).outlet, 'The Kestrel Gazette');
  });

  test('a source URL as the first line (ECB+ style) gives url and outlet', () => {
    const text = `https://www.kestrelgazette.example/news/2026/02/16/bridge\n\n${BRIDGE_PARAS.join('\n\n')}`;
    const m = detectMetadata(textDoc(text), cleanOf(BRIDGE_PARAS.join('\n\n')));
    assert.equal(m.url, 'https://www.kestrelgazette.example/news/2026/02/16/bridge');
    assert.equal(m.outlet, 'Kestrelgazette');
    assert.equal(m.published, '2026-02-16');
    assert.equal(m.fieldSources.published, 'url');
  });

  test('noisy page authors are reduced to person names; site-name taglines and title suffixes dropped', () => {
    const page = (meta: string, title = 'Ferry terminal approved in Port Averly - Averly Courier') =>
      detectMetadata({ origin: 'p.html', format: 'html', body: { kind: 'html', html: `<html><head><title>${title}</title>${meta}</head><body><p>${FERRY_PARAS[0]}</p></body></html>` }, given: {} }, cleanOf(FERRY_PARAS[0]));
    assert.deepEqual(page('<meta name="author" content="Ingrid Marsh; Averly Courier Staff Writer">').byline, ['Ingrid Marsh']);
    assert.deepEqual(page('<meta name="author" content="by Ingrid MarshTuesday, March 3, 2026">').byline, ['Ingrid Marsh']);
    assert.deepEqual(page('<meta name="author" content="Paulo Serrat, averlycourier.com">').byline, ['Paulo Serrat']);
    assert.deepEqual(page('<meta name="author" content="Staff Reports">').byline, []);
    assert.deepEqual(page('<meta name="author" content="https://social.example/averly">').byline, []);
    const wire = page('<meta name="author" content="Reuters">');
    assert.deepEqual(wire.byline, []);
    assert.equal(wire.wire, 'Reuters');
    assert.equal(wire.fieldSources.wire, 'html-meta');
    const m = page('<meta property="og:site_name" content="Averly Courier | Your harbour town news">');
    assert.equal(m.outlet, 'Averly Courier');
    assert.equal(m.title, 'Ferry terminal approved in Port Averly');
  });

  test('never throws on odd input', () => {
    for (const t of ['', ' ', '\u0000', 'By', '(Reuters) –', '©', 'A'.repeat(5000), 'MOSCOW, Feb 30 (Reuters) - x']) {
      const m = detectMetadata(textDoc(t), cleanOf(t));
      assert.equal(typeof m.language, 'string');
    }
  });
});

const seedsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'corpus', 'seeds');

describe('detectMetadata on the five seeds (short facts only)', { skip: !existsSync(seedsDir) && 'shared seeds not found' }, () => {
  async function seeds(): Promise<Map<string, Article>> {
    const out = new Map<string, Article>();
    for await (const raw of readInputs([seedsDir])) {
      if (isItemError(raw)) throw new Error(raw.error);
      out.set(raw.origin.split('/').pop()!.slice(0, 3), article(raw));
    }
    return out;
  }

  test('all five are read, English, and none gets an invented byline, wire or date', async () => {
    assert.equal(readdirSync(seedsDir).length, 5);
    const s = await seeds();
    assert.deepEqual([...s.keys()], ['000', '001', '002', '003', '004']);
    for (const [k, a] of s) {
      assert.equal(a.metadata.language, 'en', k);
      if (k === '003') continue;
      assert.deepEqual(a.metadata.byline, [], k);
      assert.equal(a.metadata.wire, undefined, k);
      assert.equal(a.metadata.dateline, undefined, k);
      assert.equal(a.metadata.published, undefined, `${k}: no publication date line in the text`);
      assert.equal(a.metadata.outlet, undefined, k);
    }
  });

  test('seed 003: byline, dateline, wire, date, outlet', async () => {
    const m = (await seeds()).get('003')!.metadata;
    assert.deepEqual(m.byline, ['Dmitry Antonov', 'Mark Trevelyan']);
    assert.equal(m.dateline?.place, 'Moscow');
    assert.equal(m.dateline?.date, '2026-01-23');
    assert.equal(m.dateline?.wire, 'Reuters');
    assert.equal(m.wire, 'Reuters');
    assert.equal(m.published, '2026-01-23');
    assert.equal(m.fieldSources.published, 'text');
    assert.equal(m.outlet, 'ThePrint');
    assert.equal(m.fieldSources.outlet, 'text');
    assert.ok(m.title && m.title.split(' ').length >= 8 && !m.title.endsWith('...'), 'the headline, not the breadcrumb');
  });

  test('seeds 001 and 004 have a headline line; 000 and 002 start with body text', async () => {
    const s = await seeds();
    for (const k of ['001', '004']) assert.ok(s.get(k)!.metadata.title && s.get(k)!.metadata.title!.split(' ').length >= 8, k);
    for (const k of ['000', '002']) {
      const t = s.get(k)!.metadata.title;
      assert.ok(t === undefined || t.length < 120, `${k}: no body paragraph taken as title`);
    }
  });
});
