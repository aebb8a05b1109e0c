/**
 * PostgreSQL implementation of the Store on `pg` (issue 7). Mirrors SqliteStore behaviour exactly:
 * same tables (see ./migrations.ts, `postgresMigrations`), same ordering, same idempotence.
 *
 * - One connection pool per store; every statement is parameterised.
 * - `migrate()` runs pending migrations in one transaction under a transaction-level advisory
 *   lock keyed by the current schema, so concurrent starters (many workers) do not race.
 * - `putArticle` is idempotent: `INSERT ... ON CONFLICT (id) DO NOTHING`.
 * - `transaction(fn)` gives fn a Store bound to one connection inside BEGIN/COMMIT (not part of
 *   the Store interface; the worker's story assigner uses it so that storing a batch, assigning
 *   its stories and advancing the queue cursor commit together or not at all).
 *
 * PostgreSQL text and jsonb cannot hold U+0000 or unpaired UTF-16 surrogates (SQLite can); such
 * characters in scraped text are replaced by U+FFFD on write (see `pgSafe`), the only place where
 * the two backends can differ.
 */
import pg from 'pg';
import type { Article, ItemError, Provenance, Story, StoryMerge } from '../types.js';
import { postgresMigrations } from './migrations.js';
import type { ListArticlesOptions, ListStoriesOptions, PutArticleResult, Store, StoryRow } from './store.js';
import { provenanceFromRow } from './rows.js';

type Row = Record<string, unknown>;

/** Something that runs a query: the pool, or one checked-out client inside a transaction. */
interface Queryable {
  query(text: string, params?: unknown[]): Promise<pg.QueryResult<Row>>;
}

// Unpaired surrogates and NUL: not representable in PostgreSQL text / jsonb.
const BAD_CHARS = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces characters PostgreSQL rejects (NUL, lone surrogates) with U+FFFD. */
export function pgSafe(s: string): string {
  return s.replace(BAD_CHARS, '\uFFFD');
}

function pgSafeOpt(s: string | null | undefined): string | null {
  return s === undefined || s === null ? null : pgSafe(s);
}

/** JSON text for a jsonb parameter, with strings made storable (see pgSafe). */
export function pgJson(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value, (_k, v) => (typeof v === 'string' ? pgSafe(v) : v));
}

