/**
 * Ingest: turns paths (files, folders, `-` for stdin, http(s) URLs) into RawDocs, one per article.
 *
 * Formats by extension, then by sniffing the content: plain text (`.txt`, a scraped page), HTML
 * (`.html`/`.htm`), JSON (`.json`: one record, an array, or `{ "articles": [...] }`), JSON Lines
 * (`.jsonl`, streamed line by line), RSS/Atom (`.xml`/`.rss`/`.atom`), each optionally gzipped
 * (`.gz`). Every failure is a per-item ItemError that names the input and says what to do; the
 * generator always goes on with the next input, and memory stays bounded by `maxBytes`.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, createGunzip } from 'node:zlib';
import type { GivenMeta, ItemError, ItemErrorCode, RawDoc } from '../types.js';
import { binaryReason, decodeBytes, htmlDeclaredCharset } from './decode.js';
import { parseFeed, sniffFeed } from './feed.js';
import { parseJsonDocument, parseJsonLine } from './records.js';

export { detectMetadata, splitDateline } from './metadata.js';

export interface ReadOptions {
  /** Largest input accepted, in bytes (whole files, HTTP bodies, stdin, one JSONL line). Default 10 MB. */
  maxBytes?: number;
  /** HTTP timeout in milliseconds (connect + body). Default 20 s. */
  timeoutMs?: number;
  /** Stream to read for `-` (default process.stdin); tests pass their own. */
  stdin?: AsyncIterable<Uint8Array>;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 20_000;

export function isItemError(x: unknown): x is ItemError {
  return typeof x === 'object' && x !== null && 'error' in x && 'code' in x && !('body' in x);
}

/** What the bytes are expected to hold; null = sniff. */
type Hint = 'text' | 'html' | 'json' | 'jsonl' | 'feed' | null;

const EXT_HINT: Record<string, Exclude<Hint, null>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
};

export const SUPPORTED_EXTENSIONS = Object.keys(EXT_HINT);

function err(origin: string, code: ItemErrorCode, error: string): ItemError {
  return { origin, code, error };
}

