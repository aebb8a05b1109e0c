/**
 * The HTTP API and web app server (issue 6): a thin fastify shell over the library API
 * (Crosscheck in ../pipeline.ts). Routes are validated by zod schemas (./schemas.ts) that also
 * produce the OpenAPI document.
 *
 *   POST /api/articles          ingest one article (JSON), an array, or JSON Lines (bearer token)
 *   GET  /api/stories           stories, newest activity first (?q=, limit, offset)
 *   GET  /api/stories/:id       the brief JSON of one story
 *   GET  /api/stories/:id/brief.md
 *   GET  /api/articles/:id      metadata, clean text, removed pieces
 *   GET  /api/events            server-sent events when articles arrive / stories change
 *   GET  /api/health, /api/openapi.json
 *   GET  /                      the web app (dist/web, built by `npm run build:web`)
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { Crosscheck } from '../pipeline.js';
import { asBuffer } from './prepared.js';
import { InProcessRunner, IngestQueue, WorkerRunner, type IngestRunner } from './ingest.js';
import { renderMarkdown } from '../brief/markdown.js';
import type { BriefDocument, Story } from '../types.js';
import type { StoryRow } from '../store/store.js';
import { EventHub } from './events.js';
import { bodyToItems } from './records.js';
import {
  ArticleResponse,
  BriefResponse,
  ErrorResponse,
  HealthResponse,
  IdParams,
  IngestBody,
  IngestResponse,
  StoriesQuery,
  StoriesResponse,
} from './schemas.js';

export interface ServerOptions {
  /** An open Crosscheck to serve (tests); otherwise one is opened on `db`. */
  crosscheck?: Crosscheck;
  /** Store spec for Crosscheck.open (SQLite file, :memory:, postgres://...). */
  db?: string;
  /** Bearer token required for writes. Without one, POST /api/articles is refused (403). */
  token?: string;
  /** Largest request body in bytes (413 beyond). Default 8 MiB. */
  bodyLimit?: number;
  /** Ingestion requests per token per window; false turns the limit off. Default 120 per minute. */
  rateLimit?: { max: number; timeWindowMs: number } | false;
  /** Folder with the built web app; null serves no UI. Default: dist/web of this checkout. */
  webRoot?: string | null;
  /** fastify logger (default off). */
  logger?: boolean;
  /**
   * Where ingestion runs: 'worker' (a worker thread with its own connection to the database, so
   * reads stay fast during big batches; the default for file and PostgreSQL stores) or 'process'
   * (this thread; always used with `crosscheck` or a :memory: store).
   */
  ingestIn?: 'worker' | 'process';
}

declare module 'fastify' {
  interface FastifyInstance {
    crosscheck: Crosscheck;
    events: EventHub;
    /** Where ingestion runs ('worker' thread or this 'process'). */
    ingestMode: 'worker' | 'process';
  }
}

const here = dirname(fileURLToPath(import.meta.url));
/** Repo root from src/server (tsx) or dist/server (built). */
const repoRoot = resolve(here, '..', '..');

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export function defaultWebRoot(): string | null {
  for (const d of [join(repoRoot, 'dist', 'web'), join(here, '..', 'web')]) {
    if (existsSync(join(d, 'index.html'))) return d;
  }
  return null;
}

const sha = (s: string) => createHash('sha256').update(s).digest();

function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(.+)$/i.exec(h.trim());
  return m ? m[1].trim() : null;
}

/** Strict CSP: no inline scripts or styles, same-origin everything. */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

interface CachedBrief {
  key: string;
  /** When the key was last compared with the store (ms). */
  checkedAt: number;
  /** Number of conflicts in the brief (null when the brief has no conflicts field). */
  conflicts: number | null;
  etag: string;
  json: Buffer;
  /** gzip and brotli of json, made once (browsers always accept them; briefs shrink 6-9x). */
  gzip: Buffer;
  br: Buffer;
  md?: string;
}

