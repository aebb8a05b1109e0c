/**
 * The storage interface. Stages never talk SQL: they get plain objects from and give plain
 * objects to a Store. Two implementations: SQLite (embedded default, better-sqlite3) and
 * PostgreSQL (pg). Both run the same versioned migrations (see ./migrations.ts) and the same
 * shared test suite (test/store/*.test.ts).
 *
 * All methods are async so that a network database fits behind the same interface.
 * Writes are idempotent: putting the same article twice stores it once.
 */
import type { Article, ItemError, Provenance, Story, StoryMerge } from '../types.js';

export interface PutArticleResult {
  id: string;
  /** false when an article with the same id was already stored (a duplicate). */
  stored: boolean;
  seq: number;
}

export interface ListArticlesOptions {
  ids?: string[];
  storyId?: string;
  /** Only articles with seq greater than this (for resuming / streaming). */
  afterSeq?: number;
  limit?: number;
  offset?: number;
}

export interface ListStoriesOptions {
  limit?: number;
  offset?: number;
  /** Case-insensitive substring of the title. */
  search?: string;
}

export interface StoryRow extends Story {
  articleCount: number;
  familyCount: number;
  conflictCount: number;
  /** ISO time of the last change (new member, merge, new brief). */
  updatedAt: string;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Human description ("sqlite:./crosscheck.db"). */
  readonly location: string;

  /** Applies pending migrations; safe to call every start. Returns the schema version. */
  migrate(): Promise<number>;
  close(): Promise<void>;

  // articles ------------------------------------------------------------------
  putArticle(article: Article): Promise<PutArticleResult>;
  getArticle(id: string): Promise<Article | null>;
  listArticles(opts?: ListArticlesOptions): Promise<Article[]>;
  countArticles(): Promise<number>;
  /** Records a failed item so a batch report can be reproduced later. */
  putError(err: ItemError & { at: string }): Promise<void>;
  listErrors(limit?: number): Promise<(ItemError & { at: string })[]>;

  // stories & provenance --------------------------------------------------------
  /** Inserts or replaces a story (members included). */
  putStory(story: Story, extra?: { conflictCount?: number; familyCount?: number }): Promise<void>;
  getStory(id: string): Promise<Story | null>;
  deleteStory(id: string): Promise<void>;
  /** Updates only a story's counts (members, title and activity time untouched); no-op for an unknown id. */
  setStoryCounts(id: string, counts: { conflictCount?: number; familyCount?: number }): Promise<void>;
  listStories(opts?: ListStoriesOptions): Promise<StoryRow[]>;
  storyOfArticle(articleId: string): Promise<string | null>;
  recordMerge(merge: StoryMerge): Promise<void>;
  listMerges(storyId?: string): Promise<StoryMerge[]>;
  putProvenance(articleId: string, p: Provenance): Promise<void>;
  getProvenance(articleIds: string[]): Promise<Map<string, Provenance>>;

  // derived documents (extraction results, briefs, clusterer snapshots) -----------
  /** Stores a JSON document under (kind, key); replaces any previous one. */
  putDoc(kind: string, key: string, value: unknown): Promise<void>;
  getDoc<T = unknown>(kind: string, key: string): Promise<T | null>;
  deleteDoc(kind: string, key: string): Promise<void>;
}
