/**
 * Versioned schema migrations, one list per SQL dialect. A migration is applied once, in order,
 * inside a transaction, and recorded in `schema_version`. Never edit a released migration: add one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const sqliteMigrations: Migration[] = [
  {
    version: 1,
    name: 'articles, errors, stories, provenance, docs',
    sql: `
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        origin TEXT NOT NULL,
        format TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        published TEXT,
        metadata TEXT NOT NULL,
        text TEXT NOT NULL,
        paragraphs TEXT NOT NULL,
        removed TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE TABLE item_errors (
        n INTEGER PRIMARY KEY AUTOINCREMENT,
        origin TEXT NOT NULL,
        code TEXT NOT NULL,
        error TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        merged_from TEXT NOT NULL,
        article_count INTEGER NOT NULL,
        family_count INTEGER NOT NULL,
        conflict_count INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE story_members (
        article_id TEXT PRIMARY KEY,
        story_id TEXT NOT NULL,
        pos INTEGER NOT NULL
      );
      CREATE INDEX story_members_story ON story_members(story_id, pos);
      CREATE TABLE story_merges (
        n INTEGER PRIMARY KEY AUTOINCREMENT,
        from_id TEXT NOT NULL,
        into_id TEXT NOT NULL,
        at TEXT NOT NULL,
        reason TEXT NOT NULL
      );
      CREATE TABLE provenance (
        article_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        of_id TEXT,
        confidence REAL NOT NULL,
        family TEXT NOT NULL,
        evidence TEXT
      );
      CREATE TABLE docs (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (kind, key)
      );
    `,
  },
];

export const postgresMigrations: Migration[] = [
  {
    version: 1,
    name: 'articles, errors, stories, provenance, docs',
    sql: `
      CREATE TABLE articles (
        seq BIGSERIAL PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        origin TEXT NOT NULL,
        format TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        published TEXT,
        metadata JSONB NOT NULL,
        text TEXT NOT NULL,
        paragraphs JSONB NOT NULL,
        removed JSONB NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE TABLE item_errors (
        n BIGSERIAL PRIMARY KEY,
        origin TEXT NOT NULL,
        code TEXT NOT NULL,
        error TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        merged_from JSONB NOT NULL,
        article_count INTEGER NOT NULL,
        family_count INTEGER NOT NULL,
        conflict_count INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE story_members (
        article_id TEXT PRIMARY KEY,
        story_id TEXT NOT NULL,
        pos INTEGER NOT NULL
      );
      CREATE INDEX story_members_story ON story_members(story_id, pos);
      CREATE TABLE story_merges (
        n BIGSERIAL PRIMARY KEY,
        from_id TEXT NOT NULL,
        into_id TEXT NOT NULL,
        at TEXT NOT NULL,
        reason TEXT NOT NULL
      );
      CREATE TABLE provenance (
        article_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        of_id TEXT,
        confidence DOUBLE PRECISION NOT NULL,
        family TEXT NOT NULL,
        evidence TEXT
      );
      CREATE TABLE docs (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        value JSONB NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (kind, key)
      );
    `,
  },
];
