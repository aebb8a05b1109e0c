import type { BriefArticle, BriefDocument, BriefStory } from '../types.js';
import { escapeMarkdown as md } from '../util/escape.js';

function articleLine(a: BriefArticle): string {
  const parts = [md(a.outlet ?? 'unknown outlet')];
  if (a.title) parts.push(`“${md(a.title)}”`);
  if (a.byline.length) parts.push('by ' + a.byline.map(md).join(', '));
  if (a.published) parts.push(md(a.published));
  if (a.wire) parts.push(`wire: ${md(a.wire)}`);
  if (a.provenance) parts.push(`${a.provenance.kind}${a.provenance.of ? ' of `' + a.provenance.of + '`' : ''}`);
  return `- \`${a.id}\` ${parts.join(' · ')} — ${md(a.origin)}`;
}

export function renderStoryMarkdown(s: BriefStory): string {
  const out: string[] = [`## ${md(s.title)}`, '', `Story \`${s.id}\` · ${s.articles.length} article(s)`, '', '### Sources', ''];
  for (const a of s.articles) out.push(articleLine(a));
  out.push('');
  for (const a of s.articles) {
    out.push(`### ${md(a.title ?? a.id)} (${md(a.outlet ?? 'unknown outlet')})`, '');
    const text = typeof a.text === 'string' ? a.text : '';
    for (const p of text.split('\n\n')) out.push('> ' + md(p), '>');
    out.push('');
  }
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
