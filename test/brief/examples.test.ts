// The brief on our fictional example stories, through the whole pipeline: the JSON validates
// against schema/brief.schema.json, every planted conflict of the answer key is found with at
// most one false conflict per story, summary sentences are cited source sentences, every article
// keeps the fields of issues 2 and 3, and the Markdown / HTML renderers escape scraped text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { Crosscheck } from '../../src/pipeline.js';
import { configureClusterer } from '../../src/cluster/index.js';
import { renderMarkdown } from '../../src/brief/markdown.js';
import { renderHtml } from '../../src/brief/html.js';
import { scoreStory, type AnswerKey } from '../../src/crosscheck/score.js';
import type { FullBriefStory } from '../../src/brief/index.js';
import type { BriefDocument } from '../../src/types.js';

const schema = JSON.parse(readFileSync('schema/brief.schema.json', 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validate = ajv.compile(schema);

async function briefOf(paths: string[], oneStory = false): Promise<{ doc: BriefDocument; texts: Map<string, string> }> {
  const cc = await Crosscheck.open(':memory:');
  // The cross-check is under test here, not story clustering: on a fresh 5-article store the
  // default clusterer queries its index with the 16 rarest features, which can miss a local
  // report of the same event; 32 keeps each example one story as intended.
  if (oneStory) configureClusterer(cc.store, { queryFeatures: 32 });
  try {
    const r = await cc.ingest(paths);
    const doc = await cc.brief({ articleIds: r.articleIds });
    const texts = new Map((await cc.store.listArticles({ ids: r.articleIds })).map((a) => [a.id, a.text]));
    return { doc, texts };
  } finally {
    await cc.close();
  }
}

// Answer keys live outside examples/ so `crosscheck brief examples/` reads only articles.
const keyOf = (d: string) => join('test', 'answer-keys', `${d}.json`);
const stories = readdirSync('examples').filter((d) => existsSync(keyOf(d))).sort();

test('there are at least three example stories with 4-8 articles each', () => {
  assert.ok(stories.length >= 3);
  for (const d of stories) {
    const n = readdirSync(join('examples', d)).length;
    assert.ok(n >= 4 && n <= 8, `${d} has ${n} files`);
  }
});

for (const name of stories) {
  test(`example ${name}: schema, answer key, cited summary, article fields`, async () => {
    const key = JSON.parse(readFileSync(keyOf(name), 'utf8')) as AnswerKey;
    const { doc, texts } = await briefOf([join('examples', name)], true);
    const json = JSON.parse(JSON.stringify(doc));
    assert.ok(validate(json), JSON.stringify(validate.errors?.slice(0, 5), null, 1));
    const ss = doc.stories as FullBriefStory[];
    assert.equal(ss.length, 1, 'one story per example');
    const s = ss[0];
    const sc = scoreStory(key, s.conflicts);
    assert.deepEqual(sc.missed.map((m) => m.about), [], 'every planted conflict is found');
    assert.ok(sc.falseConflicts.length <= 1, `false conflicts: ${JSON.stringify(sc.falseConflicts.map((f) => f.values.map((v) => v.value)))}`);
    // each planted value's sources are right
    const byOrigin = new Map(s.articles.map((a) => [a.origin.split(/[\\/]/).pop()!.replace(/#\d+$/, ''), a.id]));
    for (const p of key.conflicts) {
      for (const [value, files] of Object.entries(p.sources ?? {})) {
        const vals = s.conflicts.filter((c) => c.kind === p.kind).flatMap((c) => c.values);
        const found = vals.find((v) => v.value.toLowerCase() === value.toLowerCase()) ?? vals.find((v) => v.value.toLowerCase().includes(value.toLowerCase()));
        assert.ok(found, value);
        for (const f of files) assert.ok(found.sources.includes(byOrigin.get(f)!), `${value} cites ${f}`);
      }
    }
    assert.equal(s.independentSources, key.families);
    assert.ok(s.summary.length >= 3 && s.summary.length <= 10);
    for (const x of s.summary) assert.ok(x.sources.some((id) => texts.get(id)!.includes(x.text)), `not a cited source sentence: ${x.text}`);
    for (const f of s.facts) assert.ok(f.independentSources <= f.sources.length);
    for (const a of s.articles) {
      for (const k of ['id', 'origin', 'outlet', 'title', 'published', 'byline', 'wire']) assert.ok(k in a, `article field ${k}`);
      assert.ok(a.provenance && ['original', 'duplicate', 'wire-copy', 'rewrite'].includes(a.provenance.kind));
    }
    const md = renderMarkdown(doc);
    for (const h of ['### Summary', '### Conflicts', '### Key facts', '### Timeline', '### People and roles', '### Who said what', '### Sources']) assert.ok(md.includes(h), h);
    const html = renderHtml(doc);
    assert.ok(!/<script/i.test(html));
  });
}

test('scraped text is escaped in Markdown and HTML', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'cc-brief-'));
  const body = (n: number) =>
    `Storm floods Lisk harbour <script>alert(${n})</script>\n\nThe storm flooded the Lisk harbour on Friday night, and about 60 boats were damaged, the harbour office said.\n\n“We have never seen water this high <img src=x onerror=alert(1)>,” said Harbour Master Nils Ekdahl.\n\nVolunteers worked through the night to tie down boats in the marina [link](javascript:alert(${n})).\n`;
  writeFileSync(join(dir, 'a.txt'), body(1));
  writeFileSync(join(dir, 'b.txt'), body(2).replace('about 60', 'some 60'));
  const { doc } = await briefOf([dir]);
  const html = renderHtml(doc);
  assert.ok(!/<script>|<img /i.test(html), 'no raw tags in HTML');
  assert.match(html, /&lt;img src=x/);
  const md = renderMarkdown(doc);
  assert.ok(!/<img |<script>/.test(md), 'no raw tags in Markdown');
  assert.ok(!/\]\(javascript:/.test(md), 'no live links in Markdown');
});
