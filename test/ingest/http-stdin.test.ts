import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { BRIDGE_HTML, BRIDGE_PARAS, FERRY_PAGE, FERRY_PARAS, bodyText, docs, errors, readAll } from './helpers.js';

describe('readInputs: http(s) URLs (local server)', () => {
  let server: Server;
  let base = '';
  before(async () => {
    server = createServer((req, res) => {
      const url = req.url ?? '/';
      if (url === '/page') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(BRIDGE_HTML);
      } else if (url === '/redirect') {
        res.writeHead(302, { location: '/page' });
        res.end();
      } else if (url === '/latin1') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=ISO-8859-1' });
        res.end(iconv.encode('La mairie de Valbrune a annoncé la réouverture du pont jeudi.', 'latin1'));
      } else if (url === '/feed') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(`<rss version="2.0"><channel><title>Gazette</title><item><title>A</title><link>https://gazette.example/a</link><description>${BRIDGE_PARAS[0]}</description></item><item><title>B</title><description>${BRIDGE_PARAS[1]}</description></item></channel></rss>`);
      } else if (url === '/records') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(FERRY_PARAS.map((t) => JSON.stringify({ text: t })).join('\n'));
      } else if (url === '/sniff') {
        res.writeHead(200); // no content type: sniffed
        res.end(BRIDGE_HTML);
      } else if (url === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(5 * 1024 * 1024) });
        res.end('x'.repeat(5 * 1024 * 1024));
      } else if (url === '/big-chunked') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        let sent = 0;
        const push = () => {
          while (sent < 3 * 1024 * 1024) {
            sent += 65536;
            if (!res.write('y'.repeat(65536))) return res.once('drain', push);
          }
          res.end();
        };
        push();
      } else if (url === '/slow') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('The council met');
        setTimeout(() => res.end(' on Tuesday.'), 3000).unref();
      } else if (url === '/image') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not here');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  test('an HTML page: format from content-type, fetched URL recorded, redirects followed', async () => {
    const [a, b] = docs(await readAll([`${base}/page`, `${base}/redirect`]));
    assert.equal(a.format, 'html');
    assert.equal(a.origin, `${base}/page`);
    assert.equal(a.given.url, `${base}/page`);
    assert.equal(b.origin, `${base}/redirect`);
    assert.equal(b.given.url, `${base}/page`);
  });

  test('charset from the content-type header', async () => {
    const [d] = docs(await readAll([`${base}/latin1`]));
    assert.match(bodyText(d), /annoncé la réouverture/);
  });

  test('a feed gives one item each with its own link', async () => {
    const items = docs(await readAll([`${base}/feed`]));
    assert.deepEqual(items.map((d) => d.origin), [`${base}/feed#1`, `${base}/feed#2`]);
    assert.equal(items[0].given.url, 'https://gazette.example/a');
    assert.equal(items[1].given.url, undefined);
  });

  test('content sniffing: JSON Lines behind octet-stream, HTML without content type', async () => {
    assert.equal(docs(await readAll([`${base}/records`])).length, FERRY_PARAS.length);
    assert.equal(docs(await readAll([`${base}/sniff`]))[0].format, 'html');
  });

  test('size cap (content-length and streamed), HTTP errors, timeouts, refused connections, non-text types', async () => {
    // A port nobody listens on: bind one, then close it.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const deadPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const items = await readAll([`${base}/big`, `${base}/big-chunked`, `${base}/missing`, `${base}/slow`, `http://127.0.0.1:${deadPort}/x`, `${base}/image`, `${base}/page`], { maxBytes: 1024 * 1024, timeoutMs: 800 });
    assert.equal(items.length, 7);
    const errs = errors(items);
    assert.deepEqual(errs.map((e) => e.code), ['too-large', 'too-large', 'fetch', 'fetch', 'fetch', 'unsupported']);
    assert.match(errs[0].error, /is 5\.0 MB, over the 1\.0 MB limit/);
    assert.match(errs[2].error, /HTTP 404/);
    assert.match(errs[3].error, /no complete answer within 1 s/);
    assert.match(errs[4].error, /could not fetch \(ECONNREFUSED\)/);
    assert.match(errs[5].error, /serves image\/png/);
    assert.equal(docs(items).length, 1, 'the batch went on');
  });
});

describe('stdin', () => {
  test('readInputs reads "-" from the given stream and sniffs the format', async () => {
    const items = await readAll(['-'], { stdin: Readable.from([Buffer.from(FERRY_PAGE.slice(0, 100)), Buffer.from(FERRY_PAGE.slice(100))]) });
    const [d] = docs(items);
    assert.equal(d.origin, 'stdin');
    assert.equal(d.format, 'text');
    assert.equal(bodyText(d), FERRY_PAGE);
  });

  test('JSON Lines on stdin are streamed, origins stdin#n', async () => {
    const lines = FERRY_PARAS.map((t) => JSON.stringify({ text: t })).join('\n');
    const items = await readAll(['-'], { stdin: Readable.from([Buffer.from(lines)]) });
    assert.deepEqual(items.map((x) => x.origin), FERRY_PARAS.map((_, i) => `stdin#${i + 1}`));
  });

  test('stdin over the size cap is refused', async () => {
    const [e] = errors(await readAll(['-'], { maxBytes: 1000, stdin: Readable.from([Buffer.from(FERRY_PAGE)]) }));
    assert.equal(e.code, 'too-large');
  });
});
