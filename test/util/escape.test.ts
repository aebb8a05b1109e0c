// Escaping of scraped text for the three output formats (our own sentences; property-style checks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, escapeMarkdown, safeHref } from '../../src/util/escape.js';
import { seededRandom } from '../../src/util/random.js';

test('escapeMarkdown: markup from scraped text is inert; plain words and file names stay readable', () => {
  assert.equal(escapeMarkdown('harbour_report_2026.txt'), 'harbour_report_2026.txt');
  assert.equal(escapeMarkdown('a _loud_ *claim*'), 'a \\_loud\\_ \\*claim\\*');
  assert.equal(escapeMarkdown('__init__'), '\\_\\_init\\_\\_');
  assert.equal(escapeMarkdown('[tap](javascript:alert(1))'), '\\[tap\\]\\(javascript:alert\\(1\\)\\)');
  assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '&lt;img src=x onerror=alert\\(1\\)&gt;');
  assert.equal(escapeMarkdown('line one\nline two'), 'line one line two');
});

test('escapeMarkdown and escapeHtml on random strings: no live tag, link or emphasis marker survives', () => {
  const rnd = seededRandom(11);
  const alphabet = 'ab_*[]()<>!`~|\\ &"\'\n';
  for (let i = 0; i < 2000; i++) {
    const s = Array.from({ length: 1 + Math.floor(rnd() * 30) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    const md = escapeMarkdown(s);
    assert.ok(!/[<>\n]/.test(md), md);
    // every markup character is preceded by a backslash (an odd run of them)
    for (let k = 0; k < md.length; k++) {
      if (!'*[]()!`~|'.includes(md[k])) continue;
      let b = 0;
      while (md[k - 1 - b] === '\\') b++;
      assert.equal(b % 2, 1, `${JSON.stringify(s)} -> ${md}`);
    }
    const html = escapeHtml(s);
    assert.ok(!/[<>"']/.test(html), html);
  }
});

test('safeHref keeps http(s) links only', () => {
  assert.equal(safeHref('javascript:alert(1)'), null);
  assert.ok(safeHref('https://example.org/a?b=1'));
});
