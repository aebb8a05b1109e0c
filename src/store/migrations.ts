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
  {
    version: 2,
    name: 'worker queue: submitted runs and per-article results (crosscheck worker)',
    // Until this migration, `crosscheck worker` created these tables itself (with a JSONB result
    // column); a store that has them keeps its rows and gains the new columns. Results are now
    // compressed by the workers (which scale out) rather than parsed and compressed by the server
    // (which does not), and stored uncompressed by PostgreSQL (STORAGE EXTERNAL).
    sql: `
      CREATE TABLE IF NOT EXISTS worker_runs (
        seq BIGSERIAL PRIMARY KEY,
        run TEXT NOT NULL UNIQUE,
        batch_size INTEGER NOT NULL,
        total INTEGER,
        next_index INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        finished_at TEXT
      );
      ALTER TABLE worker_runs ADD COLUMN IF NOT EXISTS submitted INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE worker_runs ADD COLUMN IF NOT EXISTS heartbeat_at TEXT;
      ALTER TABLE worker_runs ADD COLUMN IF NOT EXISTS closed_reason TEXT;
      UPDATE worker_runs SET heartbeat_at = created_at WHERE heartbeat_at IS NULL;
      CREATE TABLE IF NOT EXISTS worker_results (
        run TEXT NOT NULL,
        i INTEGER NOT NULL,
        result BYTEA NOT NULL,
        PRIMARY KEY (run, i)
      );
      -- Results written by an older worker stay readable (plain JSON bytes; see decodeResult).
      DO $$ BEGIN
        IF (SELECT data_type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = 'worker_results' AND column_name = 'result') = 'jsonb' THEN
          ALTER TABLE worker_results ALTER COLUMN result TYPE BYTEA USING convert_to(result::text, 'UTF8');
        END IF;
      END $$;
      ALTER TABLE worker_results ALTER COLUMN result SET STORAGE EXTERNAL;
    `,
  },
];
