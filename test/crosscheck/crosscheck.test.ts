// crosscheckStory on a small fictional story (our own text): facts counted in families,
// conflicts with their sources, traps not flagged, single-source / unattributed lists, summary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crosscheckStory, type CrossArticle } from '../../src/crosscheck/index.js';

function art(id: string, family: string, published: string, paragraphs: string[]): CrossArticle {
  let start = 0;
  const ps = paragraphs.map((text) => {
    const p = { kind: 'paragraph' as const, text, start };
    start += text.length + 2;
    return p;
  });
  return { id, family, published, text: paragraphs.join('\n\n'), paragraphs: ps, kind: id === family ? 'original' : 'wire-copy' };
}

const wire = [
  'A ferry ran aground late Sunday on the sandbank off Varro Point, and coastguard crews took about 120 passengers ashore, officials said.',
  'The rescue lasted about three hours, Harbour Master Ilse Brandvold told reporters on Monday.',
  '“The crew did everything right, and the tide did the rest,” Brandvold said.',
  'The vessel, the Marit Sol, was built in 1998 and carries up to 300 passengers.',
  'It was the second grounding on the sandbank this year.',
];
const A = art('w1', 'w1', '2026-06-08', wire);
const B = art('w2', 'w1', '2026-06-08', wire.slice(0, 4)); // a copy of the wire, trimmed
const C = art('o1', 'o1', '2026-06-08', [
  'The ferry Marit Sol ran aground Saturday night on the sandbank off Varro Point, and coastguard crews took 120 passengers ashore.',
  'Harbour Master Ilse Brandvold said the rescue lasted some five hours.',
  '“The crew got everything right and the tide handled the rest,” said Brandvold.',
  'Passenger Tove Lie, 71, said she waited on deck wrapped in a blanket.',
  'The operator will pay for hotel rooms for all stranded passengers, a spokesman said.',
]);
const D = art('o2', 'o2', '2026-06-08', [
  'Coastguard crews took about 120 passengers ashore after the ferry Marit Sol ran aground late Sunday off Varro Point.',
  'Deputy Harbour Master Ilse Brandvold said the rescue lasted roughly three hours.',
  'The Marit Sol carries up to 300 passengers and was built in 1998.',
  'Fuel prices on the island have doubled since the ferry service was cut to one sailing a day.',
]);

const x = crosscheckStory({ articles: [A, B, C, D] });

test('facts count independent source families, not articles', () => {
  const grounding = x.facts.find((f) => /ran aground/.test(f.text) && f.sources.includes('o1'));
  assert.ok(grounding, 'the grounding is one fact across sources');
  assert.deepEqual([...grounding.sources].sort(), ['o1', 'o2', 'w1', 'w2']);
  assert.equal(grounding.independentSources, 3, 'w1 and its copy w2 count once');
  const vessel = x.facts.find((f) => /1998/.test(f.text));
  assert.ok(vessel);
  assert.equal(vessel.independentSources, 2);
});

test('planted conflicts are found with the sources of each value', () => {
  const kinds = x.conflicts.map((c) => c.kind).sort();
  const dur = x.conflicts.find((c) => c.kind === 'number' && /hour/.test(c.about));
  assert.ok(dur, `duration conflict in ${JSON.stringify(kinds)}`);
  assert.match(dur.about, /^how long it [a-z]+ed, in hours$/, 'the label uses the verb as the sources wrote it');
  const five = dur.values.find((v) => /five/.test(v.value));
  assert.deepEqual(five?.sources, ['o1']);
  const three = dur.values.filter((v) => /three/.test(v.value)).flatMap((v) => v.sources).sort();
  assert.deepEqual(three, ['o2', 'w1', 'w2']);
  for (const v of dur.values) for (const s of v.sentences) assert.ok([A, B, C, D].find((a) => a.id === s.source)!.text.includes(s.text));

  const day = x.conflicts.find((c) => c.kind === 'date');
  assert.ok(day, 'late Sunday vs Saturday night');
  assert.ok(day.values.some((v) => v.value === 'Saturday night' && v.sources.includes('o1')));

  const role = x.conflicts.find((c) => c.kind === 'role');
  assert.ok(role, 'Deputy Harbour Master vs Harbour Master');
  assert.ok(role.values.some((v) => /Deputy/.test(v.value) && v.sources.join() === 'o2'));

  const quote = x.conflicts.find((c) => c.kind === 'quote');
  assert.ok(quote, 'two wordings of Brandvold');
  assert.equal(quote.values.length, 2);
});

