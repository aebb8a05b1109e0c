/**
 * Story-level merge: entity variants across articles (transliterations, abbreviations), quotes
 * (one statement quoted by several sources, with its wordings), and the timeline.
 */
import type { Article } from '../types.js';
import type { ArticleExtraction, EntityType, StoryEntity, StoryExtraction, StoryQuote, TimelineEntry } from './types.js';
import { KNOWN_ORGS, placeKey, SOURCE_HEADS } from './gazetteer.js';
import { similarNames, translit } from './similar.js';

interface Item {
  article: Article;
  extraction: ArticleExtraction;
}

interface SE {
  id: string;
  type: EntityType;
  names: Map<string, Set<string>>;
  roles: Map<string, Set<string>>;
  sources: Set<string>;
  key: string | null;
  first: string[];
  last: string;
  weight: number;
}

const STOP = new Set(
  'a an the of and or but in on at to for from with by as than that which who whom is are was were be been being has have had will would can could may might must shall should it its this these those there their they them he she his her we our you your i my not no so if then also just only very more most such into over after before about between during while said says told'.split(' '),
);

export function contentWords(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/)) {
    if (w.length < 2 || STOP.has(w)) continue;
    out.add(w.length > 4 ? w.replace(/(?:ing|ed|es|s)$/, '') : w);
  }
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / Math.min(a.size, b.size);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 1;
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / (a.size + b.size - n);
}

function entityKey(type: EntityType, name: string): string | null {
  const low = name.toLowerCase().replace(/\./g, '');
  if (type === 'place') return placeKey(name);
  if (type === 'organization') {
    const k = KNOWN_ORGS.get(low);
    return k ? `org:${k.toLowerCase()}` : `org:${translit(name)}`;
  }
  if (type === 'other') return `other:${translit(name)}`;
  return null;
}

