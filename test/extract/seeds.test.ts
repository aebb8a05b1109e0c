/**
 * The seeds' golden facts (issue 4), on the five shared seed articles read from ../shared (never
 * copied here), and the gold-set quality floor. Skipped when ../shared is not beside the checkout.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isItemError, readInputs } from '../../src/ingest/index.js';
import { buildArticle } from '../../src/pipeline.js';
import { extractArticle, mergeStory } from '../../src/extract/index.js';
import type { Article } from '../../src/types.js';
import type { ArticleExtraction } from '../../src/extract/types.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const seeds = process.env.CROSSCHECK_SHARED ? join(process.env.CROSSCHECK_SHARED, 'corpus', 'seeds') : join(root, '..', 'shared', 'corpus', 'seeds');
const skip = existsSync(seeds) ? false : 'shared seeds not found beside the checkout';

async function load(): Promise<{ article: Article; extraction: ArticleExtraction; file: string }[]> {
  const out = [];
  const files = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort();
  for await (const raw of readInputs(files.map((f) => join(seeds, f)))) {
    const art = isItemError(raw) ? raw : buildArticle(raw);
    if (isItemError(art)) throw new Error(art.error);
    out.push({ article: art, extraction: extractArticle(art), file: art.origin.split('/').pop()! });
  }
  return out;
}

/** 1-based input line of an offset into Article.text. */
function lineOf(a: Article, at: number): number | undefined {
  let line: number | undefined;
  for (const p of a.paragraphs) if (p.start <= at && p.line !== undefined) line = p.line;
  return line;
}

test('seed golden facts', { skip }, async (t) => {
  const items = await load();
  const story = mergeStory(items);
  const byName = (n: string) => story.entities.filter((e) => e.name === n || e.variants.some((v) => v.text === n));

  await t.test('Zelenskiy and Zelenskyy are one person, each variant with its sources', () => {
    const z = byName('Zelenskiy');
    assert.equal(z.length, 1);
    assert.equal(z[0].type, 'person');
    assert.deepEqual(byName('Zelenskyy'), z);
    assert.deepEqual(byName('Volodymyr Zelenskyy'), z);
    const v = z[0].variants.find((x) => x.text === 'Zelenskyy')!;
    assert.ok(v.sources.length >= 1);
  });

  await t.test('Kyiv and Kiev are one place', () => {
    const k = byName('Kyiv');
    assert.equal(k.length, 1);
    assert.equal(k[0].type, 'place');
    assert.deepEqual(byName('Kiev'), k);
  });

  await t.test('US / U.S. / United States and UAE / United Arab Emirates merge', () => {
    assert.equal(byName('U.S.').length, 1);
    assert.deepEqual(byName('U.S.'), byName('United States'));
    assert.deepEqual(byName('US'), byName('United States'));
    assert.ok(byName('United Arab Emirates').length === 1);
  });

  await t.test('Kirill Dmitriev and Kirill Budanov stay two people; roles are kept per source', () => {
    const d = byName('Kirill Dmitriev');
    const b = byName('Kirill Budanov');
    assert.equal(d.length, 1);
    assert.equal(b.length, 1);
    assert.notEqual(d[0], b[0]);
    assert.ok(d[0].roles.some((r) => r.text === 'investment envoy' && r.sources.length >= 2));
    const u = byName('Yuri Ushakov')[0];
    assert.ok(u.roles.some((r) => r.text === 'Kremlin aide'));
    assert.ok(u.roles.some((r) => r.text === 'Putin aide'));
    const um = byName('Rustem Umerov')[0];
    assert.ok(um.roles.some((r) => r.text === 'Secretary of the National Security and Defense Council'));
    assert.ok(byName('Jared Kushner')[0].roles.some((r) => /son-in-law/.test(r.text)));
    assert.ok(byName('Igor Kostyukov')[0].roles.some((r) => /Admiral/.test(r.text)));
  });

  await t.test("Ushakov's quotes are his, including those after \"he said\"", () => {
    const ushakov = (f: string) => {
      const it = items.find((x) => x.file.startsWith(f))!;
      const id = it.extraction.entities.find((e) => e.name === 'Yuri Ushakov')!.id;
      return { it, id };
    };
    // seed 001 line 52 and seed 003 line 21: a direct quote closed by "he said"
    for (const [f, line] of [['001', 52], ['003', 21], ['003', 25], ['001', 12]] as const) {
      const { it, id } = ushakov(f);
      const q = it.extraction.quotes.filter((x) => x.kind === 'direct' && lineOf(it.article, x.start) === line);
      assert.equal(q.length, 1, `${f}:${line}`);
      assert.equal(q[0].speaker, id, `${f}:${line}`);
    }
    const sq = story.quotes.filter((q) => q.speaker === 'Yuri Ushakov');
    assert.ok(sq.length >= 8);
  });

  await t.test('timeline holds the dated events of the story', () => {
    const tl = story.timeline;
    const has = (date: string, end?: string) => tl.some((x) => x.date === date && (end === undefined ? !x.end : x.end === end));
    assert.ok(has('2025-08'), 'Alaska summit');
    assert.ok(has('2025-12-03'));
    assert.ok(has('2025-12-28'));
    assert.ok(has('2026-01-22'), 'Davos');
    assert.ok(has('2026-01-22', '2026-01-23'), 'Kremlin talks');
    assert.ok(has('2026-01-23', '2026-01-24'), 'Abu Dhabi talks');
    const alaska = tl.find((x) => x.date === '2025-08')!;
    assert.match(alaska.text, /Alaska/);
    assert.ok(alaska.sources.length >= 3, 'every source dating the Alaska summit');
    const abuDhabi = tl.find((x) => x.date === '2026-01-23' && x.end === '2026-01-24')!;
    assert.ok(abuDhabi.sources.length >= 4);
  });

  await t.test('undated seeds resolve from the story date; seed 003 from its own date line', () => {
    const s003 = items.find((x) => x.file.startsWith('003'))!;
    const fri = s003.extraction.times.find((x) => /Friday/.test(x.text))!;
    assert.equal(fri.date, '2026-01-23');
    const s001 = items.find((x) => x.file.startsWith('001'))!;
    assert.equal(s001.extraction.times.find((x) => /Friday/.test(x.text))?.date, null); // alone it cannot be resolved
  });
});
