// HTML cleaning on our own fictional pages (no benchmark or seed text).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanDoc } from '../../src/clean/index.js';
import { extractHtml, readabilityText } from '../../src/clean/html.js';
import type { RawDoc } from '../../src/types.js';

const raw = (html: string, url?: string): RawDoc => ({ origin: 'page.html', format: 'html', body: { kind: 'html', html }, given: url ? { url } : {} });

const para = (n: number) =>
  [
    'The Velmar city council voted on Wednesday to extend the harbour tram line to the new ferry terminal, ending a dispute that had delayed the project for almost three years.',
    'Council leader Amara Quist said the extension would be built in two phases, with the first stretch to the fish market opening in the spring of 2033.',
    'Opposition members argued that the budget of 96 million crowns left no margin for the soft ground near the docks, where an earlier bridge project ran over cost.',
    'Engineers from the transport office told the meeting that test drilling last autumn had found the ground firmer than expected along most of the route.',
    'Residents of the Lower Quay district, who had campaigned against the noise of construction, won a promise that heavy work would stop at seven each evening.',
    'The ferry company welcomed the vote and said passenger numbers at the terminal had grown by a fifth since the new northern routes opened last year.',
  ][n];

const PAGE = `<!doctype html><html lang="en"><head>
<title>Velmar council approves harbour tram extension | Velmar Daily</title>
<meta property="og:title" content="Velmar council approves harbour tram extension">
<meta property="og:site_name" content="Velmar Daily">
<meta property="article:published_time" content="2032-10-06T09:30:00Z">
<meta name="author" content="Odile Marchetti">
<meta name="description" content="The tram line will reach the ferry terminal by 2034.">
<link rel="canonical" href="https://velmardaily.example/news/tram-extension">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Velmar council approves harbour tram extension","datePublished":"2032-10-06T09:30:00Z","author":[{"@type":"Person","name":"Odile Marchetti"},{"@type":"Person","name":"Kwame Asante-Bell"}],"publisher":{"@type":"Organization","name":"Velmar Daily"}}</script>
</head><body>
<nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
<article>
<h1>Velmar council approves harbour tram extension</h1>
<p>${para(0)}</p>
<figure><img src="tram.jpg"><figcaption>A tram at the harbour stop. Photo: Velmar Daily</figcaption></figure>
<p>${para(1)}</p>
<h2>Budget worries</h2>
<p>${para(2)}</p>
<p>${para(3)}</p>
<div class="newsletter-signup"><p>Get the Velmar Daily briefing in your inbox every morning.</p><a href="/signup">Sign up</a></div>
<p>${para(4)}</p>
<p>${para(5)}</p>
<h3>Related</h3>
<ul><li><a href="/a">Ferry strike called off after pay deal</a></li><li><a href="/b">New fish market opens on the quay</a></li><li><a href="/c">Harbour bridge reopens after repairs</a></li></ul>
</article>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="/x">Storm warning for the coast</a></li><li><a href="/y">Tram fares to rise in January</a></li></ol></aside>
<footer>© 2032 Velmar Daily. All rights reserved.</footer>
</body></html>`;

test('article text, headings, title and page metadata from an HTML page', () => {
  const d = cleanDoc(raw(PAGE));
  assert.equal(d.title, 'Velmar council approves harbour tram extension');
  for (let i = 0; i < 6; i++) assert.ok(d.paragraphs.some((p) => p.kind === 'paragraph' && p.text === para(i)), `paragraph ${i}`);
  assert.deepEqual(d.paragraphs.filter((p) => p.kind === 'heading').map((p) => p.text), ['Budget worries']);
  for (const junk of ['Ferry strike called off', 'Storm warning', 'Sign up', 'inbox', 'Share on', 'A tram at the harbour stop', 'All rights reserved', 'Sport']) {
    assert.ok(!d.text.includes(junk), `kept junk: ${junk}`);
  }
  assert.ok(!d.paragraphs.some((p) => p.text === d.title), 'title is not body text');
  assert.equal(d.htmlMeta?.title, 'Velmar council approves harbour tram extension');
  assert.equal(d.htmlMeta?.siteName, 'Velmar Daily');
  assert.equal(d.htmlMeta?.published, '2032-10-06T09:30:00Z');
  assert.deepEqual(d.htmlMeta?.author, ['Odile Marchetti', 'Kwame Asante-Bell']);
  assert.equal(d.htmlMeta?.url, 'https://velmardaily.example/news/tram-extension');
  assert.equal(d.htmlMeta?.description, 'The tram line will reach the ferry terminal by 2034.');
  for (let i = 0; i < d.paragraphs.length; i++) assert.equal(d.text.slice(d.paragraphs[i].start, d.paragraphs[i].start + d.paragraphs[i].text.length), d.paragraphs[i].text);
});

