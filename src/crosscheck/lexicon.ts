/**
 * Small hand-kept word lists for claims and conflicts. No library ships these news-specific
 * lists (role titles, hedges, reporting verbs), and a model-free system needs them explicit.
 */

/** Lemmas that carry no assertion on their own (function words, reporting verbs, fillers). */
export const STOP = new Set(
  `a an the and or but if then than that this these those there here it its it's he she they them his her their we our you i me my
  be am is are was were been being have has had do does did will would shall should can could may might must
  of in on at to for from by with without about into over after before as up down out off under again further once
  not no nor only own same so too very just also still even yet ever all any both each few more most other some such
  say said says tell told add added note noted state stated report reported according accord
  who whom whose which what when where why how while during between through against among
  mr mrs ms s '`.split(/\s+/),
);

/** Reporting verbs (lemmas) that mark attribution. */
export const REPORT_VERBS = new Set(
  `say tell add note state report announce confirm claim warn insist argue describe estimate explain write
  stress emphasize emphasise reiterate acknowledge deny admit allege suggest indicate predict told said`.split(/\s+/),
);

/** Words (lower case) that are never part of a claim key. */
export const AUX = new Set('be have do will would shall should can could may might must get'.split(' '));

/**
 * Synonyms folded together when comparing claims ("blaze" and "fire" are the same thing in a
 * story). Deliberately short: only near-certain equivalences in news wording.
 */
export const SYNONYMS: Record<string, string> = {
  blaze: 'fire', inferno: 'fire', flame: 'fire',
  talk: 'meeting', negotiation: 'meeting', meet: 'meeting', session: 'meeting', summit: 'meeting',
  begin: 'start', commence: 'start', erupt: 'start', break: 'start', ignite: 'start',
  die: 'kill', dead: 'kill', death: 'kill',
  injure: 'injure', wound: 'injure', hurt: 'injure',
  evacuate: 'evacuate', evacuation: 'evacuate',
  last: 'last', continue: 'last',
  home: 'house', dwelling: 'house',
  resident: 'people', person: 'people', inhabitant: 'people', citizen: 'people',
  vote: 'vote', ballot: 'vote',
  approve: 'approve', pass: 'approve', adopt: 'approve',
  derail: 'derail', derailment: 'derail',
  train: 'train', locomotive: 'train',
  quake: 'earthquake', tremor: 'earthquake',
  us: 'united-states', 'u.s.': 'united-states', usa: 'united-states', america: 'united-states',
  uk: 'united-kingdom', 'u.k.': 'united-kingdom', britain: 'united-kingdom',
  kiev: 'kyiv',
};

/** Head words of role titles ("President", "Fire Chief", "spokesman"). */
export const TITLE_HEADS = new Set(
  `president minister secretary chief mayor governor senator envoy spokesman spokeswoman spokesperson aide adviser advisor
  admiral general director commissioner chancellor ambassador chairman chairwoman chair sheriff captain judge inspector
  superintendent councillor councilor coach manager ceo officer lieutenant sergeant detective professor premier king queen
  prince pope commander marshal constable warden coroner treasurer clerk head leader administrator prosecutor attorney
  master spokespeople representative congressman congresswoman lawmaker mp dean principal editor founder owner engineer`.split(/\s+/),
);

/** Modifiers that change what a title means: a difference here is a conflict. */
export const STATUS_GROUPS: Record<string, string> = {
  former: 'tenure', ex: 'tenure', retired: 'tenure', 'ex-': 'tenure',
  acting: 'acting', interim: 'acting',
  deputy: 'rank', vice: 'rank', assistant: 'rank', associate: 'rank', 'vice-': 'rank',
};

/** Domain modifiers of titles: two different domains for one person are a conflict. */
export const DOMAINS = new Set(
  `fire police finance foreign defence defense health interior justice education transport transportation economy
  energy agriculture labour labor environment trade treasury water parks emergency medical intelligence army navy
  tourism culture housing planning sanitation public-works works harbor harbour port rail railway aviation`.split(/\s+/),
);

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Number words for spelled-out numbers. */
export const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, dozen: 12, a: 1, an: 1, half: 0.5,
};
export const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, trillion: 1e12 };

export const DURATION_UNITS = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year']);
