import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/server/app.js';
import { ferryA, ferryB, hostile, manyArticles, orchard } from './fixtures.js';

const TOKEN = 'test-token-123';
const auth = { authorization: `Bearer ${TOKEN}` };

describe('HTTP API', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await createServer({ db: ':memory:', token: TOKEN, webRoot: null, bodyLimit: 256 * 1024, rateLimit: false });
  });
  after(async () => {
    await app.close();
  });

  test('writes without the token are refused', async () => {
    const none = await app.inject({ method: 'POST', url: '/api/articles', payload: ferryA });
    assert.equal(none.statusCode, 401);
    assert.match(none.headers['www-authenticate'] as string, /Bearer/);
    const wrong = await app.inject({ method: 'POST', url: '/api/articles', payload: ferryA, headers: { authorization: 'Bearer nope' } });
    assert.equal(wrong.statusCode, 401);
    const basic = await app.inject({ method: 'POST', url: '/api/articles', payload: ferryA, headers: { authorization: `Basic ${TOKEN}` } });
    assert.equal(basic.statusCode, 401);
    assert.equal((await app.inject({ url: '/api/health' })).json().articles, 0, 'nothing stored');
  });

  test('a server without a token refuses all writes', async () => {
    const open = await createServer({ db: ':memory:', webRoot: null });
    try {
      const r = await open.inject({ method: 'POST', url: '/api/articles', payload: ferryA, headers: auth });
      assert.equal(r.statusCode, 403);
      assert.match(r.json().message, /--token/);
    } finally {
      await open.close();
    }
  });

  test('one JSON article is stored, with ids and its story id', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/articles', payload: ferryA, headers: auth });
    assert.equal(r.statusCode, 200, r.body);
    const body = r.json();
    assert.equal(body.stored, 1);
    assert.equal(body.articleIds.length, 1);
    assert.match(body.articleIds[0], /^[0-9a-f]{16}$/);
    assert.equal(body.items[0].status, 'stored');
    assert.ok(body.items[0].storyId);
    assert.ok(body.storyIds.includes(body.items[0].storyId));
    const again = (await app.inject({ method: 'POST', url: '/api/articles', payload: ferryA, headers: auth })).json();
    assert.equal(again.duplicates, 1);
    assert.equal(again.items[0].status, 'duplicate');
    assert.equal(again.items[0].id, body.articleIds[0]);
  });

  test('JSON Lines: every line processed, bad lines get per-item errors', async () => {
    const lines = [JSON.stringify(ferryB), '{"text": "unterminated', JSON.stringify({ title: 'no body' }), '', JSON.stringify({ html: `<html><body><h1>${orchard.title}</h1><p>${orchard.text}</p></body></html>` })].join('\n');
    const r = await app.inject({ method: 'POST', url: '/api/articles', payload: lines, headers: { ...auth, 'content-type': 'application/x-ndjson' } });
    assert.equal(r.statusCode, 200, r.body);
    const body = r.json();
    assert.equal(body.stored, 2);
    assert.equal(body.errors.length, 2);
    assert.deepEqual(
      body.items.map((i: { status: string }) => i.status),
      ['stored', 'error', 'error', 'stored'],
    );
    assert.equal(body.items[1].error.code, 'malformed-json');
    assert.match(body.items[1].error.error, /line 2 is not valid JSON/);
    assert.match(body.items[2].error.error, /"text" or "html"/);
    assert.match(body.items[3].origin, /#5$/, 'origins name the line');
  });

  test('a JSON array is accepted with per-item errors', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/articles', payload: [manyArticles(1)[0], 42, { text: '' }], headers: auth });
    assert.equal(r.statusCode, 200);
    const body = r.json();
    assert.deepEqual(
      body.items.map((i: { status: string }) => i.status),
      ['stored', 'error', 'error'],
    );
  });

  test('invalid single article and empty bodies are 400', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/articles', payload: { title: 'only a title' }, headers: auth });
    assert.equal(r.statusCode, 400);
    const empty = await app.inject({ method: 'POST', url: '/api/articles', payload: '\n\n', headers: { ...auth, 'content-type': 'application/x-ndjson' } });
    assert.equal(empty.statusCode, 400);
  });

  test('oversized bodies are refused with 413', async () => {
    const big = { text: 'The tide gauge at Port Ellis rose again. '.repeat(10_000) };
    const r = await app.inject({ method: 'POST', url: '/api/articles', payload: big, headers: auth });
    assert.equal(r.statusCode, 413);
    assert.match(r.json().message, /larger than the limit/);
    const jl = await app.inject({ method: 'POST', url: '/api/articles', payload: (JSON.stringify(big) + '\n').repeat(2), headers: { ...auth, 'content-type': 'application/x-ndjson' } });
    assert.equal(jl.statusCode, 413);
  });

  test('stories: paged, newest activity first, searchable', async () => {
    const all = (await app.inject({ url: '/api/stories' })).json();
    assert.ok(all.stories.length >= 3);
    for (const s of all.stories) {
      assert.equal(typeof s.articleCount, 'number');
      assert.equal(typeof s.familyCount, 'number');
      assert.equal(typeof s.conflictCount, 'number');
    }
    const times = all.stories.map((s: { updatedAt: string }) => s.updatedAt);
    assert.deepEqual(times, [...times].sort().reverse());
    const page = (await app.inject({ url: '/api/stories?limit=1&offset=1' })).json();
    assert.equal(page.stories.length, 1);
    assert.equal(page.hasMore, true);
    assert.equal(page.stories[0].id, all.stories[1].id);
    const found = (await app.inject({ url: '/api/stories?q=' + encodeURIComponent('APPLE HARVEST') })).json();
    assert.ok(found.stories.length >= 1, JSON.stringify(found));
    for (const s of found.stories) assert.match(s.title, /apple harvest/i);
    const bad = await app.inject({ url: '/api/stories?limit=0' });
    assert.equal(bad.statusCode, 400);
  });

  test('story brief JSON and Markdown; 404 for unknown ids', async () => {
    const ing = (await app.inject({ method: 'POST', url: '/api/articles', payload: ferryA, headers: auth })).json();
    const sid = ing.items[0].storyId as string;
    const r = await app.inject({ url: `/api/stories/${sid}` });
    assert.equal(r.statusCode, 200);
    assert.match(r.headers['content-type'] as string, /application\/json/);
    const doc = r.json();
    assert.equal(doc.stories.length, 1);
    assert.equal(doc.stories[0].id, sid);
    assert.ok(doc.stories[0].articles.some((a: { id: string }) => a.id === ing.articleIds[0]));
    const md = await app.inject({ url: `/api/stories/${sid}/brief.md` });
    assert.equal(md.statusCode, 200);
    assert.match(md.headers['content-type'] as string, /text\/markdown/);
    assert.match(md.body, /^# /);
    assert.equal((await app.inject({ url: '/api/stories/nope' })).statusCode, 404);
    assert.equal((await app.inject({ url: '/api/stories/nope/brief.md' })).statusCode, 404);
  });

  test('story list conflict counts agree with the built brief', async () => {
    const ing = (await app.inject({ method: 'POST', url: '/api/articles', payload: [ferryA, ferryB], headers: auth })).json();
    const sid = ing.items[1].storyId as string;
    const brief = (await app.inject({ url: `/api/stories/${sid}` })).json();
    const conflicts = brief.stories[0].conflicts;
    const row = (await app.inject({ url: '/api/stories?limit=200' })).json().stories.find((s: { id: string }) => s.id === sid);
    assert.ok(row);
    if (Array.isArray(conflicts)) assert.equal(row.conflictCount, conflicts.length);
  });

  test('brief JSON: ETag revalidation, gzip and brotli', async () => {
    const sid = (await app.inject({ method: 'POST', url: '/api/articles', payload: orchard, headers: auth })).json().items[0].storyId;
    const r = await app.inject({ url: `/api/stories/${sid}` });
    const etag = r.headers.etag as string;
    assert.ok(etag);
    assert.equal((await app.inject({ url: `/api/stories/${sid}`, headers: { 'if-none-match': etag } })).statusCode, 304);
    const gz = await app.inject({ url: `/api/stories/${sid}`, headers: { 'accept-encoding': 'gzip, deflate' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8')), r.json());
    const br = await app.inject({ url: `/api/stories/${sid}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.deepEqual(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8')), r.json());
    assert.equal(r.headers['content-encoding'], undefined, 'identity when nothing is accepted');
  });

  test('concurrent requests are coalesced, each gets its own items back', async () => {
    const arts = manyArticles(12, 'signal box');
    const results = await Promise.all(arts.map((a) => app.inject({ method: 'POST', url: '/api/articles', payload: a, headers: auth })));
    const ids = new Set<string>();
    for (const r of results) {
      assert.equal(r.statusCode, 200);
      const b = r.json();
      assert.equal(b.items.length, 1);
      assert.equal(b.stored, 1);
      assert.equal(b.articleIds.length, 1);
      assert.deepEqual(b.storyIds, [b.items[0].storyId]);
      ids.add(b.articleIds[0]);
    }
    assert.equal(ids.size, 12);
    for (const id of ids) assert.equal((await app.inject({ url: `/api/articles/${id}` })).statusCode, 200);
  });

  test('article: metadata, clean text, removed pieces', async () => {
    const id = (await app.inject({ method: 'POST', url: '/api/articles', payload: ferryB, headers: auth })).json().articleIds[0];
    const r = await app.inject({ url: `/api/articles/${id}` });
    assert.equal(r.statusCode, 200);
    const a = r.json();
    assert.equal(a.id, id);
    assert.ok(a.text.includes('Greyhaven'));
    assert.ok(Array.isArray(a.removed));
    assert.ok(Array.isArray(a.paragraphs) && a.paragraphs.length >= 1);
    assert.equal(typeof a.metadata, 'object');
    assert.ok(a.storyId);
    assert.equal((await app.inject({ url: '/api/articles/0000000000000000' })).statusCode, 404);
  });

  test('XSS payloads come back as data, never as markup', async () => {
    const ing = (await app.inject({ method: 'POST', url: '/api/articles', payload: hostile, headers: auth })).json();
    assert.equal(ing.stored, 1, JSON.stringify(ing));
    const id = ing.articleIds[0];
    const a = await app.inject({ url: `/api/articles/${id}` });
    assert.match(a.headers['content-type'] as string, /^application\/json/);
    assert.equal(a.headers['x-content-type-options'], 'nosniff');
    assert.ok(a.json().text.includes('<script>'), 'stored verbatim as data');
    const md = await app.inject({ url: `/api/stories/${ing.items[0].storyId}/brief.md` });
    assert.ok(!/<script|<img/i.test(md.body), 'Markdown escapes tags');
    const csp = a.headers['content-security-policy'] as string;
    assert.match(csp, /script-src 'self'/);
    assert.ok(!/unsafe-inline/.test(csp));
    assert.match(csp, /object-src 'none'/);
  });

  test('OpenAPI document is valid JSON generated from the request schemas', async () => {
    const r = await app.inject({ url: '/api/openapi.json' });
    assert.equal(r.statusCode, 200);
    const doc = JSON.parse(r.body);
    assert.match(doc.openapi, /^3\./);
    for (const p of ['/api/articles', '/api/stories', '/api/stories/{id}', '/api/stories/{id}/brief.md', '/api/articles/{id}', '/api/health', '/api/events']) {
      assert.ok(doc.paths[p], `path ${p} documented`);
    }
    const body = doc.paths['/api/articles'].post.requestBody.content['application/json'].schema;
    const obj = body.anyOf.find((s: { type?: string }) => s.type === 'object');
    assert.ok(obj.properties.text && obj.properties.html && obj.properties.published);
    assert.deepEqual(doc.paths['/api/articles'].post.security, [{ bearer: [] }]);
    const q = doc.paths['/api/stories'].get.parameters.map((p: { name: string }) => p.name).sort();
    assert.deepEqual(q, ['limit', 'offset', 'q']);
  });

  test('health', async () => {
    const h = (await app.inject({ url: '/api/health' })).json();
    assert.equal(h.ok, true);
    assert.equal(h.store, 'sqlite');
    assert.ok(h.articles > 0);
  });

  test('unknown routes are 404 JSON', async () => {
    const r = await app.inject({ url: '/api/nothing-here' });
    assert.equal(r.statusCode, 404);
    assert.equal(r.json().error, 'not-found');
  });
});

describe('rate limit and live events', () => {
  test('ingestion is rate limited per token', async () => {
    const app = await createServer({ db: ':memory:', token: TOKEN, webRoot: null, rateLimit: { max: 2, timeWindowMs: 60_000 } });
    try {
      const arts = manyArticles(3, 'buoy');
      const codes: number[] = [];
      for (const a of arts) codes.push((await app.inject({ method: 'POST', url: '/api/articles', payload: a, headers: auth })).statusCode);
      assert.deepEqual(codes, [200, 200, 429]);
      // Reads are not limited.
      assert.equal((await app.inject({ url: '/api/stories' })).statusCode, 200);
    } finally {
      await app.close();
    }
  });

  test('server-sent events announce ingested articles and their stories', async () => {
    const app = await createServer({ db: ':memory:', token: TOKEN, webRoot: null, rateLimit: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    try {
      const received = new Promise<{ event: string; data: { articleIds: string[]; storyIds: string[] } }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/api/events' }, (res) => {
          assert.match(res.headers['content-type'] as string, /text\/event-stream/);
          let buf = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buf += chunk;
            if (buf.includes(': connected')) void app.inject({ method: 'POST', url: '/api/articles', payload: orchard, headers: auth });
            const m = /event: (\w+)\ndata: (.*)\n\n/.exec(buf);
            if (m) {
              resolve({ event: m[1], data: JSON.parse(m[2]) });
              req.destroy();
            }
          });
        });
        req.on('error', reject);
        req.end();
      });
      const ev = await received;
      assert.equal(ev.event, 'ingest');
      assert.equal(ev.data.articleIds.length, 1);
      assert.equal(ev.data.storyIds.length, 1);
    } finally {
      await app.close();
    }
  });

  test('after a pause in the feed, touched stories are prebuilt and announced once per batch', async () => {
    const app = await createServer({ db: ':memory:', token: TOKEN, webRoot: null, rateLimit: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const seen: { event: string; data: { storyIds: string[] } }[] = [];
    let req: ReturnType<typeof request> | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        req = request({ host: '127.0.0.1', port, path: '/api/events' }, (res) => {
          let buf = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buf += chunk;
            if (buf.includes(': connected')) resolve();
            for (let m; (m = /event: (\w+)\ndata: (.*)\n\n/.exec(buf)); buf = buf.slice(m.index + m[0].length)) seen.push({ event: m[1], data: JSON.parse(m[2]) });
          });
        });
        req.on('error', reject);
        req.end();
      });
      const r = await app.inject({ method: 'POST', url: '/api/articles', payload: ferryA, headers: auth });
      const sid = r.json().storyIds[0] as string;
      const deadline = Date.now() + 5000;
      while (!seen.some((e) => e.event === 'briefs') && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
      const briefsEvents = seen.filter((e) => e.event === 'briefs');
      assert.deepEqual(briefsEvents.map((e) => e.data.storyIds), [[sid]]);
      // The prebuilt brief is served from the cache: same ETag on every request.
      const a = await app.inject({ url: `/api/stories/${sid}` });
      const b = await app.inject({ url: `/api/stories/${sid}` });
      assert.equal(a.statusCode, 200);
      assert.equal(a.headers.etag, b.headers.etag);
      assert.deepEqual(seen.filter((e) => e.event === 'ingest').map((e) => e.data.storyIds), [[sid]]);
    } finally {
      req?.destroy();
      await app.close();
    }
  });
});
