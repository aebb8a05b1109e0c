/**
 * Quotes: direct (“...,” X said / X said: “...” / “...,” said X / split around the attribution /
 * quote paragraphs continuing the previous speaker), partial quotes inside reported speech, and
 * reported speech ("X said (that) ...", "according to X, ..."). Hand-written patterns over
 * wink's tokens and our entity mentions: no offline library attributes quotes to speakers.
 */
import type { EntityMention, EntityType, QuoteMention } from './types.js';
import { firstTokenAt, sentenceAt, type Analysis, type Token } from './nlp.js';
import { CUE_VERBS, PRONOUNS_PERSON, REPORT_VERBS, ROLE_NOUNS, SOURCE_HEADS } from './gazetteer.js';
import { quoteRanges, resolvePronoun } from './entities.js';

const TOLD_WHO = new Set(['reporters', 'journalists', 'the', 'a', 'an', 'local', 'state', 'national', 'public', 'radio', 'television', 'tv', 'media', 'newspaper', 'news', 'agency', 'broadcaster', 'him', 'her', 'them', 'us', 'me', 'parliament', 'lawmakers', 'analysts', 'investors', 'staff', 'workers', 'residents', 'members', 'a', 'press']);
/** Verbs that introduce reported speech even without "that" ("X said negotiations had narrowed"). */
const SAY_VERBS = new Set('said says say told tells added adds expects stated states noted notes warned warns explained explains stressed stresses insisted insists argued argues claimed claims believes believed thinks thought reiterated reiterates indicated indicates suggested suggests emphasized emphasised emphasizes emphasises underlined underlines underscored underscores affirmed affirms reaffirmed reaffirms maintained maintains acknowledged acknowledges predicted predicts'.split(' '));
const isCapTok = (t: string) => /^[A-Z][a-z]/.test(t);
const PLEDGE_VERBS = new Set(['vowed', 'vows', 'promised', 'promises', 'pledged', 'pledges', 'urged', 'urges']);
const PARTICIPLE_CUES = new Set(['saying', 'stating', 'adding', 'warning', 'arguing', 'noting', 'insisting', 'claiming', 'telling', 'explaining', 'stressing', 'emphasizing', 'emphasising']);
const BOUNDARY = /^[,;:()“”"—–]$/;
/** "the company", "the club", "the agency": a speaker that stands for an organisation named before. */
const ORG_ANAPHOR = /^[Tt]he (?:(?:[A-Z][\w-]*|[\w-]+-(?:based|owned|listed)|listed|troubled|embattled|struggling) ){0,2}(company|firm|group|club|team|agency|authority|ministry|council|office|board|department|bank|airline|retailer|union|party|regulator|watchdog|charity|hospital|university|broadcaster|newspaper|paper|committee|commission|operator|carrier|insurer|lender|manufacturer|maker|carmaker|automaker|chipmaker|producer|dairy|brewer|federation|association|league|court|trust|giant|conglomerate|chain|supermarket|publisher|developer|miner|exporter|utility)$/;

interface Speaker {
  entity: string | null;
  text: string | null;
  cue: string | null;
  /** Token index where the speaker phrase starts (for "..., X said." clauses). */
  at?: number;
}

export function extractQuotes(a: Analysis, mentions: EntityMention[], types: Map<string, EntityType>): QuoteMention[] {
  const out: QuoteMention[] = [];
  const toks = a.tokens;
  const text = a.text;
  // token offset -> index, built on first use: only the rare "X of Y said" speaker needs it
  let tokAtMap: Map<number, number> | null = null;
  const tokAt = (start: number): number | undefined => {
    if (!tokAtMap) {
      tokAtMap = new Map();
      for (let i = 0; i < toks.length; i++) tokAtMap.set(toks[i].start, i);
    }
    return tokAtMap.get(start);
  };
  const mentionAt = new Map<number, EntityMention>();
  for (const m of mentions) if (!mentionAt.has(m.start) || m.via !== 'pronoun') mentionAt.set(m.start, m);
  const isSpeakerType = (id: string) => types.get(id) === 'person' || types.get(id) === 'organization' || types.get(id) === 'place';
  // the article's quotation ranges, built on first use (only subjectOf needs them)
  let quoteSpans: [number, number][] | null = null;
  const inQuotes = (at: number) => (quoteSpans ??= quoteRanges(text)).some(([s, e]) => at > s && at < e);
  let lastSpeaker: { entity: string | null; text: string | null; sentence: number; paragraph: number } | null = null;

  // token index range of a character range
  const firstTokAtOrAfter = (at: number) => firstTokenAt(a, at);

  /** Who is the speaker around cue token index c: a mention just before it ("Ushakov said") or
   *  just after it ("said Ushakov", "according to Ushakov"). */
  const speakerAround = (c: number, after: boolean, sentence: number): Speaker | null => {
    const cueTok = toks[c];
    let cue = cueTok.text;
    if (cue === 'according' && toks[c + 1]?.text === 'to') {
      cue = 'according to';
      return npAfter(c + 2, cue, sentence);
    }
    if ((cue === 'told' || cue === 'tells') && toks[c + 1] && /^(?:reporters|journalists|the|a|an|[A-Z])/.test(toks[c + 1].text)) {
      const obj = toks[c + 1].text === 'reporters' || toks[c + 1].text === 'journalists' ? ` ${toks[c + 1].text}` : '';
      cue += obj;
    }
    // before the cue: skip auxiliaries / adverbs ("had earlier said", "has repeatedly said")
    let k = c - 1;
    while (k >= 0 && toks[k].sent === sentence && (toks[k].pos === 'AUX' || toks[k].pos === 'ADV' || toks[k].pos === 'PART') && c - k < 4 && !BOUNDARY.test(toks[k].text)) k--;
    if (k >= 0 && toks[k].sent === sentence && toks[k].text === ',' && toks[k - 1]?.text !== '”' && toks[k - 1]?.text !== '"') {
      // "Mayor X, who visited ..., said" / "Martin Keane, head of ..., said": the sentence's subject
      const sp = subjectOf(sentence, cue, k);
      if (sp) return sp;
    }
    if (k >= 0 && toks[k].sent === sentence && !BOUNDARY.test(toks[k].text) && !/^[.!?]$/.test(toks[k].text)) {
      const sp = npBefore(k, cue, sentence);
      if (sp) return sp;
    }
    if (after) return npAfter(c + 1, cue, sentence);
    return null;
  };

  const npBefore = (k: number, cue: string, sentence: number): Speaker | null => {
    // walk back over a noun phrase (max 6 tokens)
    const end = k;
    let s = k;
    while (s - 1 >= 0 && toks[s - 1].sent === sentence && end - s < 6) {
      const p = toks[s - 1];
      // a hyphenated modifier is part of the phrase: "the Stuttgart-based carmaker"
      const hyphen = p.text === '-' ? toks[s - 2]?.end === p.start && toks[s]?.start === p.end : toks[s - 2]?.text === '-' && toks[s - 2].end === p.start;
      if (!hyphen && (BOUNDARY.test(p.text) || /^[.!?]$/.test(p.text) || p.pos === 'VERB' || p.pos === 'AUX' || p.pos === 'SCONJ' || p.pos === 'ADP' || p.pos === 'PRON')) break;
      if (p.pos === 'CCONJ' && !(s - 2 >= 0 && toks[s - 2].sent === sentence && /^[A-Z]/.test(toks[s - 2].text) && /^[A-Z]/.test(toks[s].text))) break;
      s--;
    }
    const t = toks[end];
    if (t.pos === 'CCONJ') return subjectOf(sentence, cue);
    if (t.pos === 'VERB' || t.pos === 'ADP' || /^[.!?]$/.test(t.text)) return null;
    const spanText = text.slice(toks[s].start, t.end);
    // a mention inside the phrase, the one nearest the cue
    // "Both Moscow and Kyiv have indicated": no single speaker; "Sources in Moscow say": not Moscow
    const joint = toks.slice(s, end + 1).some((x) => x.text === 'and' || x.text === '&') || (s - 1 >= 0 && toks[s - 1].sent === sentence && /^(?:and|&)$/.test(toks[s - 1].text));
    const object = s - 1 >= 0 && toks[s - 1].sent === sentence && toks[s - 1].pos === 'ADP' && !/^(?:according)$/.test(toks[s - 2]?.text ?? '');
    if (object && !joint && s - 2 >= 0) {
      // "Dr Amelia Grant of Ferrow University said": the person before "of" / "at" / "from"
      const prevEnd = toks[s - 2].end;
      const pm = mentions.find((m) => m.start + m.text.length === prevEnd && m.via !== 'pronoun' && types.get(m.entity) === 'person');
      if (pm) return { entity: pm.entity, text: text.slice(pm.start, t.end), cue, at: tokAt(pm.start) ?? s };
    }
    const ent = joint || object ? null : headMention(s, end + 1);
    if (PRONOUNS_PERSON.has(t.text.toLowerCase()) || /^(?:he|she)$/i.test(t.text)) {
      return { entity: pronounSpeaker(t, sentence), text: t.text, cue, at: end };
    }
    // "her son, Tomás Velasquez, who said ...": the person the relative clause is about
    if (/^who$/i.test(t.text) && toks[end - 1]?.text === ',' && toks[end - 2]) {
      const pm = mentions.find((m) => m.start + m.text.length === toks[end - 2].end && m.via !== 'pronoun' && types.get(m.entity) === 'person');
      if (pm) return { entity: pm.entity, text: pm.text, cue, at: tokAt(pm.start) ?? end - 2 };
    }
    if (t.pos === 'PRON' && !/^(?:he|she)$/i.test(t.text)) return { entity: null, text: t.text, cue, at: end };
    if (object && !joint) {
      // "Officials in Moscow said", "Farmers along the canal said", "Sources close to the talks
      // said": the speakers are the source noun before the preposition, not the place after it
      let b = s - 2;
      let head = -1;
      while (b >= 0 && toks[b].sent === sentence && s - 2 - b < 3 && (toks[b].pos === 'NOUN' || toks[b].pos === 'ADJ' || toks[b].pos === 'PROPN')) {
        if (head < 0 && SOURCE_HEADS.has(toks[b].text.toLowerCase())) head = b;
        b--;
      }
      if (head >= 0) return { entity: null, text: text.slice(toks[b + 1].start, t.end), cue, at: b + 1 };
    }
    return { entity: ent, text: spanText, cue, at: s };
  };

  const npAfter = (k: number, cue: string, sentence: number): Speaker | null => {
    let e = k;
    while (
      e < toks.length && toks[e].sent === sentence && e - k < 8 && !BOUNDARY.test(toks[e].text) && !/^[.!?]$/.test(toks[e].text) &&
      (e === k || (toks[e].pos !== 'VERB' && toks[e].pos !== 'AUX' && toks[e].text !== 'who' && ((toks[e].pos !== 'ADP' && toks[e].pos !== 'SCONJ') || (/^(?:of|for)$/.test(toks[e].text) && /^[A-Z]/.test(toks[e + 1]?.text ?? '')))))
    ) e++;
    if (e === k) return null;
    const t = toks[k];
    if (/^(?:he|she)$/i.test(t.text)) return { entity: pronounSpeaker(t, sentence), text: t.text, cue };
    // apposition after the name: "according to Dmitry Peskov, a spokesman ..." stops at the comma
    const ent = headMention(k, e);
    // "said Orrin's mayor, Dara Nwosu": the name after a role in apposition
    if (!ent && toks[e]?.text === ',' && toks[e + 1]) {
      const pm = mentions.find((m) => m.start === toks[e + 1].start && m.via !== 'pronoun' && types.get(m.entity) === 'person');
      if (pm && toks.slice(k, e).some((x) => ROLE_NOUNS.has(x.text.toLowerCase()))) return { entity: pm.entity, text: text.slice(toks[k].start, pm.start + pm.text.length), cue };
    }
    return { entity: ent, text: text.slice(toks[k].start, toks[e - 1].end), cue };
  };

  const pronounSpeaker = (t: Token, sentence: number): string | null => {
    const pm = mentions.find((m) => m.start === t.start && m.via === 'pronoun');
    // a person named earlier in this paragraph beats a speaker from an earlier paragraph
    const para = a.sentences[sentence].paragraph;
    const named = mentions.some((m) => m.start < t.start && m.via !== 'pronoun' && types.get(m.entity) === 'person' && a.sentences[m.sentence].paragraph === para);
    if (pm && named && (!lastSpeaker || a.sentences[lastSpeaker.sentence].paragraph !== para)) return pm.entity;
    if (lastSpeaker?.entity && sentence - lastSpeaker.sentence <= 3 && types.get(lastSpeaker.entity) === 'person') return lastSpeaker.entity;
    if (pm) return pm.entity;
    return resolvePronoun(a, mentions.filter((m) => types.get(m.entity) === 'person' && m.start < t.start), t);
  };

  // ------------------------------------------------------------------ per paragraph
  const quoteRe = /“([^”“\n]{1,1500})”|"([^"\n]{1,1500})"/g;
  const paraOf = (s: number) => a.sentences[s].paragraph;
  let si = 0;
  const nPara = a.headline.length;
  const sentByPara: number[][] = Array.from({ length: nPara }, () => []);
  for (let s = 0; s < a.sentences.length; s++) sentByPara[paraOf(s)].push(s);
  for (let p = 0; p < nPara; p++) {
    const ss = sentByPara[p];
    if (!ss.length || a.headline[p]) continue;
    const pStart = a.sentences[ss[0]].start;
    const pEnd = a.sentEnds[ss[ss.length - 1]];
    const ptext = text.slice(pStart, pEnd);
    const covered: [number, number][] = [];
    const directCues = new Set<number>();
    let quoteCount = 0;
    let attributedInPara = false;
    quoteRe.lastIndex = 0;
    for (let m = quoteRe.exec(ptext); m; m = quoteRe.exec(ptext)) {
      const qs = pStart + m.index;
      const qe = qs + m[0].length;
      let inner = m[1] ?? m[2];
      const innerStart = qs + 1;
      inner = inner.replace(/[,\s]+$/, '');
      const words = inner.split(/\s+/).filter(Boolean);
      const s0 = firstSentence(a, qs);
      si = s0;
      const sEnd = a.sentEnds[lastSentence(a, qe - 1)];
      const sStart = a.sentences[s0].start;
      // attribution after the quote, in the same sentence: “...,” X said / said X / according to X
      let sp: Speaker | null = null;
      const ti = firstTokAtOrAfter(qe);
      let cueIdx = -1;
      // “...,” X said — the quote ends on a comma / stop / ? / !, or a comma follows it
      const closes = /[,.?!—–-]\s*$/.test(m[1] ?? m[2]) || /^\s*[,—–]/.test(text.slice(qe, qe + 3));
      for (let k = ti; closes && k < toks.length && toks[k].start < sEnd && k - ti < 7; k++) {
        if (toks[k].text === '“' || toks[k].text === '"') break;
        if (CUE_VERBS.has(toks[k].text) || (toks[k].text === 'according' && toks[k + 1]?.text === 'to')) {
          cueIdx = k;
          break;
        }
      }
      if (cueIdx >= 0) {
        sp = speakerAround(cueIdx, true, toks[cueIdx].sent);
        // "said X" when nothing stands before the cue
        if (sp && sp.entity === null && /^[,\s]*$/.test(text.slice(qe, toks[cueIdx].start)) === false) {
          /* keep the phrase before the cue */
        }
        if (sp && !sp.entity && /^[\s,]*$/.test(text.slice(qe, toks[cueIdx].start))) sp = npAfter(cueIdx + 1, toks[cueIdx].text, toks[cueIdx].sent) ?? sp;
      }
      // attribution before the quote: X said: “...” / X described it as “...” / split quotes
      if (!sp) {
        const tq = firstTokAtOrAfter(qs) - 1;
        for (let k = tq; k >= 0 && toks[k].start >= sStart; k--) {
          const w = toks[k].text;
          if (w === '”' || (w === '"' && k !== tq)) {
            // skip back over an earlier quote in the same sentence
            continue;
          }
          if (CUE_VERBS.has(w) || PARTICIPLE_CUES.has(w) || (w === 'according' && toks[k + 1]?.text === 'to')) {
            if (insideRange(toks[k].start, covered)) continue;
            if (toks[k + 1]?.text === 'by') sp = npAfter(k + 2, w, toks[k].sent); // "described by X as “...”"
            else sp = PARTICIPLE_CUES.has(w) ? subjectOf(toks[k].sent, w) : speakerAround(k, true, toks[k].sent);
            if (sp) {
              cueIdx = k;
              break;
            }
          }
        }
      }
      const atSentStart = qs === sStart || /[:]\s*$/.test(text.slice(sStart, qs));
      const fullSentence = /^[A-Z‘'"]/.test(inner) && words.length >= 4;
      let kind: QuoteMention['kind'] = fullSentence && (atSentStart || cueIdx >= 0 && toks[cueIdx].start > qe) ? 'direct' : fullSentence && /[,:]\s*$/.test(text.slice(sStart, qs)) ? 'direct' : 'partial';
      if (!sp && atSentStart && fullSentence) {
        // a quote paragraph with no attribution continues the previous speaker
        if (lastSpeaker && p - lastSpeaker.paragraph <= 1) sp = { entity: lastSpeaker.entity, text: lastSpeaker.text, cue: null };
        kind = 'direct';
      }
      if (!sp && (words.length < 3 || !fullSentence)) continue; // scare quotes, titles
      quoteCount++;
      covered.push([qs, qe]);
      if (cueIdx >= 0 && kind === 'direct') directCues.add(cueIdx);
      const q: QuoteMention = { start: innerStart, text: inner, kind, speaker: sp?.entity ?? null, speakerText: sp?.text ?? null, cue: sp?.cue ?? null, sentence: s0 };
      out.push(q);
      if (sp?.entity || sp?.text) {
        lastSpeaker = { entity: sp.entity, text: sp.text, sentence: s0, paragraph: p };
        attributedInPara = true;
      }
    }
    void quoteCount;
    void attributedInPara;
    // ---------------------------------------------------------------- reported speech
    for (const s of ss) {
      const [t0, t1] = a.sentTok[s];
      for (let k = t0; k < t1; k++) {
        const w = toks[k].text;
        let clauseStart = -1;
        // where the clause would start without a skipped time phrase ("said on Friday that"): the
        // share of it in quotation marks is measured from there, as before the skip
        let ratioFrom = -1;
        let clauseEnd = a.sentEnds[s];
        let sp: Speaker | null = null;
        if (w.length === 9 && w.toLowerCase() === 'according' && toks[k + 1]?.text === 'to') {
          // "according to X, CLAUSE" or "CLAUSE, according to X."
          sp = npAfter(k + 2, 'according to', s);
          if (!sp) continue;
          let e = k + 2;
          while (e < t1 && toks[e].text !== ',' && !/^[.!?]$/.test(toks[e].text)) e++;
          if (k === t0 || (k === t0 + 1 && /^[A-Z]/.test(toks[t0].text) === false)) {
            if (e + 1 < t1) clauseStart = toks[e + 1].start;
          } else {
            clauseStart = toks[t0].start;
            clauseEnd = toks[k - 1]?.text === ',' ? toks[k - 1].start : toks[k].start;
            if (e + 1 < t1 && toks[e]?.text === ',') {
              /* "X, according to Y, Z" : keep whole sentence minus the phrase */
              clauseEnd = a.sentEnds[s];
            }
          }
        } else if (REPORT_VERBS.has(w) && !directCues.has(k) && toks[k].pos === 'VERB' || PARTICIPLE_CUES.has(w)) {
          if (directCues.has(k)) continue;
          // "..., Fire Chief X told reporters at a briefing on Monday morning.": the one told is skipped
          let restFrom = toks[k].end;
          if (w === 'told' || w === 'tells') {
            let c2 = k + 1;
            while (c2 < t1 && c2 - k <= 4 && (isCapTok(toks[c2].text) || TOLD_WHO.has(toks[c2].text.toLowerCase()))) c2++;
            if (c2 > k + 1) restFrom = toks[c2 - 1].end;
          }
          const restText = a.text.slice(restFrom, a.sentEnds[s]);
          // (after the one told, a longer time or place phrase: "at a briefing on Monday morning")
          const inverted =
            !PARTICIPLE_CUES.has(w) &&
            (/^\s*(?:,?\s*(?:late |early )?(?:on|in|at|last|this|late|earlier|later|afterwards|after|before|when)\b(?:\s+[\w’'-]+){0,4})?\s*(?:[.,;]|$)/.test(restText) ||
              (restFrom > toks[k].end && !/\bthat\b/.test(restText) && /^\s*(?:on|in|at|after|before)\b(?:\s+[\w’'-]+){0,6}\s*(?:[.,;]|$)/.test(restText)));
          // "conceded defeat", "denied the charges", "reported a loss": these verbs report speech
          // only with a clause or after it ("..., the Journal reported on Friday.")
          // "has vowed to repeal the law", "has promised no job losses": a pledge is a statement too
          const pledge = PLEDGE_VERBS.has(w) && (toks[k + 1]?.text === 'to' || /^(?:DET|NUM|ADJ|NOUN|PROPN)$/.test(toks[k + 1]?.pos ?? ''));
          if (!SAY_VERBS.has(w) && !PARTICIPLE_CUES.has(w) && !inverted && !pledge && !/^(?:that|it|he|she|they|we|there)$/i.test(toks[k + 1]?.text ?? '')) continue;
          if (k > t0 && /^(?:was|were|been|being|is|are|be)$/i.test(toks[k - 1].text)) continue; // passive: "was confirmed by"
          if (toks[k + 1]?.text === 'by') continue;
          // "what people said about their sleep": a free relative, not an attribution
          if ([1, 2, 3].some((d) => k - d >= t0 && toks[k - d].text === 'what')) continue;
          let c = k + 1;
          if ((w === 'told' || w === 'telling' || w === 'tells') && toks[c]) {
            // the one told: "reporters", "the Riverton Courier", "local radio", "him"
            while (c < t1 && c - k <= 4 && (isCapTok(toks[c].text) || TOLD_WHO.has(toks[c].text.toLowerCase()))) c++;
            // "told cheering supporters in the capital, Brennholm, that ...": a longer object up to "that"
            let x = c;
            while (x < t1 && x - c < 10 && toks[x].text !== 'that' && /^(?:ADJ|NOUN|PROPN|DET|ADP|NUM|PUNCT|VERB)$/.test(toks[x].pos) && !/^[.;:“”"]$/.test(toks[x].text) && !(toks[x].pos === 'VERB' && !/ing$/.test(toks[x].text))) x++;
            if (x > c && toks[x]?.text === 'that') c = x;
          }
          if (toks[c]?.text === 'that') c++;
          else {
            // "said on Thursday that ...", "told analysts in a call that ...": the clause starts after "that"
            let x = c;
            while (x < t1 && x - c < 5 && /^(?:ADP|DET|PROPN|NOUN|NUM|ADJ)$/.test(toks[x].pos) && toks[x].text !== 'that') x++;
            if (x > c && toks[x]?.text === 'that' && /^(?:ADP)$/.test(toks[c].pos)) {
              ratioFrom = toks[c].start;
              c = x + 1;
            }
          }
          const isp = inverted ? speakerAround(k, false, s) : null;
          // "..., officials said on Tuesday." / "None was hurt, the authority said." / "..., its
          // organiser, retired teacher Alan Brice, said.": the clause comes first, then a comma and
          // the speaker with any role words and appositions before the name
          let comma = isp && isp.at !== undefined && isp.at > t0 ? isp.at - 1 : -1;
          for (let b = comma; b > t0 && isp!.at! - b < 8; b--) {
            const x = toks[b];
            if (x.text === ',' && b === isp!.at! - 1) comma = b;
            else if (x.text === ',' && toks.slice(b + 1, comma).some((y) => ROLE_NOUNS.has(y.text.toLowerCase()))) comma = b;
            else if (!(x.pos === 'NOUN' || x.pos === 'ADJ' || x.pos === 'PROPN' || x.pos === 'DET' || (x.pos === 'PRON' && /^(?:its|his|her|their)$/i.test(x.text)) || x.text === ',')) break;
          }
          if (comma > t0 && toks[comma].text !== ',') comma = -1;
          if (isp && comma > t0 && !(isp.text && /^(?:it|this|that|which|what)$/i.test(isp.text))) {
            sp = isp;
            clauseStart = toks[t0].start;
            clauseEnd = toks[comma].start;
          } else if (inverted) continue;
          else {
            if (c >= t1 || /^[“"',:.]$/.test(toks[c].text)) continue;
            // "said the statement." / "said the report, citing ...": the statement is the speaker, not a clause
            if (toks[c].pos === 'DET' && toks[c + 1]?.pos === 'NOUN' && toks[c + 2] && (toks[c + 2].text === '.' || (toks[c + 2].text === ',' && toks[c + 3]?.pos === 'VERB'))) continue;
            sp = PARTICIPLE_CUES.has(w) ? subjectOf(s, w) : speakerAround(k, false, s);
            if (!sp || (!sp.entity && !sp.text)) continue;
            if (sp.text && /^(?:it|this|that|which|what)$/i.test(sp.text)) continue;
            clauseStart = toks[c].start;
          }
        } else continue;
        if (clauseStart < 0) continue;
        const clause = text.slice(clauseStart, clauseEnd).replace(/[\s.,;]+$/, '');
        if (clause.split(/\s+/).length < 3) continue;
        if (insideRange(clauseStart, covered) || covered.some(([qs, qe]) => qs <= clauseStart && qe >= clauseStart + clause.length)) continue;
        const quotedLen = out.filter((q) => q.kind !== 'reported' && q.start >= clauseStart && q.start < clauseStart + clause.length).reduce((n, q) => n + q.text.length, 0);
        // partial quotes inside this clause take the same speaker
        for (const q of out) {
          if (q.start >= clauseStart && q.start < clauseStart + clause.length && q.kind === 'partial' && !q.speaker) {
            q.speaker = sp.entity;
            q.speakerText = sp.text;
            q.cue = sp.cue;
          }
        }
        if (quotedLen > (ratioFrom >= 0 ? clauseStart - ratioFrom + clause.length : clause.length) * 0.4) {
          lastSpeaker = { entity: sp.entity, text: sp.text, sentence: s, paragraph: p };
          break;
        }
        out.push({ start: clauseStart, text: clause, kind: 'reported', speaker: sp.entity, speakerText: sp.text, cue: sp.cue, sentence: s });
        lastSpeaker = { entity: sp.entity, text: sp.text, sentence: s, paragraph: p };
        break;
      }
    }
  }
  void si;
  out.sort((x, y) => x.start - y.start);
  // "..., the company said" / "the club announced": the organisation the article is about at that
  // point: the first one named in the same sentence (its subject), else the nearest one named before
  for (const q of out) {
    if (q.speaker || !q.speakerText || !ORG_ANAPHOR.test(q.speakerText.trim())) continue;
    const sent = a.sentences[q.sentence];
    const orgs = mentions.filter((m) => types.get(m.entity) === 'organization' && m.via !== 'pronoun' && m.start < sent.start + sent.text.length);
    // "the union": an organisation whose name says union ("Riverton Transit Workers Union") first
    const noun = ORG_ANAPHOR.exec(q.speakerText.trim())![1].toLowerCase();
    const named = [...orgs].reverse().find((m) => m.text.toLowerCase().split(/\s+/).includes(noun));
    const here = orgs.find((m) => m.sentence === q.sentence);
    const before = [...orgs].reverse().find((m) => m.sentence < q.sentence && m.sentence >= q.sentence - 6);
    const pick = named ?? here ?? before;
    if (pick) q.speaker = pick.entity;
  }
  return out;

  /** The entity a noun phrase [i, j) names: a mention that ends the phrase ("Kremlin aide Yuri
   *  Ushakov", "the Kremlin"), not one that only modifies its head ("Kremlin insiders"). */
  function headMention(i: number, j: number): string | null {
    let last = j - 1;
    while (last > i && /^[,.;:’'s]+$/.test(toks[last].text)) last--;
    const endAt = toks[last].end;
    for (let x = i; x <= last; x++) {
      const m = mentionAt.get(toks[x].start);
      if (m && isSpeakerType(m.entity) && m.via !== 'pronoun' && m.start + m.text.length === endAt) return m.entity;
    }
    return null;
  }

  /** The sentence's subject: its first person mention (before token `before`), else its first
   *  organisation or place. */
  function subjectOf(s: number, cue: string, before?: number): Speaker | null {
    const [t0, t1] = a.sentTok[s];
    const end = before ?? t1;
    let other: Speaker | null = null;
    for (let i = t0; i < end; i++) {
      const m = mentionAt.get(toks[i].start);
      if (!m || !isSpeakerType(m.entity)) continue;
      // "her spokesman, Jonas Rask, said": a possessive pronoun is no subject; nor are the words of a quote
      if (m.via === 'pronoun' && /^(?:his|her|their|its)$/i.test(m.text) && toks[i + 1] && /^(?:NOUN|ADJ|PROPN)$/.test(toks[i + 1].pos)) continue;
      // "Voss's lawyer, Miriam Lowe, said": nor is a name in the possessive before a noun
      let j = i;
      while (j + 1 < end && toks[j + 1].end <= m.start + m.text.length) j++;
      if (toks[j + 1] && /^['’]s?$/.test(toks[j + 1].text) && toks[j + 2] && /^(?:NOUN|ADJ)$/.test(toks[j + 2].pos)) continue;
      if (inQuotes(toks[i].start)) continue;
      // "The works council, led by Dirk Oberle, said": the agent of a participle is not the subject
      if (toks[i - 1]?.text === 'by' && /^(?:VERB|ADJ)$/.test(toks[i - 2]?.pos ?? '')) continue;
      if (types.get(m.entity) === 'person') return { entity: m.entity, text: m.text, cue, at: i };
      other ??= { entity: m.entity, text: m.text, cue, at: i };
    }
    return other;
  }
}

function insideRange(at: number, rs: [number, number][]): boolean {
  return rs.some(([s, e]) => at >= s && at < e);
}

const firstSentence = sentenceAt;
const lastSentence = sentenceAt;