export function mergeExtractions(items: Item[]): StoryExtraction {
  const ses: SE[] = [];
  const idMap = new Map<string, SE>(); // `${articleId}/${entityId}` -> story entity
  // people named in full first, so that surnames attach to them
  const all = items.flatMap(({ article, extraction }) => extraction.entities.map((e) => ({ art: article.id, e })));
  all.sort((x, y) => y.e.name.split(/\s+/).length - x.e.name.split(/\s+/).length || y.e.mentions - x.e.mentions);
  for (const { art, e } of all) {
    let target: SE | undefined;
    const key = entityKey(e.type, e.name);
    if (e.type === 'person') {
      const toks = e.name.split(/\s+/);
      const last = toks[toks.length - 1];
      const first = toks.slice(0, -1);
      const cands = ses.filter((s) => s.type === 'person' && (s.last === last || similarNames(s.last, last)) && firstOk(s.first, first));
      // a lone surname shared by several people: the one mentioned most
      target = cands.sort((x, y) => sameFirst(y.first, first) - sameFirst(x.first, first) || y.weight - x.weight)[0];
      if (!target) {
        target = { id: `s${ses.length + 1}`, type: 'person', names: new Map(), roles: new Map(), sources: new Set(), key: null, first, last, weight: 0 };
        ses.push(target);
      } else if (first.length > target.first.length) target.first = first;
    } else {
      target = ses.find((s) => s.type === e.type && ((key && s.key === key) || [...s.names.keys()].some((n) => n === e.name || (e.type === 'place' && !n.includes(' ') && !e.name.includes(' ') && similarNames(n, e.name)))));
      if (!target) {
        target = { id: `s${ses.length + 1}`, type: e.type, names: new Map(), roles: new Map(), sources: new Set(), key, first: [], last: '', weight: 0 };
        ses.push(target);
      }
    }
    for (const v of e.variants.length ? e.variants : [e.name]) {
      if (!target.names.has(v)) target.names.set(v, new Set());
      target.names.get(v)!.add(art);
    }
    for (const r of e.roles) {
      if (!target.roles.has(r.text)) target.roles.set(r.text, new Set());
      target.roles.get(r.text)!.add(art);
    }
    target.sources.add(art);
    target.weight += e.mentions;
    idMap.set(`${art}/${e.id}`, target);
  }
  const entities: StoryEntity[] = ses
    .sort((x, y) => y.sources.size - x.sources.size || y.weight - x.weight)
    .map((s, i) => {
      s.id = `s${i + 1}`;
      const names = [...s.names.entries()];
      // canonical: the longest name, most sources first
      names.sort((x, y) => y[0].split(' ').length - x[0].split(' ').length || y[1].size - x[1].size || y[0].length - x[0].length);
      return {
        id: s.id,
        name: names[0][0],
        type: s.type,
        variants: names.map(([text, src]) => ({ text, sources: [...src] })),
        roles: [...s.roles.entries()].map(([text, src]) => ({ text, sources: [...src] })),
        sources: [...s.sources],
      };
    });

  // ------------------------------------------------------------------ quotes
  // quoted words (direct / partial) and reported statements are grouped apart: a paraphrase is not a wording
  interface QG { speaker: SE | null; speakerText: string | null; attributions: Map<string, number>; quoted: boolean; variants: Map<string, { sources: Set<string>; quoted: boolean; words: Set<string> }>; kinds: Map<string, number> }
  const normQ = (s: string) => s.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
  /**
   * Same statement: compared with each wording already in the group (not with the union of their
   * words, which grows with every member and would pull in any short quote sharing a word or two).
   * One speaker: the same words, or at least three shared content words that make up half of the
   * shorter wording (or a Jaccard of 0.3), two that make up 80% of it, or six that make up a third
   * of it (a long statement retold in other words). No speaker known: 80% of
   * the shorter wording and at least two words.
   */
  const sameStatement = (g: QG, sp: SE | null, text: string, words: Set<string>): boolean => {
    const spoken = !!(g.speaker && sp);
    if (spoken && g.speaker !== sp) return false;
    for (const [vt, v] of g.variants) {
      if (spoken && normQ(vt) === normQ(text)) return true;
      const shared = [...words].filter((w) => v.words.has(w)).length;
      const sim = overlap(v.words, words);
      if (spoken ? (shared >= 3 && (sim >= 0.5 || jaccard(v.words, words) >= 0.3)) || (shared >= 2 && sim >= 0.8) || (shared >= 6 && sim >= 0.35) : sim >= 0.8 && shared >= 2) return true;
    }
    return false;
  };
  const groups: QG[] = [];
  for (const { article, extraction } of items) {
    // A partial quote inside a longer quote or reported statement of the same speaker in the same
    // article ("stupid" within what Trump said) is part of that statement, not another one.
    const inArticle = extraction.quotes.map((q) => ({ q, n: normQ(q.text) }));
    const contained = (i: number) =>
      inArticle[i].q.kind === 'partial' &&
      inArticle[i].q.speaker !== null &&
      inArticle.some((o, j) => j !== i && o.q.speaker === inArticle[i].q.speaker && o.n.length > inArticle[i].n.length && o.n.includes(inArticle[i].n));
    for (let qi = 0; qi < extraction.quotes.length; qi++) {
      const q = extraction.quotes[qi];
      if (contained(qi)) continue;
      const sp = q.speaker ? idMap.get(`${article.id}/${q.speaker}`) ?? null : null;
      const words = contentWords(q.text);
      const quoted = q.kind !== 'reported';
      let g = groups.find((x) => x.quoted === quoted && sameStatement(x, sp, q.text, words));
      if (!g) {
        g = { speaker: sp, speakerText: q.speakerText, attributions: new Map(), quoted, variants: new Map(), kinds: new Map() };
        groups.push(g);
      }
      if (!g.speaker && sp) g.speaker = sp;
      const src = sp ? null : unnamedSource(q.speakerText, q.cue);
      if (src) g.attributions.set(src, (g.attributions.get(src) ?? 0) + 1);
      const norm = q.text.trim();
      if (!g.variants.has(norm)) g.variants.set(norm, { sources: new Set(), quoted, words });
      g.variants.get(norm)!.sources.add(article.id);
      g.kinds.set(q.kind, (g.kinds.get(q.kind) ?? 0) + 1);
    }
  }
  const byId = new Map(entities.map((e) => [e.id, e]));
  const quotes: StoryQuote[] = groups.map((g) => {
    const variants = [...g.variants.entries()].map(([text, v]) => ({ text, sources: [...v.sources] }));
    variants.sort((x, y) => y.sources.length - x.sources.length || y.text.length - x.text.length);
    const sources = [...new Set(variants.flatMap((v) => v.sources))];
    const kind = ([...g.kinds.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] ?? (g.quoted ? 'direct' : 'reported')) as StoryQuote['kind'];
    // materially different words: two sources put different quoted words in the speaker's mouth
    const norm = normQ;
    let differs = false;
    if (g.quoted && g.speaker) {
      for (let i = 0; i < variants.length && !differs; i++) for (let j = i + 1; j < variants.length; j++) {
        if (variants[i].sources.every((x) => variants[j].sources.includes(x)) && variants[j].sources.every((x) => variants[i].sources.includes(x))) continue;
        const a = norm(variants[i].text);
        const b = norm(variants[j].text);
        if (a === b || a.includes(b) || b.includes(a)) continue;
        const ca = contentWords(a);
        const cb = contentWords(b);
        // a shorter excerpt of the same words is not a different wording
        if ([...ca].every((w) => cb.has(w)) || [...cb].every((w) => ca.has(w))) continue;
        if (jaccard(ca, cb) < 0.85) differs = true;
      }
    }
    return {
      speaker: g.speaker ? byId.get(g.speaker.id)?.name ?? null : null,
      speakerId: g.speaker?.id ?? null,
      attribution: g.speaker ? null : [...g.attributions.entries()].sort((x, y) => y[1] - x[1] || y[0].length - x[0].length)[0]?.[0] ?? null,
      text: variants[0].text,
      kind,
      sources,
      variants,
      wordingDiffers: differs,
    };
  });
  quotes.sort((x, y) => y.sources.length - x.sources.length);

  return { entities, quotes, timeline: buildTimeline(items) };
}

