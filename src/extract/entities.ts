/**
 * Named entities with roles, and within-article coreference (surnames, pronouns, role phrases).
 *
 * No library we can use offline tags PERSON / ORG / PLACE without model weights (wink's lite
 * model has no named-entity types beyond numbers and dates; compromise's guesses are slow and
 * shaky on foreign names), so this is done by hand over wink's tokens and POS tags: capitalised
 * runs are cut into (role, name) by a title lexicon, typed by gazetteers and keyword lexicons,
 * and linked by surname and normalised spelling.
 */
import type { ArticleEntity, EntityMention, EntityType } from './types.js';
import { firstTokenAt, sentenceAt, type Analysis, type Token } from './nlp.js';
import {
  CUE_VERBS, demonymKey, KNOWN_ORGS, KNOWN_OTHER, ORG_WORDS, OTHER_WORDS, PLACE_WORDS, placeInfo, placeKey, PRONOUNS_PERSON, ROLE_NOUNS, TITLE_MODIFIERS, TITLES,
} from './gazetteer.js';
import { nameSkeleton, similarNames } from './similar.js';

const MONTHS = new Set('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));
const STOP_CAPS = new Set(
  'the a an but and or if so as at in on of for to from by with when while after before since although though however meanwhile this that these those there here it its they we you i he she his her our their my your what who which where why how both all some many most several each every no not also yet still now then late early according separately additionally earlier later last next once despite during under over because until unless whether between among amid against without within across around about into through ukrainian russian western eastern northern southern tonight today yesterday tomorrow none nobody everyone everybody anyone someone something nothing everything whatever instead other others another such only just even'.split(' '),
);
const CONNECT = new Set(['of', 'and', 'for', 'de', 'al', 'bin', 'van', 'von', 'der', 'la', 'le', 'du', 'del', 'da', 'the', '&']);
/** Institutions named with a possessive ("St Brigid's Hospital"). */
const INSTITUTION = new Set(['hospital', 'college', 'church', 'cathedral', 'school', 'institute', 'party', 'park', 'square', 'university', 'academy', 'infirmary']);
/** First words that make a run a place ("Lake Orrin", "Port Halvard"). */
const PLACE_FIRST = new Set(['lake', 'mount', 'mt', 'port', 'cape', 'fort', 'isle', 'glen', 'loch', 'lac', 'rio', 'san', 'santa', 'saint', 'st']);
/** A run right after one of these nouns is an organisation ("group Green Orrin", "rival Brightmill"). */
const ORG_CONTEXT = new Set(['group', 'company', 'firm', 'charity', 'developer', 'retailer', 'club', 'insurer', 'bank', 'newspaper', 'broadcaster', 'rival', 'operator', 'carrier', 'airline', 'chain', 'brand', 'outlet', 'supplier', 'maker', 'manufacturer', 'lender', 'startup', 'publisher', 'party', 'union']);
/** A run right after one of these prepositions is a place ("in Kettwig", "near Oberau"). */
/** Verbs of motion whose "to X" names a destination. */
const MOTION_VERBS = new Set('diverted diverts sent sends moved moves travelled traveled travels flew flies returned returns fled flees evacuated headed heads transferred taken brought shipped sailed drove driven relocated relocates rerouted deported extradited airlifted'.split(' '));
const PLACE_PREP = new Set(['in', 'near', 'at', 'outside', 'across', 'from', 'towards', 'toward', 'around', 'via', 'inside', 'throughout']);
/** "X's army", "X's delegation": X is a country or place. */
const PLACE_POSSESSED = new Set(['presidential', 'parliamentary', 'election', 'elections', 'runoff', 'referendum', 'army', 'government', 'delegation', 'troops', 'forces', 'foreign', 'president', 'capital', 'border', 'borders', 'people', 'economy', 'military', 'parliament', 'leader', 'leaders', 'prime', 'defence', 'defense', 'ministry', 'navy', 'air', 'territory', 'citizens', 'population', 'embassy', 'ambassador', 'negotiators', 'envoy', 'president-elect', 'deputy']);
/** Length of the longest person pronoun: a cheap pre-test before lower-casing every token. */
const PRONOUN_MAX = Math.max(...[...PRONOUNS_PERSON].map((p) => p.length));
/** First letters of the person pronouns, either case (only an ASCII h/H or s/S lower-cases to h or s). */
const PRONOUN_FIRST = new Set([...PRONOUNS_PERSON].flatMap((p) => [p.charCodeAt(0), p.toUpperCase().charCodeAt(0)]));
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof']);

export interface EntityResult {
  entities: ArticleEntity[];
  mentions: EntityMention[];
  /** Entity id -> type, for quick lookups by the quote and time stages. */
  types: Map<string, EntityType>;
}

interface Cand {
  start: number;
  end: number;
  text: string;
  tokens: string[];
  sent: number;
  type: EntityType | null;
  key: string | null;
  role: string | null;
  roles: string[];
  titled: boolean;
  /** Typed from strong evidence (gazetteer, keyword, title, context), not a default guess. */
  strong: boolean;
  /** Only a GeoNames town name matched: yields to a surname of the same spelling. */
  weakPlace: boolean;
  /** First token of the whole run (titles included). */
  ci: number;
  ti: number; // first token index of the name part
  tj: number; // one past the last token index
}

/** Starts with a capital (ASCII or Latin-1 À-Þ). Was two regex tests (a capital first, a letter
 *  somewhere); a first character in those ranges is itself such a letter, so one char-code test says
 *  the same, and it runs several times per token. */
const isCap = (t: string) => {
  const c = t.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde);
};
const isApos = (t: string) => t === '’' || t === "'";
const isPossessive = (t: string) => t === '’s' || t === "'s";
// called several times per token while classifying runs: skip the regex replace when there is no dot
const lowerDot = (t: string) => (t.includes('.') ? t.toLowerCase().replace(/\./g, '') : t.toLowerCase());

/** Inclusive quote ranges (both curly and straight double quotes) in the text. */
export function quoteRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /“[^”“\n]{1,1200}”|"[^"\n]{1,1200}"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

