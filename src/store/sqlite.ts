/**
 * SQLite implementation of the Store on better-sqlite3 (WAL mode, one file, `:memory:` allowed).
 */
import Database from 'better-sqlite3';
import type { Article, ItemError, Provenance, Story, StoryMerge } from '../types.js';
import { sqliteMigrations } from './migrations.js';
import type { ListArticlesOptions, ListStoriesOptions, PutArticleResult, Store, StoryRow } from './store.js';
import { provenanceFromRow } from './rows.js';

type Row = Record<string, unknown>;

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly location: string;
  private db: Database.Database;

  /** Prepared statements by SQL text: better-sqlite3 compiles a statement on every prepare(), which
   * cost more than the queries themselves when a story is re-read for every article it gains. */
  private readonly statements = new Map<string, Database.Statement>();

  private sql(text: string): Database.Statement {
    let st = this.statements.get(text);
    if (!st) {
      if (this.statements.size >= 500) this.statements.clear(); // bounded (SQL with generated lists)
      st = this.db.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  constructor(file: string) {
    this.location = `sqlite:${file}`;
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
  }

  async migrate(): Promise<number> {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const current = (this.sql('SELECT COALESCE(MAX(version), 0) AS v FROM schema_version').get() as { v: number }).v;
    for (const m of sqliteMigrations) {
      if (m.version <= current) continue;
      const apply = this.db.transaction(() => {
        this.db.exec(m.sql);
        this.sql('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      });
      apply();
    }
    return sqliteMigrations.length ? sqliteMigrations[sqliteMigrations.length - 1].version : 0;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  // ------------------------------------------------------------------ articles
  async putArticle(a: Article): Promise<PutArticleResult> {
    const existing = this.sql('SELECT seq FROM articles WHERE id = ?').get(a.id) as { seq: number } | undefined;
    if (existing) return { id: a.id, stored: false, seq: existing.seq };
    const info = this.sql(
        `INSERT INTO articles (id, origin, format, title, outlet, published, metadata, text, paragraphs, removed, ingested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
      )
      .run(
        a.id,
        a.origin,
        a.format,
        a.metadata.title ?? null,
        a.metadata.outlet ?? null,
        a.metadata.published ?? null,
        JSON.stringify(a.metadata),
        a.text,
        JSON.stringify(a.paragraphs),
        JSON.stringify(a.removed),
        a.ingestedAt,
      );
    if (info.changes === 0) {
      const row = this.sql('SELECT seq FROM articles WHERE id = ?').get(a.id) as { seq: number };
      return { id: a.id, stored: false, seq: row.seq };
    }
    return { id: a.id, stored: true, seq: Number(info.lastInsertRowid) };
  }

  private toArticle(r: Row): Article {
    return {
      id: r.id as string,
      seq: Number(r.seq),
      origin: r.origin as string,
      format: r.format as Article['format'],
      metadata: JSON.parse(r.metadata as string),
      text: r.text as string,
      paragraphs: JSON.parse(r.paragraphs as string),
      removed: JSON.parse(r.removed as string),
      ingestedAt: r.ingested_at as string,
    };
  }

  async getArticle(id: string): Promise<Article | null> {
    const r = this.sql('SELECT * FROM articles WHERE id = ?').get(id) as Row | undefined;
    return r ? this.toArticle(r) : null;
  }

  async listArticles(opts: ListArticlesOptions = {}): Promise<Article[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    let from = 'articles a';
    let order = 'a.seq';
    if (opts.storyId) {
      from = 'articles a JOIN story_members m ON m.article_id = a.id';
      where.push('m.story_id = ?');
      params.push(opts.storyId);
      order = 'm.pos, a.seq';
    }
    if (opts.ids) {
      if (opts.ids.length === 0) return [];
      where.push('a.id IN (SELECT value FROM json_each(?))'); // one statement for any number of ids
      params.push(JSON.stringify(opts.ids));
    }
    if (opts.afterSeq !== undefined) {
      where.push('a.seq > ?');
      params.push(opts.afterSeq);
    }
    let sql = `SELECT a.* FROM ${from}${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY ${order}`;
    if (opts.limit !== undefined) {
      sql += ' LIMIT ? OFFSET ?';
      params.push(opts.limit, opts.offset ?? 0);
    }
    return (this.sql(sql).all(...params) as Row[]).map((r) => this.toArticle(r));
  }

  async countArticles(): Promise<number> {
    return (this.sql('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
  }

  async putError(err: ItemError & { at: string }): Promise<void> {
    this.sql('INSERT INTO item_errors (origin, code, error, at) VALUES (?, ?, ?, ?)').run(err.origin, err.code, err.error, err.at);
  }

  async listErrors(limit = 100): Promise<(ItemError & { at: string })[]> {
    return (this.sql('SELECT origin, code, error, at FROM item_errors ORDER BY n DESC LIMIT ?').all(limit) as Row[]).map((r) => ({
      origin: r.origin as string,
      code: r.code as ItemError['code'],
      error: r.error as string,
      at: r.at as string,
    }));
  }

  // ------------------------------------------------------------------ stories
  async putStory(story: Story, extra: { conflictCount?: number; familyCount?: number } = {}): Promise<void> {
    const tx = this.db.transaction(() => {
      const prev = this.sql('SELECT family_count, conflict_count FROM stories WHERE id = ?').get(story.id) as Row | undefined;
      this.sql(
          `INSERT INTO stories (id, title, first_seen, last_seen, merged_from, article_count, family_count, conflict_count, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET title = excluded.title, first_seen = excluded.first_seen, last_seen = excluded.last_seen,
             merged_from = excluded.merged_from, article_count = excluded.article_count, family_count = excluded.family_count,
             conflict_count = excluded.conflict_count, updated_at = excluded.updated_at`,
        )
        .run(
          story.id,
          story.title,
          story.firstSeen,
          story.lastSeen,
          JSON.stringify(story.mergedFrom),
          story.articleIds.length,
          extra.familyCount ?? (prev ? Number(prev.family_count) : story.articleIds.length),
          extra.conflictCount ?? (prev ? Number(prev.conflict_count) : 0),
          new Date().toISOString(),
        );
      this.sql('DELETE FROM story_members WHERE story_id = ?').run(story.id);
      const ins = this.sql(
        'INSERT INTO story_members (article_id, story_id, pos) VALUES (?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id, pos = excluded.pos',
      );
      story.articleIds.forEach((id, i) => ins.run(id, story.id, i));
    });
    tx();
  }

  private toStory(r: Row, members: string[]): Story {
    return {
      id: r.id as string,
      title: r.title as string,
      firstSeen: r.first_seen as string,
      lastSeen: r.last_seen as string,
      mergedFrom: JSON.parse(r.merged_from as string),
      articleIds: members,
    };
  }

  private members(storyId: string): string[] {
    return (this.sql('SELECT article_id FROM story_members WHERE story_id = ? ORDER BY pos').all(storyId) as Row[]).map((r) => r.article_id as string);
  }

  async getStory(id: string): Promise<Story | null> {
    const r = this.sql('SELECT * FROM stories WHERE id = ?').get(id) as Row | undefined;
    return r ? this.toStory(r, this.members(id)) : null;
  }

  async deleteStory(id: string): Promise<void> {
    const tx = this.db.transaction(() => {
      this.sql('DELETE FROM story_members WHERE story_id = ?').run(id);
      this.sql('DELETE FROM stories WHERE id = ?').run(id);
    });
    tx();
  }

  async setStoryCounts(id: string, counts: { conflictCount?: number; familyCount?: number }): Promise<void> {
    this.sql('UPDATE stories SET conflict_count = COALESCE(?, conflict_count), family_count = COALESCE(?, family_count) WHERE id = ?')
      .run(counts.conflictCount ?? null, counts.familyCount ?? null, id);
  }

  async listStories(opts: ListStoriesOptions = {}): Promise<StoryRow[]> {
    const params: unknown[] = [];
    let sql = 'SELECT * FROM stories';
    if (opts.search) {
      sql += " WHERE lower(title) LIKE ? ESCAPE '\\'";
      params.push('%' + opts.search.toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c) + '%');
    }
    sql += ' ORDER BY updated_at DESC, id LIMIT ? OFFSET ?';
    params.push(opts.limit ?? 100, opts.offset ?? 0);
    return (this.sql(sql).all(...params) as Row[]).map((r) => ({
      ...this.toStory(r, this.members(r.id as string)),
      articleCount: Number(r.article_count),
      familyCount: Number(r.family_count),
      conflictCount: Number(r.conflict_count),
      updatedAt: r.updated_at as string,
    }));
  }

  async storyOfArticle(articleId: string): Promise<string | null> {
    const r = this.sql('SELECT story_id FROM story_members WHERE article_id = ?').get(articleId) as Row | undefined;
    return r ? (r.story_id as string) : null;
  }

  async recordMerge(m: StoryMerge): Promise<void> {
    this.sql('INSERT INTO story_merges (from_id, into_id, at, reason) VALUES (?, ?, ?, ?)').run(m.from, m.into, m.at, m.reason);
  }

  async listMerges(storyId?: string): Promise<StoryMerge[]> {
    const rows = (
      storyId
        ? this.sql('SELECT * FROM story_merges WHERE into_id = ? OR from_id = ? ORDER BY n').all(storyId, storyId)
        : this.sql('SELECT * FROM story_merges ORDER BY n').all()
    ) as Row[];
    return rows.map((r) => ({ from: r.from_id as string, into: r.into_id as string, at: r.at as string, reason: r.reason as string }));
  }

  async putProvenance(articleId: string, p: Provenance): Promise<void> {
    this.sql(
        `INSERT INTO provenance (article_id, kind, of_id, confidence, family, evidence) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(article_id) DO UPDATE SET kind = excluded.kind, of_id = excluded.of_id, confidence = excluded.confidence,
           family = excluded.family, evidence = excluded.evidence`,
      )
      .run(articleId, p.kind, p.of, p.confidence, p.family, p.evidence ?? null);
  }

  async getProvenance(articleIds: string[]): Promise<Map<string, Provenance>> {
    const out = new Map<string, Provenance>();
    if (articleIds.length === 0) return out;
    const rows = this.sql('SELECT * FROM provenance WHERE article_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(articleIds)) as Row[];
    for (const r of rows) {
      out.set(r.article_id as string, provenanceFromRow(r));
    }
    return out;
  }

  // ------------------------------------------------------------------ docs
  async putDoc(kind: string, key: string, value: unknown): Promise<void> {
    this.sql(
        `INSERT INTO docs (kind, key, value, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(kind, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(kind, key, JSON.stringify(value), new Date().toISOString());
  }

  async getDoc<T = unknown>(kind: string, key: string): Promise<T | null> {
    const r = this.sql('SELECT value FROM docs WHERE kind = ? AND key = ?').get(kind, key) as Row | undefined;
    return r ? (JSON.parse(r.value as string) as T) : null;
  }

  async deleteDoc(kind: string, key: string): Promise<void> {
    this.sql('DELETE FROM docs WHERE kind = ? AND key = ?').run(kind, key);
  }
}
