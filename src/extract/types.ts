/**
 * Extraction output (issue 4). Offsets are character offsets into Article.text.
 * Per-article: ArticleExtraction (from extractArticle). Per-story: StoryExtraction (from
 * mergeStory), which merges spelling variants, quote wordings and dated events across sources.
 */

export type EntityType = 'person' | 'organization' | 'place' | 'other';

export interface Span {
  start: number;
}

export interface Sentence extends Span {
  text: string;
  /** Index of the paragraph it belongs to. */
  paragraph: number;
}

export interface EntityMention extends Span {
  text: string;
  /** Id of the article-level entity this mention resolves to. */
  entity: string;
  /** How it was found: 'name', 'alias' (surname / short form), 'pronoun', 'role' ("the Kremlin aide"). */
  via: 'name' | 'alias' | 'pronoun' | 'role';
  sentence: number;
}

export interface ArticleEntity {
  id: string; // article-local id, e.g. "e3"
  name: string; // canonical (longest proper) name in this article
  type: EntityType;
  variants: string[]; // surface forms used in this article
  roles: { text: string; sentence: number }[]; // "Kremlin aide", "Secretary of the National Security and Defense Council"
  mentions: number;
}

export interface QuoteMention extends Span {
  /** The quoted words (direct) or the reported clause (reported). */
  text: string;
  kind: 'direct' | 'partial' | 'reported';
  /** Article-local entity id of the speaker, or null when unresolved. */
  speaker: string | null;
  /** Speaker as written ("Ushakov", "he", "Russian officials"). */
  speakerText: string | null;
  cue: string | null; // "said", "told reporters", "according to"
  sentence: number;
}

export type DatePrecision = 'day' | 'month' | 'year' | 'week' | 'part-of-day';

export interface TimeMention extends Span {
  text: string; // "on Friday", "last year's summit in Alaska"
  /** Resolved date: YYYY, YYYY-MM or YYYY-MM-DD; null when it stays relative. */
  date: string | null;
  /** End of an interval, same forms. */
  dateEnd?: string | null;
  precision: DatePrecision | null;
  /** What it dates: a short phrase from the sentence ("Trump-Putin summit in Alaska", "talks in Abu Dhabi"). */
  event: string | null;
  sentence: number;
  /** What it was resolved against: 'published', 'dateline', 'story', or 'unresolved'. */
  anchor: 'published' | 'dateline' | 'story' | 'explicit' | 'unresolved';
}

export interface NumberMention extends Span {
  text: string; // "some four hours"
  value: number;
  /** 'count' | 'percent' | 'duration' | 'money' | 'cardinal' | 'age' ... */
  kind: 'count' | 'percent' | 'duration' | 'money' | 'cardinal' | 'age' | 'measure';
  unit: string | null; // "hours", "USD", "%", "people"
  /** What it counts or measures, a noun phrase from the text ("residents", "of the Donetsk region"). */
  what: string | null;
  hedge: 'about' | 'more-than' | 'less-than' | 'at-least' | 'at-most' | 'exactly' | null;
  sentence: number;
}

export interface ArticleExtraction {
  articleId: string;
  sentences: Sentence[];
  entities: ArticleEntity[];
  mentions: EntityMention[];
  quotes: QuoteMention[];
  times: TimeMention[];
  numbers: NumberMention[];
}

// ------------------------------------------------------------------ story level (JSON contract)

export interface StoryEntity {
  id: string; // story-level id
  name: string;
  type: EntityType;
  variants: { text: string; sources: string[] }[];
  roles: { text: string; sources: string[] }[];
  sources: string[]; // article ids
}

export interface StoryQuote {
  speaker: string | null; // story entity name
  speakerId: string | null;
  /** With no named speaker: the unnamed source as the text gives it ("Kremlin insiders",
   *  "the sheriff's office"), else null. */
  attribution: string | null;
  text: string; // representative wording
  kind: 'direct' | 'partial' | 'reported';
  sources: string[];
  variants: { text: string; sources: string[] }[];
  /** True when sources put materially different words in the speaker's mouth. */
  wordingDiffers: boolean;
}

export interface TimelineEntry {
  date: string; // YYYY, YYYY-MM, YYYY-MM-DD
  end?: string;
  text: string; // the event, in source words
  sources: string[];
}

export interface StoryExtraction {
  entities: StoryEntity[];
  quotes: StoryQuote[];
  timeline: TimelineEntry[];
}
