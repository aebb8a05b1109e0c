/**
 * A brief ready to serve: serialised once, compressed once (brotli and gzip), with its ETag and
 * conflict count. Made where the brief is built (the ingestion worker thread, when there is one),
 * so the server thread only sends bytes.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { BriefDocument } from '../types.js';

export interface PreparedBrief {
  json: Uint8Array;
  gzip: Uint8Array;
  br: Uint8Array;
  etag: string;
  /** Number of conflicts in the brief (null when the brief has no conflicts field). */
  conflicts: number | null;
}

/** null when the document holds no story. */
export function prepareBrief(doc: BriefDocument): PreparedBrief | null {
  if (!doc.stories.length) return null;
  const json = Buffer.from(JSON.stringify(doc));
  const conflicts = doc.stories[0].conflicts;
  return {
    json,
    gzip: gzipSync(json, { level: 6 }),
    br: brotliCompressSync(json, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }),
    etag: `"${createHash('sha1').update(json).digest('base64url')}"`,
    conflicts: Array.isArray(conflicts) ? conflicts.length : null,
  };
}

/** Views bytes that crossed a thread boundary (structured clone gives Uint8Array) as a Buffer. */
export function asBuffer(u: Uint8Array): Buffer {
  return Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}