test('traps are not flagged: hedged rounding, different counts, ordinals', () => {
  // "about 120" vs "120" passengers; "up to 300" capacity vs 120 rescued; "second grounding"
  assert.ok(!x.conflicts.some((c) => c.kind === 'number' && c.values.some((v) => /120|300/.test(v.value))), JSON.stringify(x.conflicts.map((c) => c.values.map((v) => v.value))));
  assert.equal(x.conflicts.length, 4);
});

test('single-source and unattributed claims are listed', () => {
  assert.ok(x.singleSource.some((c) => /Tove Lie/.test(c.text) && c.sources.join() === 'o1'));
  assert.ok(x.unattributed.some((c) => /Fuel prices/.test(c.text)), 'a number with no attribution from one source');
  assert.ok(!x.unattributed.some((c) => /spokesman said/.test(c.text)));
});

test('summary: 5-10 source sentences, each cited, no invented text, conflicted facts left out', () => {
  assert.ok(x.summary.length >= 3 && x.summary.length <= 10, `summary has ${x.summary.length}`);
  const texts = new Map([A, B, C, D].map((a) => [a.id, a.text]));
  for (const s of x.summary) {
    assert.ok(s.sources.length >= 1);
    assert.ok(s.sources.some((id) => texts.get(id)!.includes(s.text)), `not a source sentence: ${s.text}`);
    assert.ok(!/three hours|five hours/.test(s.text), 'conflicting sentence in the summary');
  }
});

test('per-source report: what each source alone reports and what it leaves out', () => {
  const o1 = x.sources.find((s) => s.id === 'o1')!;
  assert.ok(o1.alone.some((c) => /Tove Lie/.test(c.text)));
  const o2 = x.sources.find((s) => s.id === 'o2')!;
  assert.ok(o2.alone.some((c) => /Fuel prices/.test(c.text)));
});

test('the rest of a quote opened in an earlier sentence is its speaker’s words, not a fact cut from its start', () => {
  const q1 = art('q1', 'q1', '2026-06-09', [
    'Harbour Master Ilse Brandvold met the ferry operator on Tuesday.',
    'She added, however: “Until the channel is dredged, no ferry will sail at low tide. This applies above all to the night crossings, when the sandbank is hardest to see.”',
  ]);
  const q2 = art('q2', 'q1', '2026-06-09', [
    'Harbour Master Ilse Brandvold met the ferry operator on Tuesday.',
    'She added, however: “Until the channel is dredged, no ferry will sail at low tide. This applies above all to the night crossings, when the sandbank is hardest to see.”',
  ]);
  const q3 = art('q3', 'q3', '2026-06-09', [
    'Brandvold said no ferry would sail at low tide until the channel was dredged, above all on the night crossings when the sandbank is hardest to see.',
  ]);
  const r = crosscheckStory({ articles: [q1, q2, q3] });
  const cont = r.claims.filter((c) => c.text.startsWith('This applies'));
  assert.equal(cont.length, 2);
  assert.ok(cont.every((c) => c.continuesQuote && c.attribution !== null), JSON.stringify(cont));
  assert.ok(!r.claims.find((c) => c.text.startsWith('She added'))!.continuesQuote);
  // no fact (and no single-source listing) reads from the middle of the quote
  for (const list of [r.facts, r.singleSource, r.unattributed]) assert.ok(!list.some((f) => f.text.startsWith('This applies')), JSON.stringify(list.map((f) => f.text)));
});

test('the summary leaves out a sentence whose subject is a quantifier standing for people named before ("Most stayed ...")', () => {
  const p = ['A landslide closed the coast road near Varro Point on Monday and about 80 residents were moved to the school hall.', 'Most stayed with relatives overnight, according to the harbour office in Varro.', 'Engineers will inspect the slope on Tuesday before the road reopens to traffic.'];
  const r = crosscheckStory({ articles: [art('m1', 'm1', '2026-06-08', p), art('m2', 'm2', '2026-06-08', p.map((x) => x.replace('about 80', 'some 80')))] });
  assert.ok(r.summary.length >= 2, JSON.stringify(r.summary));
  assert.ok(!r.summary.some((x) => x.text.startsWith('Most stayed')), JSON.stringify(r.summary.map((x) => x.text)));
});
