import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readInputs, sniffFormat } from '../../src/ingest/index.js';
import { BRIDGE_HTML, BRIDGE_PARAS, FERRY_PAGE, FERRY_PARAS, FERRY_TITLE, bodyText, docs, errors, readAll, tempDir } from './helpers.js';

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Kestrel Gazette &amp; Friends</title>
  <link>https://kestrelgazette.example/</link>
  <language>en-gb</language>
  <item>
    <title>Old Mill bridge closed</title>
    <link>https://kestrelgazette.example/bridge</link>
    <pubDate>Mon, 16 Feb 2026 09:30:00 GMT</pubDate>
    <dc:creator>Nadia Brook</dc:creator>
    <description>Short teaser only.</description>
    <content:encoded><![CDATA[${BRIDGE_PARAS.map((p) => `<p>${p}</p>`).join('')}]]></content:encoded>
  </item>
  <item>
    <title>Ferry terminal approved</title>
    <link>https://kestrelgazette.example/ferry</link>
    <author>desk@kestrelgazette.example (Ingrid Marsh)</author>
    <description>${FERRY_PARAS[0]}</description>
  </item>
</channel>
</rss>`;

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Averly Courier</title>
  <entry>
    <title type="html">Ferry &lt;em&gt;terminal&lt;/em&gt; approved</title>
    <link rel="alternate" type="text/html" href="https://averlycourier.example/ferry"/>
    <link rel="enclosure" href="https://averlycourier.example/ferry.jpg"/>
    <published>2026-03-03T18:00:00Z</published>
    <author><name>Ingrid Marsh</name></author>
    <summary>A summary.</summary>
    <content type="html">&lt;p&gt;${FERRY_PARAS[0]}&lt;/p&gt;&lt;p&gt;${FERRY_PARAS[1].replace(/"/g, '&quot;')}&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Bridge closed</title>
    <link href="https://averlycourier.example/bridge"/>
    <updated>2026-02-16T10:00:00Z</updated>
    <summary>${BRIDGE_PARAS[0]}</summary>
  </entry>
  <entry>
    <title>Nothing here</title>
  </entry>
</feed>`;

