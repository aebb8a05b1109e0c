import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_OPTIONS, StoryClusterer, type ClustererOptions } from '../../src/cluster/clusterer.js';
import { bcubed, pairwise } from '../../src/cluster/eval.js';
import * as F from './fixtures.js';

const DAY = 86_400_000;
const T0 = Date.parse('2031-03-04T08:00:00Z');

function run(c: StoryClusterer, docs: [string, string, number?][]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, text, time] of docs) out.set(key, c.add({ key, text, time }).storyId);
  return out;
}

const STREAM: [string, string, number?][] = [
  ['w1', F.FIRE_WAREHOUSE_1, T0],
  ['f1', F.FIRE_FLATS_1, T0 + 4 * DAY],
  ['u', F.UNRELATED, T0 + 4 * DAY],
  ['w2', F.FIRE_WAREHOUSE_2, T0 + 1 * DAY],
  ['f2', F.FIRE_FLATS_2, T0 + 5 * DAY],
  ['w3', F.FIRE_WAREHOUSE_3, T0 + 1 * DAY],
  ['wo', F.WIRE_ORIGINAL, T0 + 6 * DAY],
  ['ww', F.WIRE_WRAPPED, T0 + 6 * DAY],
  ['wt', F.WIRE_TRIMMED, T0 + 6 * DAY],
  ['wr', F.WIRE_REWRITE, T0 + 6 * DAY],
];

test('two different fires in one town are two stories; a council vote there is a third', () => {
  for (const timed of [true, false]) {
    const s = run(new StoryClusterer(), STREAM.map(([k, t, time]) => [k, t, timed ? time : undefined]));
    assert.equal(s.get('w2'), s.get('w1'));
    assert.equal(s.get('w3'), s.get('w1'));
    assert.equal(s.get('f2'), s.get('f1'));
    assert.notEqual(s.get('f1'), s.get('w1'), 'warehouse fire and flats fire are different stories');
    assert.notEqual(s.get('u'), s.get('w1'));
    assert.notEqual(s.get('u'), s.get('f1'));
    assert.notEqual(s.get('wo'), s.get('w1'));
    for (const k of ['ww', 'wt', 'wr']) assert.equal(s.get(k), s.get('wo'), `${k} joins the wire story`);
  }
});

test('deterministic for a given input order', () => {
  const a = [...run(new StoryClusterer(), STREAM)];
  const b = [...run(new StoryClusterer(), STREAM)];
  assert.deepEqual(a, b);
});

test('a story goes cold: the same event a month later starts a new story, and the sweep frees it', () => {
  const c = new StoryClusterer({ sweepEvery: 1_000_000 });
  const first = c.add({ key: 'a', text: F.FIRE_WAREHOUSE_1, time: T0 }).storyId;
  assert.equal(c.add({ key: 'b', text: F.FIRE_WAREHOUSE_2, time: T0 + DAY }).storyId, first);
  const late = c.add({ key: 'c', text: F.FIRE_WAREHOUSE_3, time: T0 + 40 * DAY });
  assert.ok(late.isNew);
  assert.equal(c.liveStories, 2);
  c.sweep();
  assert.equal(c.liveStories, 1, 'the cold story is dropped from memory');
});

test('an article that bridges two stories merges them (older story survives)', () => {
  const [p1, p2, p3, p4] = F.FIRE_WAREHOUSE_1.split('\n\n');
  const c = new StoryClusterer({ threshold: 0.3, mergeThreshold: 0.3, mergeStoryThreshold: 0 });
  const a = c.add({ key: 'a', text: `${p1}\n\n${p2}` });
  const b = c.add({ key: 'b', text: `${p3}\n\n${p4}` });
  assert.ok(b.isNew, 'the two halves start apart');
  const bridge = c.add({ key: 'c', text: F.FIRE_WAREHOUSE_1 });
  assert.equal(bridge.storyId, a.storyId);
  assert.deepEqual(bridge.merged.map((m) => m.from), [b.storyId]);
  // Later articles of either half land in the merged story.
  assert.equal(c.add({ key: 'd', text: `${p3}\n\n${p4}` }).storyId, a.storyId);
});

test('restore rebuilds a story so that new articles join it', () => {
  const c = new StoryClusterer();
  c.add({ key: 'x', text: F.UNRELATED });
  c.restore({ key: 'w1', text: F.FIRE_WAREHOUSE_1 }, 'sOLD');
  assert.equal(c.add({ key: 'w2', text: F.FIRE_WAREHOUSE_2 }).storyId, 'sOLD');
});

