import { useEffect, useState } from 'preact/hooks';
import { api, type ArticleDetail, type Paragraph, type RemovedPiece } from './api';
import { fmtDate, hostOf, safeHref } from './util';

type Block = { kind: 'p'; p: Paragraph } | { kind: 'removed'; r: RemovedPiece };

/** Clean paragraphs and removed pieces in reading order (by input line when both are known). */
function blocks(a: ArticleDetail): { inline: Block[]; unplaced: RemovedPiece[] } {
  const paraLines = a.paragraphs.every((p) => typeof p.line === 'number');
  const placeable = paraLines ? a.removed.filter((r) => typeof r.line === 'number') : [];
  const unplaced = a.removed.filter((r) => !placeable.includes(r));
  const inline: (Block & { line: number; order: number })[] = [
    ...a.paragraphs.map((p, i) => ({ kind: 'p' as const, p, line: p.line ?? i, order: 1 })),
    ...placeable.map((r) => ({ kind: 'removed' as const, r, line: r.line!, order: 0 })),
  ];
  if (paraLines) inline.sort((x, y) => x.line - y.line || x.order - y.order);
  return { inline, unplaced };
}

export function ArticlePage({ id }: { id: string }) {
  const [a, setA] = useState<ArticleDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showRemoved, setShowRemoved] = useState(true);

  useEffect(() => {
    const ctl = new AbortController();
    api
      .article(id, ctl.signal)
      .then((x) => {
        setA(x);
        document.title = `${x.metadata.title ?? x.id} · crosscheck`;
      })
      .catch((e: Error) => {
        if (e.name !== 'AbortError') setError(e.message);
      });
    return () => ctl.abort();
  }, [id]);

  if (error) return <p class="error" role="alert">Could not load the article: {error} <a href="#/">Back to stories</a></p>;
  if (!a) return <p class="muted">Loading…</p>;
  const m = a.metadata;
  const href = safeHref(m.url);
  const { inline, unplaced } = blocks(a);
  const rows: [string, string | null | undefined][] = [
    ['Outlet', m.outlet],
    ['Byline', m.byline?.join(', ')],
    ['Published', m.published ? fmtDate(m.published, true) : null],
    ['Dateline', m.dateline?.text],
    ['Wire', m.wire],
    ['Language', m.language],
    ['Provenance', a.provenance ? `${a.provenance.kind}${a.provenance.of ? ' of ' + a.provenance.of : ''}` : null],
    ['Origin', a.origin],
    ['Id', a.id],
  ];

  return (
    <article class="article">
      <p class="crumbs">
        {a.storyId ? <a href={`#/story/${encodeURIComponent(a.storyId)}`}>← Back to the story</a> : <a href="#/">← Stories</a>}
      </p>
      <h1 tabIndex={-1}>{m.title ?? 'Untitled article'}</h1>
      <dl class="meta">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>
                {v}
                {m.fieldSources?.[k.toLowerCase()] && <span class="muted"> (from {m.fieldSources[k.toLowerCase()]})</span>}
              </dd>
            </div>
          ))}
        {href && (
          <div>
            <dt>URL</dt>
            <dd>
              <a href={href} rel="noopener noreferrer nofollow" target="_blank">
                {hostOf(href)} ↗
              </a>
            </dd>
          </div>
        )}
      </dl>

      <div class="article-tools">
        <label>
          <input type="checkbox" checked={showRemoved} onChange={(e) => setShowRemoved((e.target as HTMLInputElement).checked)} /> Show removed boilerplate ({a.removed.length})
        </label>
      </div>

      {showRemoved && unplaced.length > 0 && (
        <section class="removed-list" aria-label="Removed pieces">
          {unplaced.map((r, i) => (
            <Removed key={i} r={r} />
          ))}
        </section>
      )}

      <div class="article-text">
        {inline.map((b, i) =>
          b.kind === 'p' ? (
            b.p.kind === 'heading' ? (
              <h2 key={i} class="para-heading">{b.p.text}</h2>
            ) : (
              <p key={i}>{b.p.text}</p>
            )
          ) : showRemoved ? (
            <Removed key={i} r={b.r} />
          ) : null,
        )}
      </div>
    </article>
  );
}

function Removed({ r }: { r: RemovedPiece }) {
  return (
    <div class="removed">
      <del>{r.text}</del>
      <span class="reason" title={r.rule}>
        {r.reason}
        {r.rule ? ` — ${r.rule}` : ''}
      </span>
    </div>
  );
}
