/**
 * Seeded property tests for the ingest parsers: whatever the bytes, readInputs yields only RawDocs
 * and ItemErrors (never throws), every RawDoc is well-formed, and each input finishes quickly.
 * Metadata detection never throws on random mixes of news-like lines.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { isItemError } from '../../src/ingest/index.js';
import { detectMetadata, splitDateline, parseByline } from '../../src/ingest/metadata.js';
import { normaliseDate, parseDateLine } from '../../src/ingest/dates.js';
import type { ItemError, RawDoc } from '../../src/types.js';
import { BRIDGE_HTML, BRIDGE_PARAS, FERRY_PAGE, FERRY_PARAS, readAll, tempDir } from './helpers.js';
import { seededRandom } from '../../src/util/random.js';

/** mulberry32: a tiny seeded PRNG so failures reproduce. */
const rng = seededRandom;

const SEED = Number(process.env.FUZZ_SEED ?? 20260123);

function checkItem(x: RawDoc | ItemError): void {
  if (isItemError(x)) {
    assert.equal(typeof x.origin, 'string');
    assert.equal(typeof x.error, 'string');
    assert.ok(x.error.length > 10);
    return;
  }
  assert.ok(['text', 'html', 'json', 'jsonl', 'rss', 'atom'].includes(x.format));
  assert.ok(x.body.kind === 'text' ? typeof x.body.text === 'string' : typeof x.body.html === 'string');
  assert.equal(typeof x.given, 'object');
}

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>${BRIDGE_PARAS.map((p, i) => `<item><title>T${i}</title><pubDate>Mon, 16 Feb 2026 09:30:00 GMT</pubDate><description><![CDATA[<p>${p}</p>]]></description></item>`).join('')}</channel></rss>`;
const ATOM = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Courier</title>${FERRY_PARAS.map((p, i) => `<entry><title>E${i}</title><link href="https://c.example/${i}"/><content type="html">&lt;p&gt;${p.replace(/"/g, '&quot;')}&lt;/p&gt;</content></entry>`).join('')}</feed>`;
const JSONDOC = JSON.stringify(FERRY_PARAS.map((t, i) => ({ text: t, title: `T${i}`, author: ['Ana Ruiz'], published: '2026-03-03' })));
const JSONL = FERRY_PARAS.map((t) => JSON.stringify({ text: t, url: 'https://c.example/x' })).join('\n');
const VALID = [RSS, ATOM, JSONDOC, JSONL, BRIDGE_HTML, FERRY_PAGE];

describe('fuzz: readers never throw and stay fast', () => {
  const t = tempDir('cc-fuzz-');
  after(t.cleanup);
  const r = rng(SEED);
  const int = (n: number) => Math.floor(r() * n);

  test('random bytes, through every extension and through sniffing', async () => {
    const exts = ['.txt', '.html', '.json', '.jsonl', '.xml', '.rss', '.atom'];
    for (let i = 0; i < 70; i++) {
      const len = int(3) === 0 ? int(16) : int(4096);
      const buf = Buffer.alloc(len);
      const mode = int(3);
      for (let j = 0; j < len; j++) buf[j] = mode === 0 ? int(256) : mode === 1 ? 0x20 + int(95) : [0x3c, 0x3e, 0x7b, 0x7d, 0x22, 0x0a, 0x61, 0x26, 0x2f][int(9)];
      const p = join(t.dir, `r${i}${exts[i % exts.length]}`);
      writeFileSync(p, buf);
      const t0 = performance.now();
      const items = await readAll([p]);
      const viaStdin = await readAll(['-'], { stdin: Readable.from([buf]) });
      assert.ok(performance.now() - t0 < 2000, `input ${i} took too long`);
      assert.ok(items.length >= 1 && viaStdin.length >= 1);
      for (const x of [...items, ...viaStdin]) checkItem(x);
    }
  });

  test('truncated and mutated feeds, JSON, JSON Lines, HTML', async () => {
    const exts = ['.rss', '.atom', '.json', '.jsonl', '.html', '.txt'];
    for (let i = 0; i < 90; i++) {
      const k = i % VALID.length;
      let s = VALID[k];
      const op = int(3);
      if (op === 0) s = s.slice(0, int(s.length));
      else if (op === 1) {
        const at = int(s.length);
        s = s.slice(0, at) + '<>{}"&]'.charAt(int(7)) + s.slice(at + 1);
      } else {
        const a = int(s.length);
        s = s.slice(0, a) + s.slice(a + int(200));
      }
      const p = join(t.dir, `m${i}${exts[k]}`);
      writeFileSync(p, s);
      const t0 = performance.now();
      const items = await readAll([p]);
      assert.ok(performance.now() - t0 < 2000, `mutation ${i} took too long`);
      assert.ok(items.length >= 1);
      for (const x of items) checkItem(x);
    }
  });

  test('random JSON records', async () => {
    const values = (): unknown => {
      switch (int(9)) {
        case 0: return null;
        case 1: return int(1000);
        case 2: return FERRY_PARAS[int(FERRY_PARAS.length)];
        case 3: return '';
        case 4: return [FERRY_PARAS[0], 3];
        case 5: return { nested: true };
        case 6: return true;
        case 7: return ['Ana Ruiz', 'Li Wen'];
        default: return '<p>x</p>';
      }
    };
    const keys = ['text', 'html', 'title', 'url', 'outlet', 'published', 'author', 'language', 'other'];
    const recs = Array.from({ length: 300 }, () => Object.fromEntries(keys.filter(() => r() < 0.5).map((k) => [k, values()])));
    const p = join(t.dir, 'records.jsonl');
    writeFileSync(p, recs.map((x) => JSON.stringify(x)).join('\n'));
    const items = await readAll([p]);
    assert.equal(items.length, recs.length);
    for (let i = 0; i < items.length; i++) {
      checkItem(items[i]);
      const rec = recs[i] as Record<string, unknown>;
      const hasBody = (typeof rec.text === 'string' && rec.text.trim() !== '') || (typeof rec.html === 'string' && rec.html.trim() !== '');
      if (!hasBody) assert.ok(isItemError(items[i]), `record ${i + 1} without a body must be an error`);
    }
  });
});

describe('fuzz: metadata helpers never throw', () => {
  const r = rng(SEED + 1);
  const LINES = [
    'By Ana Ruiz and Li Wen', 'By', 'MOSCOW, Jan 23 (Reuters) –', '(Reuters) -', 'Friday, January 23, 2026', 'Updated: 4 Mar 2026, 10:15 IST',
    '© 2026', 'Copyright', 'The Gazette holds no responsibility', '(Reporting by', 'https://', 'https://x.example/2026/99/99/a',
    ...FERRY_PARAS, ...BRIDGE_PARAS, '', ' ', '—', '«»', '\u0000', 'Ω'.repeat(50), 'A, B and C | AP', 'KYIV, Ukraine (AP) —',
  ];
  test('random line mixes', () => {
    const t0 = performance.now();
    for (let i = 0; i < 300; i++) {
      const n = 1 + Math.floor(r() * 12);
      const lines = Array.from({ length: n }, () => {
        const l = LINES[Math.floor(r() * LINES.length)];
        return r() < 0.3 ? l.slice(0, Math.floor(r() * (l.length + 1))) : l;
      });
      const text = lines.join(r() < 0.5 ? '\n' : '\n\n');
      const raw: RawDoc = { origin: `f${i}`, format: 'text', body: { kind: 'text', text }, given: r() < 0.3 ? { published: lines[0], author: lines[1] ?? '', url: lines[2] } : {} };
      const m = detectMetadata(raw, { paragraphs: lines.filter(Boolean).map((l, j) => ({ kind: 'paragraph', text: l, start: j })), text, removed: lines.slice(0, 2).map((l) => ({ text: l, reason: 'byline' })) });
      assert.equal(typeof m.language, 'string');
      if (m.published) assert.match(m.published, /^\d{4}-\d{2}-\d{2}/);
      for (const l of lines) {
        splitDateline(l);
        parseByline(l);
        parseDateLine(l);
        normaliseDate(l);
      }
    }
    assert.ok(performance.now() - t0 < 15000);
  });
});