function mb(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1048576) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1048576).toFixed(1)} MB`;
}

/** Extension hint of a path, looking through `.gz`. `undefined` = unknown extension, null = none. */
function extHint(p: string): { hint: Hint | undefined; gz: boolean } {
  let name = basename(p).toLowerCase();
  const gz = name.endsWith('.gz');
  if (gz) name = name.slice(0, -3);
  const ext = extname(name);
  if (!ext) return { hint: null, gz };
  return { hint: EXT_HINT[ext], gz };
}

// ------------------------------------------------------------------------------------------ sniffing

function looksLikeHtmlDocument(s: string): boolean {
  return /^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i.test(s);
}

/** Guesses the format of a decoded text (prefix is enough). */
export function sniffFormat(text: string): Exclude<Hint, null> {
  const s = text.replace(/^\uFEFF/, '').trimStart();
  if (s.startsWith('<')) {
    if (sniffFeed(s.slice(0, 4096))) return 'feed';
    if (looksLikeHtmlDocument(s)) return 'html';
    if (/^<\?xml/i.test(s)) return /<html[\s>]/i.test(s.slice(0, 4096)) ? 'html' : 'feed';
    if (/<\/(p|div|article|span|h[1-6]|section)>/i.test(s.slice(0, 65536))) return 'html';
    return 'text';
  }
  if (s.startsWith('{') || /^\[\s*[{\]]/.test(s)) {
    const nl = s.indexOf('\n');
    if (nl > 0 && s.startsWith('{')) {
      const rest = s.slice(nl + 1).trimStart();
      if (rest.startsWith('{')) {
        try {
          JSON.parse(s.slice(0, nl));
          return 'jsonl';
        } catch {
          /* a pretty-printed JSON object */
        }
      }
    }
    return 'json';
  }
  return 'text';
}

// ------------------------------------------------------------------------------------------ bytes -> items

/** A whole input already in memory -> items. */
function* fromBytes(buf: Uint8Array, origin: string, hint: Hint, charset: string | null, base?: GivenMeta): Generator<RawDoc | ItemError> {
  const cs = charset ?? (hint === 'html' || hint === null ? htmlDeclaredCharset(buf) : null);
  const dec = decodeBytes(buf, cs);
  if (!dec.ok) {
    const what = dec.code === 'binary' ? 'give a text, HTML, JSON or feed file' : dec.code === 'empty' ? 'nothing to ingest' : 'save it as UTF-8';
    yield err(origin, dec.code, `${origin} ${dec.reason}; ${what}`);
    return;
  }
  const text = dec.text;
  let format: Exclude<Hint, null> = hint ?? sniffFormat(text);
  // Extensions lie: a .txt that is a saved web page, a .json that is JSON Lines, a .html that is a feed.
  if (format === 'text' && looksLikeHtmlDocument(text.trimStart())) format = 'html';
  if (format === 'html' && sniffFeed(text.trimStart().slice(0, 4096))) format = 'feed';
  if (format === 'json' && sniffFormat(text) === 'jsonl') {
    try {
      JSON.parse(text);
    } catch {
      format = 'jsonl';
    }
  }
  switch (format) {
    case 'text':
      yield { origin, format: 'text', body: { kind: 'text', text }, given: { ...base } };
      return;
    case 'html':
      yield { origin, format: 'html', body: { kind: 'html', html: text }, given: { ...base } };
      return;
    case 'json':
      yield* parseJsonDocument(text, origin); // records carry their own url: no base metadata
      return;
    case 'jsonl': {
      let item = 0;
      const lines = text.split('\n');
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i].replace(/\r$/, '');
        if (!line.trim()) continue;
        yield parseJsonLine(line, origin, ++item, i + 1);
      }
      if (item === 0) yield err(origin, 'empty', `${origin} holds no JSON Lines records; nothing to ingest`);
      return;
    }
    case 'feed':
      yield* parseFeed(text, origin);
      return;
  }
}

/** Splits a byte stream into lines without ever holding more than `maxLine` bytes of one line. */
async function* splitLines(chunks: AsyncIterable<Uint8Array>, maxLine: number): AsyncGenerator<{ lineNo: number; line?: Buffer; tooLong?: number }> {
  let parts: Buffer[] = [];
  let len = 0;
  let overflow = 0;
  let lineNo = 0;
  for await (const c of chunks) {
    const chunk = Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    let from = 0;
    while (from < chunk.length) {
      const nl = chunk.indexOf(0x0a, from);
      const end = nl === -1 ? chunk.length : nl;
      const piece = chunk.subarray(from, end);
      if (overflow || len + piece.length > maxLine) {
        overflow += len + piece.length;
        parts = [];
        len = 0;
      } else if (piece.length) {
        parts.push(Buffer.from(piece));
        len += piece.length;
      }
      if (nl === -1) break;
      lineNo++;
      if (overflow) yield { lineNo, tooLong: overflow };
      else yield { lineNo, line: Buffer.concat(parts, len) };
      parts = [];
      len = 0;
      overflow = 0;
      from = nl + 1;
    }
  }
  if (overflow) yield { lineNo: lineNo + 1, tooLong: overflow };
  else if (len) yield { lineNo: lineNo + 1, line: Buffer.concat(parts, len) };
}

/** JSON Lines from a byte stream: one item per non-blank line; bad lines are ItemErrors. */
async function* fromJsonlStream(chunks: AsyncIterable<Uint8Array>, origin: string, maxBytes: number): AsyncGenerator<RawDoc | ItemError> {
  let item = 0;
  let checked = false;
  for await (const { lineNo, line, tooLong } of splitLines(chunks, maxBytes)) {
    if (tooLong !== undefined) {
      item++;
      yield err(`${origin}#${item}`, 'too-large', `${origin} line ${lineNo} is ${mb(tooLong)}, over the ${mb(maxBytes)} limit per record; split the record or raise the limit (--max-bytes)`);
      continue;
    }
    let s = line!;
    if (!checked) {
      checked = true;
      if (s[0] === 0xef && s[1] === 0xbb && s[2] === 0xbf) s = s.subarray(3);
      const bin = binaryReason(s);
      if (bin) {
        yield err(origin, 'binary', `${origin} is not text: it ${bin}; give a UTF-8 JSON Lines file`);
        return;
      }
    }
    const str = s.toString('utf8').replace(/\r$/, '');
    if (!str.trim()) continue;
    yield parseJsonLine(str, origin, ++item, lineNo);
  }
  if (item === 0) yield err(origin, 'empty', `${origin} holds no JSON Lines records (empty file); nothing to ingest`);
}

/**
 * A stream of unknown size (stdin, an HTTP body): sniff a prefix; JSON Lines are streamed, anything
 * else is read whole up to maxBytes.
 */
