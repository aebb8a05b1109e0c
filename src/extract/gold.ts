/**
 * Scoring extraction against the hand-annotated gold set (test/gold/extract/*.json): precision,
 * recall and F1 per kind (entities, roles, quote speakers, resolved dates, numbers). Used by the
 * `extract` benchmark and by the gold-set test. Gold files hold short facts only (names, roles,
 * dates, numbers, line numbers), never article sentences.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../types.js';
import type { ArticleExtraction } from './types.js';
import { similarNames } from './similar.js';

export interface GoldArticle {
  /** Our own article, relative to the gold folder ("articles/01-harbour-fire.txt"). */
  file?: string;
  /** A seed file name under ../shared/corpus/seeds. */
  seed?: string;
  /** Publication date given with the article (YYYY-MM-DD), or the story's date for undated seeds. */
  published: string;
  entities: { name: string; type: 'person' | 'organization' | 'place' | 'other'; roles?: string[]; variants?: string[] }[];
  /** One entry per attributed statement: the input line it is on and who said it. */
  quotes: { line: number; speaker: string }[];
  /** Time expressions: a short part of the expression and its resolved date (and end). */
  dates: { text: string; date: string; end?: string }[];
  numbers: { text: string; value: number; kind?: string }[];
  /** Written after the extractor was tuned and never tuned on: an honest estimate for unseen text. */
  heldout?: boolean;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  entities: Counts;
  roles: Counts;
  quotes: Counts;
  dates: Counts;
  numbers: Counts;
  /** What went wrong, for reading (names, line numbers, dates: short facts). */
  errors: string[];
}

export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export function loadGold(dir: string): { name: string; gold: GoldArticle }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f, gold: JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldArticle }));
}

const norm = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’']/g, "'").replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim();

function sameName(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  if (x === y) return true;
  const xs = x.split(' ');
  const ys = y.split(' ');
  return xs.length === ys.length && xs.every((w, i) => w === ys[i] || similarNames(w, ys[i]));
}

/** A speaker written as "Ushakov" matches an entity named "Yuri Ushakov" (same surname). */
function sameSpeaker(gold: string, sys: string): boolean {
  if (sameName(gold, sys)) return true;
  const g = norm(gold).split(' ');
  const s = norm(sys).split(' ');
  const gl = g[g.length - 1];
  const sl = s[s.length - 1];
  return (gl === sl || similarNames(gl, sl)) && (g.length === 1 || s.length === 1 || g[0] === s[0]);
}

function lineOf(article: Article, offset: number): number | null {
  let best: number | null = null;
  for (const p of article.paragraphs) {
    if (p.start > offset) break;
    if (p.line !== undefined) {
      // lines inside a paragraph: count newlines before the offset
      best = p.line + (article.text.slice(p.start, offset).match(/\n/g)?.length ?? 0);
    }
  }
  return best;
}

