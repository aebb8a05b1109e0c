/**
 * Markdown brief: pleasant in a terminal and on a code host. Every scraped string goes through
 * escapeMarkdown; citations are [n] numbers into the story's Sources list.
 */
import type { BriefArticle, BriefDocument, BriefStory } from '../types.js';
import { escapeMarkdown as md } from '../util/escape.js';
import { cite, familySentence, isFull, KIND_LABEL, mergedTimeline, sourceViews, speakerLabel } from './view.js';

function articleLine(n: number, a: BriefArticle): string {
  const parts = [`**${md(a.outlet ?? 'unknown outlet')}**`];
  if (a.title) parts.push(`“${md(a.title)}”`);
  if (a.byline.length) parts.push('by ' + a.byline.map(md).join(', '));
  if (a.published) parts.push(md(a.published));
  if (a.wire) parts.push(`wire: ${md(a.wire)}`);
  if (a.provenance) parts.push(`${a.provenance.kind}${a.provenance.of ? ' of `' + a.provenance.of + '`' : ''}`);
  return `${n}. \`${a.id}\` ${parts.join(' · ')} — ${md(a.origin)}`;
}

const clip = (s: string, n = 220) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

export function renderStoryMarkdown(s: BriefStory): string {
  const { list, byId } = sourceViews(s);
  const c = (ids: string[]) => cite(ids, byId);
  const out: string[] = [`## ${md(s.title)}`, ''];
  out.push(`Story \`${s.id}\` · ${s.articles.length} article(s) · ${familySentence(list, md)}`, '');
  if (isFull(s)) {
    out.push('### Summary', '');
    if (s.summary.length) for (const x of s.summary) out.push(`- ${md(x.text)} ${c(x.sources)}`);
    else out.push('_No sentence is reported widely enough to summarise._');
    out.push('');

    out.push(`### Conflicts (${s.conflicts.length})`, '');
    if (!s.conflicts.length) out.push('_No disagreement found between sources._');
    for (const k of s.conflicts) {
      out.push(`- **${KIND_LABEL[k.kind] ?? k.kind}: ${md(k.about)}**`);
      for (const v of k.values) out.push(`  - “${md(clip(v.value, 160))}” ${c(v.sources)} — _${md(clip(v.text))}_`);
    }
    out.push('');

    out.push('### Key facts', '');
    if (!s.facts.length) out.push('_No fact is reported by more than one source._');
    for (const f of s.facts.slice(0, 15)) out.push(`- ${md(f.text)} ${c(f.sources)} — ${f.independentSources} independent source${f.independentSources === 1 ? '' : 's'}${f.conflicted ? ' · _sources disagree on a detail, see Conflicts_' : ''}`);
    if (s.facts.length > 15) out.push(`- … ${s.facts.length - 15} more in the JSON brief`);
    out.push('');

    out.push('### Timeline', '');
    const timeline = mergedTimeline(s.timeline);
    if (!timeline.length) out.push('_No dated events._');
    for (const t of timeline.slice(0, 20)) out.push(`- **${md(t.date)}${t.end ? '–' + md(t.end) : ''}** ${md(clip(t.text))} ${c(t.sources)}`);
    out.push('');

    out.push('### People and roles', '');
    const people = s.entities.filter((e) => e.type === 'person');
    if (!people.length) out.push('_No people with roles found._');
    for (const e of people.slice(0, 25)) {
      const variants = e.variants.map((v) => v.text).filter((v) => v !== e.name);
      const roles = e.roles.map((r) => `${md(r.text)} ${c(r.sources)}`).join('; ');
      out.push(`- **${md(e.name)}**${variants.length ? ` (also ${variants.map(md).join(', ')})` : ''}${roles ? ' — ' + roles : ''} ${c(e.sources)}`);
    }
    out.push('');

    out.push('### Who said what', '');
    if (!s.quotes.length) out.push('_No quotes found._');
    for (const q of s.quotes.slice(0, 20)) {
      out.push(`- ${speakerLabel(q, md, (x) => `**${x}**`)}: “${md(clip(q.text, 300))}” ${c(q.sources)}`);
      if (q.variants.length > 1) for (const v of q.variants) if (v.text !== q.text) out.push(`  - also worded: “${md(clip(v.text, 300))}” ${c(v.sources)}`);
    }
    out.push('');

    if (s.singleSource.length || s.unattributed.length) {
      out.push('### To check', '');
      if (s.unattributed.length) {
        out.push('Claims with no attribution and a single source:', '');
        for (const x of s.unattributed.slice(0, 10)) out.push(`- ${md(clip(x.text))} ${c(x.sources)}`);
        out.push('');
      }
      out.push(`${s.singleSource.length} claim(s) come from a single source family; the first of them:`, '');
      for (const x of s.singleSource.slice(0, 8)) out.push(`- ${md(clip(x.text))} ${c(x.sources)}`);
      out.push('');
    }
  }
  out.push('### Sources', '');
  for (const v of list) {
    out.push(articleLine(v.n, v.a));
    const alone = (v.a.reportsAlone as { text: string }[] | undefined) ?? [];
    const left = (v.a.leavesOut as { text: string; sources: string[] }[] | undefined) ?? [];
    const own = list.filter((w) => w.family === v.family).length > 1 ? 'only this source family' : 'only here';
    for (const x of alone) out.push(`   - ${own}: ${md(clip(x.text, 160))}`);
    for (const x of left) out.push(`   - leaves out: ${md(clip(x.text, 160))} ${c(x.sources)}`);
  }
  out.push('');
  return out.join('\n');
}

export function renderMarkdown(doc: BriefDocument): string {
  const out = ['# crosscheck brief', '', `Generated ${doc.generatedAt} · ${doc.stories.length} story(ies)`, ''];
  for (const s of doc.stories) out.push(renderStoryMarkdown(s));
  if (doc.errors?.length) {
    out.push('## Inputs that failed', '');
    for (const e of doc.errors) out.push(`- ${md(e.origin)}: ${md(e.error)}`);
  }
  return out.join('\n') + '\n';
}