test('removed HTML pieces are kept with reasons', () => {
  const d = cleanDoc(raw(PAGE));
  const reasons = new Set(d.removed.map((r) => r.reason));
  for (const r of ['navigation', 'share-prompt', 'subscription', 'related-link']) assert.ok(reasons.has(r as never), `reason ${r}: ${JSON.stringify(d.removed)}`);
  assert.ok(d.removed.some((r) => r.text.includes('Ferry strike called off') && r.reason === 'related-link'));
  assert.ok(d.removed.every((r) => r.rule && r.text));
});

test('page text outside the main content is recorded too', () => {
  const html = `<html><body><div id="main">${[0, 1, 2, 3].map((i) => `<p>${para(i)}</p>`).join('')}</div><div id="x"><p>Opening hours of the Velmar town hall Monday to Friday</p></div></body></html>`;
  const d = cleanDoc(raw(html));
  assert.ok(!d.text.includes('Opening hours'));
  const r = d.removed.find((x) => x.text.includes('Opening hours'));
  assert.equal(r?.reason, 'non-content');
  // nothing kept is also listed as removed
  for (const p of d.paragraphs) assert.ok(!d.removed.some((x) => x.text === p.text), p.text);
});

test('we keep less junk than Readability alone on the same page', () => {
  const base = readabilityText(PAGE);
  assert.ok(base.includes('Ferry strike called off'), 'Readability keeps the related list (the baseline this test is about)');
  assert.ok(!cleanDoc(raw(PAGE)).text.includes('Ferry strike called off'));
});

test('text rules apply to HTML blocks too', () => {
  const html = `<html><body><article><p>By Odile Marchetti</p><p>${para(0)}</p><p>Read more: Velmar ferry timetable changes</p><p>${para(1)}</p><p>${para(2)}</p><p>Advertisement</p><p>${para(3)}</p></article></body></html>`;
  const d = cleanDoc(raw(html));
  assert.equal(d.removed.find((r) => r.text === 'By Odile Marchetti')?.reason, 'byline');
  assert.equal(d.removed.find((r) => r.text.startsWith('Read more'))?.reason, 'related-link');
  assert.equal(d.removed.find((r) => r.text === 'Advertisement')?.reason, 'ad');
  assert.equal(d.paragraphs.length, 4);
});

test('malformed and odd HTML never throws', () => {
  const bad = [
    '',
    '<',
    '<html><body><p>unclosed <b>bold <i>italic</div></span>',
    '<<<>>> <p <p>> </body></html><html>',
    `<div><p>${para(0)}<p>${para(1)}<p>${para(2)}`,
    '<script>while(true){}</script>',
    '\u0000\u0001<p>binary-ish</p>',
    `<html><head><script type="application/ld+json">{not json</script></head><body><p>${para(3)}</p></body></html>`,
  ];
  for (const h of bad) {
    const d = cleanDoc(raw(h));
    assert.equal(typeof d.text, 'string');
    assert.ok(Array.isArray(d.removed));
  }
  const frag = cleanDoc(raw(`<div><p>${para(0)}<p>${para(1)}<p>${para(2)}`));
  assert.ok(frag.text.includes(para(1)), 'a fragment with unclosed paragraphs still yields its text');
});

test('a page without article markup still yields its text (fallback)', () => {
  const html = `<html><body><table><tr><td class="menu"><a href="/">Home</a><a href="/about">About</a></td><td>${[0, 1, 2].map((i) => `<p>${para(i)}</p>`).join('')}</td></tr></table></body></html>`;
  const page = extractHtml(html);
  assert.notEqual(page.method, 'none');
  const text = page.blocks.map((b) => b.text).join('\n');
  for (const i of [0, 1, 2]) assert.ok(text.includes(para(i)));
});

test('pathologically deep pages (thousands of unclosed tags) are read flat and fast', () => {
  for (const tag of ['div', 'table']) {
    const html = `<html><body>${`<${tag}>`.repeat(2500)}<p>${para(5)}</p></body></html>`;
    const t0 = performance.now();
    const d = cleanDoc(raw(html));
    assert.ok(performance.now() - t0 < 8000, `${tag}: took ${Math.round(performance.now() - t0)} ms`);
    assert.equal(d.text, para(5));
  }
});