async function* fromStream(chunks: AsyncIterable<Uint8Array>, origin: string, hint: Hint, charset: string | null, maxBytes: number, base?: GivenMeta): AsyncGenerator<RawDoc | ItemError> {
  const it = chunks[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headLen = 0;
  let done = false;
  // Read until the first newline past some content (enough to tell JSON Lines), 64 KB, or the end.
  while (headLen < 65536) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    const b = Buffer.from(r.value);
    head.push(b);
    headLen += b.length;
    const joined = Buffer.concat(head, headLen);
    const firstNl = joined.indexOf(0x0a, 1);
    if (firstNl !== -1 && joined.indexOf(0x0a, firstNl + 1) !== -1) break;
  }
  const prefix = Buffer.concat(head, headLen);
  let fmt = hint;
  if (fmt === null || fmt === 'json') {
    const bin = binaryReason(prefix);
    if (!bin && prefix.length && sniffFormat(prefix.toString('utf8')) === 'jsonl') fmt = 'jsonl';
  }
  const rest = async function* (): AsyncGenerator<Uint8Array> {
    yield prefix;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  };
  if (fmt === 'jsonl') {
    yield* fromJsonlStream(rest(), origin, maxBytes);
    return;
  }
  const parts: Buffer[] = [];
  let total = 0;
  for await (const c of rest()) {
    total += c.byteLength;
    if (total > maxBytes) {
      await it.return?.();
      yield err(origin, 'too-large', `${origin} is larger than the ${mb(maxBytes)} limit; save it to a smaller file, or split it (JSON Lines are streamed), or raise the limit (--max-bytes)`);
      return;
    }
    parts.push(Buffer.from(c));
  }
  yield* fromBytes(Buffer.concat(parts, total), origin, fmt, charset, base);
}

// ------------------------------------------------------------------------------------------ sources