export function scoreArticle(article: Article, ex: ArticleExtraction, gold: GoldArticle): Scores {
  const s: Scores = { entities: { tp: 0, fp: 0, fn: 0 }, roles: { tp: 0, fp: 0, fn: 0 }, quotes: { tp: 0, fp: 0, fn: 0 }, dates: { tp: 0, fp: 0, fn: 0 }, numbers: { tp: 0, fp: 0, fn: 0 }, errors: [] };
  // ------------------------------------------------------------ entities (one-to-one by name / variant and type)
  const used = new Set<string>();
  const matchOf = new Map<number, (typeof ex.entities)[number]>();
  gold.entities.forEach((g, gi) => {
    const names = [g.name, ...(g.variants ?? [])];
    const e = ex.entities.find((x) => !used.has(x.id) && x.type === g.type && [x.name, ...x.variants].some((v) => names.some((n) => sameName(n, v))));
    if (e) {
      used.add(e.id);
      matchOf.set(gi, e);
      s.entities.tp++;
    } else {
      s.entities.fn++;
      const other = ex.entities.find((x) => [x.name, ...x.variants].some((v) => names.some((n) => sameName(n, v))));
      s.errors.push(`entity missed: ${g.name} (${g.type})${other ? ` — found as ${other.type}` : ''}`);
    }
  });
  for (const e of ex.entities) if (!used.has(e.id)) {
    s.entities.fp++;
    s.errors.push(`entity spurious: ${e.name} (${e.type})`);
  }
  // ------------------------------------------------------------ roles of matched entities
  gold.entities.forEach((g, gi) => {
    const e = matchOf.get(gi);
    const groles = g.roles ?? [];
    const sroles = e ? e.roles.map((r) => r.text) : [];
    const hit = new Set<number>();
    for (const gr of groles) {
      const k = sroles.findIndex((sr, i) => !hit.has(i) && (norm(sr).includes(norm(gr)) || norm(gr).includes(norm(sr))));
      if (k >= 0) {
        hit.add(k);
        s.roles.tp++;
      } else {
        s.roles.fn++;
        s.errors.push(`role missed: ${g.name} = ${gr}`);
      }
    }
    if (e) for (let i = 0; i < sroles.length; i++) if (!hit.has(i)) {
      s.roles.fp++;
      s.errors.push(`role spurious: ${g.name} = ${sroles[i]}`);
    }
  });
  // ------------------------------------------------------------ quote speakers (line, speaker), one-to-one
  const name = new Map(ex.entities.map((e) => [e.id, e.name]));
  const sys = ex.quotes.filter((q) => q.speaker).map((q) => ({ line: lineOf(article, q.start), speaker: name.get(q.speaker!) ?? '', used: false }));
  for (const g of gold.quotes) {
    const q = sys.find((x) => !x.used && x.line === g.line && sameSpeaker(g.speaker, x.speaker));
    if (q) {
      q.used = true;
      s.quotes.tp++;
    } else {
      s.quotes.fn++;
      const wrong = sys.find((x) => !x.used && x.line === g.line);
      s.errors.push(`quote missed: line ${g.line} ${g.speaker}${wrong ? ` — given to ${wrong.speaker}` : ''}`);
    }
  }
  for (const q of sys) if (!q.used) {
    s.quotes.fp++;
    s.errors.push(`quote spurious: line ${q.line} ${q.speaker}`);
  }
  // ------------------------------------------------------------ resolved dates
  const times = ex.times.filter((t) => t.date).map((t) => ({ t, used: false }));
  for (const g of gold.dates) {
    const hit = times.find((x) => !x.used && norm(x.t.text).includes(norm(g.text)) && x.t.date === g.date && (x.t.dateEnd ?? undefined) === (g.end ?? undefined));
    if (hit) {
      hit.used = true;
      s.dates.tp++;
    } else {
      s.dates.fn++;
      const near = times.find((x) => !x.used && norm(x.t.text).includes(norm(g.text)));
      s.errors.push(`date missed: "${g.text}" = ${g.date}${g.end ? `/${g.end}` : ''}${near ? ` — got ${near.t.date}${near.t.dateEnd ? `/${near.t.dateEnd}` : ''}` : ''}`);
      if (near) near.used = true; // counted once, as the miss
    }
  }
  for (const x of times) if (!x.used) {
    s.dates.fp++;
    s.errors.push(`date spurious: "${x.t.text}" = ${x.t.date}`);
  }
  // ------------------------------------------------------------ numbers (span and value)
  const nums = ex.numbers.map((n) => ({ n, used: false }));
  for (const g of gold.numbers) {
    const hit = nums.find((x) => !x.used && (norm(x.n.text).includes(norm(g.text)) || norm(g.text).includes(norm(x.n.text))) && Math.abs(x.n.value - g.value) < 1e-9 && (!g.kind || g.kind === x.n.kind));
    if (hit) {
      hit.used = true;
      s.numbers.tp++;
    } else {
      s.numbers.fn++;
      s.errors.push(`number missed: "${g.text}" = ${g.value}${g.kind ? ` ${g.kind}` : ''}`);
    }
  }
  for (const x of nums) if (!x.used) {
    s.numbers.fp++;
    s.errors.push(`number spurious: "${x.n.text}" = ${x.n.value} ${x.n.kind}`);
  }
  return s;
}

export function addCounts(into: Scores, s: Scores): void {
  for (const k of ['entities', 'roles', 'quotes', 'dates', 'numbers'] as const) {
    into[k].tp += s[k].tp;
    into[k].fp += s[k].fp;
    into[k].fn += s[k].fn;
  }
}

export function emptyScores(): Scores {
  return { entities: { tp: 0, fp: 0, fn: 0 }, roles: { tp: 0, fp: 0, fn: 0 }, quotes: { tp: 0, fp: 0, fn: 0 }, dates: { tp: 0, fp: 0, fn: 0 }, numbers: { tp: 0, fp: 0, fn: 0 }, errors: [] };
}
