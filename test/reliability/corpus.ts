/**
 * A generated corpus of our own fictional news articles for reliability tests: a few invented
 * events, each reported by several invented outlets (originals, wire copies, rewrites, exact
 * duplicates), written to text files. Deterministic for a given seed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../src/util/random.js';

/** Small deterministic PRNG (mulberry32): seeded so every failure replays. */
export const rng = seededRandom;

const EVENTS = [
  {
    title: 'Flood barrier fails at Lowmere harbour',
    place: 'LOWMERE',
    lines: [
      'The tidal flood barrier at Lowmere harbour failed on Thursday night, flooding about 40 homes on the quay.',
      'Harbour master Orla Fenwick said a hydraulic pump had stopped an hour before high tide.',
      '"We saw the water rise over the wall within minutes," Fenwick told reporters on Friday.',
      'The Lowmere council said repairs would cost 2.5 million crowns and take six weeks.',
      'Residents were moved to the Saint Brannoc school hall overnight.',
      'An inquiry into the pump maintenance contract will open next month, the council said.',
    ],
  },
  {
    title: 'Veltria and Osmark agree grain corridor',
    place: 'KARVEN',
    lines: [
      'Trade ministers of Veltria and Osmark agreed on Tuesday to open a grain corridor through the port of Karven.',
      'Veltrian minister Dario Pellum said the first convoy of 12 ships would sail within ten days.',
      '"This corridor feeds three million people," Pellum said after four hours of talks.',
      'Osmark trade minister Hanne Ostby called the deal fragile but necessary.',
      'Insurers had refused to cover ships in the strait since the spring blockade.',
      'The agreement runs for 90 days and can be renewed, both ministries said.',
    ],
  },
  {
    title: 'Comet probe Lantern sends first images',
    place: 'BRISA',
    lines: [
      'The comet probe Lantern sent its first close images back to the Brisa control centre on Monday.',
      'Mission director Tomasz Ilves said the probe passed 800 kilometres from the comet nucleus.',
      '"The surface is darker than coal and full of cliffs," Ilves told a news conference.',
      'The probe launched seven years ago and travelled about 4 billion kilometres.',
      'Scientists expect to publish the first analysis of the dust samples in March.',
      'The Brisa space agency said the mission budget stayed under 600 million crowns.',
    ],
  },
  {
    title: 'Rail strike halts trains across Dunmarra',
    place: 'DUNMARRA',
    lines: [
      'A 48-hour rail strike halted almost all passenger trains across Dunmarra on Wednesday.',
      'The drivers union said 9,000 members walked out over a pay offer of 3 percent.',
      '"We did not want this, but the company left us no choice," union leader Ros Kettle said.',
      'Dunmarra Rail said only 15 of its 420 daily services ran.',
      'Commuters queued for buses for up to two hours in the capital, witnesses said.',
      'Talks between the union and the company are set to resume on Monday.',
    ],
  },
];

const OUTLETS = ['Harbour Gazette', 'Northern Ledger', 'Valley Courier', 'Coastline Daily', 'Meridian Post'];

function shuffle<T>(r: () => number, xs: T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** Writes `count` article files into dir; returns their paths in a seeded order. */
export function writeCorpus(dir: string, count: number, seed = 7): string[] {
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  const paths: string[] = [];
  const texts: string[] = [];
  for (let n = 0; n < count; n++) {
    const ev = EVENTS[n % EVENTS.length];
    const outlet = OUTLETS[Math.floor(r() * OUTLETS.length)];
    const roll = r();
    let text: string;
    if (roll < 0.15 && texts.length) {
      text = texts[Math.floor(r() * texts.length)]; // exact duplicate of an earlier file
    } else {
      const lines = roll < 0.5 ? ev.lines : shuffle(r, ev.lines).slice(0, 4 + Math.floor(r() * 3)); // wire copy or rewrite
      const day = 1 + Math.floor(r() * 3);
      const extra = `Reporting by the ${outlet} desk, story ${n}.`;
      text = `${ev.title}\n\n${ev.place}, March ${day} (${outlet}) - ${lines.join('\n\n')}\n\n${extra}\n`;
    }
    texts.push(text);
    const p = join(dir, `art-${String(n).padStart(3, '0')}.txt`);
    writeFileSync(p, text);
    paths.push(p);
  }
  return paths;
}

/**
 * Writes `count` articles as JSON Lines records with outlet, URL and publication time, where each
 * outlet ends its articles with the same sign-off line (so outlet boilerplate is learnt while
 * ingesting, in input order). Returns the file path.
 */
export function writeJsonlCorpus(dir: string, count: number, seed = 5): string {
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  const lines: string[] = [];
  for (let n = 0; n < count; n++) {
    const ev = EVENTS[Math.floor(r() * EVENTS.length)];
    const o = Math.floor(r() * 3);
    const outlet = OUTLETS[o];
    const lines6 = r() < 0.5 ? ev.lines : shuffle(r, ev.lines).slice(0, 4 + Math.floor(r() * 3));
    const signoff = `Get the ${outlet} morning digest in your inbox every weekday.`;
    const day = 1 + Math.floor(r() * 4);
    const hour = String(Math.floor(r() * 24)).padStart(2, '0');
    lines.push(
      JSON.stringify({
        title: ev.title,
        url: `https://www.${outlet.toLowerCase().replace(/ /g, '-')}.example/2026/03/0${day}/story-${n}`,
        outlet,
        published: `2026-03-0${day}T${hour}:00:00Z`,
        text: `${ev.place}, March ${day} (${outlet}) - ${lines6.join('\n\n')}\n\nStory ${n} filed by the ${outlet} desk.\n\n${signoff}`,
      }),
    );
  }
  const p = join(dir, 'feed.jsonl');
  writeFileSync(p, lines.join('\n') + '\n');
  return p;
}
