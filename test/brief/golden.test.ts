// Golden test of the cross-check and brief on the five seeds (short facts only; see
// scripts/golden/brief.ts; regenerate with `npm run golden -- brief --write`).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildBriefGolden } from '../../scripts/golden/brief.js';
import { seedsDir } from '../../bench/shared.js';
import { Ajv } from 'ajv';

const goldenFile = join(import.meta.dirname, '..', 'golden', 'brief', 'seeds.json');
const haveSeeds = existsSync(seedsDir());

test('seeds: meeting length and "former President" conflicts, Ushakov wordings, single-source claims, families (golden)', { skip: !haveSeeds && 'seeds not found' }, async () => {
  const g = await buildBriefGolden();
  const s = g.story!;
  const seeds = (ids: string[]) => ids.map((id) => g.seedOf![id] ?? id).sort();

  // the meeting lasted three hours in 002, four hours in 001 and 003
  const length = s.conflicts.find((c) => c.kind === 'number' && c.values.some((v) => /three hours/.test(v.value)));
  assert.ok(length, 'meeting length conflict');
  const three = length.values.find((v) => /three hours/.test(v.value))!;
  const four = length.values.find((v) => /four hours/.test(v.value))!;
  assert.deepEqual(seeds(three.sources), ['002']);
  assert.ok(['001', '003'].every((x) => seeds(four.sources).includes(x)) && !seeds(four.sources).includes('002'));
  for (const v of length.values) assert.ok(v.sentences.length >= 1 && v.text.includes(v.value));

  // 002 calls Trump "former President"; the others "President"
  const role = s.conflicts.find((c) => c.kind === 'role' && c.values.some((v) => v.value === 'former President'));
  assert.ok(role, 'former President conflict');
  assert.match(role.about, /Trump/);
  assert.deepEqual(seeds(role.values.find((v) => v.value === 'former President')!.sources), ['002']);
  const pres = role.values.find((v) => v.value === 'President')!;
  assert.ok(['001', '003', '004'].every((x) => seeds(pres.sources).includes(x)));

  // Ushakov's territory quote: two wordings, one from 001 and one from 003
  const q = s.quotes.find((x) => /Ushakov/.test(x.speaker ?? '') && x.variants.some((v) => seeds(v.sources).includes('001') && /territor/i.test(v.text)) && x.variants.some((v) => seeds(v.sources).includes('003') && /territor/i.test(v.text)));
  assert.ok(q, 'Ushakov territory quote with its 001 and 003 wordings');
  const w001 = q.variants.find((v) => seeds(v.sources).includes('001') && /territor/i.test(v.text))!;
  const w003 = q.variants.find((v) => seeds(v.sources).includes('003') && /territor/i.test(v.text))!;
  assert.notEqual(w001.text, w003.text);
  assert.ok(s.conflicts.some((c) => c.kind === 'quote' && /Ushakov/.test(c.about)), 'the two wordings are a quote conflict');

  // seed 000's casualty claim (a million people, per U.S. officials) is single-source
  assert.deepEqual(g.singleSource.millionClaimSources, ['000']);

  // facts told by 001 and 003 only (003 is the Reuters wire, 001 a rewrite of it) count once
  const only13 = g.facts.filter((f) => f.sources.join() === '001,003');
  assert.ok(only13.length >= 1);
  for (const f of only13) assert.equal(f.independentSources, 1);
  assert.ok(g.facts.some((f) => f.independentSources >= 3), 'some facts are corroborated by 3+ families');

  // summary: 5-10 sentences, each a cited source sentence
  assert.ok(s.summary.length >= 5 && s.summary.length <= 10, `summary has ${s.summary.length} sentences`);
  const texts = new Map(s.articles.map((a) => [a.id, String(a.text)]));
  for (const x of s.summary) assert.ok(x.sources.some((id) => texts.get(id)!.includes(x.text)));

  // the seeds' brief validates against the JSON Schema too
  const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(JSON.parse(readFileSync('schema/brief.schema.json', 'utf8')));
  assert.ok(validate(JSON.parse(JSON.stringify({ generatedAt: new Date().toISOString(), stories: [s] }))), JSON.stringify(validate.errors?.slice(0, 3)));

  const { story: _s, seedOf: _o, ...golden } = g;
  assert.deepEqual(golden, JSON.parse(readFileSync(goldenFile, 'utf8')), 'matches test/golden/brief/seeds.json (npm run golden -- brief)');
});
