/**
 * Cross-check (issue 5): claims from every article of a story, aligned into facts across
 * sources; corroboration counted in independent source families; conflicts on numbers, days,
 * roles, quote wording/attribution and places; single-source and unattributed claims; and the
 * extractive summary (every sentence a source sentence citing its sources). Pure functions.
 */
import { extractClaims, yearOf } from './claims.js';
import { AUX, MONTHS, REPORT_VERBS, STOP, TITLE_HEADS, WEEKDAYS } from './lexicon.js';
import { analyse } from './nlp.js';
import { daysCompatible, numbersCompatible, personKey, rolesConflict } from './slots.js';
import type { Claim, Conflict, ConflictValue, CrossArticle, CrosscheckResult, Fact, ListedClaim, NumberSlot, SourceReport, StoryPerson, StoryQuoteX } from './types.js';

export type * from './types.js';
export { extractClaims } from './claims.js';

export interface CrosscheckInput {
  articles: CrossArticle[];
}

export interface CrosscheckOptions {
  /** Dice similarity (IDF-weighted lemmas) at or above which two claims state the same fact. */
  alignThreshold?: number;
  /** Summary length bounds. */
  summaryMin?: number;
  summaryMax?: number;
}

class UnionFind {
  private p: number[];
  constructor(n: number) { this.p = Array.from({ length: n }, (_, i) => i); }
  find(x: number): number { while (this.p[x] !== x) { this.p[x] = this.p[this.p[x]]; x = this.p[x]; } return x; }
  union(a: number, b: number): void { const ra = this.find(a), rb = this.find(b); if (ra !== rb) this.p[Math.max(ra, rb)] = Math.min(ra, rb); }
}

const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

/** Similarity of all claim pairs that share at least one lemma (inverted index, no full scan). */
function similarities(claims: Claim[]): { idf: Map<string, number>; weight: Float64Array; pairs: Map<number, Map<number, number>> } {
  const df = new Map<string, number>();
  for (const c of claims) for (const l of c.lemmas) df.set(l, (df.get(l) ?? 0) + 1);
  const N = claims.length || 1;
  const idf = new Map<string, number>();
  for (const [l, d] of df) idf.set(l, Math.log(1 + N / d));
  const weight = new Float64Array(claims.length);
  const postings = new Map<string, number[]>();
  claims.forEach((c, i) => {
    for (const l of c.lemmas) {
      weight[i] += idf.get(l)!;
      let p = postings.get(l);
      if (!p) postings.set(l, (p = []));
      p.push(i);
    }
  });
  const pairs = new Map<number, Map<number, number>>();
  const acc = new Float64Array(claims.length);
  const touched: number[] = [];
  for (let i = 0; i < claims.length; i++) {
    for (const l of claims[i].lemmas) {
      const w = idf.get(l)!;
      for (const j of postings.get(l)!) {
        if (j <= i || claims[j].article === claims[i].article) continue;
        if (acc[j] === 0) touched.push(j);
        acc[j] += w;
      }
    }
    if (touched.length) {
      const m = new Map<number, number>();
      for (const j of touched) {
        m.set(j, (2 * acc[j]) / (weight[i] + weight[j] || 1));
        acc[j] = 0;
      }
      touched.length = 0;
      pairs.set(i, m);
    }
  }
  return { idf, weight, pairs };
}

function sentenceOf(c: Claim) {
  return { source: c.article, text: c.text, start: c.start };
}

/** Groups per-claim values into conflict values (same value text, sources merged). */
function valuesFrom(items: { value: string; norm: string; claim: Claim }[]): ConflictValue[] {
  const by = new Map<string, ConflictValue>();
  const shown = new Map<string, Map<string, number>>();
  for (const it of items) {
    let v = by.get(it.norm);
    if (!v) by.set(it.norm, (v = { value: it.value, text: it.claim.text, sources: [], sentences: [] }));
    let sm = shown.get(it.norm);
    if (!sm) shown.set(it.norm, (sm = new Map()));
    sm.set(it.value, (sm.get(it.value) ?? 0) + 1);
    // the value's most common wording, and a sentence that shows it
    const best = [...sm.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0][0];
    if (best !== v.value && it.value === best) { v.value = best; v.text = it.claim.text; }
    if (!v.sources.includes(it.claim.article)) v.sources.push(it.claim.article);
    if (!v.sentences.some((s) => s.source === it.claim.article && s.start === it.claim.start)) v.sentences.push(sentenceOf(it.claim));
  }
  return [...by.values()];
}

const unitWord = (n: NumberSlot) => (n.unit === '%' ? 'percentage' : n.unit === 'usd' ? 'amount in dollars' : n.unit ? `number of ${n.unit === 'people' ? 'people' : n.unit + 's'}` : 'number');

