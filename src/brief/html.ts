/**
 * Standalone HTML brief: one file, inline CSS, no scripts; a Content-Security-Policy that forbids
 * everything but inline styles. Every scraped string goes through escapeHtml.
 */
import type { BriefArticle, BriefDocument, BriefStory } from '../types.js';
import { escapeHtml as h, safeHref } from '../util/escape.js';
import { cite, familySentence, isFull, KIND_LABEL, mergedTimeline, sourceViews, speakerLabel, type SourceView } from './view.js';

const CSS = `body{font:16px/1.55 system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
h1,h2,h3{line-height:1.2}h2{border-bottom:2px solid #222;padding-bottom:.2em;margin-top:2.5em}h3{margin-top:1.6em}
.meta{color:#555;font-size:.9em}.cite{color:#0a5;font-size:.85em;white-space:nowrap}.cite a{color:inherit;text-decoration:none}
.conflict{border-left:4px solid #c33;background:#fff5f5;padding:.4em .8em;margin:.6em 0}.conflict h4{margin:.2em 0}
.conflict li{margin:.3em 0}.src{color:#555;font-style:italic;font-size:.9em}.badge{display:inline-block;background:#eee;border-radius:3px;padding:0 .4em;font-size:.8em}
blockquote{border-left:3px solid #ccc;margin:.3em 0;padding:0 1em;color:#333}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}code{font-size:.85em}ul{padding-left:1.3em}
@media (prefers-color-scheme:dark){body{background:#111;color:#ddd}.conflict{background:#2a1515}.meta,.src{color:#aaa}td,th{border-color:#444}.badge{background:#333}}`;

function c(ids: string[], byId: Map<string, SourceView>, sid: string): string {
  const t = cite(ids, byId);
  if (!t) return '';
  const links = ids
    .map((id) => byId.get(id))
    .filter((v): v is SourceView => !!v)
    .sort((a, b) => a.n - b.n)
    .map((v) => `<a href="#${h(sid)}-src-${v.n}" title="${h(v.label)}">${v.n}</a>`)
    .join(', ');
  return ` <span class="cite">[${links}]</span>`;
}

function sourceRow(v: SourceView, sid: string, byId: Map<string, SourceView>): string {
  const a: BriefArticle = v.a;
  const href = safeHref(typeof a.url === 'string' ? a.url : null);
  const alone = ((a.reportsAlone as { text: string }[] | undefined) ?? []).map((x) => `<li>only here: ${h(x.text)}</li>`).join('');
  const left = ((a.leavesOut as { text: string; sources: string[] }[] | undefined) ?? []).map((x) => `<li>leaves out: ${h(x.text)}${c(x.sources, byId, sid)}</li>`).join('');
  return `<tr id="${h(sid)}-src-${v.n}"><td>${v.n}</td><td>${href ? `<a href="${h(href)}" rel="noopener noreferrer">${h(a.outlet ?? v.label)}</a>` : h(a.outlet ?? v.label)}<div class="meta">${h(a.title ?? '')}</div><div class="meta"><code>${h(a.id)}</code> ${h(a.origin)}</div></td><td>${h(a.byline.join(', '))}</td><td>${h(a.published ?? '')}</td><td>${h(a.provenance?.kind ?? '')}${a.provenance?.of ? ` of <code>${h(a.provenance.of)}</code>` : ''}${a.wire ? `<div class="meta">wire: ${h(a.wire)}</div>` : ''}</td><td>${alone || left ? `<ul>${alone}${left}</ul>` : ''}</td></tr>`;
}