function firstOk(a: string[], b: string[]): boolean {
  if (!a.length || !b.length) return true;
  const x = a[0].replace(/\.$/, '');
  const y = b[0].replace(/\.$/, '');
  return x === y || similarNames(x, y) || ((x.length === 1 || y.length === 1) && x[0] === y[0]);
}
function sameFirst(a: string[], b: string[]): number {
  return a.length && b.length && a[0] === b[0] ? 1 : 0;
}

// -------------------------------------------------------------------- timeline

interface TE {
  date: string;
  end?: string;
  /** A running period ("since 2019"): other mentions do not fold into it. */
  since?: boolean;
  texts: Map<string, Set<string>>;
  words: Set<string>;
  sources: Set<string>;
}

const MEETING = new Set(['meet', 'meeting', 'summit', 'conference', 'talk', 'talks', 'negotiation', 'negotiations', 'discussion', 'discussions', 'session', 'round']);

const GENERIC = new Set(['day', 'time', 'week', 'month', 'year', 'late', 'early', 'night', 'hour']);

function contains(outer: TE, d: string, e?: string): boolean {
  const lo = outer.date;
  const hi = outer.end ?? outer.date;
  const x = d;
  const y = e ?? d;
  const le = (p: string, q: string) => p.slice(0, Math.min(p.length, q.length)) <= q.slice(0, Math.min(p.length, q.length));
  return le(lo, x) && le(y, hi);
}

