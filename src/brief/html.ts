import type { BriefDocument, BriefStory } from '../types.js';
import { escapeHtml as h } from '../util/escape.js';

const CSS = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1,h2,h3{line-height:1.2}.meta{color:#555;font-size:.9em}blockquote{border-left:3px solid #ccc;margin:0;padding:0 1em;color:#333}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}code{font-size:.85em}`;

export function renderStoryHtml(s: BriefStory): string {
  const rows = s.articles
    .map((a) => `<tr><td><code>${h(a.id)}</code></td><td>${h(a.outlet ?? '')}</td><td>${h(a.title ?? '')}</td><td>${h(a.byline.join(', '))}</td><td>${h(a.published ?? '')}</td><td>${h(a.wire ?? '')}</td><td>${h(a.provenance?.kind ?? '')}</td></tr>`)
    .join('\n');
  const texts = s.articles
    .map((a) => `<section><h3>${h(a.title ?? a.id)} <span class="meta">${h(a.outlet ?? '')}</span></h3>${String(a.text ?? '').split('\n\n').map((p) => `<p>${h(p)}</p>`).join('')}</section>`)
    .join('\n');
  return `<article><h2>${h(s.title)}</h2><p class="meta">Story <code>${h(s.id)}</code> · ${s.articles.length} article(s)</p>
<h3>Sources</h3><table><thead><tr><th>id</th><th>outlet</th><th>title</th><th>byline</th><th>published</th><th>wire</th><th>provenance</th></tr></thead><tbody>${rows}</tbody></table>
${texts}</article>`;
}

export function renderHtml(doc: BriefDocument): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>crosscheck brief</title><style>${CSS}</style></head><body><h1>crosscheck brief</h1>
<p class="meta">Generated ${h(doc.generatedAt)} · ${doc.stories.length} story(ies)</p>
${doc.stories.map(renderStoryHtml).join('\n')}
</body></html>\n`;
}
