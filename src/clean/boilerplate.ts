/**
 * Cross-article boilerplate: lines that recur in several different articles of one outlet
 * (sign-off appeals, standard disclaimers, widget labels) are page furniture, not article text.
 */
import type { RawDoc } from '../types.js';
import { sha256hex } from '../util/hash.js';
import type { CleanContext } from './index.js';
import { lineKey } from './lines.js';

/** Longest line (in characters) that is counted: long paragraphs recur only in copies of one story. */
const MAX_LINE = 400;

export class OutletBoilerplate {
  private readonly counts = new Map<string, Map<string, number>>();
  /** Articles already observed (content hash), so a duplicate does not count twice. */
  private readonly seen = new Set<string>();

  /** @param threshold number of distinct articles of an outlet a line must appear in to be boilerplate. */
  constructor(readonly threshold = 3) {}

  /** Records the distinct lines of one article of `outlet`. Returns false for an article already seen. */
  observe(outlet: string, lines: string[]): boolean {
    return this.observeKeys(outlet, keysOf(lines));
  }

  /** The one place an article is counted (subclasses that track counts override this). */
  protected observeKeys(outlet: string, k: LineKeys): boolean {
    const doc = docKeyOf(outlet, k);
    if (this.seen.has(doc)) return false;
    this.seen.add(doc);
    let m = this.counts.get(outlet);
    if (!m) this.counts.set(outlet, (m = new Map()));
    for (const key of k.counted) m.set(key, (m.get(key) ?? 0) + 1);
    return true;
  }

  /** The clean context for an article of `outlet` (empty when the outlet is unknown). */
  contextFor(outlet: string | undefined): CleanContext {
    const m = outlet ? this.counts.get(outlet) : undefined;
    return m ? { outletLineCounts: m, boilerplateMinCount: this.threshold } : {};
  }

  /**
   * Convenience for the pipeline: context for a raw doc, by its outlet (given, or URL host).
   * An article already observed gets an empty context, so ingesting it again cleans it exactly as
   * the first time (same text, same id) instead of stripping lines learnt from it meanwhile.
   */
  contextForDoc(raw: RawDoc): CleanContext {
    const outlet = outletOf(raw);
    if (!outlet || this.seen.has(docKeyOf(outlet, this.keysOfDoc(raw)))) return {};
    return this.contextFor(outlet);
  }

  /** Convenience for the pipeline: observe a raw doc's lines under its outlet (no-op when unknown). */
  observeDoc(raw: RawDoc): void {
    const outlet = outletOf(raw);
    if (outlet) this.observeKeys(outlet, this.keysOfDoc(raw));
  }

  /** The pipeline asks contextForDoc then observeDoc of the same doc: its line keys are made once. */
  private lastDoc: { raw: RawDoc; keys: LineKeys } | null = null;
  private keysOfDoc(raw: RawDoc): LineKeys {
    if (this.lastDoc?.raw !== raw) this.lastDoc = { raw, keys: keysOf(bodyLines(raw)) };
    return this.lastDoc.keys;
  }
}

/** Normalised keys of an article's lines: all distinct ones, and those short enough to count. */
export interface LineKeys {
  all: string[];
  counted: Set<string>;
}

function keysOf(lines: string[]): LineKeys {
  const all = new Set<string>();
  const counted = new Set<string>();
  for (const l of lines) {
    const k = lineKey(l);
    if (!k) continue;
    all.add(k);
    if (l.length <= MAX_LINE) counted.add(k);
  }
  return { all: [...all], counted };
}

/** Identity of one article's content for de-duplication (outlet + distinct normalised lines). */
function docKeyOf(outlet: string, k: LineKeys): string {
  return sha256hex(outlet + '\n' + [...k.all].sort().join('\n'));
}

/** The lines of a raw doc: text lines, or the text of an HTML page's block elements (roughly). */
function bodyLines(raw: RawDoc): string[] {
  const text = raw.body.kind === 'text' ? raw.body.text : raw.body.html.replace(/<(?:script|style)\b[\s\S]*?<\/(?:script|style)>/gi, ' ').replace(/<\/?(?:p|div|li|h\d|br|tr|section|article|header|footer|aside|nav)\b[^>]*>/gi, '\n').replace(/<[^>]+>/g, ' ');
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

/** Outlet key of a raw doc: the given outlet name, else the host of its URL (without www.). */
export function outletOf(raw: RawDoc): string | undefined {
  if (raw.given.outlet) return raw.given.outlet.trim().toLowerCase();
  const url = raw.given.url ?? (/^https?:\/\//.test(raw.origin) ? raw.origin : undefined);
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return undefined;
  }
}