export function extractEntities(a: Analysis, dateline?: string | null): EntityResult {
  const toks = a.tokens;
  // the dateline ("MOSCOW, Jan 23 (Reuters) –") places and credits the article; it is metadata
  const dl = dateline ? a.text.indexOf(dateline) : -1;
  const dlEnd = dl >= 0 && dl < 200 ? dl + dateline!.length : -1;
  const lowerVocab = new Set<string>();
  for (const t of toks) {
    const c = t.text.charCodeAt(0); // /^[a-z]/ without a regex per token
    if (c >= 97 && c <= 122) lowerVocab.add(t.text);
  }
  const quotes = quoteRanges(a.text);
  const inQuote = (at: number) => quotes.some(([s, e]) => at > s && at < e);

  // ---------------------------------------------------------------- 1. capitalised runs
  const cands: Cand[] = [];
  for (let s = 0; s < a.sentences.length; s++) {
    if (a.headline[a.sentences[s].paragraph]) continue;
    const [t0, t1] = a.sentTok[s];
    let i = t0;
    while (i < t1) {
      const t = toks[i];
      if (!startOk(toks, i, t0, lowerVocab)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < t1) {
        const n = toks[j];
        if (n.start !== toks[j - 1].end && toks[j - 1].text === '-') break;
        if (isCap(n.text)) {
          const low = n.text.toLowerCase();
          if (!MONTHS.has(low) && !WEEKDAYS.has(low)) {
            j++;
            continue;
          }
        }
        // double-barrelled names: "Ruiz-Vega" (ASCII hyphen, no spaces)
        if (n.text === '-' && n.start === toks[j - 1].end && j + 1 < t1 && toks[j + 1].start === n.end && isCap(toks[j + 1].text)) {
          j += 2;
          continue;
        }
        // "Ashcombe Magistrates' Court": a plural possessive inside a name
        if (isApos(n.text) && n.start === toks[j - 1].end && /s$/.test(toks[j - 1].text) && j + 1 < t1 && isCap(toks[j + 1].text)) {
          j += 1;
          continue;
        }
        // "St Brigid's Hospital", "King's College": a possessive inside an institution's name
        if (isPossessive(n.text) && j + 1 < t1 && isCap(toks[j + 1].text) && (INSTITUTION.has(toks[j + 1].text.toLowerCase()) || /^(?:st|st\.|saint)$/i.test(toks[i].text))) {
          j += 1;
          continue;
        }
        if (CONNECT.has(n.text) && j + 1 < t1) {
          let k = j + 1;
          if (n.text === 'of' && toks[k]?.text === 'the') k++;
          if (k < t1 && isCap(toks[k].text) && !MONTHS.has(toks[k].text.toLowerCase())) {
            j = k + 1;
            continue;
          }
        }
        break;
      }
      for (const c of splitRun(toks, i, j, a)) if (c.start >= dlEnd) cands.push(c);
      i = j;
      void t;
    }
  }

  // ---------------------------------------------------------------- 2. type each run
  for (const c of cands) classify(c, toks);
  // "Strong winds pushed...": a word opening a sentence before a lower-case noun, found only there,
  // is an adjective that a small place happens to share, not a place
  const initialOnly = (c: Cand) => c.tokens.length === 1 && toks[c.ci - 1]?.sent !== toks[c.ci].sent && !!toks[c.tj] && /^[a-z]/.test(toks[c.tj].text) && toks[c.tj].pos === 'NOUN';
  for (const c of cands) if (c.weakPlace && initialOnly(c) && !cands.some((o) => o !== c && o.text === c.text && !initialOnly(o))) {
    c.type = null;
    c.weakPlace = false;
  }
  // "Ostrava and Velmoria": a name joined to a place is a place; so is one whose people are named
  // ("Velmorian counterpart")
  let words: Set<string> | null = null; // capitalised words of the article, built on first use
  for (const c of cands) {
    if (c.type || c.tokens.length !== 1) continue;
    const before = toks[c.ci - 1];
    const joined = before && /^(?:and|or)$/.test(before.text) && cands.some((o) => o.tj === c.ci - 1 && o.type === 'place');
    const w = c.tokens[0];
    if (!words) {
      words = new Set<string>();
      for (const t of toks) if (isCap(t.text)) words.add(t.text);
    }
    const demonym = [`${w}n`, `${w}an`, `${w}ian`, `${w.replace(/a$/, '')}an`].some((d) => d !== w && words!.has(d));
    // "Tarnlander" for Tarnland, as "Icelander" for Iceland
    const lander = /land$/.test(w) && words.has(`${w}er`);
    if (joined || (demonym && /[aeiou]$/.test(w)) || lander) setType(c, 'place', false);
  }
  // the dateline's place ("CASTEL ROSSO, Aug 15 (...) —", "BRENNICK (AP) —") is a place wherever it is named
  const dlPlace = dateline ? dateline.split(',')[0].replace(/\(.*$/, '').replace(/[\s\-–—:]+$/, '').trim().toLowerCase() : '';
  if (dlPlace) for (const c of cands) if (c.text.toLowerCase() === dlPlace && !c.titled) {
    setType(c, 'place');
    c.roles = [];
  }
  // one surface form, one type: strong evidence anywhere (gazetteer, keyword, title, context) wins
  const strongType = new Map<string, Map<EntityType, number>>();
  for (const c of cands) if (c.type && c.strong) {
    const m = strongType.get(c.text) ?? new Map<EntityType, number>();
    m.set(c.type, (m.get(c.type) ?? 0) + 1);
    strongType.set(c.text, m);
  }
  const surnames = new Set(cands.filter((c) => c.type === 'person' && c.tokens.length > 1).map((c) => c.tokens[c.tokens.length - 1]));
  for (const c of cands) {
    const m = strongType.get(c.text);
    if (!m || (c.strong && c.titled)) continue;
    if (c.tokens.length === 1 && surnames.has(c.text)) continue; // "Trump" after "in Trump's push" stays a person
    // the most frequent type, the first seen among equals (what a stable sort by count gave)
    let best: EntityType | null = null;
    let bestN = -1;
    for (const [t, n] of m) if (n > bestN) {
      best = t;
      bestN = n;
    }
    if (c.type !== best) {
      // a gazetteer place key does not name a firm ("Lumio" the company, not the village)
      if (c.type === 'place' && c.weakPlace) c.key = null;
      c.type = best!;
      c.strong = true;
      if (best !== 'person') c.roles = [];
    }
  }
  // "Lumio Fold" after "Lumio" the company: a product named after its maker, not a person
  const firmWords = new Set(cands.filter((c) => c.type === 'organization' && c.tokens.length === 1).map((c) => c.text));
  for (const c of cands) if (c.type === 'person' && !c.titled && !c.roles.length && c.tokens.length === 2 && firmWords.has(c.tokens[0])) setType(c, 'other');
  const people = cands.filter((c) => c.type === 'person' && c.tokens.length > 1);
  const orgs = cands.filter((c) => c.type === 'organization' && c.tokens.length > 1);
  // words organisations are named after as places ("Marrowby" of "Marrowby Civic Society"), or
  // that begin two different organisations' names ("Ferrow Borough Council", "Ferrow University"):
  // found once per article, not per single-word candidate
  const placeOfOrg = new Set<string>();
  if (orgs.length) {
    const firstOf = new Map<string, string>();
    for (const o of orgs) {
      const f = o.tokens[0];
      if (firstOf.has(f) && firstOf.get(f) !== o.text) placeOfOrg.add(f);
      firstOf.set(f, o.text);
      if (namedAfterPlace(o.tokens, f)) placeOfOrg.add(f);
      const l = o.tokens[o.tokens.length - 1];
      if (namedAfterPlace(o.tokens, l)) placeOfOrg.add(l);
    }
  }
  // word -> is it the surname (or a spelling of it) of a person named in full; a surname recurs
  const surnameAlias = new Map<string, boolean>();
  // single tokens: surname aliases of people named in full, short forms of organisations, else context
  // "Ashby had taken the lead" beside "Ashby Town": in sports copy, a town's name is its club
  const clubOf = new Map<string, Cand>();
  const clubs = orgs.filter((o) => CLUB_SUFFIX.test(o.tokens[o.tokens.length - 1]));
  if (clubs.length && mentionsClub(toks)) for (const o of clubs) clubOf.set(o.tokens[0], o);
  for (const c of cands) {
    if (c.tokens.length === 1 && clubOf.has(c.tokens[0]) && c.type !== 'person' && !PLACE_PREP.has(toks[c.ci - 1]?.text.toLowerCase() ?? '') && toks[c.ci - 1]?.text.toLowerCase() !== 'to') {
      const o = clubOf.get(c.tokens[0])!;
      c.type = 'organization';
      c.key = o.key ?? `organization:${o.text.toLowerCase()}`;
      continue;
    }
    if (c.tokens.length !== 1 || (c.type && c.strong && !c.weakPlace)) continue;
    const word = c.tokens[0];
    if (demonymKey(word)) {
      c.type = null;
      continue;
    }
    let aliasOfPerson = surnameAlias.get(word);
    if (aliasOfPerson === undefined) {
      aliasOfPerson = people.some((p) => p.tokens[p.tokens.length - 1] === word || similarNames(p.tokens[p.tokens.length - 1], word));
      surnameAlias.set(word, aliasOfPerson);
    }
    if (aliasOfPerson) {
      c.type = 'person';
      continue;
    }
    const wlow = word.toLowerCase();
    // "the Journal", "the Courier": the one organisation of the article named with that head word
    if (ORG_WORDS.has(wlow) && toks[c.ti - 1]?.text.toLowerCase() === 'the') {
      const heads = orgs.filter((o) => o.tokens[o.tokens.length - 1] === word);
      if (heads.length && heads.every((o) => o.text === heads[0].text)) {
        c.type = 'organization';
        c.key = heads[0].key ?? `organization:${heads[0].text.toLowerCase()}`;
        continue;
      }
    }
    // "Marrowby" beside "Marrowby Civic Society", "Ferrow" beside "Ferrow Borough Council" and
    // "Ferrow University", "Velbay" beside "Radio Velbay": the place a public body or an outlet is
    // named after, not a short form of it (a firm's short form, "Orvik" for "Orvik Resources", is)
    if (!ORG_WORDS.has(wlow) && placeOfOrg.has(word)) {
      setType(c, 'place', false);
      continue;
    }
    const org = orgs.find((o) => (o.tokens[0] === word || o.tokens[o.tokens.length - 1] === word) && !ORG_WORDS.has(wlow));
    if (org) {
      c.type = 'organization';
      c.key = org.key ?? `organization:${org.text.toLowerCase()}`;
      continue;
    }
    if (c.weakPlace) continue;
    const next = toks[c.tj];
    const prev = toks[c.ti - 1];
    if (c.titled) c.type = 'person';
    else if (next && CUE_VERBS.has(next.text) && next.text !== 'according') c.type = 'person';
    else if (prev && prev.text === 'said') c.type = 'person';
    else if (next && isPossessive(next.text) && toks[c.tj + 1] && ROLE_NOUNS.has(toks[c.tj + 1].text.toLowerCase())) c.type = 'person';
  }

  // a one-word firm typed on its own ("Halvern's shares fell") is still the short form of the
  // firm named in full ("Halvern Dairies")
  for (const c of cands) {
    if (c.type !== 'organization' || c.tokens.length !== 1 || ORG_WORDS.has(c.tokens[0].toLowerCase())) continue;
    const org = orgs.find((o) => o.tokens[0] === c.tokens[0] || o.tokens[o.tokens.length - 1] === c.tokens[0]);
    if (org) c.key = org.key ?? `organization:${org.text.toLowerCase()}`;
  }
  for (const c of cands) if (c.type === 'person' && c.tokens.length === 1 && !c.roles.length) addRoles(c, toks);
  // a surface form typed anywhere in the article is that type everywhere ("According to Ushakov")
  const typedAs = new Map<string, Cand>();
  for (const c of cands) if (c.type && !typedAs.has(c.text)) typedAs.set(c.text, c);
  for (const c of cands) if (!c.type) {
    const o = typedAs.get(c.text);
    if (o) {
      c.type = o.type;
      c.key = o.key;
    }
  }

  // ---------------------------------------------------------------- 3. group into entities
  interface Ent { id: string; type: EntityType; names: Map<string, number>; roles: { text: string; sentence: number }[]; key: string; first: string[]; last: string }
  const ents: Ent[] = [];
  const byKey = new Map<string, Ent>();
  const mentions: EntityMention[] = [];
  const candEnt = new Map<Cand, Ent>();
  const ordered = [...cands].sort((x, y) => (y.tokens.length - x.tokens.length) || (x.start - y.start));
  for (const c of ordered) {
    if (!c.type) continue;
    let e: Ent | undefined;
    if (c.type === 'person') {
      const last = c.tokens[c.tokens.length - 1];
      const firsts = c.tokens.slice(0, -1);
      e = ents.find((x) => x.type === 'person' && (x.last === last || similarNames(x.last, last)) && compatibleFirst(x.first, firsts));
      if (!e && c.tokens.length === 1) e = ents.find((x) => x.type === 'person' && x.first.length && x.first[0] === last && ents.filter((y) => y.type === 'person' && y.first[0] === last).length === 1);
      if (!e) {
        e = { id: `e${ents.length + 1}`, type: 'person', names: new Map(), roles: [], key: `person:${c.text.toLowerCase()}`, first: firsts, last };
        ents.push(e);
      } else if (firsts.length > e.first.length) e.first = firsts;
    } else {
      const key = c.key ?? `${c.type}:${c.text.toLowerCase()}`;
      e = byKey.get(key);
      if (!e && c.type === 'place') {
        e = ents.find((x) => {
          if (x.type !== 'place') return false;
          for (const n of x.names.keys()) if (similarNames(n, c.text)) return true;
          return false;
        });
      }
      if (!e) {
        e = { id: `e${ents.length + 1}`, type: c.type, names: new Map(), roles: [], key, first: [], last: '' };
        ents.push(e);
        byKey.set(key, e);
      }
    }
    e.names.set(c.text, (e.names.get(c.text) ?? 0) + 1);
    for (const r of c.roles) if (!e.roles.some((x) => x.text === r)) e.roles.push({ text: r, sentence: c.sent });
    candEnt.set(c, e);
  }
  // each entity's longest name (the first of that length, as a stable sort would give), once per
  // entity rather than a copy-and-sort of its names per mention
  const longestOf = new Map<Ent, string>();
  for (const e of ents) {
    let longest = '';
    for (const n of e.names.keys()) if (n.length > longest.length || !longest) longest = n;
    longestOf.set(e, longest);
  }
  for (const c of cands) {
    const e = candEnt.get(c);
    if (!e) continue;
    const longest = longestOf.get(e)!;
    mentions.push({ start: c.start, text: c.text, entity: e.id, via: c.text === longest || c.tokens.length > 1 ? 'name' : 'alias', sentence: c.sent });
  }
  mentions.sort((x, y) => x.start - y.start);

  // ---------------------------------------------------------------- 4. role phrases and pronouns
  const entById = new Map(ents.map((e) => [e.id, e]));
  const roleHeads = new Map<string, Set<string>>();
  for (const e of ents) for (const r of e.roles) {
    const head = r.text.split(/\s+/).pop()!.toLowerCase();
    if (!ROLE_NOUNS.has(head) && !TITLES.has(head)) continue;
    if (!roleHeads.has(head)) roleHeads.set(head, new Set());
    roleHeads.get(head)!.add(e.id);
  }
  const extra: EntityMention[] = [];
  const reRole = /\b[Tt]he ([A-Za-z-]+(?: [A-Za-z-]+){0,2})/g;
  // most articles' entities have no role head: then no "the <role>" phrase can match
  for (let m = roleHeads.size ? reRole.exec(a.text) : null; m; m = reRole.exec(a.text)) {
    const all = m[1].split(' ');
    const lows = all.map((w) => w.toLowerCase());
    for (let len = all.length; len >= 1; len--) {
      // look the head up before building the word list: almost every "the X" fails here
      const ids = roleHeads.get(lows[len - 1]);
      if (!ids || ids.size !== 1) continue;
      const words = lows.slice(0, len);
      const id = [...ids][0];
      const e = entById.get(id)!;
      if (!e.roles.some((r) => words.every((w) => r.text.toLowerCase().split(/\s+/).includes(w)))) continue;
      const first = mentions.find((x) => x.entity === id);
      if (!first || first.start > m.index) break;
      const text = `${m[0].slice(0, 4)}${all.slice(0, len).join(' ')}`;
      extra.push({ start: m.index, text, entity: id, via: 'role', sentence: sentOf(a, m.index) });
      break;
    }
  }
  const personAt = mentions.filter((m) => entById.get(m.entity)!.type === 'person').concat(extra);
  personAt.sort((x, y) => x.start - y.start);
  const pron: EntityMention[] = [];
  for (let ti = 0; ti < toks.length; ti++) {
    const t = toks[ti];
    // most tokens are longer than any pronoun or start with another letter: skip the lower-casing
    if (t.text.length > PRONOUN_MAX || !PRONOUN_FIRST.has(t.text.charCodeAt(0))) continue;
    const low = t.text.toLowerCase();
    if (!PRONOUNS_PERSON.has(low) || inQuote(t.start)) continue;
    const id = resolvePronoun(a, personAt, t, ti);
    if (id) pron.push({ start: t.start, text: t.text, entity: id, via: 'pronoun', sentence: t.sent });
  }
  extra.push(...pron);
  mentions.push(...extra);
  mentions.sort((x, y) => x.start - y.start);

  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  const entities: ArticleEntity[] = ents.map((e) => {
    const variants = [...e.names.keys()];
    // longest proper name; "Moscow" over a dateline's "MOSCOW"
    const name = variants.slice().sort((x, y) => caseScore(x) - caseScore(y) || y.length - x.length || (e.names.get(y)! - e.names.get(x)!))[0];
    return { id: e.id, name, type: e.type, variants, roles: e.roles, mentions: counts.get(e.id) ?? 0 };
  });
  return { entities, mentions, types: new Map(ents.map((e) => [e.id, e.type])) };
}

const sentOf = sentenceAt;

/** Words naming a public body, institution or outlet after its place ("Marrowby Civic Society",
 *  "Wessmoor Police", "Radio Velbay"), unlike a firm's trading name ("Orvik Resources"). */
const PLACE_NAMED = new Set('council borough county city town district parish authority port police court courts magistrates university college school hospital infirmary society museum library institute assembly parliament government fire ambulance radio tv television news times post courier herald gazette tribune journal chronicle observer telegraph crown echo mail express mirror sentinel examiner bulletin advertiser argus globe'.split(' '));

/** Is `word` the place an organisation's name is made of: "<word> <public-body words>" or
 *  "<outlet word> <word>". */
const TIME_ZONES = new Set(['GMT', 'UTC', 'BST', 'CET', 'CEST', 'EET', 'EST', 'EDT', 'CST', 'CDT', 'PST', 'PDT', 'MSK', 'IST', 'JST']);
const BODIES = new Set(['moon', 'mars', 'venus', 'jupiter', 'saturn', 'neptune', 'uranus', 'pluto']);
const CRAFT = /^(?:lander|rocket|probe|satellite|spacecraft|rover|telescope|capsule|ship|vessel|ferry|tanker|freighter|aircraft|jet|airliner|helicopter|submarine|drone)s?$/;
const CLUB_SUFFIX = /^(?:Town|City|United|Athletic|Rovers|Wanderers|Albion|Rangers|County|FC)$/;
const FIRM_ROLE = /^(?:chief (?:executive|operating|financial|technology) officer|chief executive|CEO|CFO|COO|managing director|chairman|chairwoman)\b/i;
const FIRM_ROLE_START = new Set(['chief', 'ceo', 'cfo', 'coo', 'managing', 'chairman', 'chairwoman']);
/** Does a firm's officer's title start at token i ("chief operating officer", "CEO")? */
function firmRoleAt(toks: Token[], i: number): boolean {
  const t = toks[i];
  if (!t || !FIRM_ROLE_START.has(t.text.toLowerCase())) return false;
  return FIRM_ROLE.test(toks.slice(i, i + 4).map((x) => x.text).join(' '));
}

const CLUB = new WeakMap<Token[], boolean>();
const SPORT = /^(?:club|clubs|club-record|cup|league|match|goal|goals|striker|midfielder|defender|winger|goalkeeper|manager|coach|captain|substitute|fixture|stadium|half-time|equaliser|equalizer|season)$/i;
/** Does the article speak of sport clubs (two sports words)? Computed once per article. */
function mentionsClub(toks: Token[]): boolean {
  let v = CLUB.get(toks);
  if (v === undefined) {
    let n = 0;
    const seen = new Set<string>();
    for (const t of toks) if (SPORT.test(t.text) && !seen.has(t.text.toLowerCase())) { seen.add(t.text.toLowerCase()); n++; }
    CLUB.set(toks, (v = n >= 2));
  }
  return v;
}

function namedAfterPlace(org: string[], word: string): boolean {
  const low = org.map((w) => w.toLowerCase().replace(/['’]s?$/, ''));
  if (org[0] === word && org.length > 1) return low.slice(1).some((w) => PLACE_NAMED.has(w)) && low.slice(1).every((w) => PLACE_NAMED.has(w) || ORG_WORDS.has(w) || TITLE_MODIFIERS.has(w) || /^(?:civic|borough|port|of|the|and|&|general|royal|state|regional|weather|seismic|geological|meteorological|statistics|statistical|maritime|space|health|fisheries|coastal|national|sports|arts|science)$/.test(w));
  if (org[org.length - 1] === word && org.length === 2) return /^(?:radio|tv|television)$/.test(low[0]);
  return false;
}

/** He / she: a person earlier in the same sentence (not for sentence-initial pronouns), else the
 *  first person (the usual subject) of the nearest earlier sentence that names one. */
export function resolvePronoun(a: Analysis, persons: EntityMention[], t: Token, ti?: number): string | null {
  const s = t.sent;
  const sentStart = a.sentTok[s][0];
  const idx = ti ?? a.tokens.indexOf(t);
  let initial = true;
  for (let i = sentStart; i < idx; i++) if (!/^\W+$/.test(a.tokens[i].text)) {
    initial = false;
    break;
  }
  // persons is sorted by offset: walk back from the pronoun
  let lo = 0;
  let hi = persons.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (persons[mid].start < t.start) lo = mid + 1;
    else hi = mid;
  }
  let k = lo - 1;
  if (!initial) {
    // a name inside a quotation is the speaker's words, not the antecedent of "she said" after it
    let spans: [number, number][] | null = null;
    const quoted = (at: number) => (spans ??= quoteRangesCached(a.text)).some(([x, y]) => at > x && at < y);
    for (let j = k; j >= 0 && persons[j].sentence === s; j--) if (persons[j].via !== 'pronoun' && !quoted(persons[j].start)) return persons[j].entity;
  }
  while (k >= 0 && persons[k].sentence >= s) k--;
  if (k < 0 || persons[k].sentence < s - 4) return null;
  // the first person (the usual subject) of the nearest earlier sentence that names one; not a
  // name in the possessive before a noun ("Voss's lawyer, Miriam Lowe, said")
  const target = persons[k].sentence;
  while (k - 1 >= 0 && persons[k - 1].sentence === target) k--;
  while (k + 1 < persons.length && persons[k + 1].sentence === target && possessiveBeforeNoun(a, persons[k])) k++;
  return persons[k].entity;
}

const QUOTE_KEY = { last: null as { text: string; spans: [number, number][] } | null };
/** quoteRanges of the article being read, kept for the next pronoun of the same text. */
function quoteRangesCached(text: string): [number, number][] {
  if (QUOTE_KEY.last?.text !== text) QUOTE_KEY.last = { text, spans: quoteRanges(text) };
  return QUOTE_KEY.last.spans;
}

/** A mention written in the possessive before a noun or adjective ("Voss's lawyer"). */
function possessiveBeforeNoun(a: Analysis, m: EntityMention): boolean {
  const i = firstTokenAt(a, m.start + m.text.length);
  return i < a.tokens.length && /^['’]s?$/.test(a.tokens[i].text) && !!a.tokens[i + 1] && /^(?:NOUN|ADJ)$/.test(a.tokens[i + 1].pos);
}

function compatibleFirst(a: string[], b: string[]): boolean {
  if (!a.length || !b.length) return true;
  const x = a[0].replace(/\.$/, '');
  const y = b[0].replace(/\.$/, '');
  if (x === y || similarNames(x, y)) return true;
  // initials: "V. Putin" / "Vladimir Putin"
  return (x.length === 1 || y.length === 1) && x[0] === y[0];
}

function startOk(toks: Token[], i: number, t0: number, lowerVocab: Set<string>): boolean {
  const t = toks[i];
  if (!isCap(t.text)) return false;
  const low = t.text.toLowerCase();
  if (MONTHS.has(low.endsWith('.') ? low.slice(0, -1) : low) || WEEKDAYS.has(low) || low === 'i') return false;
  const initial = i === t0 || /^[“"‘'(\[—–-]$/.test(toks[i - 1].text);
  if (!initial) return true;
  if (STOP_CAPS.has(low)) return false;
  if (lowerVocab.has(low) && !TITLES.has(low)) return false;
  if (t.pos !== 'PROPN' && !TITLES.has(lowerDot(t.text)) && !(toks[i + 1] && isCap(toks[i + 1].text) && toks[i + 1].sent === t.sent)) return false;
  return true;
}

/** Cuts a capitalised run at "and" (unless it is inside an organisation name) and at "of"
 *  (unless the part before "of" is a title, organisation, place or event word). */
function splitRun(toks: Token[], i: number, j: number, a: Analysis): Cand[] {
  const out: Cand[] = [];
  let s = i;
  for (let k = i; k < j; k++) {
    const w = toks[k].text;
    if (w !== 'and' && w !== 'of' && w !== 'for' && w !== '&' && w !== 'the') continue;
    if (w === 'the') continue;
    const before = lowerDot(toks[k - 1].text);
    const tail = tokTexts(toks, k + 1, j).map(lowerDot);
    const keep = w === '&' ? true :
      w === 'of' || w === 'for'
        ? ORG_WORDS.has(before) || OTHER_WORDS.has(before) || PLACE_WORDS.has(before) || TITLES.has(before) || before === 'republic' || before === 'city' || before === 'gulf' || before === 'sea' || KNOWN_OTHER.has(`${before} of ${tail.join(' ')}`) || before === 'board'
        : ORG_WORDS.has(tail[tail.length - 1] ?? '') && !/^[A-Z]{2,}$/.test(toks[j - 1].text) && !ORG_WORDS.has(before) && !KNOWN_ORGS.has(before) && !placeKey(toks[k - 1].text) && !tokTexts(toks, s, k).some((x) => TITLES.has(lowerDot(x)) && tokTexts(toks, s, k).length <= 2);
    if (!keep) {
      pushCand(out, toks, s, k, a);
      s = k + 1;
      if (toks[s]?.text === 'the') s++;
    }
  }
  pushCand(out, toks, s, j, a);
  return out;
}

function pushCand(out: Cand[], toks: Token[], i: number, j: number, a: Analysis): void {
  while (i < j && CONNECT.has(toks[i].text)) i++;
  while (j > i && CONNECT.has(toks[j - 1].text)) j--;
  if (i >= j) return;
  const start = toks[i].start;
  const end = toks[j - 1].end;
  const text = a.text.slice(start, end);
  out.push({ start, end, text, tokens: nameTokens(toks, i, j), sent: toks[i].sent, type: null, key: null, role: null, roles: [], titled: false, strong: false, weakPlace: false, ci: i, ti: i, tj: j });
}

function nameTokens(toks: Token[], i: number, j: number): string[] {
  const out: string[] = [];
  for (let k = i; k < j; k++) {
    if (toks[k].text === '-' && out.length) {
      out[out.length - 1] += '-' + (toks[k + 1]?.text ?? '');
      k++;
    } else out.push(toks[k].text);
  }
  return out;
}

/** Splits the role part off a run ("Russian President | Vladimir Putin") and types the name. */
// module-level helpers rather than closures inside per-candidate functions: no closure to
// allocate per candidate (and no name-keeping wrapper per closure when run through tsx)
function setType(c: Cand, t: EntityType, strong = true): void {
  c.type = t;
  c.strong = strong;
}

function tokTexts(toks: Token[], x: number, y: number): string[] {
  return toks.slice(x, y).map((t) => t.text);
}

/** The hyphen-joined word ending at token `end` ("son-in-law") and its first token index. */
function hyphenWord(toks: Token[], sent: number, end: number): [string, number] {
  let s = end;
  while (s - 1 >= 0 && toks[s - 1].sent === sent && toks[s - 1].end === toks[s].start && (toks[s].text === '-' || toks[s - 1].text === '-')) s--;
  return [toks.slice(s, end + 1).map((t) => t.text).join(''), s];
}

/** Sort key of a name variant: all-caps ("MOSCOW" from a dateline) after the others. */
const caseScore = (v: string) => (v.length > 3 && v === v.toUpperCase() ? 1 : 0);

/** "councillors", "senators": a title in the plural, before a list of names. */
const isPluralTitle = (w: string) => w.length > 4 && w.endsWith('s') && TITLES.has(w.slice(0, -1));

function classify(c: Cand, toks: Token[]): void {
  const low = c.tokens.map(lowerDot);
  // role inside the run: up to the last title word ("Belmoran Foreign Minister | Arkady Voronin"),
  // or a role noun that only titles / modifiers / places precede ("Goalkeeper | Sean Maguire")
  let cut = -1;
  let plain = true;
  for (let k = 0; k < c.tokens.length - 1; k++) {
    const w = low[k];
    if (TITLES.has(w) || isPluralTitle(w) || (plain && ROLE_NOUNS.has(w))) cut = k;
    else if (w === 'of' && cut === k - 1 && k + 2 < c.tokens.length) {
      cut = k + 1;
      k++;
    } else if (!(TITLE_MODIFIERS.has(w) || demonymKey(c.tokens[k]) || placeKey(c.tokens[k]) || KNOWN_ORGS.has(w) || ORG_WORDS.has(w))) plain = false;
  }
  // "Eastbrook General Hospital": a title word inside an institution's name is no title
  if (cut >= 0 && low.slice(cut + 1).every((w) => ORG_WORDS.has(w) || PLACE_WORDS.has(w))) cut = -1;
  if (cut >= 0 && cut < c.tokens.length - 1) {
    const role = c.tokens.slice(0, cut + 1);
    const rest = c.tokens.slice(cut + 1);
    // the name keeps its own offsets: find where the rest starts among the original tokens
    let ti = c.ti;
    let consumed = 0;
    while (ti < c.tj && consumed < role.length) {
      if (toks[ti].text === '-') {
        ti += 2;
        continue;
      }
      ti++;
      consumed++;
    }
    const roleText = role.join(' ');
    const restLow = rest.map(lowerDot);
    // "Secretary of the National Security and Defense Council": a role phrase around an organisation
    const body = restLow.some((w) => ORG_WORDS.has(w)) || KNOWN_ORGS.has(restLow.join(' ')) || !!placeInfo(rest.join(' '))?.strong;
    c.role = body || HONORIFICS.has(lowerDot(roleText)) ? null : roleText;
    c.titled = !body;
    c.ti = ti;
    c.start = toks[ti].start;
    c.text = c.text.slice(c.text.length - (c.end - c.start));
    c.tokens = rest;
    low.splice(0, cut + 1);
  }
  // low[k] is lowerDot(c.tokens[k]) (kept aligned when the role was cut off above)
  if (c.tokens.every((t, k) => demonymKey(t) || TITLE_MODIFIERS.has(low[k]) || TITLES.has(low[k]) || ROLE_NOUNS.has(low[k]))) return; // "Russian", "Western"
  const whole = low.join(' ');
  const lastW = low[low.length - 1];
  const prev = toks[c.ci - 1];
  const next = toks[c.tj];
  const prevLow = prev ? prev.text.toLowerCase() : '';
  const place = placeInfo(c.text);
  // "03:14 GMT": a time zone is no organisation
  if (c.tokens.length === 1 && TIME_ZONES.has(c.text)) return;
  if (KNOWN_OTHER.has(whole)) setType(c, 'other');
  else if (c.tokens.length === 1 && BODIES.has(whole)) setType(c, 'place'); // "the Moon's south pole"
  // "the Hesper lander", "a Valkyr rocket": a craft's name
  else if (!c.titled && next && CRAFT.test(next.text) && !(c.tokens.length > 1 && (ORG_WORDS.has(lastW) || PLACE_WORDS.has(lastW)))) setType(c, 'other');
  else if (KNOWN_ORGS.has(whole)) {
    setType(c, 'organization');
    c.key = `org:${KNOWN_ORGS.get(whole)!.toLowerCase()}`;
  } else if (c.titled) setType(c, 'person');
  // "Harlow & Finch", "Marks & Spencer": names joined by an ampersand are a firm
  else if (c.tokens.length >= 3 && c.tokens.includes('&')) setType(c, 'organization');
  else if (c.tokens.length > 1 && PLACE_WORDS.has(lastW)) setType(c, 'place');
  else if (c.tokens.length > 1 && ORG_WORDS.has(lastW)) setType(c, 'organization');
  // "Corrin City", "Ashby Town": a football club in an article about sport, else a city or town
  else if (c.tokens.length > 1 && (lastW === 'city' || lastW === 'town')) setType(c, mentionsClub(toks) ? 'organization' : 'place');
  // "Aerlith chief operating officer Jonas Ekholm", "Orvik's chief executive": a firm's officers
  else if (c.tokens.length === 1 && next && firmRoleAt(toks, isPossessive(next.text) ? c.tj + 1 : c.tj)) setType(c, 'organization');
  // "Leeds United" (not "United States", where the word comes first)
  else if (c.tokens.length > 1 && lastW === 'united') setType(c, 'organization');
  else if (c.tokens.length > 1 && PLACE_FIRST.has(low[0])) setType(c, 'place');
  else if (low.some((w) => ORG_WORDS.has(w))) {
    if (c.tokens.length > 1 || !ORG_WORDS.has(lastW) || /^[A-Z]{2,6}$/.test(c.text)) setType(c, 'organization');
  } else if (OTHER_WORDS.has(lastW) && c.tokens.length > 1) setType(c, 'other');
  else if (place?.strong) {
    setType(c, 'place');
    c.key = place.key;
  } else if (prev && ORG_CONTEXT.has(prevLow)) setType(c, 'organization');
  // "Lumio shares rose", "Orvik's shares": a listed company
  else if (next && (/^(?:shares|stock)$/.test(next.text) || (isPossessive(next.text) && /^(?:shares|stock)$/.test(toks[c.tj + 1]?.text ?? '')))) setType(c, 'organization');
  else if (prev && prev.text === ',' && toks[c.ci - 2] && ORG_CONTEXT.has(toks[c.ci - 2].text.toLowerCase())) setType(c, 'organization');
  // "the southern port city of Kalmsund": a place named after a place noun
  else if (prevLow === 'of' && /^(?:city|town|village|port|province|region|island|district|county|capital|state)$/i.test(toks[c.ci - 2]?.text ?? '') && c.tokens.length <= 3) setType(c, 'place');
  // "in the capital, Norrholm,": a place in apposition to a place noun
  else if (prev && prev.text === ',' && /^(?:capital|city|town|village|port|province|region|island|county)$/i.test(toks[c.ci - 2]?.text ?? '') && c.tokens.length <= 3) setType(c, 'place');
  else if (prev && PLACE_PREP.has(prevLow) && !(next && ROLE_NOUNS.has(next.text.toLowerCase()) && /^[a-z]/.test(next.text)) && !(next && isPossessive(next.text)) && !(toks[c.ci - 2]?.text === 'according')) setType(c, 'place');
  else if (next && isPossessive(next.text) && toks[c.tj + 1] && PLACE_POSSESSED.has(toks[c.tj + 1].text.toLowerCase())) setType(c, 'place');
  // "diverted six vessels to Harwick", "fled to Ostrava": a destination after a verb of motion
  else if (prevLow === 'to' && [2, 3, 4].some((d) => MOTION_VERBS.has(toks[c.ci - d]?.text.toLowerCase() ?? '') && toks[c.ci - d].sent === toks[c.ci].sent) && !(next && isPossessive(next.text))) setType(c, 'place');
  // "the Tarsland government", "the Belmoran army" is a demonym (no type): a country's institutions
  else if (prevLow === 'the' && c.tokens.length === 1 && next && /^(?:government|army|parliament|navy|embassy|authorities)$/.test(next.text)) setType(c, 'place');
  else if (place) {
    setType(c, 'place', false);
    c.weakPlace = true;
    c.key = place.key;
  } else if (/^[A-Z]{2,6}$/.test(c.text)) setType(c, 'organization');
  else if (c.tokens.length >= 2 && c.tokens.length <= 4 && c.tokens.every((t) => /^[A-Z\u00C0-\u00DE][\p{L}'’.-]*$/u.test(t)) && !demonymKey(c.tokens[0])) setType(c, 'person', false);
  // roles before the name ("Kremlin aide", "Trump's son-in-law", "Its director, X,") and after it (", Secretary of ...")
  if (c.type === 'person') addRoles(c, toks);
  else if (c.role) c.roles.push(c.role);
}

/** Roles before the name ("Kremlin aide", "Trump's son-in-law", "Its director, X,") and after it (", Secretary of ..."). */
function addRoles(c: Cand, toks: Token[]): void {
  // "Health Minister X" at the start of a sentence: "Health" was left out of the run
  if (c.role && c.ci > 0) {
    let k = c.ci - 1;
    const pre: string[] = [];
    while (k >= 0 && toks[k].sent === toks[c.ci].sent && isCap(toks[k].text) && TITLE_MODIFIERS.has(toks[k].text.toLowerCase()) && pre.length < 2) pre.unshift(toks[k--].text);
    // "former President X": a lower-case "former" still belongs to the title (it is what sources disagree on)
    if (k >= 0 && toks[k].sent === toks[c.ci].sent && /^(?:former|ex)$/.test(toks[k].text)) pre.unshift(toks[k].text);
    if (pre.length) c.role = `${pre.join(' ')} ${c.role}`;
  }
  if (c.role && /^[A-Z][a-z]+s$/.test(c.role) && (TITLES.has(c.role.toLowerCase()) || isPluralTitle(c.role.toLowerCase()))) c.role = c.role.slice(0, -1); // "Presidents Trump and Putin", "Councillors Osei, Harms and Vos"
  const appositive = toks[c.ci - 1]?.text === ',';
  const before = roleBefore(toks, c.ci);
  const after = roleAfter(toks, c.tj);
  const pre = before && c.role && !appositive ? `${before} ${c.role}` : before ?? c.role;
  if (before) {
    c.titled = true;
    c.strong = true;
  }
  if (pre) c.roles.push(pre);
  if (before && c.role && appositive) c.roles.push(c.role);
  if (after) c.roles.push(after);
}

function roleBefore(toks: Token[], ti: number): string | null {
  let k = ti - 1;
  const sent = toks[ti].sent;
  if (k < 0 || toks[k].sent !== sent) return null;
  // appositive: "Its managing director, Henrik Solberg," / "Belmora's foreign minister, X,"
  if (toks[k].text === ',' && k - 1 >= 0 && toks[k - 1].sent === sent && ROLE_NOUNS.has(toks[k - 1].text.toLowerCase())) k--;
  // join hyphenated words ("son-in-law")
  const [headWord, hs] = hyphenWord(toks, sent, k);
  // a role lexicon word, or an agent noun no lexicon lists ("acoustician", "glaciologist")
  if (isCap(headWord) || !(ROLE_NOUNS.has(headWord.toLowerCase()) || (toks[k].pos === 'NOUN' && /^[a-z]{3,}(?:ian|ist)$/.test(headWord)))) return null;
  let first = hs;
  k = hs - 1;
  let n = 0;
  while (k >= 0 && toks[k].sent === sent && n < 5) {
    const t = toks[k];
    if (isPossessive(t.text) && k - 1 >= 0 && isCap(toks[k - 1].text)) {
      first = k - 1;
      k -= 2;
      n++;
      continue;
    }
    if ((t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'PROPN' || /^(?:lead|chief|senior|acting|managing|deputy|former)$/.test(t.text)) && !/^(?:including|with|its|his|her|their|the)$/i.test(t.text)) {
      first = k;
      k--;
      n++;
      continue;
    }
    break;
  }
  const text = toks.slice(first, hs).map((t, i, arr) => (i > 0 && arr[i - 1].end === t.start ? '' : ' ') + t.text).join('').trim();
  return (text ? `${text} ` : '') + headWord;
}

function roleAfter(toks: Token[], tj: number): string | null {
  const t = toks[tj];
  if (!t || t.text !== ',') return null;
  let k = tj + 1;
  const sent = t.sent;
  if (toks[k] && toks[k].pos === 'NUM' && toks[k + 1]?.text === ',') k += 2; // age: "Ana Ruiz, 45, a teacher"
  if (toks[k] && /^(?:a|an|the)$/i.test(toks[k].text)) k++;
  const s = k;
  let hasRole = false;
  while (k < toks.length && toks[k].sent === sent && !/^[,;.)(“”"]$/.test(toks[k].text) && k - s < 14) {
    const w = lowerDot(toks[k].text);
    if (k - s < 4 && (ROLE_NOUNS.has(w) || TITLES.has(w))) hasRole = true;
    // "a cardiologist at Ostmark General Hospital who was not involved": the role ends before "who"
    if (hasRole && /^(?:who|whose|which|that)$/.test(w) && k > s) break;
    if (/^(?:who|which|that|said|says|told)$/.test(w)) return null;
    k++;
  }
  if (!hasRole || k === s) return null;
  for (let x = s; x < k; x++) if (toks[x].pos === 'VERB' || toks[x].pos === 'AUX') return null; // a clause, not an apposition
  if (/^(?:VERB|ADV|AUX|ADP|PRON)$/.test(toks[s].pos) && !TITLES.has(lowerDot(toks[s].text))) return null;
  if (toks[k] && !/^[,;.)]$/.test(toks[k].text) && !/^(?:who|whose|which|that)$/.test(toks[k].text)) return null;
  return toks.slice(s, k).map((x, i, arr) => (i > 0 && arr[i - 1].end === x.start ? '' : ' ') + x.text).join('').trim();
}

export { nameSkeleton };