test('metrics: pairwise and BCubed on a hand-checked case', () => {
  const gold = ['a', 'a', 'a', 'b', 'b'];
  const pred = ['x', 'x', 'y', 'y', 'y'];
  const pw = pairwise(pred, gold);
  // pred pairs: 1 (x) + 3 (y) = 4; gold pairs: 3 + 1 = 4; true: (0,1) and (3,4) = 2.
  assert.equal(pw.p, 0.5);
  assert.equal(pw.r, 0.5);
  const b3 = bcubed(pred, gold);
  // precision per item: 1,1,1/3,2/3,2/3 -> 11/15; recall: 2/3,2/3,1/3,1,1 -> 11/15.
  assert.ok(Math.abs(b3.p - 11 / 15) < 1e-9);
  assert.ok(Math.abs(b3.r - 11 / 15) < 1e-9);
});

test('copies join their source story on shingle fingerprints alone (even with a prohibitive threshold)', () => {
  const c = new StoryClusterer({ threshold: 0.99, mergeThreshold: 0.99 });
  const s = c.add({ key: 'orig', text: F.WIRE_ORIGINAL }).storyId;
  const wrapped = c.add({ key: 'wrapped', text: F.WIRE_WRAPPED });
  assert.equal(wrapped.storyId, s);
  assert.ok(wrapped.score >= 0.5);
  assert.equal(c.add({ key: 'trimmed', text: F.WIRE_TRIMMED }).storyId, s);
  assert.ok(c.add({ key: 'rewrite', text: F.WIRE_REWRITE }).isNew, 'a paraphrase is not a copy');
});

test('a templated text about other people and places is not taken for a copy', () => {
  const c = new StoryClusterer({ threshold: 0.99, mergeThreshold: 0.99 });
  c.add({ key: 'orig', text: F.WIRE_ORIGINAL });
  const other = F.WIRE_ORIGINAL.replace(/Port Aldren|PORT ALDREN/g, 'Kelby Sound')
    .replace(/Aldren/g, 'Kelby')
    .replace(/Veltra/g, 'Ossandra')
    .replace(/Skerrin/g, 'Marrowby')
    .replace(/Tomasz Brevik/g, 'Anika Solberg')
    .replace(/Ilse Vandermeer/g, 'Rafael Okonjo')
    .replace(/Nadia Ferrante|Carl Osgood/g, 'Lena Haugh');
  assert.ok(c.add({ key: 'other', text: other }).isNew);
});

test('cold start: a short original report joins the wire story of its event when the stream holds only these two', () => {
  // Fictional: a ferry grounding at Orlen Sound; the second report shares few rare words with the first.
  const wire = 'The ferry Marit Vale ran aground near Orlen Sound early on Sunday, the coastguard said. ' +
    'All 212 passengers were taken off by lifeboats and no one was hurt. The ferry operator Skarva Lines ' +
    'said the vessel struck a sandbank in fog. Divers will inspect the hull on Monday. The coastguard ' +
    'closed the channel to other ships while tugs tried to refloat the Marit Vale.';
  // The local report is mostly its own people and places: with two articles in the stream its
  // most distinctive words are all unshared, so the rare-term query alone finds no candidate.
  const local = 'On Brannock Quay, harbour master Pell Andrin watched tugs from Kettleby Marine work around the Marit Vale, aground off Orlen Sound since Sunday. ' +
    'Cafe owner Ria Maund opened early for the rescued passengers. Councillor Edwy Starke praised volunteers from the Lowerby lifeboat station ' +
    'and St Olave church, where Father Tamsin Coyle handed out blankets. Fisherman Joss Kettleby said the fog at Harrow Point was the worst he remembered.';
  for (const order of [[wire, local], [local, wire]]) {
    const c = new StoryClusterer();
    const a = c.add({ key: 'a', text: order[0] });
    const b = c.add({ key: 'b', text: order[1] });
    assert.equal(b.storyId, a.storyId, 'one story');
  }
});

