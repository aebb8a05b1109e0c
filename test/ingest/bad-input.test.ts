import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { buildArticle, Crosscheck } from '../../src/pipeline.js';
import { openStore } from '../../src/store/index.js';
import { languagePolicy, type LanguagePolicy } from '../../src/ingest/language.js';
import { isItemError } from '../../src/ingest/index.js';
import { decodeBytes } from '../../src/ingest/decode.js';
import { parseFeed } from '../../src/ingest/feed.js';
import type { ItemError } from '../../src/types.js';
import { BRIDGE_PARAS, FERRY_PARAS, FRENCH_TEXT, bodyText, docs, errors, readAll, tempDir } from './helpers.js';

const LATIN1_TEXT = 'Le café « Chez Zoé » à Valbrune a rouvert jeudi après deux années de travaux, a annoncé la municipalité. Señor Núñez, propriétaire, s’est dit ravi.'.replace('’', "'");

describe('bad input: each a per-item error or handled, the batch goes on', () => {
  const t = tempDir();
  const p = (n: string) => join(t.dir, n);
  before(() => {
    writeFileSync(p('empty.txt'), '');
    writeFileSync(p('blank.txt'), '  \n\n\t \n');
    const bin = Buffer.alloc(4096);
    for (let i = 0; i < bin.length; i++) bin[i] = (i * 7919) % 256;
    writeFileSync(p('binary.txt'), bin);
    writeFileSync(p('fake.html'), Buffer.concat([Buffer.from('%PDF-1.7\n'), bin]));
    writeFileSync(p('latin1.txt'), iconv.encode(LATIN1_TEXT, 'latin1'));
    writeFileSync(p('cp1252.txt'), iconv.encode('The mayor’s “quick fix” cost €2 million — nobody agreed, said the town’s auditor in a statement on Friday.', 'windows-1252'));
    writeFileSync(p('utf16le-bom.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(FERRY_PARAS[0], 'utf-16le')]));
    writeFileSync(p('utf16be-bom.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(FERRY_PARAS[1], 'utf-16be')]));
    writeFileSync(p('utf16le-nobom.txt'), iconv.encode(FERRY_PARAS[2], 'utf-16le'));
    writeFileSync(p('utf16be-nobom.txt'), iconv.encode(FERRY_PARAS[3], 'utf-16be'));
    writeFileSync(p('utf8-bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BRIDGE_PARAS[0])]));
    writeFileSync(p('latin1-page.html'), iconv.encode(`<html><head><meta charset="iso-8859-1"><title>Caf\u00e9</title></head><body><p>${LATIN1_TEXT}</p></body></html>`, 'latin1'));
    writeFileSync(p('broken.html'), `<html><body><div><p>${BRIDGE_PARAS[0]}<p>${BRIDGE_PARAS[1]}</span></td><b><i>${BRIDGE_PARAS[2]}`);
    writeFileSync(p('broken.json'), `{"text": "${FERRY_PARAS[0]}", "title": `);
    writeFileSync(p('broken.rss'), `<?xml version="1.0"?><rss version="2.0"><channel><title>X</title><item><title>A</title><description>${FERRY_PARAS[0]}</description></item><item><title>B`);
    writeFileSync(p('not-a-feed.xml'), '<?xml version="1.0"?><catalog><book id="1"><title>Tides</title></book></catalog>');
    writeFileSync(p('empty-feed.rss'), '<rss version="2.0"><channel><title>Quiet</title></channel></rss>');
    writeFileSync(p('french.txt'), FRENCH_TEXT);
    writeFileSync(p('ok.txt'), BRIDGE_PARAS.join('\n\n'));
  });
  after(t.cleanup);

  test('empty and whitespace-only files', async () => {
    const items = await readAll([p('empty.txt'), p('blank.txt'), p('ok.txt')]);
    const errs = errors(items);
    assert.deepEqual(errs.map((e) => e.code), ['empty', 'empty']);
    assert.match(errs[0].error, /empty\.txt is empty/);
    assert.match(errs[1].error, /blank\.txt holds only whitespace/);
    assert.equal(docs(items).length, 1);
  });

  test('binary files (control bytes, magic numbers)', async () => {
    const errs = errors(await readAll([p('binary.txt'), p('fake.html')]));
    assert.deepEqual(errs.map((e) => e.code), ['binary', 'binary']);
    assert.match(errs[0].error, /binary\.txt is not text: it holds \d+ NUL byte/);
    assert.match(errs[1].error, /fake\.html is not text: it looks like a PDF document/);
  });

  test('Latin-1 and windows-1252 are decoded', async () => {
    const [a, b] = docs(await readAll([p('latin1.txt'), p('cp1252.txt')]));
    assert.equal(bodyText(a), LATIN1_TEXT);
    assert.match(bodyText(b), /The mayor’s “quick fix” cost €2 million — nobody/);
  });

  test('UTF-16 with and without BOM, UTF-8 with BOM', async () => {
    const items = docs(await readAll(['utf16le-bom.txt', 'utf16be-bom.txt', 'utf16le-nobom.txt', 'utf16be-nobom.txt', 'utf8-bom.txt'].map(p)));
    assert.deepEqual(items.map(bodyText), [FERRY_PARAS[0], FERRY_PARAS[1], FERRY_PARAS[2], FERRY_PARAS[3], BRIDGE_PARAS[0]]);
  });

  test('an HTML page that declares Latin-1 is decoded with it', async () => {
    const [d] = docs(await readAll([p('latin1-page.html')]));
    assert.match(bodyText(d), /Chez Zoé/);
  });

  test('malformed HTML still yields an item that cleans to text', async () => {
    const [d] = docs(await readAll([p('broken.html')]));
    assert.equal(d.format, 'html');
    const art = buildArticle(d);
    assert.ok(!isItemError(art), 'builds an article');
    if (!isItemError(art)) assert.match(art.text, /stone piers/);
  });

  test('malformed JSON and feeds, XML that is not a feed, a feed without items', async () => {
    const errs = errors(await readAll([p('broken.json'), p('broken.rss'), p('not-a-feed.xml'), p('empty-feed.rss')]));
    assert.deepEqual(errs.map((e) => e.code), ['malformed-json', 'malformed-feed', 'unsupported', 'empty']);
    assert.match(errs[0].error, /broken\.json: not valid JSON/);
    // The cut-off feed keeps its complete first item; only the cut-off second one is an error.
    assert.match(errs[1].error, /broken\.rss#2: this feed item is cut off, so it was skipped \(the feed is not well-formed XML: it ends inside <rss> <channel> <item> <title>; 1 other item\(s\) were read\)/);
    assert.match(errs[2].error, /<catalog>/);
    const [first] = docs(await readAll([p('broken.rss')]));
    assert.equal(first.origin, `${p('broken.rss')}#1`);
    assert.equal(first.given?.title, 'A');
    assert.equal(first.given?.outlet, 'X');
  });

  test('a malformed feed is salvaged item by item: good items are read, each bad one is its own error', () => {
    const item = (t: string) => `<item><title>${t}</title><description>${FERRY_PARAS[0]}</description></item>`;
    const rss = `<rss version="2.0"><channel><title>Quay Post</title><language>en</language>${item('A')}<item><title>B &amp x</title><description>x</description></item>${item('C')}<item><title>D</title>${item('E')}</channel></rss>`;
    const out = [...parseFeed(rss, 'q.rss')];
    assert.deepEqual(out.map((x) => (isItemError(x) ? `${x.origin} ${x.code}` : `${x.origin} ${x.given?.title} ${x.given?.outlet} ${x.given?.language}`)), [
      'q.rss#1 A Quay Post en',
      'q.rss#2 malformed-feed',
      'q.rss#3 C Quay Post en',
      'q.rss#4 malformed-feed',
      'q.rss#5 E Quay Post en',
    ]);
    assert.match((out[1] as ItemError).error, /is malformed, so it was skipped .*3 other item\(s\) were read/);
    assert.match((out[3] as ItemError).error, /is cut off/);
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Atom Quay</title><entry><title>A</title><content>${FERRY_PARAS[0]}</content></entry><entry><title>B</title><content>cut`;
    const a = [...parseFeed(atom, 'q.atom')];
    assert.deepEqual(a.map((x) => (isItemError(x) ? x.code : `${x.given?.title} ${x.given?.outlet} ${x.given?.language}`)), ['A Atom Quay en', 'malformed-feed']);
    // Not a feed at all: one error for the file.
    const junk = [...parseFeed('<rss><channel><title>T</title></chan', 'j.rss')];
    assert.deepEqual(junk.map((x) => (isItemError(x) ? x.code : 'ok')), ['malformed-feed']);
  });

  test('non-English text is read and its language recorded; an ingest refuses it with a clear per-item error unless told otherwise', async () => {
    const [d] = docs(await readAll([p('french.txt')]));
    const art = buildArticle(d);
    assert.ok(!isItemError(art));
    if (!isItemError(art)) assert.equal(art.metadata.language, 'fr');
    const ingest = async (languages?: LanguagePolicy) => {
      const cc = Crosscheck.withStore(await openStore(':memory:'));
      try {
        return await cc.ingest([p('french.txt'), p('ok.txt')], languages ? { languages } : {});
      } finally {
        await cc.close();
      }
    };
    // default: English only; the batch goes on
    const r = await ingest();
    assert.equal(r.stored, 1);
    assert.deepEqual(r.failed.map((e) => [e.origin, e.code]), [[p('french.txt'), 'language']]);
    assert.match(r.failed[0].error, /reads as French \(fr\).*--language any/);
    // asked for: French accepted, or any language
    assert.equal((await ingest(['en', 'fr'])).stored, 2);
    assert.equal((await ingest('any')).stored, 2);
    assert.deepEqual(languagePolicy('en, FR'), ['en', 'fr']);
    assert.equal(languagePolicy(undefined)[0], 'en');
    assert.throws(() => languagePolicy('!!'), /--language/);
  });

  test('all of them in one batch: one result per input, in order', async () => {
    const names = ['empty.txt', 'binary.txt', 'latin1.txt', 'broken.json', 'broken.html', 'broken.rss', 'french.txt', 'ok.txt'];
    const items = await readAll(names.map(p));
    const origins = names.flatMap((n) => (n === 'broken.rss' ? [`${p(n)}#1`, `${p(n)}#2`] : [p(n)]));
    assert.deepEqual(items.map((x) => x.origin), origins);
    assert.deepEqual(items.map((x) => (isItemError(x) ? x.code : 'ok')), ['empty', 'binary', 'ok', 'malformed-json', 'ok', 'ok', 'malformed-feed', 'ok', 'ok']);
  });

  test('decodeBytes keeps text with a few odd bytes, refuses mostly-control data', () => {
    const ok = decodeBytes(Buffer.from('Plain text with a form feed \f and a tab \t.'));
    assert.ok(ok.ok);
    const bad = decodeBytes(Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))));
    assert.ok(!bad.ok && bad.code === 'binary');
  });
});

describe('bad input: size limits with bounded memory', () => {
  const t = tempDir();
  const big = join(t.dir, 'big.txt');
  const bigJsonl = join(t.dir, 'big.jsonl');
  const hugeLine = join(t.dir, 'hugeline.jsonl');
  const MB = 1024 * 1024;
  before(() => {
    // 50 MB of text, written in chunks (never held in memory at once).
    const line = Buffer.from(`${BRIDGE_PARAS[0]}\n`);
    let fd = openSync(big, 'w');
    const block = Buffer.concat(Array.from({ length: Math.ceil(MB / line.length) }, () => line));
    for (let i = 0; i < 50; i++) writeSync(fd, block);
    closeSync(fd);
    // 12 MB of JSON Lines: bigger than the 10 MB default cap, fine because it is streamed.
    fd = openSync(bigJsonl, 'w');
    const rec = Buffer.from(JSON.stringify({ text: `${FERRY_PARAS[0]} ${'x'.repeat(3000)}` }) + '\n');
    const recBlock = Buffer.concat(Array.from({ length: Math.ceil(MB / rec.length) }, () => rec));
    let n = 0;
    for (let i = 0; i < 12; i++) {
      writeSync(fd, recBlock);
      n += Math.ceil(MB / rec.length);
    }
    closeSync(fd);
    jsonlRecords = n;
    // One JSONL line over a 1 MB cap between two good lines.
    fd = openSync(hugeLine, 'w');
    writeSync(fd, JSON.stringify({ text: FERRY_PARAS[0] }) + '\n');
    writeSync(fd, `{"text": "${'y'.repeat(2 * MB)}"}\n`);
    writeSync(fd, JSON.stringify({ text: FERRY_PARAS[1] }) + '\n');
    closeSync(fd);
  });
  let jsonlRecords = 0;
  after(t.cleanup);

  test('a 50 MB file is refused before reading (stat), the batch goes on', async () => {
    const before = process.memoryUsage().rss;
    const items = await readAll([big, join(t.dir, 'nope.txt')]);
    const [e] = errors(items);
    assert.equal(e.code, 'too-large');
    assert.match(e.error, /big\.txt is 50\.0 MB, over the 10\.0 MB limit/);
    assert.equal(items.length, 2);
    assert.ok(process.memoryUsage().rss - before < 40 * MB, 'the file was not read into memory');
  });

  test('the limit is configurable', async () => {
    const [e] = errors(await readAll([join(t.dir, 'nope.txt')], { maxBytes: 10 }));
    assert.equal(e.code, 'not-found');
    const small = join(t.dir, 'small.txt');
    writeFileSync(small, FERRY_PARAS[0]);
    const [e2] = errors(await readAll([small], { maxBytes: 50 }));
    assert.equal(e2.code, 'too-large');
  });

  test('a JSON Lines file over the limit is streamed line by line', async () => {
    let n = 0;
    let peak = 0;
    const { readInputs } = await import('../../src/ingest/index.js');
    for await (const x of readInputs([bigJsonl])) {
      assert.ok(!isItemError(x));
      n++;
      if (n % 500 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    assert.equal(n, jsonlRecords);
    assert.ok(peak < 200 * MB, `heap stayed bounded (${Math.round(peak / MB)} MB)`);
  });

  test('one JSON Lines record over the limit is an error for that line only', async () => {
    const items = await readAll([hugeLine], { maxBytes: MB });
    assert.deepEqual(items.map((x) => (isItemError(x) ? x.code : 'ok')), ['ok', 'too-large', 'ok']);
    assert.match(errors(items)[0].error, /hugeline\.jsonl line 2 is 2\.0 MB, over the 1\.0 MB limit/);
  });
});
