/**
 * `crosscheck serve`: the HTTP API and web app (see ./app.ts). Loopback by default; writes need
 * the bearer token from --token or $CROSSCHECK_TOKEN. SIGTERM/SIGINT close gracefully: new
 * requests get 503, requests in flight finish, event streams end, the store closes.
 */
import type { Command } from 'commander';

export interface ServeOptions {
  db?: string;
  port: string;
  host: string;
  token?: string;
  bodyLimit?: string;
  rateLimit?: string;
}

export async function serve(o: ServeOptions): Promise<void> {
  const port = Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${o.port}"`);
  const token = o.token ?? process.env.CROSSCHECK_TOKEN;
  const rate = o.rateLimit !== undefined ? Number(o.rateLimit) : 120;
  // Loaded on use, so other commands do not pay for fastify's start-up.
  const { createServer } = await import('./app.js');
  const app = await createServer({
    db: o.db,
    token,
    bodyLimit: o.bodyLimit ? Number(o.bodyLimit) : undefined,
    rateLimit: rate > 0 ? { max: rate, timeWindowMs: 60_000 } : false,
  });
  const url = await app.listen({ port, host: o.host });
  process.stderr.write(`crosscheck: serving ${url} (store: ${app.crosscheck.store.location})${token ? '' : '; no token set, so ingestion over HTTP is disabled'}\n`);
  if (!['127.0.0.1', '::1', 'localhost'].includes(o.host)) process.stderr.write(`crosscheck: warning: listening on ${o.host}, reachable from other machines\n`);

  await new Promise<void>((resolveDone) => {
    let closing = false;
    const stop = (sig: string) => {
      if (closing) {
        process.stderr.write(`crosscheck: ${sig} again, exiting now\n`);
        process.exit(1);
      }
      closing = true;
      process.stderr.write(`crosscheck: ${sig}, finishing requests in flight...\n`);
      app.close().then(
        () => {
          process.stderr.write('crosscheck: stopped\n');
          resolveDone();
        },
        (e: Error) => {
          process.stderr.write(`crosscheck: error while stopping: ${e.message}\n`);
          process.exitCode = 1;
          resolveDone();
        },
      );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the HTTP API and the web app')
    .option('--db <spec>', 'store (default: $CROSSCHECK_DB or ./crosscheck.db)')
    .option('--port <n>', 'port', '8080')
    .option('--host <addr>', 'address to listen on (loopback by default)', '127.0.0.1')
    .option('--token <t>', 'bearer token required to ingest (default: $CROSSCHECK_TOKEN)')
    .option('--body-limit <bytes>', 'largest request body (default 8 MiB)')
    .option('--rate-limit <n>', 'ingestion requests per minute per token (0: no limit)', '120')
    .action(async (o: ServeOptions) => serve(o));
}