test('a one-article story does not take a report on another person in the same kind of event', () => {
  // Fictional: two players of one club arrested weeks apart; the reports share the club, the charge
  // and the court, not the player.
  const first = 'Tarnford Rovers defender Elmo Quist was arrested on suspicion of drink driving early on Sunday, police said. ' +
    'Quist, 29, was stopped on the ring road after his car was seen weaving between lanes. Tarnford Rovers said they ' +
    'were aware of the arrest and would not comment further. Quist has played 140 games for the club since joining from Ellacombe.';
  const second = 'Police arrested Tarnford Rovers striker Davin Oyelaran on suspicion of drink driving after a crash near the ' +
    'stadium. Nobody was hurt. Oyelaran, a summer signing, failed a roadside breath test, the force said. Tarnford Rovers said ' +
    'Oyelaran would miss training while the club gathered facts. Rovers fans reacted with dismay online.';
  const c = new StoryClusterer();
  const a = c.add({ key: 'a', text: first });
  const b = c.add({ key: 'b', text: second });
  assert.notEqual(b.storyId, a.storyId, 'different players: different stories');
  // Even at a lower join bar, at which the two would be one story without the name check (the
  // test is not vacuous), the name check keeps them apart.
  const low = new StoryClusterer({ threshold: 0.22 });
  low.add({ key: 'a', text: first });
  assert.equal(low.add({ key: 'b', text: second }).isNew, true);
  const loose = new StoryClusterer({ nameConflict: 1, threshold: 0.22 });
  loose.add({ key: 'a', text: first });
  assert.equal(loose.add({ key: 'b', text: second }).isNew, false);
});

test('copy fingerprints expire by time even in a story that never goes cold', () => {
  const c = new StoryClusterer();
  const words = ['granary', 'levee', 'turbine', 'orchard', 'quarry', 'ferry', 'bridge', 'tunnel', 'harbour', 'signal', 'culvert', 'pylon'];
  let sid = '';
  for (let day = 0; day < 60; day++) {
    // One running story (same names every day, an article a day: never cold), new wording each day.
    const extra = Array.from({ length: 40 }, (_, i) => `${words[(day * 7 + i) % words.length]}${day}x${i}`).join(' ');
    const r = c.add({ key: 'd' + day, text: `Engineers at Vessing Dam near Ostrava Vale reported on the Vessing Dam repairs. ${extra}.`, time: T0 + day * DAY });
    if (day === 0) sid = r.storyId;
    else assert.equal(r.storyId, sid);
  }
  const held = (c as unknown as { prints: Map<number, number>; printsOld: Map<number, number> });
  // About 40 fingerprint-bearing shingles a day, sampled 1 in 8: the index holds at most two
  // 10-day windows, not all 60 days.
  assert.ok(held.prints.size + held.printsOld.size < 25 * 8, `held ${held.prints.size + held.printsOld.size}`);
});

test('clear winner: a short follow-up below the join bar joins a running story that no other story rivals', () => {
  // Fictional: four reports of one flood, an unrelated fire, then a follow-up sharing few words.
  const flood = [
    'Floodwater from the Vellmar river cut the town of Ostrand in two on Tuesday, and the mayor Ilse Brandow ordered the lower quarter evacuated.',
    'Rescue crews in Ostrand pulled twelve people from roofs as the Vellmar kept rising, mayor Ilse Brandow said, and the ring road was closed.',
    'The Vellmar crested at nine metres in Ostrand overnight. Ilse Brandow said pumps from neighbouring Kelby were on their way.',
    'Insurers began counting the cost of the Ostrand flood as the Vellmar fell back. Mayor Ilse Brandow asked for state aid.',
  ];
  const fire = 'A fire at the Harwick paper mill sent smoke over the valley; the Harwick fire chief Oren Tully said no one was hurt.';
  const follow = 'Schools will reopen next week, the council said, once the silt has been cleared from classrooms and the playing fields in Ostrand have dried.';
  const run = (opts: Partial<ClustererOptions>) => {
    const c = new StoryClusterer(opts);
    let sid = '';
    for (const [i, t] of flood.entries()) sid = c.add({ key: 'f' + i, text: t }).storyId;
    c.add({ key: 'x', text: fire });
    const a = c.add({ key: 'y', text: follow });
    return { joined: a.storyId === sid, score: a.score };
  };
  const on = run({});
  assert.equal(on.joined, true, 'joins the flood story');
  assert.ok(on.score < DEFAULT_OPTIONS.threshold, 'below the ordinary join bar (the rule is what joins it)');
  assert.equal(run({ clearThreshold: 1 }).joined, false, 'without the rule it starts a new story');
});
