import type { Store } from './store.js';
import { SqliteStore } from './sqlite.js';

export type { Store, StoryRow, PutArticleResult, ListArticlesOptions, ListStoriesOptions } from './store.js';
export { SqliteStore } from './sqlite.js';

/** Default store location when neither --db nor CROSSCHECK_DB is given. */
export const DEFAULT_DB = './crosscheck.db';

/**
 * Opens (and migrates) a store from a spec: a PostgreSQL URL (`postgres://...`), `:memory:`,
 * or a SQLite file path. Falls back to CROSSCHECK_DB, then ./crosscheck.db.
 */
export async function openStore(spec?: string): Promise<Store> {
  const s = spec ?? process.env.CROSSCHECK_DB ?? DEFAULT_DB;
  let store: Store;
  if (/^postgres(ql)?:\/\//i.test(s)) {
    const { PostgresStore } = await import('./postgres.js');
    store = new PostgresStore(s);
  } else {
    store = new SqliteStore(s);
  }
  await store.migrate();
  return store;
}
