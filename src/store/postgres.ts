/** PostgreSQL Store: implemented by the scale-out work (issue 7). */
import type { Store } from './store.js';
export class PostgresStore {
  constructor(readonly url: string) {
    throw new Error('PostgreSQL backend is not available in this build yet; use a SQLite file (--db ./crosscheck.db)');
  }
}
export type { Store };
