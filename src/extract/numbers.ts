/**
 * Numbers with what they count or measure and their hedges ("about 1,500 residents", "some four
 * hours", "20% of the Donetsk region", "far over a million people"). Ordinals, years, dates,
 * clock times and citation markers are not numbers here.
 *
 * Hand-written: wink's NER finds number spans but not the hedge, unit or counted noun, and its
 * NER pipe costs as much as the rest of extraction; one regex pass over the text does all of it.
 */
import type { NumberMention } from './types.js';
import { firstTokenAt, sentenceAt, type Analysis } from './nlp.js';

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14,
  fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  a: 1, an: 1, dozen: 12, dozens: 24, hundreds: 200, thousands: 2000, millions: 2e6, billions: 2e9,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, m: 1e6, k: 1e3 };
const HEDGES: [RegExp, NumberMention['hedge']][] = [
  [/^(?:about|around|some|roughly|approximately|nearly|almost|close to|an estimated|an approximate|circa|approx\.?)$/i, 'about'],
  [/^(?:more than|over|far over|well over|just over|upwards of|above|in excess of)$/i, 'more-than'],
  [/^(?:fewer than|less than|under|just under|below)$/i, 'less-than'],
  [/^(?:at least|as many as|no fewer than|no less than)$/i, 'at-least'],
  [/^(?:at most|up to|no more than)$/i, 'at-most'],
  [/^(?:exactly|precisely|just)$/i, 'exactly'],
];
const WORDNUM = '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|dozens|hundreds|thousands|millions|billions|a dozen|a|an)';
const DURATION = /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century|nights?)$/i;
const MEASURE = /^(?:kilometres?|kilometers?|km|miles?|metres?|meters?|m|centimetres?|centimeters?|cm|millimetres?|millimeters?|mm|feet|foot|ft|inches?|yards?|kilograms?|kg|grams?|g|tonnes?|tons?|pounds? weight|litres?|liters?|gallons?|degrees?|acres?|hectares?|kilowatts?|megawatts?|gigawatts?|mw|gw|kwh|mph|knots?|kph|calories?|points?|turbines?-?)$/i;
const CURRENCY_WORDS: Record<string, string> = { crowns: 'crowns', kronor: 'SEK', krone: 'crowns', francs: 'CHF', rupees: 'INR', pesos: 'pesos', dollars: 'USD', dollar: 'USD', euros: 'EUR', euro: 'EUR', pounds: 'GBP', sterling: 'GBP', rubles: 'RUB', roubles: 'RUB', hryvnias: 'UAH', hryvnia: 'UAH', yuan: 'CNY', yen: 'JPY', usd: 'USD', eur: 'EUR', gbp: 'GBP' };
const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
const STOP_WHAT = new Set('of the a an and or but in on at to for from with by as than that which who is are was were be been has have had will would can could may might said says this these those its their his her'.split(' '));

const RE = new RegExp(
  String.raw`(?<hedge>\b(?:about|around|some|roughly|approximately|nearly|almost|close to|an estimated|more than|far over|well over|just over|over|upwards of|in excess of|fewer than|less than|just under|under|at least|as many as|no fewer than|at most|up to|no more than|exactly|precisely)\s+)?` +
    String.raw`(?<cur>[$€£¥]\s?)?` +
    String.raw`(?<num>\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|\b\d+(?:\.\d+)?(?:\b|(?=(?:kg|mg|g|km|cm|mm|ml|lbs?|oz|ft|mph|kph|bn|m|k)\b))|\b${WORDNUM}\b)` +
    // a unit written onto the number: "500g pots", "40km"
    String.raw`(?<att>(?<=\d)(?:kg|mg|g|km|cm|mm|ml|lbs?|oz|ft|mph|kph)\b)?` +
    String.raw`(?:[\s-](?<scale>hundred|thousand|million|billion|trillion|bn)\b|(?<sscale>bn|m|k)\b)?` +
    String.raw`(?<pct>\s?%|\s(?:per ?cent|percent|percentage points?)\b)?` +
    String.raw`(?<hy>-(?<hyunit>[a-z]+)(?<old>-old)?\b)?`,
  'gi',
);

