import { createHash } from 'node:crypto';

export function sha256hex(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/**
 * Normalises text for identity: Unicode NFKC, curly quotes and dashes folded, case folded,
 * whitespace collapsed. Two scrapes of the same article that differ only in these respects get
 * the same id.
 */
export function normaliseForId(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Stable article id: first 16 hex chars of sha256 over the normalised clean text. */
export function articleId(cleanText: string): string {
  return sha256hex(normaliseForId(cleanText)).slice(0, 16);
}