export function renderStoryHtml(s: BriefStory): string {
  const { list, byId } = sourceViews(s);
  const sid = 's-' + s.id;
  const cc = (ids: string[]) => c(ids, byId, sid);
  const parts: string[] = [`<article id="${h(sid)}"><h2>${h(s.title)}</h2><p class="meta">Story <code>${h(s.id)}</code> · ${s.articles.length} article(s) · ${familySentence(list, h)}</p>`];
  if (isFull(s)) {
    parts.push('<h3>Summary</h3>');
    parts.push(s.summary.length ? `<ul>${s.summary.map((x) => `<li>${h(x.text)}${cc(x.sources)}</li>`).join('')}</ul>` : '<p class="meta">No sentence is reported widely enough to summarise.</p>');
    parts.push(`<h3>Conflicts (${s.conflicts.length})</h3>`);
    if (!s.conflicts.length) parts.push('<p class="meta">No disagreement found between sources.</p>');
    for (const k of s.conflicts) {
      parts.push(`<div class="conflict"><h4><span class="badge">${h(KIND_LABEL[k.kind] ?? k.kind)}</span> ${h(k.about)}</h4><ul>${k.values.map((v) => `<li><strong>${h(v.value)}</strong>${cc(v.sources)}<div class="src">${h(v.text)}</div></li>`).join('')}</ul></div>`);
    }
    parts.push('<h3>Key facts</h3>');
    parts.push(s.facts.length ? `<ul>${s.facts.map((f) => `<li>${h(f.text)}${cc(f.sources)} <span class="badge">${f.independentSources} independent</span>${f.conflicted ? ' <span class="badge">sources disagree on a detail</span>' : ''}</li>`).join('')}</ul>` : '<p class="meta">No fact is reported by more than one source.</p>');
    parts.push('<h3>Timeline</h3>');
    const timeline = mergedTimeline(s.timeline);
    parts.push(timeline.length ? `<table><tbody>${timeline.map((t) => `<tr><td><strong>${h(t.date)}${t.end ? '–' + h(t.end) : ''}</strong></td><td>${h(t.text)}${cc(t.sources)}</td></tr>`).join('')}</tbody></table>` : '<p class="meta">No dated events.</p>');
    parts.push('<h3>People and roles</h3>');
    const people = s.entities.filter((e) => e.type === 'person');
    parts.push(people.length ? `<ul>${people.map((e) => `<li><strong>${h(e.name)}</strong>${e.variants.filter((v) => v.text !== e.name).length ? ` <span class="meta">(also ${h(e.variants.filter((v) => v.text !== e.name).map((v) => v.text).join(', '))})</span>` : ''}${e.roles.length ? ' — ' + e.roles.map((r) => `${h(r.text)}${cc(r.sources)}`).join('; ') : ''}</li>`).join('')}</ul>` : '<p class="meta">No people with roles found.</p>');
    parts.push('<h3>Who said what</h3>');
    parts.push(s.quotes.length ? s.quotes.map((q) => `<p>${speakerLabel(q, h, (x) => `<strong>${x}</strong>`)}${cc(q.sources)}</p><blockquote>“${h(q.text)}”</blockquote>${q.variants.filter((v) => v.text !== q.text).map((v) => `<blockquote class="src">also worded: “${h(v.text)}”${cc(v.sources)}</blockquote>`).join('')}`).join('') : '<p class="meta">No quotes found.</p>');
    if (s.unattributed.length || s.singleSource.length) {
      parts.push('<h3>To check</h3>');
      if (s.unattributed.length) parts.push(`<p>Claims with no attribution and a single source:</p><ul>${s.unattributed.map((x) => `<li>${h(x.text)}${cc(x.sources)}</li>`).join('')}</ul>`);
      parts.push(`<details><summary>${s.singleSource.length} claim(s) from a single source family</summary><ul>${s.singleSource.map((x) => `<li>${h(x.text)}${cc(x.sources)}</li>`).join('')}</ul></details>`);
    }
  }
  parts.push(`<h3>Sources</h3><table><thead><tr><th>#</th><th>outlet</th><th>byline</th><th>published</th><th>provenance</th><th>alone / leaves out</th></tr></thead><tbody>${list.map((v) => sourceRow(v, sid, byId)).join('\n')}</tbody></table></article>`);
  return parts.join('\n');
}

export function renderHtml(doc: BriefDocument): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>crosscheck brief</title><style>${CSS}</style></head><body><h1>crosscheck brief</h1>
<p class="meta">Generated ${h(doc.generatedAt)} · ${doc.stories.length} story(ies)</p>
${doc.stories.map(renderStoryHtml).join('\n')}
${doc.errors?.length ? `<h2>Inputs that failed</h2><ul>${doc.errors.map((e) => `<li>${h(e.origin)}: ${h(e.error)}</li>`).join('')}</ul>` : ''}
</body></html>\n`;
}