export function extractNumbers(a: Analysis, skip: [number, number][]): NumberMention[] {
  const text = a.text;
  const out: NumberMention[] = [];
  const sentAt = (at: number) => sentenceAt(a, at);
  const tokIdx = (at: number) => firstTokenAt(a, at);
  RE.lastIndex = 0;
  for (let m = RE.exec(text); m; m = RE.exec(text)) {
    if (m[0].length === 0) {
      RE.lastIndex++;
      continue;
    }
    const g = m.groups!;
    const numRaw = g.num;
    const numLow = numRaw.toLowerCase();
    const numStart = m.index + (g.hedge?.length ?? 0) + (g.cur?.length ?? 0);
    let start = g.hedge ? m.index : numStart - (g.cur?.length ?? 0);
    let end = m.index + m[0].length;
    if (skip.some(([s, e]) => numStart < e && numStart + numRaw.length > s)) continue;
    // "a"/"an"/"dozens" only count with a scale ("a million", "hundreds of") and never alone
    if ((numLow === 'a' || numLow === 'an') && !g.scale && !/^\s+dozen\b/i.test(text.slice(end))) continue;
    if (/^[A-Z]/.test(numRaw) && /^[A-Za-z]/.test(numRaw) && /\b(?:War|Act|Cup)\s*$/.test(text.slice(Math.max(0, numStart - 6), numStart))) continue; // "World War Two"
    if (/^\d{4}$/.test(numRaw) && Number(numRaw) >= 1900 && Number(numRaw) <= 2100 && !g.pct && !g.cur && !g.scale) continue; // years
    if (text[numStart - 1] === '[' && text[numStart + numRaw.length] === ']') continue; // citation markers
    if (/^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|:\d)/i.test(text.slice(end)) || /^\.\d\d\s*(?:am|pm|a\.m|p\.m)/i.test(text.slice(numStart + numRaw.length))) continue; // clock times
    if (/^(?:st|nd|rd|th)\b/i.test(text.slice(end))) continue; // 14th
    if (/^\d/.test(numRaw) && /[\d.,]$/.test(text.slice(Math.max(0, numStart - 1), numStart)) && numStart > 0) continue;
    if (/^one$/i.test(numRaw) && /^\s+of\b/i.test(text.slice(end)) && !g.hedge) continue; // "one of the harshest"
    if (/^one$/i.test(numRaw) && /^-/.test(text.slice(end))) continue; // "one-fifth"
    if (/^\d+$/.test(numRaw) && (/^-\d/.test(text.slice(numStart + numRaw.length)) || /\d-$/.test(text.slice(Math.max(0, numStart - 2), numStart)))) continue; // scores "5-4", "1-1"
    if (/^(?:hundreds|thousands|millions|billions|dozens)$/i.test(numRaw) && !g.hedge) continue; // no value to speak of
    if (/^[a-z]/i.test(numRaw) && /[A-Za-z]-$/.test(text.slice(Math.max(0, numStart - 2), numStart))) continue; // "sub-zero"
    if (g.hyunit && /^(?:way|fold|sided|party|nation|point-plan)$/i.test(g.hyunit) && g.hyunit.toLowerCase() !== 'point') continue; // "three-way talks"
    if (g.hy && !g.hyunit) continue;
    if (g.hyunit && /^(?:halves|thirds|quarters|fifths|sixths|tenths)$/i.test(g.hyunit)) continue; // "two-thirds": a share, not a count
    // "two weeks earlier", "four years ago": a time expression, not a number ("two days after the
    // first complaint" stays a duration)
    if (/^\s+(?:days?|weeks?|months?|years?|decades?)\s+(?:earlier|later|ago)\b/i.test(text.slice(numStart + numRaw.length, numStart + numRaw.length + 24)) && !g.hedge) continue;
    if (!g.hedge && /\b(?:number|No\.)\s*$/i.test(text.slice(Math.max(0, numStart - 8), numStart))) continue; // "the number 11 shirt": a label
    let value = /^\d/.test(numRaw) ? Number(numRaw.replace(/,/g, '')) : wordValue(numLow);
    if (!Number.isFinite(value)) continue;
    const scale = (g.scale ?? g.sscale)?.toLowerCase();
    if (scale) value *= SCALES[scale] ?? 1;
    let kind: NumberMention['kind'] = 'cardinal';
    let unit: string | null = null;
    let what: string | null = null;
    const hedge = g.hedge ? hedgeOf(g.hedge.trim()) : null;
    const sentence = sentAt(start);
    if (g.att) {
      kind = 'measure';
      unit = g.att.toLowerCase();
      what = nounAfter(a, tokIdx(end), 3);
    } else if (g.pct) {
      kind = 'percent';
      unit = '%';
      const rest = /^\s+(of\s+(?:the\s+)?(?:[A-Za-z’'-]+\s+){0,4}?[A-Za-z’'-]+?)(?=[,.;:)]|\s+(?:and|or|but|which|that|who|while|since|in|on|at|to|as|by|from|with|over|under|after|before|into|is|are|was|were|has|have|had|will|would)\b|$)/.exec(text.slice(end, end + 120));
      if (rest) what = rest[1];
    } else if (g.cur) {
      kind = 'money';
      unit = SYMBOLS[g.cur.trim()] ?? g.cur.trim();
    } else if (g.hy) {
      const u = g.hyunit!.toLowerCase();
      if (g.old) {
        kind = 'age';
        unit = u;
      } else if (DURATION.test(u)) {
        kind = 'duration';
        unit = u.endsWith('s') ? u : `${u}s`;
      } else {
        kind = 'measure';
        unit = u.replace(/^(kilo|centi|milli)meter/, '$1metre');
      }
      what = nounAfter(a, tokIdx(end), 3);
    } else {
      const after = /^\s+([A-Za-z]+)/.exec(text.slice(end, end + 40));
      const w = after?.[1].toLowerCase();
      if (w && CURRENCY_WORDS[w]) {
        kind = 'money';
        unit = CURRENCY_WORDS[w];
        end += after![0].length;
      } else if (w && MEASURE.test(w) && !/^(?:m|g|points?)$/i.test(w)) {
        kind = 'measure';
        unit = w;
        end += after![0].length;
      } else if (w && DURATION.test(w)) {
        kind = 'duration';
        unit = w.endsWith('s') ? w : w === 'century' ? 'centuries' : `${w}s`;
        end += after![0].length;
      } else if (value > 0 && value < 120 && (/\baged\s+(?:\d{1,3}\s*(?:,|and|or|to)\s*)*$/i.test(text.slice(Math.max(0, start - 30), start)) || (/\b(?:he|she) (?:was|is)\s+$/i.test(text.slice(Math.max(0, start - 10), start)) && /^\s*[.,;]/.test(text.slice(end))))) {
        // "aged 19 and 23"; "She was 84." (an obituary's age)
        // "aged 19 and 23", "aged between" is not: ages listed after "aged"
        kind = 'age';
        unit = 'years';
      } else if (/^\s*,/.test(text.slice(end)) && /,\s*$/.test(text.slice(Math.max(0, start - 3), start)) && value > 0 && value < 120 && /^[A-Z]/.test(text.slice(Math.max(0, start - 30), start).split(/\s+/).slice(-2)[0] ?? '')) {
        kind = 'age';
        unit = 'years';
      } else {
        const ti = tokIdx(end);
        const n = nounAfter(a, ti, 4);
        if (n) {
          kind = 'count';
          what = n;
          unit = n.split(' ').pop() ?? null;
        } else if (!/^\d/.test(numRaw) && !g.scale) {
          // word numbers with nothing counted: "killed three in ..." keeps value, "one" alone does not
          // ("one in 20" is a share: both numbers stay)
          if (/^(?:one|a|an)$/.test(numLow) && !(numLow === 'one' && /^\s+in\s+(?:\d|[a-z]+\b)/i.test(text.slice(end, end + 14)))) continue;
          if (/\bthe\s+$/i.test(text.slice(Math.max(0, start - 5), start))) continue; // "talks between the two"
        }
      }
    }
    if (kind === 'cardinal' && /^(?:hundreds|thousands|millions|dozens)$/.test(numLow) && !/^\s+of\b/.test(text.slice(end))) continue;
    if (kind === 'cardinal' && /^(?:hundreds|thousands|millions|dozens)$/.test(numLow)) {
      const of = /^\s+of\s+((?:[a-z-]+\s+){0,2}[a-z-]+)/.exec(text.slice(end, end + 60));
      if (of) {
        kind = 'count';
        what = trimWhat(of[1]);
      }
    }
    start = Math.max(0, start);
    out.push({ start, text: text.slice(start, end), value, kind, unit, what, hedge, sentence });
  }
  return out;
}

