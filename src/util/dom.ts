/**
 * Lazy access to the HTML libraries. linkedom and Readability cost ~0.3 s to load; plain-text
 * inputs (the common case for a folder of scraped text) never need them, so they are required on
 * first use instead of at start-up.
 */
import { createRequire } from 'node:module';
import type { parseHTML as ParseHTML } from 'linkedom';
import type { Readability as ReadabilityClass } from '@mozilla/readability';

const require = createRequire(import.meta.url);

let linkedom: { parseHTML: typeof ParseHTML } | null = null;
let readability: { Readability: typeof ReadabilityClass } | null = null;

export function parseHTML(html: string): ReturnType<typeof ParseHTML> {
  linkedom ??= require('linkedom') as { parseHTML: typeof ParseHTML };
  return linkedom.parseHTML(html);
}

export function getReadability(): typeof ReadabilityClass {
  readability ??= require('@mozilla/readability') as { Readability: typeof ReadabilityClass };
  return readability.Readability;
}