/** The past form of a verb lemma as one of the sentences writes it ("lasted", "evacuated"), if any. */
function pastFormIn(sentences: string[], lemma: string): string | null {
  const stem = lemma.replace(/[^a-z]/gi, '').replace(/e$/, '');
  if (!stem) return null;
  const re = new RegExp(`\\b(${stem}e?d)\\b`, 'i');
  for (const t of sentences) {
    const m = re.exec(t);
    if (m) return m[1].toLowerCase();
  }
  return null;
}

function quoteWords(t: string): Set<string> {
  // crude stemming is enough to compare two renderings of one statement
  return new Set(
    t.toLowerCase().replace(/[’']/g, "'").split(/[^\p{L}\d'-]+/u)
      .filter((w) => w.length > 2 && !STOP.has(w))
      .map((w) => w.replace(/(ing|ed|es|s|ly)$/, '')),
  );
}

function overlap(a: Set<string>, b: Set<string>): { shared: number; coef: number; aInB: number; bInA: number } {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return { shared, coef: shared / Math.max(1, Math.min(a.size, b.size)), aInB: shared / Math.max(1, a.size), bInA: shared / Math.max(1, b.size) };
}

const normCache = new Map<string, string>();
const normText = (t: string) => {
  let n = normCache.get(t);
  if (n === undefined) {
    if (normCache.size > 50000) normCache.clear();
    normCache.set(t, (n = t.toLowerCase().replace(/[^\p{L}\d]+/gu, ' ').trim()));
  }
  return n;
};

export function crosscheckStory(input: CrosscheckInput, opts: CrosscheckOptions = {}): CrosscheckResult {
  const T = opts.alignThreshold ?? 0.35;
  const articles = input.articles;
  const byId = new Map(articles.map((a) => [a.id, a]));
  const storyYear = yearOf(articles.map((a) => (a.published ?? '').slice(0, 4) + ' ' + a.text.slice(0, 4000)).join(' '));
  const claims: Claim[] = [];
  const pubCount = new Map<string, number>();
  for (const a of articles) if (a.published && /^\d{4}-\d{2}-\d{2}/.test(a.published)) pubCount.set(a.published.slice(0, 10), (pubCount.get(a.published.slice(0, 10)) ?? 0) + 1);
  const storyDate = [...pubCount.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? 1 : -1))[0]?.[0] ?? null;
  // undated articles resolve days against the story's date
  for (const a of articles) claims.push(...extractClaims({ ...a, published: a.published ?? storyDate, family: a.family ?? a.id }, storyYear));
  const order = new Map(articles.map((a, i) => [a.id, i]));
  // Identical sentences (wire copies) are compared once: similarities between distinct texts only.
  const uOf = new Int32Array(claims.length);
  const reps: number[] = [];
  const membersOfU: number[][] = [];
  {
    const seen = new Map<string, number>();
    claims.forEach((c, i) => {
      const k = normText(c.text);
      let u = seen.get(k);
      if (u === undefined) { seen.set(k, (u = reps.length)); reps.push(i); membersOfU.push([]); }
      uOf[i] = u;
      membersOfU[u].push(i);
    });
  }
  const { pairs, idf } = similarities(reps.map((i) => claims[i]));
  const simU = (a: number, b: number) => (a === b ? 1 : (a < b ? pairs.get(a)?.get(b) : pairs.get(b)?.get(a)) ?? 0);
  /** IDF-weighted Dice over core lemmas (no names, titles, numbers): are two sentences about the same thing? */
  const coreSets = reps.map((i) => new Set(claims[i].core));
  const coreW = reps.map((i) => claims[i].core.reduce((w, l) => w + (idf.get(l) ?? 0), 0));
  const coreCache = new Map<number, number>();
  const coreSim = (i: number, j: number) => {
    let a = uOf[i], b = uOf[j];
    if (a === b) return 1;
    if (a > b) [a, b] = [b, a];
    const key = a * reps.length + b;
    const hit = coreCache.get(key);
    if (hit !== undefined) return hit;
    const [x, y] = coreSets[a].size <= coreSets[b].size ? [coreSets[a], coreSets[b]] : [coreSets[b], coreSets[a]];
    let shared = 0;
    for (const l of x) if (y.has(l)) shared += idf.get(l) ?? 0;
    const w = coreW[a] + coreW[b];
    const r = w ? (2 * shared) / w : 0;
    coreCache.set(key, r);
    return r;
  };
  /** Candidate pairs (claims of different articles and texts sharing a lemma), each once. */
  const candidatePairs = function* (want: (c: Claim) => boolean): Generator<[number, number]> {
    for (const [a, m] of pairs) {
      if (!want(claims[reps[a]])) continue;
      for (const b of m.keys()) {
        if (!want(claims[reps[b]])) continue;
        for (const i of membersOfU[a]) for (const j of membersOfU[b]) if (claims[i].article !== claims[j].article) yield i < j ? [i, j] : [j, i];
      }
    }
  };

  // ---------------------------------------------------------------- facts
  // Constrained average-linkage clustering: identical sentences start as one fact; then pairs of
  // texts in order of similarity; a fact holds at most one claim per article, and facts merge only
  // if close on average (no chaining of loosely related sentences through a long one).
  const factIdx = new Int32Array(claims.length).fill(-1);
  const members: number[][] = [];
  for (const ms of membersOfU) {
    // an article repeating a sentence keeps the repeat apart
    const chunks: number[][] = [];
    for (const i of ms) {
      const c = chunks.find((ch) => !ch.some((x) => claims[x].article === claims[i].article));
      if (c) c.push(i);
      else chunks.push([i]);
    }
    for (const ch of chunks) {
      for (const i of ch) factIdx[i] = members.length;
      members.push(ch);
    }
  }
  const edges: [number, number, number][] = [];
  for (const [a, m] of pairs) for (const [b, sim] of m) if (sim >= T) edges.push([reps[a], reps[b], sim]);
  edges.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  const avg = (xs: number[], ys: number[]) => {
    // by distinct text: identical members share one similarity
    const cx = new Map<number, number>(), cy = new Map<number, number>();
    for (const x of xs) cx.set(uOf[x], (cx.get(uOf[x]) ?? 0) + 1);
    for (const y of ys) cy.set(uOf[y], (cy.get(uOf[y]) ?? 0) + 1);
    let sum = 0;
    for (const [a, na] of cx) for (const [b, nb] of cy) sum += simU(a, b) * na * nb;
    return sum / (xs.length * ys.length);
  };
  for (const [i, j] of edges) {
    const fi = factIdx[i], fj = factIdx[j];
    if (fi === fj) continue;
    const A = members[fi], B = members[fj];
    const aa = new Set(A.map((x) => claims[x].article));
    if (B.some((x) => aa.has(claims[x].article))) continue;
    if (avg(A, B) < T * 0.75) continue;
    const [keep, drop] = A.length >= B.length ? [fi, fj] : [fj, fi];
    for (const x of members[drop]) factIdx[x] = keep;
    members[keep].push(...members[drop]);
    members[drop] = [];
  }
  const groups: number[][] = members.filter((m) => m.length);
  const factOfClaim = new Map<string, Fact>();
  const facts: Fact[] = [];
  let factN = 0;
  for (const idxs of groups) {
    const cs = idxs.map((i) => claims[i]);
    const sources = uniq(cs.map((c) => c.article)).sort((a, b) => order.get(a)! - order.get(b)!);
    const families = uniq(cs.map((c) => c.family));
    const wmap = new Map<string, { text: string; sources: string[] }>();
    for (const c of cs) {
      const k = normText(c.text);
      let w = wmap.get(k);
      if (!w) wmap.set(k, (w = { text: c.text, sources: [] }));
      if (!w.sources.includes(c.article)) w.sources.push(c.article);
    }
    // representative wording: from an original source, the wording most sources share, then the lead-most
    const rank = (c: Claim) => {
      const k = byId.get(c.article)?.kind;
      const dangling = /^(he|she|they|it|this|these|but|however)\b|^[“"]/i.test(c.text) ? 500 : 0;
      // the rest of a quote cut from its start reads worst, even from the original source
      const cut = c.continuesQuote ? 5000 : 0;
      return (k === 'original' || !k ? 0 : k === 'rewrite' ? 2 : 1) * 1000 + dangling + cut - (wmap.get(normText(c.text))!.sources.length * 10) + Math.min(c.n, 9);
    };
    let rep = cs[0], best = Infinity;
    for (const c of cs) { const r = rank(c); if (r < best) { best = r; rep = c; } }
    const f: Fact = {
      id: `f${++factN}`,
      text: rep.text,
      sources,
      independentSources: families.length,
      families,
      wordings: [...wmap.values()],
      claims: cs.map((c) => c.id),
      position: Math.min(...cs.map((c) => c.n)),
      attributed: cs.some((c) => c.attribution !== null),
    };
    // the rest of a quotation opened in an earlier sentence is not a statement of its own: it is
    // listed with its quote (who said what), not as a fact cut from its start
    if (!cs.every((c) => c.continuesQuote)) facts.push(f);
    for (const c of cs) factOfClaim.set(c.id, f);
  }
  const claimIndex = new Map(claims.map((c, i) => [c.id, i]));
  const sameFact = (a: Claim, b: Claim) => factOfClaim.get(a.id) === factOfClaim.get(b.id);

  // ---------------------------------------------------------------- conflicts
  const conflicts: Conflict[] = [];
  const conflictedClaims = new Set<string>();

  // numbers: same unit and governing verb, related sentences, values the hedges cannot reconcile
  {
    type Item = { c: number; n: NumberSlot };
    const byKey = new Map<string, Item[]>();
    claims.forEach((c, ci) => {
      for (const n of c.numbers) {
        if (!n.unit && !n.verb) continue;
        const k = n.unit ? `${n.unit}` : `?|${n.verb}`;
        let l = byKey.get(k);
        if (!l) byKey.set(k, (l = []));
        l.push({ c: ci, n });
      }
    });
    for (const items of byKey.values()) {
      if (items.length < 2) continue;
      const nuf = new UnionFind(items.length);
      const bad: [number, number][] = [];
      for (let x = 0; x < items.length; x++) {
        for (let y = x + 1; y < items.length; y++) {
          const A = claims[items[x].c], B = claims[items[y].c];
          if (A.article === B.article) continue;
          if (uOf[items[x].c] === uOf[items[y].c] && items[x].n.at === items[y].n.at) { nuf.union(x, y); continue; }
          const nx = items[x].n, ny = items[y].n;
          const cs = coreSim(items[x].c, items[y].c);
          const sameVerb = nx.verb === ny.verb, bothVerbs = !!nx.verb && !!ny.verb;
          const related = !nx.unit
            ? sameVerb && cs >= 0.35
            : sameVerb ? sameFact(A, B) || cs >= 0.15 : bothVerbs ? cs >= 0.45 : sameFact(A, B) || cs >= 0.3;
          if (!related) continue;
          nuf.union(x, y);
          if (A.family !== B.family && !numbersCompatible(items[x].n, items[y].n)) bad.push([x, y]);
        }
      }
      const done = new Set<number>();
      for (const [x] of bad) {
        const r = nuf.find(x);
        if (done.has(r)) continue;
        done.add(r);
        const members = items.filter((_, i) => nuf.find(i) === r);
        const vals = valuesFrom(members.map((m) => ({ value: m.n.text, norm: String(m.n.value), claim: claims[m.c] })));
        if (vals.length < 2) continue;
        const n0 = members[0].n;
        // "how long it lasted (hours)", "number of residents evacuated": the verb as the source wrote it
        const verb = n0.verb ? pastFormIn(members.map((m) => claims[m.c].text), n0.verb) : null;
        const about = n0.duration
          ? `how long it ${verb ?? (n0.verb ? `took to ${n0.verb}` : 'took')}, in ${n0.unit}s`
          : `${unitWord(n0)}${verb ? ` ${verb}` : n0.verb ? `, verb: ${n0.verb}` : ''}`;
        conflicts.push({ kind: 'number', about, values: vals });
        for (const m of members) conflictedClaims.add(claims[m.c].id);
      }
    }
  }

  // days: the same event put on days that cannot overlap
  {
    const withDays = claims.map((c, i) => [c, i] as const).filter(([c]) => c.days.length);
    const pos = new Map(withDays.map(([, i], k) => [i, k]));
    const duf = new UnionFind(withDays.length);
    const badRoots: [number, number][] = [];
    for (const [ai, bi] of candidatePairs((c) => c.days.length > 0)) {
      const A = claims[ai], B = claims[bi];
      const x = pos.get(ai)!, y = pos.get(bi)!;
      const cs = coreSim(ai, bi);
      const sameEvent = A.days.some((d) => d.event && B.days.some((e) => e.event === d.event));
      if (!((sameFact(A, B) && cs >= 0.2) || cs >= 0.3 || (sameEvent && cs >= 0.15))) continue;
      const ok = A.days.some((d) => B.days.some((e) => daysCompatible(d, e)));
      duf.union(x, y);
      if (!ok && A.family !== B.family) badRoots.push([x, y]);
    }
    const done = new Set<number>();
    for (const [x] of badRoots) {
      const r = duf.find(x);
      if (done.has(r)) continue;
      done.add(r);
      const inBad = new Set(badRoots.flat());
      const members = withDays.filter((_, i) => duf.find(i) === r && inBad.has(i));
      const vals = valuesFrom(members.map(([c]) => ({ value: c.days.map((d) => d.text).join(', '), norm: c.days.map((d) => d.date ?? d.text.toLowerCase()).join(','), claim: c })));
      if (vals.length < 2) continue;
      conflicts.push({ kind: 'date', about: `when: ${members[0][0].text.slice(0, 60)}${members[0][0].text.length > 60 ? '…' : ''}`, values: vals });
      for (const [c] of members) conflictedClaims.add(c.id);
    }
  }

  // roles: one person, titles that cannot both hold
  const people = new Map<string, StoryPerson & { slots: { role: Claim['roles'][number]; claim: Claim }[] }>();
  for (const c of claims) {
    for (const r of c.roles) {
      let p = people.get(r.person);
      if (!p) people.set(r.person, (p = { name: r.name, key: r.person, roles: [], sources: [], slots: [] }));
      if (r.name.split(/\s+/).length > p.name.split(/\s+/).length) p.name = r.name;
      p.slots.push({ role: r, claim: c });
      if (!p.sources.includes(c.article)) p.sources.push(c.article);
      let rr = p.roles.find((x) => x.text.toLowerCase() === r.role.toLowerCase());
      if (!rr) p.roles.push((rr = { text: r.role, sources: [] }));
      if (!rr.sources.includes(c.article)) rr.sources.push(c.article);
    }
  }
  for (const p of people.values()) {
    const s = p.slots;
    let clash = false;
    for (let x = 0; x < s.length && !clash; x++) for (let y = x + 1; y < s.length; y++) if (s[x].claim.family !== s[y].claim.family && rolesConflict(s[x].role, s[y].role)) { clash = true; break; }
    if (!clash) continue;
    const heads = new Set<string>();
    for (let x = 0; x < s.length; x++) for (let y = x + 1; y < s.length; y++) if (rolesConflict(s[x].role, s[y].role)) heads.add(s[x].role.head);
    const members = s.filter((m) => heads.has(m.role.head));
    const vals = valuesFrom(members.map((m) => ({ value: m.role.role, norm: `${m.role.head}|${m.role.status.join()}|${m.role.domains.join()}`, claim: m.claim })));
    // show the plainest wording of each value
    conflicts.push({ kind: 'role', about: `role of ${p.name}`, values: vals });
    // only the sentences with a minority title are in doubt, not every mention of the person
    const top = Math.max(...vals.map((v) => v.sources.length));
    for (const m of members) if ((vals.find((v) => v.sentences.some((x) => x.source === m.claim.article && x.start === m.claim.start))?.sources.length ?? top) < top) conflictedClaims.add(m.claim.id);
  }

  // quotes: one statement, several wordings or several speakers
  const quotes: StoryQuoteX[] = [];
  {
    type Q = { claim: Claim; text: string; speaker: string | null; speakerText: string | null; kind: 'direct' | 'partial' | 'reported'; words: Set<string> };
    const qs: Q[] = [];
    const qw = new Map<string, Set<string>>();
    const wordsOf = (t: string) => { let w = qw.get(t); if (!w) qw.set(t, (w = quoteWords(t))); return w; };
    for (const c of claims) for (const q of c.quotes) qs.push({ claim: c, text: q.text, speaker: q.speaker, speakerText: q.speakerText, kind: q.kind, words: wordsOf(q.text) });
    const quf = new UnionFind(qs.length);
    for (let x = 0; x < qs.length; x++) {
      for (let y = x + 1; y < qs.length; y++) {
        const a = qs[x], b = qs[y];
        if (a.claim.article === b.claim.article) continue;
        if (a.text === b.text && a.speaker === b.speaker) { quf.union(x, y); continue; }
        const o = overlap(a.words, b.words);
        const sameSpeaker = a.speaker && a.speaker === b.speaker;
        if ((sameSpeaker && o.shared >= 3 && o.coef >= 0.4) || (o.shared >= 2 && o.coef >= 0.75) || (sameSpeaker && normText(a.text) === normText(b.text))) quf.union(x, y);
      }
    }
    const qgroups = new Map<number, Q[]>();
    qs.forEach((q, i) => {
      const r = quf.find(i);
      let g = qgroups.get(r);
      if (!g) qgroups.set(r, (g = []));
      g.push(q);
    });
    const personName = (k: string | null) => (k && people.get(k)?.name) || null;
    for (const g of qgroups.values()) {
      const speakers = uniq(g.map((q) => q.speaker).filter((x): x is string => !!x));
      const named = speakers.filter((k) => people.has(k));
      const variants: { text: string; sources: string[]; words: Set<string>; claim: Claim }[] = [];
      for (const q of g) {
        let v = variants.find((x) => normText(x.text) === normText(q.text));
        if (!v) variants.push((v = { text: q.text, sources: [], words: q.words, claim: q.claim }));
        if (!v.sources.includes(q.claim.article)) v.sources.push(q.claim.article);
      }
      // wording differs when two sources' renderings are not one inside the other (a partial quote)
      let differs = false;
      for (let x = 0; x < variants.length && !differs; x++) {
        for (let y = x + 1; y < variants.length; y++) {
          const a = variants[x], b = variants[y];
          if (a.sources.every((s) => b.sources.includes(s))) continue;
          const o = overlap(a.words, b.words);
          const na = normText(a.text), nb = normText(b.text);
          const shorter = Math.min(a.words.size, b.words.size) <= Math.max(3, 0.6 * Math.max(a.words.size, b.words.size));
          if (na.includes(nb) || nb.includes(na) || (shorter && (o.aInB >= 0.8 || o.bInA >= 0.8))) continue;
          differs = true;
          break;
        }
      }
      const best = [...variants].sort((a, b) => b.sources.length - a.sources.length || b.text.length - a.text.length)[0];
      const speakerKey = named[0] ?? speakers[0] ?? null;
      const kind = g.some((q) => q.kind === 'direct') ? 'direct' : g[0].kind;
      quotes.push({
        speaker: personName(speakerKey) ?? g.find((q) => q.speakerText && q.speaker === speakerKey)?.speakerText ?? speakerKey,
        text: best.text,
        kind,
        sources: uniq(g.map((q) => q.claim.article)),
        variants: variants.map((v) => ({ text: v.text, sources: v.sources })),
        wordingDiffers: differs,
      });
      if (differs && kind === 'direct' && variants.length > 1) {
        conflicts.push({
          kind: 'quote',
          about: `words of ${personName(speakerKey) ?? speakerKey ?? 'an unnamed speaker'}`,
          values: variants.filter((v) => !variants.some((w) => w !== v && v.words.size < w.words.size && v.words.size <= Math.max(3, 0.6 * w.words.size) && overlap(v.words, w.words).aInB >= 0.8)).map((v) => ({ value: v.text, text: v.claim.text, sources: v.sources, sentences: g.filter((q) => normText(q.text) === normText(v.text)).map((q) => sentenceOf(q.claim)) })),
        });
      }
      if (named.length > 1) {
        const vals = valuesFrom(g.filter((q) => q.speaker && people.has(q.speaker)).map((q) => ({ value: personName(q.speaker) ?? q.speaker!, norm: q.speaker!, claim: q.claim })));
        if (vals.length > 1) conflicts.push({ kind: 'quote', about: `who said “${best.text.slice(0, 60)}${best.text.length > 60 ? '…' : ''}”`, values: vals });
      }
    }
  }

  // participants: the same event (one fact) with named people each source lists and the other
  // does not ("Osei and Harms voted against" vs "Osei and Bakker voted against"). A longer list
  // is only more detail; both sides must name someone the other leaves out.
  {
    const PARTICIPATE = /\b(attend\w*|join\w*|took part|take part|taking part|present|participat\w*|accompan\w*|voted (?:against|for)|met with|delegation|included?|led by)\b/i;
    const listText = new Map<number, string>();
    const nameList = (c: Claim): Set<string> | null => {
      // names joined in a list: "A, B and C" / "A and B" (full names or surnames)
      const m = /((?:[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+)?)(?:\s*,\s*[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+)?)*\s*,?\s+and\s+[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+)?)/u.exec(c.text);
      if (!m || !PARTICIPATE.test(c.text)) return null;
      const keys = m[1].split(/\s*,\s*|\s+and\s+/).map((n) => n.trim()).filter(Boolean).map(personKey);
      if (keys.length < 2 || !keys.every((k) => people.has(k) || knownNames.has(k))) return null;
      listText.set(claimIndex.get(c.id)!, m[1]);
      return new Set(keys);
    };
    const knownNames = new Set<string>();
    for (const c of claims) for (const q of c.quotes) if (q.speaker) knownNames.add(q.speaker);
    for (const c of claims) for (const m of c.text.matchAll(/\b[A-Z][\p{L}'’-]+\s+([A-Z][\p{L}'’-]+)\b/gu)) if (/^[A-Z][a-z]/.test(m[0])) knownNames.add(personKey(m[1]));
    const lists = new Map<number, Set<string>>();
    claims.forEach((c, i) => { const l = nameList(c); if (l) lists.set(i, l); });
    const seenPair = new Set<string>();
    for (const [i, A] of lists) {
      for (const [j, B] of lists) {
        if (j <= i) continue;
        const a = claims[i], b = claims[j];
        if (a.family === b.family || !sameFact(a, b) || coreSim(i, j) < 0.3) continue;
        const onlyA = [...A].filter((k) => !B.has(k)), onlyB = [...B].filter((k) => !A.has(k));
        if (!onlyA.length || !onlyB.length) continue;
        const key = [...A].sort().join() + '|' + [...B].sort().join();
        if (seenPair.has(key)) continue;
        seenPair.add(key);
        const group = [...lists.entries()].filter(([x, L]) => sameFact(claims[x], a) && ([...L].sort().join() === [...A].sort().join() || [...L].sort().join() === [...B].sort().join()));
        const vals = valuesFrom(group.map(([x, L]) => ({ value: listText.get(x) ?? [...L].join(', '), norm: [...L].sort().join(), claim: claims[x] })));
        if (vals.length < 2) continue;
        conflicts.push({ kind: 'participants', about: `who took part: ${a.text.slice(0, 60)}${a.text.length > 60 ? '…' : ''}`, values: vals });
        for (const [x] of group) conflictedClaims.add(claims[x].id);
      }
    }
  }

  // places: the same event in places no source ever mentions together
  {
    // places named together in one article are related (a street in a town, a venue in a city)
    const lowTexts = articles.map((a) => a.text.toLowerCase());
    const inArticles = new Map<string, Set<number>>();
    const articlesWith = (place: string) => {
      let s = inArticles.get(place);
      if (!s) {
        s = new Set();
        lowTexts.forEach((t, k) => { if (t.includes(place)) s!.add(k); });
        inArticles.set(place, s);
      }
      return s;
    };
    const together = (a: string, b: string) => { const A = articlesWith(a), B = articlesWith(b); for (const k of A) if (B.has(k)) return true; return false; };
    const withPlaces = claims.map((c, i) => [c, i] as const).filter(([c]) => c.places.length);
    const pos = new Map(withPlaces.map(([, i], k) => [i, k]));
    const puf = new UnionFind(withPlaces.length);
    const bad: number[] = [];
    const badPlace = new Map<number, Set<string>>();
    const mark = (i: number, place: string) => { let m = badPlace.get(i); if (!m) badPlace.set(i, (m = new Set())); m.add(place); };
    for (const [ai, bi] of candidatePairs((c) => c.places.length > 0)) {
      const A = claims[ai], B = claims[bi];
      if (A.family === B.family) continue;
      const x = pos.get(ai)!, y = pos.get(bi)!;
      const cs = coreSim(ai, bi);
      const sameKey = A.places.some((p) => p.key && B.places.some((q) => q.key === p.key));
      if (!((sameFact(A, B) && cs >= 0.15) || cs >= 0.3 || (sameKey && cs >= 0.15))) continue;
      for (const p of A.places) for (const q of B.places) {
        if (p.prep !== q.prep) continue;
        const a = p.place.toLowerCase(), b = q.place.toLowerCase();
        if (a.includes(b) || b.includes(a) || together(a, b)) continue;
        puf.union(x, y);
        bad.push(x);
        mark(x, p.place);
        mark(y, q.place);
      }
    }
    const done = new Set<number>();
    for (const x of bad) {
      const r = puf.find(x);
      if (done.has(r)) continue;
      done.add(r);
      const members = withPlaces.filter((_, i) => puf.find(i) === r && badPlace.has(i));
      const vals = valuesFrom(members.map(([c], k) => { const ps = [...badPlace.get(withPlaces.indexOf(members[k]))!]; return { value: ps.join(', '), norm: ps.join(',').toLowerCase(), claim: c }; }));
      if (vals.length < 2) continue;
      conflicts.push({ kind: 'place', about: `where: ${members[0][0].text.slice(0, 60)}${members[0][0].text.length > 60 ? '…' : ''}`, values: vals });
      for (const [c] of members) conflictedClaims.add(c.id);
    }
  }
  for (const f of facts) if (f.claims.some((c) => conflictedClaims.has(c))) f.conflicted = true;

  // ---------------------------------------------------------------- single-source, unattributed
  const familyCount = uniq(articles.map((a) => a.family ?? a.id)).length;
  const words = (t: string) => t.split(/\s+/).length;
  const factSort = (a: Fact, b: Fact) => order.get(a.sources[0])! - order.get(b.sources[0])! || a.position - b.position;
  const single = facts.filter((f) => f.independentSources === 1 && words(f.text) >= 6).sort(factSort);
  const singleSource: ListedClaim[] = single.map((f) => ({ text: f.text, sources: f.sources }));
  const CHECKABLE = /\b(most|largest|worst|deadliest|first|biggest|highest|lowest|record|never|always|all|every|only)\b/i;
  const unattributed: ListedClaim[] = single
    .filter((f) => !f.attributed && f.claims.some((id) => { const c = claims[claimIndex.get(id)!]; return c.numbers.length > 0 || c.days.length > 0 || CHECKABLE.test(c.text); }))
    .map((f) => ({ text: f.text, sources: f.sources }));

  // ---------------------------------------------------------------- summary
  const min = opts.summaryMin ?? 5, max = opts.summaryMax ?? 10;
  // ... and quantifiers standing for people named before ("Most spent the night at ...")
  const DANGLING = /^(?:(?:he|she|they|it|this|these|those|that|but|however|meanwhile|also|and|so|yet|still|such|his|her|their|its)\b|(?:most|many|some|others|several|few|both|all)\s+(?:of them\b|(?:were|was|are|had|have|said|spent|stayed|left|fled|returned)\b|[a-z]+ed\b))/i;
  const eligible = (f: Fact) => {
    const w = words(f.text);
    return !f.conflicted && w >= 7 && w <= 45 && !DANGLING.test(f.text) && !/\?$/.test(f.text) && !/^[“"]/.test(f.text);
  };
  const score = (f: Fact) => f.independentSources * 10 + f.sources.length + Math.max(0, 4 - f.position);
  const ranked = facts.filter(eligible).sort((a, b) => score(b) - score(a) || a.position - b.position);
  const chosen: Fact[] = [];
  const lemmaSets = new Map<Fact, Set<string>>();
  const lemmasOf = (f: Fact) => {
    let l = lemmaSets.get(f);
    if (!l) lemmaSets.set(f, (l = new Set(uniq(f.claims.map((id) => uOf[claimIndex.get(id)!])).flatMap((u) => claims[reps[u]].lemmas))));
    return l;
  };
  for (const f of ranked) {
    if (chosen.length >= max) break;
    if (f.independentSources < 2 && chosen.length >= min && familyCount > 1) break;
    const lf = lemmasOf(f);
    if (chosen.some((g) => { const lg = lemmasOf(g); let s = 0; for (const x of lf) if (lg.has(x)) s++; return s / Math.max(1, Math.min(lf.size, lg.size)) >= 0.6; })) continue;
    if (chosen.some((g) => sameEvent(f.text, g.text))) continue;
    chosen.push(f);
  }
  // read in story order: by first source's order, then position
  chosen.sort((a, b) => a.position - b.position || order.get(a.sources[0])! - order.get(b.sources[0])!);
  const summary: ListedClaim[] = chosen.map((f) => ({ text: f.text, sources: f.sources }));

  // ---------------------------------------------------------------- per-source report
  const sources: SourceReport[] = articles.map((a) => {
    const fam = a.family ?? a.id;
    const alone = familyCount > 1 ? facts.filter((f) => f.independentSources === 1 && f.families[0] === fam && f.sources.includes(a.id) && words(f.text) >= 6).sort((x, y) => x.position - y.position).slice(0, 3) : [];
    const others = familyCount - 1;
    const leavesOut = others >= 2
      ? facts.filter((f) => !f.families.includes(fam) && f.independentSources >= 2 && f.independentSources > others / 2).sort((x, y) => y.independentSources - x.independentSources || x.position - y.position).slice(0, 3)
      : [];
    return { id: a.id, family: fam, alone: alone.map((f) => ({ text: f.text, sources: f.sources })), leavesOut: leavesOut.map((f) => ({ text: f.text, sources: f.sources })) };
  });

  const peopleOut: StoryPerson[] = [...people.values()].map(({ slots: _s, ...p }) => p).sort((a, b) => b.sources.length - a.sources.length || a.name.localeCompare(b.name));
  const corroborated = facts.filter((f) => f.sources.length >= 2).sort((a, b) => b.independentSources - a.independentSources || b.sources.length - a.sources.length || a.position - b.position);
  return { claims, facts: corroborated, conflicts, singleSource, unattributed, summary, people: peopleOut, quotes, sources, families: familyCount };
}

// ------------------------------------------------------------------ summary redundancy
/**
 * What a sentence predicates: (verb lemma, head noun of the phrase that follows it) for every
 * content verb, e.g. "met a senior US delegation" -> meet:delegation and meet:us ("met with U.S.
 * envoys" gives meet:us too), and the names it mentions. Reporting verbs and auxiliaries are
 * skipped, so "Putin stated that ... will pursue its military goals" gives pursue:goal. Two
 * different facts of one story share names all the time; they rarely share a predication too.
 */
export function predications(text: string): { preds: Set<string>; names: Set<string> } {
  const toks = analyse(text).flatMap((s) => s.tokens);
  const preds = new Set<string>();
  const names = new Set<string>();
  const generic = (w: string) => TITLE_HEADS.has(w) || MONTHS.includes(w) || WEEKDAYS.includes(w) || w === 'late' || w === 'early';
  for (const t of toks) if (t.pos === 'PROPN' && !generic(t.lower)) names.add(t.lower.replace(/\./g, ''));
  for (let i = 0; i < toks.length; i++) {
    const v = toks[i];
    if (v.pos !== 'VERB' || AUX.has(v.lemma) || REPORT_VERBS.has(v.lemma)) continue;
    // The first noun phrase within a few words, before any other verb: its first proper noun and its head.
    for (let j = i + 1; j < Math.min(toks.length, i + 7); j++) {
      const t = toks[j];
      if (t.pos === 'VERB' || (t.pos === 'PUNCT' && t.text !== '-')) break;
      if (t.pos === 'PROPN' && !generic(t.lower)) preds.add(`${v.lemma}:${t.lower.replace(/\./g, '')}`);
      if (t.pos === 'NOUN' || t.pos === 'PROPN') {
        let k = j;
        while (k + 1 < toks.length && (toks[k + 1].pos === 'NOUN' || toks[k + 1].pos === 'PROPN')) k++;
        preds.add(`${v.lemma}:${toks[k].lemma}`);
        break;
      }
    }
  }
  return { preds, names };
}

/** Two summary candidates tell one event when they share a predication and an actor's name. */
export function sameEvent(a: string, b: string): boolean {
  const x = predications(a);
  const y = predications(b);
  const sharedPred = [...x.preds].some((p) => y.preds.has(p));
  const sharedName = [...x.names].some((n) => y.names.has(n));
  return sharedPred && sharedName;
}