export function buildTimeline(items: Item[]): TimelineEntry[] {
  const entries: TE[] = [];
  const raw: { date: string; end?: string; text: string; src: string; words: Set<string>; finest: boolean; key: string; since?: boolean }[] = [];
  // "since 2014": a period that runs up to the article's date (else the story's), not an event of 2014
  const monthOf = (a: Article) => (a.metadata.published ?? a.metadata.dateline?.date ?? '').slice(0, 7);
  const months = new Map<string, number>();
  for (const { article } of items) if (/^\d{4}-\d{2}$/.test(monthOf(article))) months.set(monthOf(article), (months.get(monthOf(article)) ?? 0) + 1);
  const storyMonth = [...months.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]?.[0] ?? '';
  for (const { article, extraction } of items) {
    const asOf = /^\d{4}-\d{2}$/.test(monthOf(article)) ? monthOf(article) : storyMonth;
    for (const t of extraction.times) {
      if (!t.date || !t.event || t.precision === 'part-of-day') continue;
      const since = !t.dateEnd && t.date.length <= 7 && /^since\s/i.test(t.text) && /^\d{4}-\d{2}$/.test(asOf) && asOf.slice(0, t.date.length) > t.date;
      // what the event is about: its own words plus the names in its sentence ("Abu Dhabi", "Kremlin")
      const sent = extraction.sentences[t.sentence]?.text ?? '';
      const words = contentWords(t.event);
      for (const m of sent.slice(1).matchAll(/\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*/g)) for (const w of contentWords(m[0])) words.add(w);
      raw.push({ date: t.date, end: since ? asOf : t.dateEnd && t.dateEnd !== t.date ? t.dateEnd : undefined, text: t.event, src: article.id, words, finest: true, key: `${article.id}/${t.sentence}`, ...(since ? { since } : {}) });
    }
  }
  // words found around most dated events ("Russia", "talks" in a story about Russia's talks) do not tell events apart
  // (counted once per sentence: two dates in one sentence share its words)
  const df = new Map<string, number>();
  const seenSent = new Set<string>();
  for (const r of raw) {
    if (seenSent.has(r.key)) continue;
    seenSent.add(r.key);
    for (const w of r.words) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const common = (w: string) => (df.get(w) ?? 0) > Math.max(2, seenSent.size * 0.3) || GENERIC.has(w);
  const score = (a: Set<string>, b: Set<string>) => {
    let n = 0;
    for (const w of a) if (b.has(w) && !common(w)) n++;
    return n;
  };
  // "summit" / "conference" / "talks" name the same kind of event
  const kindOf = (text: string) => {
    for (const w of contentWords(text)) if (MEETING.has(w)) return 'meeting';
    return null;
  };
  // finer dates and intervals first, so coarser mentions of the same event fold into them
  raw.sort((x, y) => (y.end ? 1 : 0) - (x.end ? 1 : 0) || y.date.length - x.date.length);
  for (const r of raw) {
    let best: TE | undefined;
    let bestScore = 0;
    for (const x of entries) {
      const exact = x.date === r.date && x.end === r.end;
      // a running period ("since 2019") is no event that later mentions narrow down
      const folds = !exact && !r.end && !x.since && (x.end || x.date.length > r.date.length) && contains(x, r.date, r.end);
      if (!exact && !folds) continue;
      const sc = score(x.words, r.words) + (kindOf(r.text) && [...x.texts.keys()].some((t) => kindOf(t) === kindOf(r.text)) ? 1 : 0);
      if (sc < (exact ? 1 : 2)) continue;
      // a finer date for the same event wins over an equally coarse one
      const span = x.end ? (Date.parse(x.end.padEnd(10, '-01').slice(0, 10)) - Date.parse(x.date.padEnd(10, '-01').slice(0, 10))) / 864e5 : 0;
      const rank = sc + (folds ? 0.5 : 0) - Math.min(0.4, Math.max(0, span) / 100); // and the narrowest interval
      if (rank > bestScore) {
        bestScore = rank;
        best = x;
      }
    }
    let e = best;
    if (!e) {
      e = { date: r.date, end: r.end, texts: new Map(), words: new Set(), sources: new Set(), ...(r.since ? { since: true } : {}) };
      entries.push(e);
    }
    if (!e.texts.has(r.text)) e.texts.set(r.text, new Set());
    if (e.date === r.date && e.end === r.end) {
      e.texts.get(r.text)!.add(r.src);
      for (const w of r.words) e.words.add(w);
    }
    e.sources.add(r.src);
  }
  const out = entries.map((e) => {
    // The label: the wording most sources use; between equals, the one sharing most words with the
    // entry's other wordings (what they have in common), then the longest.
    const texts = [...e.texts.entries()].map(([t, src]) => ({ t, src, w: contentWords(t) }));
    const central = (x: (typeof texts)[number]) => texts.reduce((n, y) => (y === x ? n : n + [...x.w].filter((w) => y.w.has(w)).length), 0);
    const text = texts.sort((x, y) => y.src.size - x.src.size || central(y) - central(x) || y.t.length - x.t.length)[0].t;
    const t: TimelineEntry = { date: e.date, text, sources: [...e.sources] };
    if (e.end) t.end = e.end;
    return t;
  });
  out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : (x.end ?? '') < (y.end ?? '') ? -1 : 1));
  return out;
}

/**
 * An unnamed source as written ("Kremlin insiders", "U.S. officials", "the sheriff's office"), or
 * null: the phrase must end in a source noun (SOURCE_HEADS), not open with a pronoun ("his
 * envoys" needs the sentence before it), and come with a speech cue, not a naming one ("a new
 * body called ...").
 */
export function unnamedSource(text: string | null, cue: string | null): string | null {
  if (!text || !cue || /^call/.test(cue)) return null;
  const t = text.trim().replace(/[,;:.]+$/, '');
  const words = t.split(/\s+/);
  if (words.length > 7 || /^(?:his|her|their|its|our|my|your|it|they|this|that|these|those|which|who|we|i|you)$/i.test(words[0])) return null;
  // the head is the last word before a prepositional phrase ("Officials in Odrinsk", "Sources close to the talks")
  const prep = words.findIndex((w, i) => i > 0 && /^(?:in|at|on|near|along|from|close|around|across|inside|outside|with|for|of)$/i.test(w));
  const head = words[(prep > 0 ? prep : words.length) - 1].toLowerCase().replace(/[’']s?$/, '');
  return SOURCE_HEADS.has(head) ? t.replace(/^(?:The|A|An)\s/, (m) => m.toLowerCase()) : null;
}