describe('readInputs: formats', () => {
  const t = tempDir();
  before(() => {
    writeFileSync(join(t.dir, 'ferry.txt'), FERRY_PAGE);
    writeFileSync(join(t.dir, 'bridge.html'), BRIDGE_HTML);
    writeFileSync(join(t.dir, 'one.json'), JSON.stringify({ text: FERRY_PARAS.join('\n\n'), title: FERRY_TITLE, url: 'https://averlycourier.example/ferry', outlet: 'Averly Courier', published: '2026-03-03', author: ['Ingrid Marsh', 'Paulo Serrat'] }));
    writeFileSync(
      join(t.dir, 'many.json'),
      JSON.stringify([{ text: FERRY_PARAS[0] }, { html: `<p>${BRIDGE_PARAS[0]}</p>`, title: 'Bridge' }, { title: 'no body' }]),
    );
    writeFileSync(join(t.dir, 'wrapped.json'), JSON.stringify({ articles: [{ text: BRIDGE_PARAS[1] }, { text: BRIDGE_PARAS[2] }] }));
    writeFileSync(
      join(t.dir, 'lines.jsonl'),
      [JSON.stringify({ text: FERRY_PARAS[0], author: 'Ingrid Marsh' }), '', '{"text": "broken', JSON.stringify({ html: `<p>${BRIDGE_PARAS[0]}</p>` }), '[1,2]', JSON.stringify({ text: 7 })].join('\n') + '\n',
    );
    writeFileSync(join(t.dir, 'feed.rss'), rss);
    writeFileSync(join(t.dir, 'feed.atom'), atom);
    writeFileSync(join(t.dir, 'feed.xml'), rss);
    writeFileSync(join(t.dir, 'page.html.gz'), gzipSync(BRIDGE_HTML));
    writeFileSync(join(t.dir, 'saved-page.txt'), BRIDGE_HTML);
    writeFileSync(join(t.dir, 'noext'), JSON.stringify({ text: BRIDGE_PARAS[2] }));
  });
  after(t.cleanup);

  test('plain text file', async () => {
    const [d] = docs(await readAll([join(t.dir, 'ferry.txt')]));
    assert.equal(d.format, 'text');
    assert.equal(d.origin, join(t.dir, 'ferry.txt'));
    assert.equal(bodyText(d), FERRY_PAGE);
    assert.deepEqual(d.given, {});
  });

  test('HTML file gives an html body', async () => {
    const [d] = docs(await readAll([join(t.dir, 'bridge.html')]));
    assert.equal(d.format, 'html');
    assert.equal(d.body.kind, 'html');
    assert.match(bodyText(d), /Old Mill bridge/);
  });

  test('a .txt holding a saved web page is read as HTML; a gzipped page is unpacked', async () => {
    const items = docs(await readAll([join(t.dir, 'saved-page.txt'), join(t.dir, 'page.html.gz')]));
    assert.deepEqual(items.map((d) => d.format), ['html', 'html']);
    assert.equal(bodyText(items[1]), BRIDGE_HTML);
  });

  test('JSON: one record with metadata', async () => {
    const items = await readAll([join(t.dir, 'one.json')]);
    assert.equal(items.length, 1);
    const [d] = docs(items);
    assert.equal(d.origin, join(t.dir, 'one.json'));
    assert.equal(d.format, 'json');
    assert.deepEqual(d.given, { title: FERRY_TITLE, url: 'https://averlycourier.example/ferry', outlet: 'Averly Courier', published: '2026-03-03', author: ['Ingrid Marsh', 'Paulo Serrat'] });
  });

  test('JSON: an array of records, one invalid record is an error for that record only', async () => {
    const p = join(t.dir, 'many.json');
    const items = await readAll([p]);
    assert.deepEqual(items.map((x) => x.origin), [`${p}#1`, `${p}#2`, `${p}#3`]);
    assert.equal(docs(items).length, 2);
    assert.equal(docs(items)[1].body.kind, 'html');
    const [e] = errors(items);
    assert.equal(e.code, 'malformed-json');
    assert.match(e.error, /many\.json#3/);
    assert.match(e.error, /"text" or "html"/);
  });

  test('JSON: common field names of scraper exports are accepted; text wins over html', async () => {
    const p = join(t.dir, 'aliases.json');
    writeFileSync(p, JSON.stringify([{ content: FERRY_PARAS[0], headline: 'Ferry vote', link: 'https://c.example/f', date: '2026-03-03', authors: ['Ana Ruiz'], source: 'Courier' }, { text: FERRY_PARAS[1], html: '<p>other</p>' }]));
    const [a, b] = docs(await readAll([p]));
    assert.deepEqual(a.given, { title: 'Ferry vote', url: 'https://c.example/f', outlet: 'Courier', published: '2026-03-03', author: ['Ana Ruiz'] });
    assert.equal(bodyText(a), FERRY_PARAS[0]);
    assert.equal(b.body.kind, 'text');
  });

  test('JSON: a wrapper object with an articles array', async () => {
    const items = docs(await readAll([join(t.dir, 'wrapped.json')]));
    assert.equal(items.length, 2);
  });

  test('JSON Lines: bad lines are errors with their line number, the others go on', async () => {
    const p = join(t.dir, 'lines.jsonl');
    const items = await readAll([p]);
    assert.equal(items.length, 5);
    assert.equal(docs(items).length, 2);
    assert.deepEqual(docs(items).map((d) => d.origin), [`${p}#1`, `${p}#3`]);
    assert.equal(docs(items)[0].given.author, 'Ingrid Marsh');
    const errs = errors(items);
    assert.equal(errs.length, 3);
    assert.match(errs[0].error, /line 3: not valid JSON/);
    assert.match(errs[1].error, /expected a JSON object/);
    assert.match(errs[2].error, /field "text"/);
    assert.ok(errs.every((e) => e.code === 'malformed-json'));
  });

  test('RSS 2.0: one item each, full content preferred, channel title as outlet', async () => {
    const p = join(t.dir, 'feed.rss');
    const items = docs(await readAll([p]));
    assert.equal(items.length, 2);
    const [a, b] = items;
    assert.equal(a.origin, `${p}#1`);
    assert.equal(a.format, 'rss');
    assert.equal(a.body.kind, 'html');
    assert.match(bodyText(a), /stone piers/);
    assert.doesNotMatch(bodyText(a), /teaser/);
    assert.deepEqual(a.given, { title: 'Old Mill bridge closed', url: 'https://kestrelgazette.example/bridge', published: 'Mon, 16 Feb 2026 09:30:00 GMT', author: 'Nadia Brook', outlet: 'Kestrel Gazette & Friends', language: 'en-gb' });
    assert.equal(b.body.kind, 'text');
    assert.equal(bodyText(b), FERRY_PARAS[0]);
    assert.equal(b.given.author, 'Ingrid Marsh');
    // .xml is sniffed as a feed too
    assert.equal(docs(await readAll([join(t.dir, 'feed.xml')])).length, 2);
  });

  test('Atom: content over summary, alternate link, published/updated, empty entry is an error', async () => {
    const p = join(t.dir, 'feed.atom');
    const items = await readAll([p]);
    assert.equal(items.length, 3);
    const [a, b] = docs(items);
    assert.equal(a.format, 'atom');
    assert.equal(a.given.title, 'Ferry terminal approved');
    assert.equal(a.given.url, 'https://averlycourier.example/ferry');
    assert.equal(a.given.published, '2026-03-03T18:00:00Z');
    assert.equal(a.given.outlet, 'Averly Courier');
    assert.equal(a.given.language, 'en');
    assert.match(bodyText(a), /^<p>The Port Averly/);
    assert.match(bodyText(a), /"This is the most important/);
    assert.equal(b.given.published, '2026-02-16T10:00:00Z');
    assert.equal(bodyText(b), BRIDGE_PARAS[0]);
    const [e] = errors(items);
    assert.equal(e.origin, `${p}#3`);
    assert.equal(e.code, 'no-article-text');
  });

  test('a file named directly without extension is sniffed', async () => {
    const [d] = docs(await readAll([join(t.dir, 'noext')]));
    assert.equal(d.format, 'json');
  });

  test('sniffFormat', () => {
    assert.equal(sniffFormat('  <!DOCTYPE html><html>'), 'html');
    assert.equal(sniffFormat('<?xml version="1.0"?>\n<rss version="2.0">'), 'feed');
    assert.equal(sniffFormat('<feed xmlns="http://www.w3.org/2005/Atom">'), 'feed');
    assert.equal(sniffFormat('{"text":"a"}\n{"text":"b"}\n'), 'jsonl');
    assert.equal(sniffFormat('{\n  "text": "a"\n}'), 'json');
    assert.equal(sniffFormat('[{"text":"a"}]'), 'json');
    assert.equal(sniffFormat('[Updated] The council met.'), 'text');
    assert.equal(sniffFormat('The council met on Tuesday.'), 'text');
    assert.equal(sniffFormat('<p>A fragment</p><p>of HTML</p>'), 'html');
  });
});

describe('readInputs: folders and several paths', () => {
  const t = tempDir();
  before(() => {
    mkdirSync(join(t.dir, 'b-sub', 'deeper'), { recursive: true });
    mkdirSync(join(t.dir, '.hidden-dir'));
    writeFileSync(join(t.dir, 'z.txt'), FERRY_PARAS[0]);
    writeFileSync(join(t.dir, 'a.txt'), FERRY_PARAS[1]);
    writeFileSync(join(t.dir, 'B.html'), `<p>${BRIDGE_PARAS[0]}</p>`);
    writeFileSync(join(t.dir, 'b-sub', 'c.json'), JSON.stringify({ text: BRIDGE_PARAS[1] }));
    writeFileSync(join(t.dir, 'b-sub', 'deeper', 'd.txt'), BRIDGE_PARAS[2]);
    writeFileSync(join(t.dir, '.secret.txt'), 'hidden');
    writeFileSync(join(t.dir, '.hidden-dir', 'e.txt'), 'hidden');
    writeFileSync(join(t.dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    writeFileSync(join(t.dir, 'README'), 'not an article');
    symlinkSync(t.dir, join(t.dir, 'b-sub', 'loop'));
  });
  after(t.cleanup);

  test('recursive, sorted, hidden files and unknown extensions skipped silently, symlink loops cut', async () => {
    const items = await readAll([t.dir]);
    assert.deepEqual(errors(items), []);
    const rel = items.map((x) => x.origin.slice(t.dir.length + 1));
    assert.deepEqual(rel, ['B.html', 'a.txt', 'b-sub/c.json', 'b-sub/deeper/d.txt', 'z.txt']);
  });

  test('the same order every time', async () => {
    const a = (await readAll([t.dir])).map((x) => x.origin);
    const b = (await readAll([t.dir])).map((x) => x.origin);
    assert.deepEqual(a, b);
  });

  test('an unknown extension named directly is an error; a missing path is an error; the others go on', async () => {
    const items = await readAll([join(t.dir, 'photo.png'), join(t.dir, 'nope.txt'), join(t.dir, 'a.txt'), join(t.dir, '.secret.txt')]);
    assert.equal(items.length, 4);
    const [png, missing] = errors(items);
    assert.equal(png.code, 'unsupported');
    assert.match(png.error, /photo\.png: unknown file type "\.png"/);
    assert.equal(missing.code, 'not-found');
    assert.match(missing.error, /nope\.txt: no such file or folder/);
    assert.equal(docs(items).length, 2, 'a hidden file named directly is read');
  });

  test('an empty folder is an error naming it', async () => {
    const e = tempDir();
    try {
      const items = await readAll([e.dir]);
      assert.equal(items.length, 1);
      assert.equal(errors(items)[0].code, 'empty');
    } finally {
      e.cleanup();
    }
  });

  test('file:// URLs and unsupported schemes', async () => {
    const items = await readAll([`file://${join(t.dir, 'a.txt')}`, 'ftp://example.org/x.txt']);
    assert.equal(docs(items).length, 1);
    assert.equal(errors(items)[0].code, 'unsupported');
  });

  test('readInputs is lazy: the first item comes before later inputs are read', async () => {
    const gen = readInputs([join(t.dir, 'a.txt'), join(t.dir, 'nope.txt')]);
    const first = await gen.next();
    assert.equal(first.done, false);
    await gen.return(undefined);
  });
});
