/**
 * Shared view model for the Markdown and HTML renderers: source numbering for citations and the
 * plain description of source families ("2 independent sources: Reuters (3 copies: ...), ...").
 */
import type { BriefArticle, BriefStory } from '../types.js';
import type { FullBriefStory } from './index.js';

export interface SourceView {
  n: number;
  a: BriefArticle;
  label: string;
  family: string;
}

export function sourceViews(s: BriefStory): { list: SourceView[]; byId: Map<string, SourceView> } {
  const list = s.articles.map((a, i) => ({
    n: i + 1,
    a,
    label: a.outlet ?? a.wire ?? a.title ?? String(a.origin).split(/[\\/]/).pop() ?? a.id,
    family: typeof a.family === 'string' ? a.family : a.provenance?.family ?? a.id,
  }));
  return { list, byId: new Map(list.map((v) => [v.a.id, v])) };
}

export function cite(ids: string[], byId: Map<string, SourceView>): string {
  const ns = ids.map((id) => byId.get(id)?.n).filter((n): n is number => n !== undefined).sort((a, b) => a - b);
  return ns.length ? `[${ns.join(', ')}]` : '';
}

/** Families in first-seen order, each with its root and the copies / rewrites that follow it. */
export function familyGroups(list: SourceView[]): { root: SourceView; members: SourceView[] }[] {
  const out = new Map<string, { root: SourceView; members: SourceView[] }>();
  for (const v of list) {
    const g = out.get(v.family);
    if (!g) out.set(v.family, { root: v, members: [] });
    else g.members.push(v);
  }
  for (const g of out.values()) {
    // the family root is the original when it is in the story
    const all = [g.root, ...g.members];
    const orig = all.find((v) => v.a.id === v.family) ?? all.find((v) => v.a.provenance?.kind === 'original') ?? g.root;
    g.root = orig;
    g.members = all.filter((v) => v !== orig);
  }
  return [...out.values()];
}

/** `esc` escapes the scraped labels (outlet, title, file name) for the output format; the citation
 * markers and the words around them are ours. */
export function familySentence(list: SourceView[], esc: (s: string) => string = (s) => s): string {
  const groups = familyGroups(list);
  const parts = groups.map((g) => {
    const name = esc(g.root.a.wire && g.members.length ? g.root.a.wire : g.root.label);
    if (!g.members.length) return `${name} [${g.root.n}]`;
    const kinds = g.members.map((m) => m.a.provenance?.kind ?? 'copy');
    const what = kinds.every((k) => k === 'rewrite') ? 'rewrite' : kinds.every((k) => k === 'duplicate') ? 'duplicate' : 'copy';
    const n = g.members.length;
    const plural: Record<string, string> = { copy: 'copies', rewrite: 'rewrites', duplicate: 'duplicates' };
    return `${name} [${g.root.n}] (${n} ${n === 1 ? what : plural[what]}: ${g.members.map((m) => `${esc(m.label)} [${m.n}]`).join(', ')})`;
  });
  return `${groups.length} independent source${groups.length === 1 ? '' : 's'}: ${parts.join('; ')}`;
}

export function isFull(s: BriefStory): s is FullBriefStory {
  return Array.isArray((s as FullBriefStory).summary);
}

/**
 * Who a quote is from, for display: the named speaker, else the unnamed source as written (with a
 * note that it is not named), else "unattributed". `strong` wraps the name (already escaped).
 */
export function speakerLabel(q: { speaker: string | null; attribution?: string | null }, esc: (s: string) => string, strong: (s: string) => string): string {
  if (q.speaker) return strong(esc(q.speaker));
  return q.attribution ? `${strong(esc(q.attribution))} (not named)` : strong('unattributed');
}

export const KIND_LABEL: Record<string, string> = { number: 'Number', date: 'Date', role: 'Role', quote: 'Quote', place: 'Place', participants: 'Participants' };

/** Timeline entries with the same dates and wording (case aside) shown once, sources merged. */
export function mergedTimeline<T extends { date: string; end?: string; text: string; sources: string[] }>(entries: T[]): T[] {
  const out = new Map<string, T>();
  for (const e of entries) {
    const k = `${e.date}|${e.end ?? ''}|${e.text.trim().toLowerCase()}`;
    const had = out.get(k);
    if (!had) out.set(k, { ...e, sources: [...e.sources] });
    else for (const s of e.sources) if (!had.sources.includes(s)) had.sources.push(s);
  }
  return [...out.values()];
}