async function* readFileInput(path: string, named: boolean, maxBytes: number): AsyncGenerator<RawDoc | ItemError> {
  const { hint, gz } = extHint(path);
  if (hint === undefined) {
    if (named) yield err(path, 'unsupported', `${path}: unknown file type "${extname(path)}"; crosscheck reads ${SUPPORTED_EXTENSIONS.join(' ')} (optionally .gz) files`);
    return;
  }
  if (hint === null && !named) return; // files without an extension inside folders (README, LICENSE...) are skipped
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (e) {
    yield err(path, 'io', `cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check its permissions`);
    return;
  }
  if (size === 0) {
    yield err(path, 'empty', `${path} is empty (0 bytes); nothing to ingest`);
    return;
  }
  try {
    if (hint === 'jsonl') {
      const s = createReadStream(path);
      const chunks = gz ? s.pipe(createGunzip()) : s;
      try {
        yield* fromJsonlStream(chunks as AsyncIterable<Buffer>, path, maxBytes);
      } finally {
        s.destroy();
      }
      return;
    }
    if (size > maxBytes) {
      yield err(path, 'too-large', `${path} is ${mb(size)}, over the ${mb(maxBytes)} limit; split it (JSON Lines files are streamed) or raise the limit (--max-bytes)`);
      return;
    }
    let buf: Buffer = await readFile(path);
    if (gz) {
      try {
        buf = gunzipSync(buf, { maxOutputLength: maxBytes });
      } catch (e) {
        const tooBig = (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || /Cannot create a Buffer larger/.test((e as Error).message);
        yield tooBig
          ? err(path, 'too-large', `${path} unpacks to more than the ${mb(maxBytes)} limit; split it or raise the limit (--max-bytes)`)
          : err(path, 'binary', `${path} is not a valid gzip file (${(e as Error).message}); unpack or re-save it`);
        return;
      }
    }
    yield* fromBytes(buf, path, hint, null);
  } catch (e) {
    yield err(path, 'io', `cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check the file`);
  }
}

/** Files under a folder, recursively, sorted by name (code-point order), hidden entries skipped. */
async function* walk(dir: string, seen: Set<string>): AsyncGenerator<string | ItemError> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (e) {
    yield err(dir, 'io', `cannot open folder ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return;
  }
  if (seen.has(real)) return; // symlink loop
  seen.add(real);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    yield err(dir, 'io', `cannot list folder ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check its permissions`);
    return;
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const p = join(dir, name);
    let st;
    try {
      st = await stat(p);
    } catch {
      continue; // dangling symlink
    }
    if (st.isDirectory()) yield* walk(p, seen);
    else if (st.isFile()) yield p;
  }
}

const FETCH_HINTS: [RegExp, Exclude<Hint, null>][] = [
  [/html|xhtml/, 'html'],
  [/rss|atom/, 'feed'],
  [/ndjson|jsonl|json-seq|jsonlines/, 'jsonl'],
  [/json/, 'json'],
  [/xml/, 'feed'],
  [/text\/plain/, 'text'],
];

async function* readUrl(url: string, maxBytes: number, timeoutMs: number): AsyncGenerator<RawDoc | ItemError> {
  let res: Response;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    res = await fetch(url, {
      signal,
      redirect: 'follow',
      headers: {
        'user-agent': 'crosscheck/0.1 (news cross-checking tool)',
        accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/json,text/plain;q=0.9,*/*;q=0.5',
      },
    });
  } catch (e) {
    yield fetchError(url, e, timeoutMs);
    return;
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    yield err(url, 'fetch', `${url}: the server answered HTTP ${res.status} ${res.statusText}; check the address or save the page and ingest the file`);
    return;
  }
  const len = Number(res.headers.get('content-length'));
  if (Number.isFinite(len) && len > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    yield err(url, 'too-large', `${url} is ${mb(len)}, over the ${mb(maxBytes)} limit; raise maxBytes or fetch a smaller page`);
    return;
  }
  const ctype = (res.headers.get('content-type') ?? '').toLowerCase();
  const mime = ctype.split(';')[0].trim();
  if (/^(image|audio|video|font)\//.test(mime) || /pdf|zip|octet-stream|msword|officedocument/.test(mime)) {
    if (mime !== 'application/octet-stream') {
      await res.body?.cancel().catch(() => undefined);
      yield err(url, 'unsupported', `${url} serves ${mime}, not an article; give the address of an HTML page, a feed or a text/JSON file`);
      return;
    }
  }
  const hint = FETCH_HINTS.find(([re]) => re.test(mime))?.[1] ?? null;
  const charset = /charset\s*=\s*"?([\w:.-]+)/i.exec(ctype)?.[1] ?? null;
  if (!res.body) {
    yield err(url, 'empty', `${url}: the server sent no body; nothing to ingest`);
    return;
  }
  try {
    const base: GivenMeta = { url: res.url || url };
    // Only whole-page documents (text, HTML) take the fetched URL; feed items and records carry their own.
    yield* fromStream(res.body as unknown as AsyncIterable<Uint8Array>, url, hint, charset, maxBytes, base);
  } catch (e) {
    yield fetchError(url, e, timeoutMs);
  }
}

function fetchError(url: string, e: unknown, timeoutMs: number): ItemError {
  const ex = e as Error & { cause?: { code?: string; message?: string } };
  if (ex.name === 'TimeoutError' || ex.name === 'AbortError') {
    return err(url, 'fetch', `${url}: no complete answer within ${Math.round(timeoutMs / 1000)} s; try again later or save the page and ingest the file`);
  }
  const why = ex.cause?.code ?? ex.cause?.message ?? ex.message;
  return err(url, 'fetch', `${url}: could not fetch (${why}); check the address and your network, or save the page and ingest the file`);
}

/**
 * Reads every input named by `paths` and yields one RawDoc per article found, or an ItemError per
 * item that could not be read. Never throws for bad input; the next path is always read.
 */
export async function* readInputs(paths: string[], opts: ReadOptions = {}): AsyncGenerator<RawDoc | ItemError> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  for (const raw of paths) {
    try {
      if (raw === '-') {
        yield* fromStream(opts.stdin ?? (process.stdin as AsyncIterable<Uint8Array>), 'stdin', null, null, maxBytes);
        continue;
      }
      if (/^https?:\/\//i.test(raw)) {
        yield* readUrl(raw, maxBytes, timeoutMs);
        continue;
      }
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) && !/^file:\/\//i.test(raw)) {
        yield err(raw, 'unsupported', `${raw}: only http(s) addresses, files, folders and - (stdin) can be read`);
        continue;
      }
      const path = /^file:\/\//i.test(raw) ? fileURLToPath(raw) : raw;
      let st;
      try {
        st = await stat(path);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        yield code === 'ENOENT'
          ? err(raw, 'not-found', `${raw}: no such file or folder; check the path`)
          : err(raw, 'io', `cannot open ${raw} (${code ?? (e as Error).message}); check its permissions`);
        continue;
      }
      if (st.isDirectory()) {
        let any = false;
        for await (const f of walk(path, new Set())) {
          if (typeof f !== 'string') {
            yield f;
            continue;
          }
          for await (const d of readFileInput(f, false, maxBytes)) {
            any = true;
            yield d;
          }
        }
        if (!any) yield err(raw, 'empty', `${raw}: the folder holds no readable files (${SUPPORTED_EXTENSIONS.join(' ')}); nothing to ingest`);
      } else {
        yield* readFileInput(path, true, maxBytes);
      }
    } catch (e) {
      yield err(raw, 'internal', `${raw}: failed to read (${(e as Error).message}); please report this input`);
    }
  }
}
