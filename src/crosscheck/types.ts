/** Cross-check data: claims, facts, conflicts (issue 5). Sources are article ids. */
import type { ProvenanceKind } from '../types.js';

/** One article as the cross-check sees it. */
export interface CrossArticle {
  id: string;
  text: string;
  paragraphs: { kind: 'paragraph' | 'heading'; text: string; start: number }[];
  /** ISO date or timestamp of publication, when known. */
  published?: string | null;
  outlet?: string | null;
  /** Source family (provenance); defaults to the article id. */
  family?: string;
  kind?: ProvenanceKind;
}

export type Hedge = 'about' | 'more-than' | 'less-than' | 'at-least' | 'at-most' | 'nearly' | 'exactly' | null;

export interface NumberSlot {
  text: string; // "some four hours"
  value: number;
  hedge: Hedge;
  unit: string | null; // lemma: "hour", "people", "%"
  verb: string | null; // governing verb lemma: "last", "kill"
  duration: boolean;
  /** Offset in the sentence. */
  at: number;
}

export interface DaySlot {
  text: string; // "late Sunday"
  weekday: number | null; // 0 = Sunday
  /** YYYY-MM-DD when resolved, or --MM-DD when the year is unknown. */
  date: string | null;
  /** Hours of the day covered: [from, to), may run past 24 (into the next morning). */
  part: [number, number];
  at: number;
  /** Lemma of the verb (or noun) the day attaches to: "start" in "broke out late Sunday". */
  event?: string | null;
}

export interface RoleSlot {
  person: string; // person key (normalised surname)
  name: string; // as written
  role: string; // "former President"
  head: string;
  status: string[]; // tenure/acting/rank groups present
  domains: string[];
}

export interface PlaceSlot {
  prep: 'in' | 'at';
  place: string;
  key: string; // lemma of the word the place attaches to ("meeting", "hold")
  at: number;
}

export interface QuoteSlot {
  text: string;
  speaker: string | null; // person key or lower-cased group ("russian officials")
  speakerText: string | null;
  kind: 'direct' | 'partial' | 'reported';
}

export interface Claim {
  id: string; // `${article}:${n}`
  article: string;
  family: string;
  /** Sentence index in the article (0-based, over paragraphs, headings skipped). */
  n: number;
  text: string;
  /** Offsets in Article.text. */
  start: number;
  end: number;
  paragraph: number;
  /** Content lemmas (synonyms folded), unique. */
  lemmas: string[];
  /** Lemmas without names, titles and numbers: what the sentence is about, not who says it. */
  core: string[];
  names: string[];
  numbers: NumberSlot[];
  days: DaySlot[];
  roles: RoleSlot[];
  places: PlaceSlot[];
  quotes: QuoteSlot[];
  /** "according to U.S. officials", "Ushakov said", or null. */
  attribution: string | null;
  /** The sentence lies inside a quotation opened in an earlier sentence (“... Until X. This is
   *  especially true ...”): words of that quote's speaker, not a statement of its own. */
  continuesQuote?: boolean;
}

export interface FactWording {
  text: string;
  sources: string[];
}

export interface Fact {
  id: string;
  text: string;
  sources: string[];
  independentSources: number;
  families: string[];
  wordings: FactWording[];
  claims: string[];
  /** Earliest position of the fact in any source (0 = lead). */
  position: number;
  attributed: boolean;
  conflicted?: boolean;
}

export type ConflictKind = 'number' | 'date' | 'role' | 'quote' | 'place' | 'participants';

export interface ConflictValue {
  value: string;
  text: string; // the sentence it comes from (first source's wording)
  sources: string[];
  sentences: { source: string; text: string; start: number }[];
}

export interface Conflict {
  kind: ConflictKind;
  about: string;
  values: ConflictValue[];
}

export interface ListedClaim {
  text: string;
  sources: string[];
}

export interface StoryPerson {
  name: string;
  key: string;
  roles: { text: string; sources: string[] }[];
  sources: string[];
}

export interface StoryQuoteX {
  speaker: string | null;
  text: string;
  kind: 'direct' | 'partial' | 'reported';
  sources: string[];
  variants: { text: string; sources: string[] }[];
  wordingDiffers: boolean;
}

export interface SourceReport {
  id: string;
  family: string;
  /** Claims only this source (its family) reports. */
  alone: ListedClaim[];
  /** Facts most other families report that this source leaves out. */
  leavesOut: ListedClaim[];
}

export interface CrosscheckResult {
  claims: Claim[];
  facts: Fact[];
  conflicts: Conflict[];
  singleSource: ListedClaim[];
  unattributed: ListedClaim[];
  summary: ListedClaim[];
  people: StoryPerson[];
  quotes: StoryQuoteX[];
  sources: SourceReport[];
  families: number;
}
