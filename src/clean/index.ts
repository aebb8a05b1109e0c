/**
 * Clean: separates article text from page furniture. Every removed piece is kept with its reason,
 * its input line (plain text) and the rule that fired; nothing is dropped silently.
 *
 *   plain text -> one block per line -> classifyBlocks (lines.ts)
 *   HTML       -> DOM pruning + Readability (html.ts) -> blocks -> classifyBlocks
 */
import type { CleanDoc, RawDoc } from '../types.js';
import { extractHtml } from './html.js';
import { classifyBlocks, textBlocks } from './lines.js';

export interface CleanContext {
  /** Lines seen in other articles of the same outlet (normalised with `lineKey`) -> article count. */
  outletLineCounts?: Map<string, number>;
  /** How many articles of the outlet must hold a line for it to count as boilerplate (default 3). */
  boilerplateMinCount?: number;
}

export function cleanDoc(raw: RawDoc, ctx: CleanContext = {}): CleanDoc {
  const common = { outletLineCounts: ctx.outletLineCounts, boilerplateMinCount: ctx.boilerplateMinCount };
  if (raw.body.kind === 'text') return classifyBlocks(textBlocks(raw.body.text), common);
  const page = extractHtml(raw.body.html, raw.given.url);
  const doc = classifyBlocks(page.blocks, { ...common, title: page.title, teasers: false });
  doc.removed.unshift(...page.removed);
  doc.htmlMeta = page.meta;
  if (!doc.title && page.title) doc.title = page.title;
  return doc;
}

export { classifyBlocks, textBlocks, lineKey, type Block } from './lines.js';
export { OutletBoilerplate, outletOf } from './boilerplate.js';
export { extractHtml } from './html.js';
