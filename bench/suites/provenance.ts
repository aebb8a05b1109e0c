/**
 * Provenance on a labelled set built by transforming ECB+ articles. For each of the 86 gold
 * stories, one source article is picked and we add (deterministic PRNG):
 *   duplicate  - the same text with typographic noise (quotes, spacing, case of one word);
 *   wire-copy  - the text inside site boilerplate (navigation, share prompts, credit line), and a
 *                trimmed copy (first 40-80% of its sentences, no marker);
 *   rewrite    - a sentence-level paraphrase: synonyms substituted, clauses reordered
 *                ("X said Y" -> "Y, X said"; "A, B" -> "B, A"), one sentence in five dropped;
 *   original   - up to 10 unrelated articles on the same topic (the ECB+ topic's other event).
 * The event's other real articles are in the group too (as in a real story) but unlabelled: some
 * follow a common source (agency copy, police statement), so the share judged dependent is shown
 * apart. In half
 * of the stories the source carries a wire marker (outlet "Reuters"), in the other half none.
 * Reported: precision and recall per kind, and how often `of` names the true source family.
 */
import type { BenchSuite } from '../run.js';
import { fmt } from '../shared.js';
import { loadEcb } from '../cluster-common.js';
import { computeProvenance, type ProvArticle, type ProvenanceOptions } from '../../src/cluster/provenance.js';
import type { ProvenanceKind } from '../../src/types.js';
import { seededRandom } from '../../src/util/random.js';

const prng = seededRandom;

// A small hand-made synonym table of common news words (our own list).
const SYN: Record<string, string> = {
  said: 'stated', says: 'states', told: 'informed', killed: 'left dead', died: 'passed away', police: 'officers', officials: 'authorities',
  announced: 'revealed', arrested: 'detained', injured: 'hurt', hospital: 'medical centre', home: 'residence', car: 'vehicle', people: 'persons',
  big: 'large', small: 'little', began: 'started', start: 'begin', end: 'finish', ended: 'finished', show: 'programme', company: 'firm',
  reported: 'disclosed', according: 'as per', children: 'kids', woman: 'lady', man: 'male', quickly: 'rapidly', near: 'close to',
  later: 'afterwards', before: 'prior to', after: 'following', about: 'around', during: 'amid', help: 'assist', helped: 'assisted',
  buy: 'purchase', bought: 'purchased', deal: 'agreement', fire: 'blaze', attack: 'assault', earthquake: 'quake', team: 'squad',
  game: 'match', won: 'secured', win: 'victory', lost: 'was defeated in', leader: 'head', chief: 'head', city: 'town', country: 'nation',
  new: 'fresh', first: 'initial', also: 'additionally', but: 'however', many: 'numerous', several: 'a number of', statement: 'release',
  week: 'seven days', year: 'twelve months', wife: 'spouse', husband: 'spouse', friend: 'companion', victims: 'casualties',
  building: 'structure', road: 'street', court: 'tribunal', judge: 'magistrate', charged: 'indicted', suspect: 'accused',
};

function paraphrase(line: string, rnd: () => number): string {
  let toks = line.split(' ').map((w) => {
    const s = SYN[w.toLowerCase()];
    return s && rnd() < 0.85 ? s : w;
  });
  const said = toks.findIndex((w, i) => i > 0 && (w === 'stated' || w === 'states' || w === 'informed'));
  if (said > 0 && said < 5 && toks.length > said + 4) {
    // "X said Y ." -> "Y , X said ."
    const end = toks[toks.length - 1] === '.' ? toks.length - 1 : toks.length;
    toks = [...toks.slice(said + 1, end), ',', ...toks.slice(0, said + 1), '.'];
  } else {
    const comma = toks.indexOf(',');
    if (comma > 3 && comma < toks.length - 5 && rnd() < 0.6) {
      const end = toks[toks.length - 1] === '.' ? toks.length - 1 : toks.length;
      toks = [...toks.slice(comma + 1, end), ',', ...toks.slice(0, comma), '.'];
    }
  }
  return toks.join(' ');
}

const BOILER_TOP = ['Home | News | World | Sport | Business', 'Share on Facebook Share on X Email', 'Advertisement'];
const BOILER_END = ['This article was distributed by a news agency and published without changes.', 'Subscribe to our newsletter for the morning headlines', 'Most read', 'Comments are closed.'];

interface Labelled {
  a: ProvArticle;
  kind: ProvenanceKind;
  family: string;
}

const suite: BenchSuite = {
  name: 'provenance',
  description: 'Provenance P/R per kind on a labelled set of transformed ECB+ articles',
  async run() {
    const r = evaluateProvenance();
    report(r);
  },
};
export default suite;

export interface ProvResult {
  conf: Map<string, number>;
  famOk: number;
  famN: number;
  n: number;
  stories: number;
  ms: number;
  sameN: number;
  sameDep: number;
  otherN: number;
}