function trimWhat(s: string): string | null {
  const ws = s.split(/\s+/);
  while (ws.length && STOP_WHAT.has(ws[ws.length - 1].toLowerCase())) ws.pop();
  return ws.length ? ws.join(' ') : null;
}

/** The counted noun phrase right after a number: adjectives/nouns, ending on a noun. */
function nounAfter(a: Analysis, ti: number, max: number): string | null {
  const toks = a.tokens;
  const s = ti;
  let last = -1;
  for (let k = ti; k < toks.length && k - s < max; k++) {
    const t = toks[k];
    if (t.sent !== toks[s]?.sent) break;
    // "Two earlier attempts": a plural after the number that the tagger read as a verb
    if (t.pos === 'NOUN' || (t.pos === 'VERB' && last < 0 && k > s && /s$/.test(t.text) && toks[k - 1].pos !== 'NOUN' && (k === s || /^(?:ADJ|ADV)$/.test(toks[k - 1].pos)))) last = k;
    else if (t.pos === 'ADJ' || t.pos === 'PROPN' || (t.text === '-' && toks[k - 1]?.end === t.start) || /^(?:earlier|later|previous|further|other|more)$/i.test(t.text)) continue;
    else break;
  }
  if (last < 0) return null;
  return a.text.slice(toks[s].start, toks[last].end);
}

function wordValue(w: string): number {
  if (w === 'a dozen') return 12;
  const parts = w.split('-');
  let v = 0;
  for (const p of parts) {
    const u = UNITS[p];
    if (u === undefined) return NaN;
    v += u;
  }
  return v;
}

function hedgeOf(h: string): NumberMention['hedge'] {
  for (const [re, v] of HEDGES) if (re.test(h)) return v;
  return null;
}
