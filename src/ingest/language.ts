/**
 * Language identification: franc-min (trigram statistics) mapped to ISO 639-1, with 'und' for
 * texts too short to tell. franc confuses short English with Dutch or Scots, so an English
 * function-word share decides for English first (a documented, deterministic check).
 */
import { franc } from 'franc-min';

/** ISO 639-3 (franc) -> ISO 639-1. Languages without a 2-letter code keep their 3-letter code. */
const ISO1: Record<string, string> = {
  eng: 'en', spa: 'es', por: 'pt', ind: 'id', fra: 'fr', deu: 'de', jav: 'jv', vie: 'vi', ita: 'it',
  tur: 'tr', pol: 'pl', swh: 'sw', sun: 'su', ron: 'ro', hau: 'ha', fuv: 'ff', bos: 'bs', hrv: 'hr',
  nld: 'nl', srp: 'sr', ckb: 'ku', yor: 'yo', uzn: 'uz', zlm: 'ms', ibo: 'ig', tgl: 'tl', hun: 'hu',
  azj: 'az', ces: 'cs', run: 'rn', plt: 'mg', nya: 'ny', kin: 'rw', zul: 'zu', swe: 'sv', lin: 'ln',
  som: 'so', rus: 'ru', ukr: 'uk', bel: 'be', bul: 'bg', kaz: 'kk', arb: 'ar', urd: 'ur', pes: 'fa',
  pbu: 'ps', hin: 'hi', mar: 'mr', npi: 'ne', cmn: 'zh', ben: 'bn', jpn: 'ja', kor: 'ko', tel: 'te',
  tam: 'ta', guj: 'gu', kan: 'kn', mal: 'ml', mya: 'my', pan: 'pa', amh: 'am', tha: 'th', sin: 'si',
  ell: 'el', heb: 'he', kat: 'ka', hye: 'hy', khm: 'km', lao: 'lo', dan: 'da', nob: 'nb', fin: 'fi',
  slk: 'sk', slv: 'sl', lit: 'lt', lav: 'lv', est: 'et', cat: 'ca', glg: 'gl', eus: 'eu', afr: 'af',
  xho: 'xh', sna: 'sn', tir: 'ti', bod: 'bo', uig: 'ug', kir: 'ky', tat: 'tt', hat: 'ht', mkd: 'mk',
  sqi: 'sq', als: 'sq', isl: 'is', gle: 'ga', cym: 'cy',
};

/** Normalises a given language tag ("en-US", "eng", "English") to ISO 639-1, or null. */
export function normaliseLanguage(tag: string | undefined): string | null {
  if (!tag) return null;
  const t = tag.trim().toLowerCase().replace(/_/g, '-');
  const base = t.split('-')[0];
  if (/^[a-z]{2}$/.test(base)) return base;
  if (/^[a-z]{3}$/.test(base)) return ISO1[base] ?? base;
  const byName: Record<string, string> = { english: 'en', french: 'fr', german: 'de', spanish: 'es', russian: 'ru', ukrainian: 'uk', italian: 'it', portuguese: 'pt', arabic: 'ar', chinese: 'zh' };
  return byName[t] ?? null;
}

const EN_FUNCTION = new Set(
  'the of and to in a is that for on was with as by at from it he she his her said are were be has have had this which not but an or they their will would after its who been more'.split(' '),
);

/** Fewest letters we try to identify a language from. */
export const MIN_LETTERS = 40;

/** ISO 639-1 code of the text's language, or 'und' when it is too short or unclear. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 2500);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return 'und';
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length >= 8) {
    let fn = 0;
    for (const w of words) if (EN_FUNCTION.has(w)) fn++;
    if (fn / words.length >= 0.2) return 'en';
  }
  const code = franc(sample, { minLength: 20 });
  if (code === 'und') return 'und';
  return ISO1[code] ?? code;
}

const NAMES: Record<string, string> = {
  fr: 'French', de: 'German', es: 'Spanish', pt: 'Portuguese', it: 'Italian', nl: 'Dutch', ru: 'Russian', uk: 'Ukrainian', pl: 'Polish',
  tr: 'Turkish', ar: 'Arabic', zh: 'Chinese', ja: 'Japanese', ko: 'Korean', hi: 'Hindi', id: 'Indonesian', ms: 'Malay', sv: 'Swedish',
  da: 'Danish', nb: 'Norwegian', fi: 'Finnish', cs: 'Czech', ro: 'Romanian', hu: 'Hungarian', el: 'Greek', he: 'Hebrew', fa: 'Persian',
};

/** Languages an ingest accepts: ISO 639-1 codes, or 'any'. */
export type LanguagePolicy = string[] | 'any';

/**
 * Reads a language policy ("en", "en,fr", "any"); default English only. The NLP (word lists,
 * patterns, chrono's English parsers) reads English: an article in another language would get a
 * brief with no names, quotes or dates worth the name, so it is refused unless asked for.
 */
export function languagePolicy(spec: string | undefined): LanguagePolicy {
  const t = spec?.trim().toLowerCase();
  if (!t) return ['en'];
  if (t === 'any' || t === 'all' || t === '*') return 'any';
  const codes = t.split(/[\s,]+/).map((x) => normaliseLanguage(x)).filter((x): x is string => !!x);
  if (!codes.length) throw new Error(`--language: cannot read "${spec}"; give ISO codes such as en or en,fr, or any`);
  return codes;
}

/**
 * The per-item error for an article whose text is identified (not merely declared) as a language
 * the policy does not accept; null when it is accepted or too short to tell.
 */
export function languageError(a: { origin: string; metadata: { language: string; fieldSources: { language?: string } } }, policy: LanguagePolicy): { origin: string; code: 'language'; error: string } | null {
  const lang = a.metadata.language;
  if (policy === 'any' || lang === 'und' || a.metadata.fieldSources.language !== 'inferred' || policy.includes(lang)) return null;
  const name = NAMES[lang] ? `${NAMES[lang]} (${lang})` : `language "${lang}"`;
  return {
    origin: a.origin,
    code: 'language',
    error: `${a.origin}: the text reads as ${name}; this ingest accepts ${policy.map((c) => (c === 'en' ? 'English' : NAMES[c] ?? c)).join(', ')} only. Translate it first, or pass --language any (or set CROSSCHECK_LANGUAGES=any) to ingest it as it is, with poor names, quotes and dates`,
  };
}
