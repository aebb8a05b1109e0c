/**
 * Metadata detection. PLACEHOLDER (foundation skeleton): record fields only.
 */
import type { ArticleMetadata, CleanDoc, RawDoc } from '../types.js';

export function detectMetadata(raw: RawDoc, clean: CleanDoc): ArticleMetadata {
  const m: ArticleMetadata = { byline: [], language: 'en', fieldSources: {} };
  const title = raw.given.title ?? clean.title;
  if (title) { m.title = title; m.fieldSources.title = raw.given.title ? 'record' : 'text'; }
  if (raw.given.url) { m.url = raw.given.url; m.fieldSources.url = 'record'; }
  if (raw.given.outlet) { m.outlet = raw.given.outlet; m.fieldSources.outlet = 'record'; }
  if (raw.given.published) { m.published = raw.given.published; m.fieldSources.published = 'record'; }
  return m;
}
