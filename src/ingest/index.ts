/**
 * Ingest: turns paths (files, folders, `-` for stdin, http(s) URLs) into RawDocs.
 * PLACEHOLDER (foundation skeleton): plain-text files only; the ingest owner replaces this.
 */
import { readFile } from 'node:fs/promises';
import type { ItemError, RawDoc } from '../types.js';

export interface ReadOptions {
  /** Largest input accepted, in bytes. */
  maxBytes?: number;
}

export function isItemError(x: unknown): x is ItemError {
  return typeof x === 'object' && x !== null && 'error' in x && 'code' in x && !('body' in x);
}

export async function* readInputs(paths: string[], _opts: ReadOptions = {}): AsyncGenerator<RawDoc | ItemError> {
  for (const p of paths) {
    try {
      const text = await readFile(p, 'utf8');
      yield { origin: p, format: 'text', body: { kind: 'text', text }, given: {} };
    } catch (e) {
      yield { origin: p, code: 'io', error: `cannot read ${p}: ${(e as Error).message}` };
    }
  }
}
