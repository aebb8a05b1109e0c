import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeProvenance, families } from '../../src/cluster/provenance.js';
import { detectWire } from '../../src/cluster/text.js';
import * as F from './fixtures.js';

const set = () => [
  F.art('orig', F.WIRE_ORIGINAL, { outlet: 'Reuters', published: '2031-03-04T06:00:00Z' }),
  F.art('wrapped', F.WIRE_WRAPPED, { outlet: 'Coastline Herald', published: '2031-03-04T07:00:00Z' }),
  F.art('trimmed', F.WIRE_TRIMMED, { outlet: 'Veltra Today', published: '2031-03-04T07:30:00Z' }),
  F.art('rewrite', F.WIRE_REWRITE, { outlet: 'Aldren Post', published: '2031-03-04T09:00:00Z' }),
  F.art('indep', F.FERRY_INDEPENDENT, { outlet: 'Island Voice', published: '2031-03-04T10:00:00Z' }),
];

test('wire story, its copy in boilerplate, a trimmed copy without marker, a rewrite, an independent article', () => {
  const p = computeProvenance(set());
  assert.equal(p.get('orig')!.kind, 'original');
  assert.deepEqual([p.get('wrapped')!.kind, p.get('wrapped')!.of], ['wire-copy', 'orig']);
  assert.deepEqual([p.get('trimmed')!.kind, p.get('trimmed')!.of], ['wire-copy', 'orig']);
  assert.deepEqual([p.get('rewrite')!.kind, p.get('rewrite')!.of], ['rewrite', 'orig']);
  assert.equal(p.get('indep')!.kind, 'original');
  const fam = families(p);
  assert.equal(fam.size, 2);
  assert.deepEqual(fam.get('orig'), ['orig', 'wrapped', 'trimmed', 'rewrite']);
  for (const v of p.values()) {
    assert.ok(v.confidence > 0 && v.confidence <= 1);
    assert.ok(v.evidence && v.evidence.length > 10);
  }
});

test('independent of input order', () => {
  const a = computeProvenance(set());
  const b = computeProvenance(set().reverse());
  assert.deepEqual([...a.entries()].sort(), [...b.entries()].sort());
});

test('wire-marked copy without the wire original in the set: wire-copy of null; copies follow the marked text', () => {
  const arts = set().slice(1); // no original
  arts[1].metadata.published = '2031-03-04T05:00:00Z'; // the trimmed copy (no marker) was published first
  const p = computeProvenance(arts);
  assert.deepEqual([p.get('wrapped')!.kind, p.get('wrapped')!.of], ['wire-copy', null]);
  assert.match(p.get('wrapped')!.evidence!, /Reuters/);
  assert.deepEqual([p.get('trimmed')!.kind, p.get('trimmed')!.of], ['wire-copy', 'wrapped']);
  assert.equal(p.get('rewrite')!.family, 'wrapped');
});

test('near-identical text is a duplicate of the earlier article', () => {
  const a = F.art('a', F.FIRE_FLATS_1, { published: '2031-03-08T10:00:00Z' });
  const b = F.art('b', F.FIRE_FLATS_1.replace('Saturday', 'Saturday morning'), { published: '2031-03-08T12:00:00Z' });
  const p = computeProvenance([b, a]);
  assert.equal(p.get('a')!.kind, 'original');
  assert.deepEqual([p.get('b')!.kind, p.get('b')!.of, p.get('b')!.family], ['duplicate', 'a', 'a']);
});

test('two reports of the same fire by different reporters stay independent', () => {
  const p = computeProvenance([F.art('x', F.FIRE_WAREHOUSE_1), F.art('y', F.FIRE_WAREHOUSE_2), F.art('z', F.FIRE_WAREHOUSE_3)]);
  for (const v of p.values()) assert.equal(v.kind, 'original');
  assert.equal(families(p).size, 3);
});

test('wire markers: metadata, dateline, credit line; none in plain text', () => {
  const m = { byline: [], language: 'en', fieldSources: {} };
  assert.equal(detectWire({ text: 'x', metadata: { ...m, wire: 'AP' } })?.wire, 'AP');
  assert.equal(detectWire({ text: F.WIRE_ORIGINAL, metadata: m })?.wire, 'Reuters');
  assert.equal(detectWire({ text: 'Body.\n\nCopyright 2031 The Associated Press. All rights reserved.', metadata: m })?.wire, 'AP');
  assert.equal(detectWire({ text: F.FIRE_FLATS_1, metadata: m }), null);
});

test('a story growing one article at a time gets the same provenance as computed at once (remembered work is keyed right)', () => {
  const all = set();
  // Copies first, the wire original last (a late-arriving source must still become the source),
  // then different options: a remembered comparison must not leak across option sets.
  for (let k = 1; k <= all.length; k++) computeProvenance([...all.slice(1, k), all[0]]);
  const grown = computeProvenance(set());
  assert.deepEqual([grown.get('wrapped')!.kind, grown.get('wrapped')!.of], ['wire-copy', 'orig']);
  const strict = computeProvenance(set(), { copyContainment: 0.999, rewriteMin: 50 });
  assert.notEqual(strict.get('rewrite')!.kind, 'rewrite');
  assert.deepEqual([...computeProvenance(set()).entries()].sort(), [...grown.entries()].sort());
  // The same id with other metadata is prepared again (publication order decides direction).
  const moved = set().map((a) => (a.id === 'orig' ? { ...a, metadata: { ...a.metadata, outlet: 'Coastline Herald', wire: undefined, published: '2031-03-05T06:00:00Z' } } : a));
  assert.notEqual(computeProvenance(moved).get('orig')!.kind, 'original');
});