/** Hides the password of a connection URL for `location`. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://?';
  }
}

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly location: string;
  private readonly pool: pg.Pool | null;
  private db: Queryable;
  /** True when bound to one client inside a transaction (see `transaction`). */
  private inTx: boolean;

  constructor(url: string, opts: { max?: number } = {}) {
    this.location = redact(url);
    this.pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
    // An idle client that loses its server must not crash the process: the next query reconnects.
    this.pool.on('error', () => {});
    this.db = this.pool;
    this.inTx = false;
  }

  private static bound(location: string, client: pg.PoolClient): PostgresStore {
    const s = Object.create(PostgresStore.prototype) as PostgresStore;
    Object.assign(s, { kind: 'postgres', location, pool: null, db: client, inTx: true });
    return s;
  }

  /** Runs one parameterised statement (for companions such as the worker's queue tables). */
  async query<T extends Row = Row>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query(text, params)).rows as T[];
  }

  /**
   * Runs fn in one transaction on one connection; fn gets a Store bound to it. Commits when fn
   * resolves, rolls back when it throws. Nested calls join the outer transaction.
   */
  async transaction<T>(fn: (tx: PostgresStore) => Promise<T>): Promise<T> {
    if (this.inTx || !this.pool) return fn(this);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const res = await fn(PostgresStore.bound(this.location, client));
      await client.query('COMMIT');
      return res;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  /**
   * Like `transaction`, but routes this very store object through the transaction while fn runs,
   * so state other modules keep per Store object (the clusterer's in-memory index) carries over.
   * Only for a store object nobody else uses concurrently (the worker's story assigner).
   */
  async transactionInPlace<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inTx || !this.pool) return fn();
    const client = await this.pool.connect();
    this.db = client;
    this.inTx = true;
    try {
      await client.query('BEGIN');
      const res = await fn();
      await client.query('COMMIT');
      return res;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      this.db = this.pool;
      this.inTx = false;
      client.release();
    }
  }

  async migrate(): Promise<number> {
    await this.transaction(async (tx) => {
      // Key: the schema we migrate, so scratch schemas (tests) do not wait on each other.
      await tx.query("SELECT pg_advisory_xact_lock(hashtext('crosscheck:migrate:' || current_schema()))");
      await tx.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      const [{ v }] = await tx.query<{ v: number }>('SELECT COALESCE(MAX(version), 0)::int AS v FROM schema_version');
      for (const m of postgresMigrations) {
        if (m.version <= v) continue;
        await tx.query(m.sql);
        await tx.query('INSERT INTO schema_version (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
      }
    });
    return postgresMigrations.length ? postgresMigrations[postgresMigrations.length - 1].version : 0;
  }

  async close(): Promise<void> {
    if (this.pool && !this.pool.ended) await this.pool.end();
  }

  // ------------------------------------------------------------------ articles
  async putArticle(a: Article): Promise<PutArticleResult> {
    const ins = await this.query<{ seq: string }>(
      `INSERT INTO articles (id, origin, format, title, outlet, published, metadata, text, paragraphs, removed, ingested_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9::jsonb, $10::jsonb, $11) ON CONFLICT (id) DO NOTHING RETURNING seq`,
      [
        a.id,
        pgSafe(a.origin),
        a.format,
        pgSafeOpt(a.metadata.title),
        pgSafeOpt(a.metadata.outlet),
        pgSafeOpt(a.metadata.published),
        pgJson(a.metadata),
        pgSafe(a.text),
        pgJson(a.paragraphs),
        pgJson(a.removed),
        a.ingestedAt,
      ],
    );
    if (ins.length) return { id: a.id, stored: true, seq: Number(ins[0].seq) };
    const [row] = await this.query<{ seq: string }>('SELECT seq FROM articles WHERE id = $1', [a.id]);
    return { id: a.id, stored: false, seq: Number(row.seq) };
  }

  private toArticle(r: Row): Article {
    return {
      id: r.id as string,
      seq: Number(r.seq),
      origin: r.origin as string,
      format: r.format as Article['format'],
      metadata: r.metadata as Article['metadata'],
      text: r.text as string,
      paragraphs: r.paragraphs as Article['paragraphs'],
      removed: r.removed as Article['removed'],
      ingestedAt: r.ingested_at as string,
    };
  }

  async getArticle(id: string): Promise<Article | null> {
    const [r] = await this.query('SELECT * FROM articles WHERE id = $1', [id]);
    return r ? this.toArticle(r) : null;
  }

  async listArticles(opts: ListArticlesOptions = {}): Promise<Article[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    let from = 'articles a';
    let order = 'a.seq';
    if (opts.storyId) {
      from = 'articles a JOIN story_members m ON m.article_id = a.id';
      where.push(`m.story_id = ${p(opts.storyId)}`);
      order = 'm.pos, a.seq';
    }
    if (opts.ids) {
      if (opts.ids.length === 0) return [];
      where.push(`a.id = ANY(${p(opts.ids)}::text[])`);
    }
    if (opts.afterSeq !== undefined) where.push(`a.seq > ${p(opts.afterSeq)}`);
    let sql = `SELECT a.* FROM ${from}${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY ${order}`;
    if (opts.limit !== undefined) sql += ` LIMIT ${p(opts.limit)} OFFSET ${p(opts.offset ?? 0)}`;
    return (await this.query(sql, params)).map((r) => this.toArticle(r));
  }

  async countArticles(): Promise<number> {
    const [r] = await this.query<{ n: string }>('SELECT COUNT(*) AS n FROM articles');
    return Number(r.n);
  }

  async putError(err: ItemError & { at: string }): Promise<void> {
    await this.query('INSERT INTO item_errors (origin, code, error, at) VALUES ($1, $2, $3, $4)', [pgSafe(err.origin), err.code, pgSafe(err.error), err.at]);
  }

  async listErrors(limit = 100): Promise<(ItemError & { at: string })[]> {
    const rows = await this.query('SELECT origin, code, error, at FROM item_errors ORDER BY n DESC LIMIT $1', [limit]);
    return rows.map((r) => ({ origin: r.origin as string, code: r.code as ItemError['code'], error: r.error as string, at: r.at as string }));
  }

  // ------------------------------------------------------------------ stories
  async putStory(story: Story, extra: { conflictCount?: number; familyCount?: number } = {}): Promise<void> {
    await this.transaction(async (tx) => {
      const [prev] = await tx.query('SELECT family_count, conflict_count FROM stories WHERE id = $1 FOR UPDATE', [story.id]);
      await tx.query(
        `INSERT INTO stories (id, title, first_seen, last_seen, merged_from, article_count, family_count, conflict_count, updated_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_seen = excluded.first_seen, last_seen = excluded.last_seen,
           merged_from = excluded.merged_from, article_count = excluded.article_count, family_count = excluded.family_count,
           conflict_count = excluded.conflict_count, updated_at = excluded.updated_at`,
        [
          story.id,
          pgSafe(story.title),
          story.firstSeen,
          story.lastSeen,
          pgJson(story.mergedFrom),
          story.articleIds.length,
          extra.familyCount ?? (prev ? Number(prev.family_count) : story.articleIds.length),
          extra.conflictCount ?? (prev ? Number(prev.conflict_count) : 0),
          new Date().toISOString(),
        ],
      );
      await tx.query('DELETE FROM story_members WHERE story_id = $1', [story.id]);
      if (story.articleIds.length) {
        // One statement for all members; unnest keeps the array order as pos.
        await tx.query(
          `INSERT INTO story_members (article_id, story_id, pos)
           SELECT m.id, $2, (m.ord - 1)::int FROM unnest($1::text[]) WITH ORDINALITY AS m(id, ord)
           ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, pos = excluded.pos`,
          [story.articleIds, story.id],
        );
      }
    });
  }

  private toStory(r: Row, members: string[]): Story {
    return {
      id: r.id as string,
      title: r.title as string,
      firstSeen: r.first_seen as string,
      lastSeen: r.last_seen as string,
      mergedFrom: r.merged_from as string[],
      articleIds: members,
    };
  }

  private async membersOf(storyIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(storyIds.map((id) => [id, []]));
    if (!storyIds.length) return out;
    const rows = await this.query('SELECT story_id, article_id FROM story_members WHERE story_id = ANY($1::text[]) ORDER BY story_id, pos', [storyIds]);
    for (const r of rows) out.get(r.story_id as string)?.push(r.article_id as string);
    return out;
  }

  async getStory(id: string): Promise<Story | null> {
    const [r] = await this.query('SELECT * FROM stories WHERE id = $1', [id]);
    return r ? this.toStory(r, (await this.membersOf([id])).get(id) ?? []) : null;
  }

  async deleteStory(id: string): Promise<void> {
    await this.transaction(async (tx) => {
      await tx.query('DELETE FROM story_members WHERE story_id = $1', [id]);
      await tx.query('DELETE FROM stories WHERE id = $1', [id]);
    });
  }

  async setStoryCounts(id: string, counts: { conflictCount?: number; familyCount?: number }): Promise<void> {
    await this.query('UPDATE stories SET conflict_count = COALESCE($1, conflict_count), family_count = COALESCE($2, family_count) WHERE id = $3', [
      counts.conflictCount ?? null,
      counts.familyCount ?? null,
      id,
    ]);
  }

  async listStories(opts: ListStoriesOptions = {}): Promise<StoryRow[]> {
    const params: unknown[] = [];
    let sql = 'SELECT * FROM stories';
    if (opts.search) {
      params.push('%' + opts.search.toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c) + '%');
      sql += ` WHERE lower(title) LIKE $1 ESCAPE '\\'`;
    }
    params.push(opts.limit ?? 100, opts.offset ?? 0);
    sql += ` ORDER BY updated_at DESC, id LIMIT $${params.length - 1} OFFSET $${params.length}`;
    const rows = await this.query(sql, params);
    const members = await this.membersOf(rows.map((r) => r.id as string));
    return rows.map((r) => ({
      ...this.toStory(r, members.get(r.id as string) ?? []),
      articleCount: Number(r.article_count),
      familyCount: Number(r.family_count),
      conflictCount: Number(r.conflict_count),
      updatedAt: r.updated_at as string,
    }));
  }

  async storyOfArticle(articleId: string): Promise<string | null> {
    const [r] = await this.query('SELECT story_id FROM story_members WHERE article_id = $1', [articleId]);
    return r ? (r.story_id as string) : null;
  }

  async recordMerge(m: StoryMerge): Promise<void> {
    await this.query('INSERT INTO story_merges (from_id, into_id, at, reason) VALUES ($1, $2, $3, $4)', [m.from, m.into, m.at, pgSafe(m.reason)]);
  }

  async listMerges(storyId?: string): Promise<StoryMerge[]> {
    const rows = storyId
      ? await this.query('SELECT * FROM story_merges WHERE into_id = $1 OR from_id = $1 ORDER BY n', [storyId])
      : await this.query('SELECT * FROM story_merges ORDER BY n');
    return rows.map((r) => ({ from: r.from_id as string, into: r.into_id as string, at: r.at as string, reason: r.reason as string }));
  }

  async putProvenance(articleId: string, p: Provenance): Promise<void> {
    await this.query(
      `INSERT INTO provenance (article_id, kind, of_id, confidence, family, evidence) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (article_id) DO UPDATE SET kind = excluded.kind, of_id = excluded.of_id, confidence = excluded.confidence,
         family = excluded.family, evidence = excluded.evidence`,
      [articleId, p.kind, p.of, p.confidence, p.family, pgSafeOpt(p.evidence)],
    );
  }

  async getProvenance(articleIds: string[]): Promise<Map<string, Provenance>> {
    const out = new Map<string, Provenance>();
    if (articleIds.length === 0) return out;
    const rows = await this.query('SELECT * FROM provenance WHERE article_id = ANY($1::text[])', [articleIds]);
    for (const r of rows) {
      out.set(r.article_id as string, provenanceFromRow(r));
    }
    return out;
  }

  // ------------------------------------------------------------------ docs
  async putDoc(kind: string, key: string, value: unknown): Promise<void> {
    await this.query(
      `INSERT INTO docs (kind, key, value, updated_at) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (kind, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      [kind, pgSafe(key), pgJson(value), new Date().toISOString()],
    );
  }

  async getDoc<T = unknown>(kind: string, key: string): Promise<T | null> {
    const [r] = await this.query('SELECT value FROM docs WHERE kind = $1 AND key = $2', [kind, pgSafe(key)]);
    return r ? (r.value as T) : null;
  }

  async deleteDoc(kind: string, key: string): Promise<void> {
    await this.query('DELETE FROM docs WHERE kind = $1 AND key = $2', [kind, pgSafe(key)]);
  }
}
