/**
 * PostgreSQL test helpers (issue 7): where the scratch server is, and fresh schemas per test.
 * CI (`.ci/run`) exports CROSSCHECK_TEST_PG: then an unreachable server FAILS the tests. Locally,
 * without the variable, tests skip with a message when the default URL does not answer.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env.CROSSCHECK_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/crosscheck_test';

/** Resolves to undefined when the server answers, else to a skip reason; throws in CI. */
export async function pgSkipReason(): Promise<string | undefined> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return undefined;
  } catch (e) {
    if (process.env.CROSSCHECK_TEST_PG) {
      throw new Error(`PostgreSQL at CROSSCHECK_TEST_PG (${PG_URL}) is unreachable: ${(e as Error).message}`);
    }
    const why = `PostgreSQL not reachable at ${PG_URL} (${(e as Error).message}); set CROSSCHECK_TEST_PG to run these tests`;
    console.log(`# skipping: ${why}`);
    return why;
  } finally {
    await c.end().catch(() => {});
  }
}

/** The URL with `search_path` set to schema (through the libpq `options` parameter). */
export function urlWithSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

export interface Scratch {
  schema: string;
  /** Connection URL whose search_path is the scratch schema. */
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty, uniquely named schema; drop() removes it and everything in it. */
export async function scratchSchema(prefix = 'cc_test'): Promise<Scratch> {
  const schema = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`); // name built from [a-z0-9_] only
  } finally {
    await admin.end();
  }
  return {
    schema,
    url: urlWithSchema(PG_URL, schema),
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Drops a schema (and everything in it) if it exists. */
export async function dropSchema(schema: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(schema)) throw new Error(`bad schema name ${schema}`);
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await c.end();
  }
}