export function evaluateProvenance(opts: Partial<ProvenanceOptions> = {}): ProvResult {
    const docs = loadEcb();
    const byCluster = new Map<string, typeof docs>();
    for (const d of docs) (byCluster.get(d.cluster) ?? byCluster.set(d.cluster, []).get(d.cluster)!).push(d);
    const conf = new Map<string, number>(); // gold|pred -> count
    let famOk = 0, famN = 0, n = 0, stories = 0, sameN = 0, sameDep = 0, otherN = 0;
    const t0 = performance.now();
    let ci = 0;
    for (const [cluster, members] of [...byCluster].sort((a, b) => a[0].localeCompare(b[0]))) {
      const rnd = prng(1000 + ci);
      const wire = ci % 2 === 0;
      ci++;
      // The source: the member with the most sentences (a full article to copy from).
      const src = [...members].sort((a, b) => b.text.split('\n').length - a.text.split('\n').length || a.id.localeCompare(b.id))[0];
      const lines = src.text.split('\n').filter((l) => l.trim());
      if (lines.length < 6) continue;
      stories++;
      const set: Labelled[] = [];
      let seq = 0;
      const mk = (id: string, text: string, kind: ProvenanceKind, family: string, meta: Partial<ProvArticle['metadata']> = {}) =>
        set.push({ a: { id, text, seq: ++seq, metadata: { byline: [], language: 'en', fieldSources: {}, ...meta } }, kind, family });
      const srcText = wire ? lines[0].replace(/^/, 'LONDON ( Reuters ) - ') + '\n' + lines.slice(1).join('\n') : lines.join('\n');
      mk(src.id, srcText, 'original', src.id, wire ? { outlet: 'Reuters', wire: 'Reuters' } : {});
      // Unrelated articles on the same topic (the topic's other event): independent originals.
      for (const m of docs.filter((d) => d.topic === src.topic && d.cluster !== cluster).slice(0, 10)) mk(m.id, m.text, 'original', m.id);
      // The event's other real articles: included (as in a real story) but unlabelled, since
      // some of them do follow a common source (agency copy, press release); counted apart.
      const sameEvent = new Set<string>();
      for (const m of members) if (m.id !== src.id) {
        sameEvent.add(m.id);
        set.push({ a: { id: m.id, text: m.text, seq: ++seq, metadata: { byline: [], language: 'en', fieldSources: {} } }, kind: 'original', family: m.id });
      }
      const dup = srcText.replace(/``|''/g, '"').replace(/ \. /g, '. ').replace(/^(\S+)/, (w) => w.toUpperCase());
      mk(src.id + '#dup', dup, 'duplicate', src.id);
      mk(src.id + '#wrapped', [...BOILER_TOP, srcText, ...BOILER_END].join('\n'), 'wire-copy', src.id, { outlet: 'Daily Example' });
      const keep = Math.max(4, Math.round(lines.length * (0.4 + 0.4 * rnd())));
      mk(src.id + '#trimmed', lines.slice(0, keep).join('\n'), 'wire-copy', src.id);
      const para = lines.filter((_, i) => i === 0 || rnd() >= 0.2).map((l) => paraphrase(l, rnd));
      mk(src.id + '#rewrite', para.join('\n'), 'rewrite', src.id);
      // Shuffle the input order (provenance must not depend on it); seq keeps ingest order.
      const order = [...set].sort(() => rnd() - 0.5);
      const pred = computeProvenance(order.map((x) => x.a), opts);
      const predFam = (id: string) => pred.get(id)!.family;
      for (const x of set) {
        const p = pred.get(x.a.id)!;
        // An unrelated article judged to follow another unrelated one (same other event) is not
        // about the source at all: that pair is unlabelled too.
        const otherPair = x.kind === 'original' && p.kind !== 'original' && p.of !== null && predFam(p.of) !== predFam(src.id) && !sameEvent.has(x.a.id);
        if (otherPair) {
          otherN++;
          continue;
        }
        if (sameEvent.has(x.a.id)) {
          sameN++;
          if (p.kind !== 'original') sameDep++;
          continue;
        }
        const k = `${x.kind}|${p.kind}`;
        conf.set(k, (conf.get(k) ?? 0) + 1);
        n++;
        if (x.kind !== 'original' && p.kind === x.kind) {
          famN++;
          if (predFam(x.a.id) === predFam(x.family) && p.of !== null) famOk++;
        }
      }
    }
    const ms = performance.now() - t0;
    return { conf, famOk, famN, n, stories, ms, sameN, sameDep, otherN };
}

export function report({ conf, famOk, famN, n, stories, ms, sameN, sameDep, otherN }: ProvResult): void {
    const kinds: ProvenanceKind[] = ['original', 'duplicate', 'wire-copy', 'rewrite'];
    console.log(`${stories} stories, ${n} articles (labelled: ${kinds.map((k) => `${k} ${[...conf].filter(([c]) => c.startsWith(k + '|')).reduce((s, [, v]) => s + v, 0)}`).join(', ')})`);
    console.log(`kind        precision  recall   F1      (gold -> predicted counts)`);
    for (const k of kinds) {
      const tp = conf.get(`${k}|${k}`) ?? 0;
      const predN = kinds.reduce((s, g) => s + (conf.get(`${g}|${k}`) ?? 0), 0);
      const goldN = kinds.reduce((s, p) => s + (conf.get(`${k}|${p}`) ?? 0), 0);
      const p = predN ? tp / predN : 1, r = goldN ? tp / goldN : 1;
      const row = kinds.map((pk) => `${pk}:${conf.get(`${k}|${pk}`) ?? 0}`).join(' ');
      console.log(`${k.padEnd(11)} ${fmt(p)}      ${fmt(r)}    ${fmt(p + r ? (2 * p * r) / (p + r) : 0)}   (${row})`);
    }
    console.log(`source family right for ${famOk}/${famN} correctly typed copies and rewrites`);
    console.log(`unlabelled same-event articles (other outlets): ${sameDep} of ${sameN} judged dependent (copy/rewrite of another)`);
    console.log(`unrelated same-topic articles judged to follow each other (not the source; unlabelled): ${otherN}`);
    console.log(`${(ms / stories).toFixed(1)} ms per story (${n + sameN + otherN} articles in ${stories} groups)`);
}
