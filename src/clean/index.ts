/**
 * Clean: separates article text from boilerplate. PLACEHOLDER (foundation skeleton): splits on
 * lines and keeps them all; the clean owner replaces this.
 */
import type { CleanDoc, Paragraph, RawDoc } from '../types.js';

export interface CleanContext {
  /** Lines seen in other articles of the same outlet (for cross-article boilerplate). */
  outletLineCounts?: Map<string, number>;
}

export function cleanDoc(raw: RawDoc, _ctx: CleanContext = {}): CleanDoc {
  const text = raw.body.kind === 'text' ? raw.body.text : raw.body.html.replace(/<[^>]+>/g, ' ');
  const paragraphs: Paragraph[] = [];
  let off = 0;
  const parts: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (!t) return;
    paragraphs.push({ kind: 'paragraph', text: t, start: off, line: i + 1 });
    parts.push(t);
    off += t.length + 2;
  });
  return { paragraphs, text: parts.join('\n\n'), removed: [] };
}