export async function createServer(opts: ServerOptions = {}): Promise<FastifyInstance> {
  const ownCc = !opts.crosscheck;
  const cc = opts.crosscheck ?? (await Crosscheck.open(opts.db));
  const tokenDigest = opts.token ? sha(opts.token) : null;
  const version = packageVersion();
  const started = Date.now();
  const events = new EventHub();
  let requestSeq = 0;

  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? 8 * 1024 * 1024,
    return503OnClosing: true,
  });
  app.decorate('crosscheck', cc);
  app.decorate('events', events);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // JSON Lines bodies arrive as one string; records are parsed and validated one by one.
  app.addContentTypeParser(['application/x-ndjson', 'application/jsonl', 'application/jsonlines', 'application/x-jsonlines'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'crosscheck API', description: 'Ingest news articles; read stories, cited briefs and conflicts.', version },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });

  app.addHook('onClose', async () => {
    events.closeAll();
    await ingest?.close();
    if (ownCc) await cc.close();
  });
  // End the event streams first so that close() only waits for ordinary requests, and answer the
  // requests still in flight with `Connection: close` so that their keep-alive sockets do not hold
  // the shutdown for the keep-alive timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    events.closeAll();
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string; validation?: unknown }, _req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    if (status >= 500) app.log.error(err);
    const message =
      status === 413 ? `request body is larger than the limit of ${opts.bodyLimit ?? 8 * 1024 * 1024} bytes; send fewer articles per request` : status >= 500 ? 'internal error' : err.message;
    void reply.code(status).send({ error: err.code ?? (status >= 500 ? 'internal' : 'bad-request'), message, statusCode: status });
  });

  // ---------------------------------------------------------------- auth & rate limit
  const requireToken = async (req: FastifyRequest, reply: FastifyReply) => {
    if (!tokenDigest) {
      return reply.code(403).send({ error: 'forbidden', message: 'ingestion over HTTP is disabled: start the server with --token or CROSSCHECK_TOKEN', statusCode: 403 });
    }
    const given = bearer(req);
    if (!given || !timingSafeEqual(sha(given), tokenDigest)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="crosscheck"')
        .send({ error: 'unauthorized', message: 'send the ingestion token as "Authorization: Bearer <token>"', statusCode: 401 });
    }
  };
  const rateLimit =
    opts.rateLimit === false
      ? false
      : {
          max: opts.rateLimit?.max ?? 120,
          timeWindow: opts.rateLimit?.timeWindowMs ?? 60_000,
          // One bucket per token (hashed, never kept in clear); requests without one share the client's address.
          keyGenerator: (req: FastifyRequest) => {
            const t = bearer(req);
            return t ? 'tok:' + sha(t).toString('hex').slice(0, 16) : 'ip:' + req.ip;
          },
        };

  // ---------------------------------------------------------------- brief cache
  // A story's brief only changes when its members change; the key is the member list, so a
  // worker writing to the same database invalidates it too.
  const briefs = new Map<string, CachedBrief>();
  // Concurrent requests for a brief that is being built share the one build.
  const building = new Map<string, Promise<CachedBrief | null>>();
  const storyKey = (story: Story) => story.articleIds.join(',') + '|' + story.mergedFrom.join(',') + '|' + story.title + '|' + story.lastSeen;
  async function briefOf(id: string): Promise<CachedBrief | null> {
    // Under load, a cached brief is revalidated against the store at most every 500 ms (this
    // server's own ingests evict touched stories at once; other writers are seen within 500 ms).
    const recent = briefs.get(id);
    if (recent && Date.now() - recent.checkedAt < 500) return recent;
    const story = await cc.store.getStory(id);
    if (!story) return null;
    const key = storyKey(story);
    const hit = briefs.get(id);
    if (hit && hit.key === key) {
      hit.checkedAt = Date.now();
      briefs.delete(id);
      briefs.set(id, hit);
      return hit;
    }
    const slot = id + '\n' + key;
    let p = building.get(slot);
    if (!p) {
      p = (async () => {
        const prepared = await ingest.brief(id);
        if (!prepared) return null;
        const entry: CachedBrief = {
          key,
          checkedAt: Date.now(),
          conflicts: prepared.conflicts,
          etag: prepared.etag,
          json: asBuffer(prepared.json),
          gzip: asBuffer(prepared.gzip),
          br: asBuffer(prepared.br),
        };
        briefs.set(id, entry);
        if (briefs.size > 200) briefs.delete(briefs.keys().next().value!);
        return entry;
      })().finally(() => building.delete(slot));
      building.set(slot, p);
    }
    return p;
  }

  /** The stored conflict count, or the count in this story's current brief when one was built. */
  function conflictsOf(r: StoryRow): number {
    const b = briefs.get(r.id);
    return b && b.conflicts !== null && b.key === storyKey(r) ? b.conflicts : r.conflictCount;
  }

  // After a batch, build the touched stories' briefs while no ingestion waits, so that the first
  // view is fast and the list shows their conflict counts; `briefs` events tell browsers.
  // A brief build occupies the ingestion thread, and a steady trickle of articles into a big story
  // would rebuild its brief after every article whether anyone reads it or not (a reader's request
  // builds a fresh one on demand anyway). So prebuilding is rationed: a story whose brief took d ms
  // is prebuilt again at most every 20·d ms (new stories, never built, go at once), and prebuilds
  // take at most about a quarter of that thread's time (after d ms of them, the next round waits 3·d).
  let prebuilding = false;
  let prebuildTimer: NodeJS.Timeout | undefined;
  let prebuildNotBefore = 0;
  const toPrebuild = new Set<string>();
  /** When each story's brief was last prebuilt, and how long it took (ms); bounded. */
  const prebuilt = new Map<string, { at: number; ms: number }>();
  const dueAt = (id: string) => {
    const p = prebuilt.get(id);
    return p ? p.at + 20 * p.ms : 0;
  };
  function schedulePrebuild(notBefore = 0): void {
    clearTimeout(prebuildTimer);
    prebuildTimer = setTimeout(() => void prebuild(), Math.max(400, prebuildNotBefore - Date.now(), notBefore - Date.now()));
    prebuildTimer.unref();
  }
  async function prebuild(): Promise<void> {
    if (prebuilding) return;
    if (Date.now() < prebuildNotBefore) return schedulePrebuild();
    prebuilding = true;
    const started = performance.now();
    const done: string[] = [];
    let later = Infinity;
    try {
      for (const id of toPrebuild) {
        if (ingest.busy || closing) {
          later = 0;
          break;
        }
        const due = dueAt(id);
        if (Date.now() < due) {
          later = Math.min(later, due);
          continue;
        }
        toPrebuild.delete(id);
        const t = performance.now();
        try {
          if (await briefOf(id)) done.push(id);
        } catch (e) {
          app.log.warn(`brief of ${id}: ${(e as Error).message}`);
        }
        prebuilt.delete(id);
        prebuilt.set(id, { at: Date.now(), ms: performance.now() - t });
        if (prebuilt.size > 1000) prebuilt.delete(prebuilt.keys().next().value!);
      }
    } finally {
      prebuilding = false;
      prebuildNotBefore = Date.now() + 3 * (performance.now() - started);
      if (done.length) events.send('briefs', { storyIds: done, at: new Date().toISOString() });
      if (later < Infinity && !closing) schedulePrebuild(later);
    }
  }

  const ingest = new IngestQueue(await ingestRunner(), (report) => {
    for (const sid of report.storyIds) {
      briefs.delete(sid);
      if (toPrebuild.size < 50) toPrebuild.add(sid);
    }
    // Wait for a pause in the feed (and for the prebuild budget above).
    schedulePrebuild();
    if (report.stored > 0) events.send('ingest', { articleIds: report.articleIds, storyIds: report.storyIds, stored: report.stored, at: new Date().toISOString() });
  });

  app.decorate('ingestMode', ingest.mode);

  async function ingestRunner(): Promise<IngestRunner> {
    const spec = opts.db ?? process.env.CROSSCHECK_DB;
    const want = opts.ingestIn ?? (opts.crosscheck || spec === ':memory:' ? 'process' : 'worker');
    if (want === 'worker' && !opts.crosscheck && spec !== ':memory:') {
      const w = new WorkerRunner(opts.db);
      try {
        await w.started();
        return w;
      } catch (e) {
        app.log.warn(`ingest worker did not start (${(e as Error).message}); ingesting in the server thread`);
      }
    }
    return new InProcessRunner(cc);
  }

  const api = app.withTypeProvider<ZodTypeProvider>();

  // ---------------------------------------------------------------- routes
  api.post(
    '/api/articles',
    {
      onRequest: requireToken,
      config: rateLimit ? { rateLimit } : {},
      schema: {
        summary: 'Ingest articles',
        description:
          'One article as JSON ({"text"|"html", title, url, outlet, published, author}), a JSON array of articles, or JSON Lines (Content-Type: application/x-ndjson). Every item is processed; bad items get a per-item error and the rest go on.',
        security: [{ bearer: [] }],
        body: IngestBody,
        response: { 200: IngestResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 413: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (req, reply) => {
      const prefix = `http:${Date.now().toString(36)}-${++requestSeq}`;
      const items = bodyToItems(req.body, prefix);
      if (items.length === 0) return reply.code(400).send({ error: 'empty', message: 'the body holds no article; send JSON or JSON Lines', statusCode: 400 });
      return ingest.submit(items);
    },
  );

  api.get(
    '/api/stories',
    { schema: { summary: 'List stories, newest activity first', querystring: StoriesQuery, response: { 200: StoriesResponse } } },
    async (req) => {
      const { q, limit, offset } = req.query;
      const rows = await cc.store.listStories({ limit: limit + 1, offset, search: q?.trim() || undefined });
      return {
        stories: rows.slice(0, limit).map((r) => ({
          id: r.id,
          title: r.title,
          firstSeen: r.firstSeen,
          lastSeen: r.lastSeen,
          updatedAt: r.updatedAt,
          articleCount: r.articleCount,
          familyCount: r.familyCount,
          conflictCount: conflictsOf(r),
        })),
        limit,
        offset,
        hasMore: rows.length > limit,
      };
    },
  );

  api.get(
    '/api/stories/:id',
    { schema: { summary: 'The brief JSON of one story', params: IdParams, response: { 200: BriefResponse, 404: ErrorResponse } } },
    async (req, reply) => {
      const b = await briefOf(req.params.id);
      if (!b) return reply.code(404).send({ error: 'not-found', message: `no story ${req.params.id}`, statusCode: 404 });
      // Pre-serialised (cached) JSON, gzipped once: fastify sends buffers as they are.
      const r = reply as FastifyReply;
      r.header('etag', b.etag).header('cache-control', 'no-cache').header('vary', 'accept-encoding').type('application/json; charset=utf-8');
      if (req.headers['if-none-match'] === b.etag) return r.code(304).send();
      const accept = String(req.headers['accept-encoding'] ?? '');
      if (/\bbr\b/.test(accept)) return r.header('content-encoding', 'br').send(b.br);
      if (/\bgzip\b/.test(accept)) return r.header('content-encoding', 'gzip').send(b.gzip);
      return r.send(b.json);
    },
  );

  api.get(
    '/api/stories/:id/brief.md',
    { schema: { summary: 'The brief of one story as Markdown', params: IdParams, produces: ['text/markdown'] } },
    async (req, reply) => {
      const b = await briefOf(req.params.id);
      if (!b) return reply.code(404).send({ error: 'not-found', message: `no story ${req.params.id}`, statusCode: 404 });
      b.md ??= renderMarkdown(JSON.parse(b.json.toString('utf8')) as BriefDocument);
      return reply.type('text/markdown; charset=utf-8').send(b.md);
    },
  );

  api.get(
    '/api/articles/:id',
    { schema: { summary: 'One article: metadata, clean text and the removed pieces with reasons', params: IdParams, response: { 200: ArticleResponse, 404: ErrorResponse } } },
    async (req, reply) => {
      const a = await cc.store.getArticle(req.params.id);
      if (!a) return reply.code(404).send({ error: 'not-found', message: `no article ${req.params.id}`, statusCode: 404 });
      const prov = (await cc.store.getProvenance([a.id])).get(a.id) ?? null;
      return {
        id: a.id,
        origin: a.origin,
        format: a.format,
        storyId: await cc.store.storyOfArticle(a.id),
        metadata: a.metadata as unknown as Record<string, unknown>,
        paragraphs: a.paragraphs,
        text: a.text,
        removed: a.removed,
        seq: a.seq,
        ingestedAt: a.ingestedAt,
        provenance: prov as unknown as Record<string, unknown> | null,
      };
    },
  );

  api.get('/api/health', { schema: { summary: 'Health check', response: { 200: HealthResponse } } }, async () => ({
    ok: true,
    store: cc.store.kind,
    articles: await cc.store.countArticles(),
    uptimeSeconds: Math.round((Date.now() - started) / 1000),
    version,
    ingest: ingest.mode,
  }));

  app.get('/api/events', { schema: { summary: 'Server-sent events: `ingest` when articles arrive (article and story ids)', produces: ['text/event-stream'] } }, (_req, reply) => {
    reply.hijack();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(reply.getHeaders())) if (typeof v === 'string') headers[k] = v;
    events.add(reply.raw, headers);
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // ---------------------------------------------------------------- web app
  const webRoot = opts.webRoot === undefined ? defaultWebRoot() : opts.webRoot;
  if (webRoot) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: ['index.html'], wildcard: true, cacheControl: false, setHeaders: (res, path) => {
      res.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    } });
  } else {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('crosscheck API is running; the web app is not built (run `npm run build:web`). API: /api/stories, /api/openapi.json\n'),
    );
  }
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).send({ error: 'not-found', message: `no route ${req.method} ${req.url.split('?')[0]}`, statusCode: 404 });
  });

  await app.ready();
  return app;
}
