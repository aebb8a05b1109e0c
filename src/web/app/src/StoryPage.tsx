import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, onIngest, type BriefArticle, type BriefStory, type Cited, type Conflict, type Entity, type Quote, type TimelineEntry } from './api';
import { Citations, StoryContext, type SentenceHint, type StoryCtx } from './Citation';
import { articleLabel, displayTitle, familyOf, fmtDate, hostOf, safeHref, splitAround, valueText } from './util';

export function StoryPage({ id }: { id: string }) {
  const [story, setStory] = useState<BriefStory | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [updated, setUpdated] = useState(false);

  useEffect(() => {
    const ctl = new AbortController();
    api
      .story(id, ctl.signal)
      .then((d) => {
        const s = d.stories[0] ?? null;
        setStory(s);
        setError(s ? null : 'This story has no brief.');
        if (s) document.title = `${s.title} · crosscheck`;
      })
      .catch((e: Error & { status?: number }) => {
        if (e.name === 'AbortError') return;
        setError(e.status === 404 ? 'This story no longer exists (it may have been merged into another story).' : e.message);
      });
    return () => ctl.abort();
  }, [id, tick]);

  useEffect(
    () =>
      onIngest((ev) => {
        if (ev.storyIds.includes(id)) {
          setUpdated(true);
          setTick((n) => n + 1);
        }
      }),
    [id],
  );

  if (error) return <p class="error" role="alert">{error} <a href="#/">Back to stories</a></p>;
  if (!story) return <p class="muted">Loading…</p>;
  return <Story story={story} updated={updated} />;
}

/** The first `n` items, and a button that shows the rest. */
/** A "To check" list (single-source or unattributed claims), each claim with its citations. */
function ClaimList({ title, label, claims }: { title: string; label: string; claims?: Cited[] }) {
  if (!claims || claims.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul class="facts">
        <ShowMore
          items={claims}
          n={6}
          label={label}
          render={(c, i) => (
            <li key={i} class="claim">
              {c.text} <Citations sources={c.sources} claim={c.text} />
            </li>
          )}
        />
      </ul>
    </>
  );
}

function ShowMore<T>({ items, n = 8, render, label }: { items: T[]; n?: number; render: (x: T, i: number) => ComponentChildren; label: string }) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, n);
  return (
    <>
      {shown.map(render)}
      {items.length > n && (
        <button type="button" class="btn more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? `Show fewer ${label}` : `Show all ${items.length} ${label}`}
        </button>
      )}
    </>
  );
}

function asCitedList(x: BriefStory['summary']): Cited[] {
  if (!x) return [];
  if (typeof x === 'string') return [{ text: x }];
  if (Array.isArray(x)) return x.filter((c) => c && typeof c.text === 'string');
  return typeof x.text === 'string' ? [x] : [];
}

function Story({ story, updated }: { story: BriefStory; updated: boolean }) {
  const ctx = useMemo<StoryCtx>(() => {
    const byId = new Map(story.articles.map((a) => [a.id, a]));
    const number = new Map(story.articles.map((a, i) => [a.id, i + 1]));
    // Each fact's wordings name the exact sentence of each source: citations of that fact (and
    // of summary sentences, which are facts) show it.
    const wordings = new Map<string, SentenceHint[]>();
    for (const f of story.facts ?? []) {
      const hints: SentenceHint[] = [];
      for (const w of Array.isArray(f.wordings) ? (f.wordings as Cited[]) : []) {
        for (const src of w?.sources ?? []) if (typeof src === 'string' && typeof w.text === 'string') hints.push({ source: src, text: w.text });
      }
      if (hints.length) wordings.set(f.text, hints);
    }
    return { byId, number, wordings };
  }, [story]);
  const families = useMemo(() => {
    const m = new Map<string, BriefArticle[]>();
    for (const a of story.articles) {
      const f = familyOf(a, ctx.byId);
      if (!m.has(f)) m.set(f, []);
      m.get(f)!.push(a);
    }
    return m;
  }, [story, ctx]);
  const summary = asCitedList(story.summary);
  const people = (story.entities ?? []).filter((e) => e.type === 'person');
  const others = (story.entities ?? []).filter((e) => e.type !== 'person');
  const times = story.articles.map((a) => a.published).filter((p): p is string => !!p).sort();

  return (
    <StoryContext.Provider value={ctx}>
      <article class="story">
        <header class="story-head">
          <h1 tabIndex={-1}>{story.title}</h1>
          <p class="story-meta">
            {times.length > 0 && <span>{times.length > 1 ? `${fmtDate(times[0])} – ${fmtDate(times[times.length - 1])}` : fmtDate(times[0])}</span>}
            <span class="chip">{story.articles.length} {story.articles.length === 1 ? 'source' : 'sources'}</span>
            <span class="chip" title="Independent source families">
              {typeof story.independentSources === 'number' ? story.independentSources : families.size} independent
            </span>
            {story.conflicts && <span class={story.conflicts.length ? 'chip conflict' : 'chip'}>{story.conflicts.length} {story.conflicts.length === 1 ? 'conflict' : 'conflicts'}</span>}
            <a href={`/api/stories/${encodeURIComponent(story.id)}/brief.md`}>Markdown</a>
            <a href={`/api/stories/${encodeURIComponent(story.id)}`}>JSON</a>
          </p>
          {updated && <p class="notice" role="status">Updated with new articles.</p>}
        </header>

        {summary.length > 0 && (
          <section aria-labelledby="sum-h">
            <h2 id="sum-h">Summary</h2>
            <div class="summary">
              {summary.map((s, i) => (
                <p key={i} class="claim">
                  {s.text} <Citations sources={s.sources} claim={s.text} />
                </p>
              ))}
            </div>
          </section>
        )}

        {story.conflicts && story.conflicts.length > 0 && (
          <section aria-labelledby="conf-h">
            <h2 id="conf-h">Conflicts</h2>
            {story.conflicts.map((c, i) => (
              <ConflictView key={i} c={c} />
            ))}
          </section>
        )}

        {story.facts && story.facts.length > 0 && (
          <section aria-labelledby="facts-h">
            <h2 id="facts-h">Key facts</h2>
            <ul class="facts">
              <ShowMore
                items={story.facts}
                n={10}
                label="facts"
                render={(f, i) => {
                  const wordings = Array.isArray(f.wordings) ? (f.wordings as Cited[]).filter((w) => w && typeof w.text === 'string') : [];
                  return (
                    <li key={i} class="claim">
                      {typeof f.independentSources === 'number' && (
                        <span class="indep" title={`${f.independentSources} independent ${f.independentSources === 1 ? 'source' : 'sources'} (source families)`}>
                          {f.independentSources}×
                        </span>
                      )}
                      {f.text} <Citations sources={f.sources} claim={f.text} />
                      {wordings.length > 1 && (
                        <details class="wordings">
                          <summary>{wordings.length} wordings</summary>
                          <ul>
                            {wordings.map((w, j) => (
                              <li key={j}>
                                {w.text} <Citations sources={w.sources} claim={w.text} />
                              </li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </li>
                  );
                }}
              />
            </ul>
          </section>
        )}

        {story.timeline && story.timeline.length > 0 && <Timeline entries={story.timeline} />}

        {people.length > 0 && <EntityList title="People and roles" id="people-h" entities={people} />}
        {others.length > 0 && <EntityList title="Organisations, places and other names" id="orgs-h" entities={others} compact />}

        {story.quotes && story.quotes.length > 0 && (
          <section aria-labelledby="quotes-h">
            <h2 id="quotes-h">Who said what</h2>
            <ShowMore items={[...story.quotes].sort((a, b) => Number(!!b.wordingDiffers) - Number(!!a.wordingDiffers) || (b.sources?.length ?? 0) - (a.sources?.length ?? 0))} n={8} label="quotes" render={(q, i) => <QuoteView key={i} q={q} />} />
          </section>
        )}

        {((story.singleSource?.length ?? 0) > 0 || (story.unattributed?.length ?? 0) > 0) && (
          <section aria-labelledby="check-h">
            <h2 id="check-h">To check</h2>
            <ClaimList title="Single source" label="single-source claims" claims={story.singleSource} />
            <ClaimList title="No attribution" label="unattributed claims" claims={story.unattributed} />
          </section>
        )}

        <Sources families={families} />
      </article>
    </StoryContext.Provider>
  );
}

/** Text with the differing value highlighted (when the value occurs in the text). */
function Highlighted({ text, value }: { text: string; value: string }) {
  const parts = splitAround(text, value);
  if (!parts) return <>{text}</>;
  return (
    <>
      {parts[0]}
      <mark>{parts[1]}</mark>
      {parts[2]}
    </>
  );
}

function sentenceHints(x: unknown): SentenceHint[] | undefined {
  if (!Array.isArray(x)) return undefined;
  return x
    .filter((h): h is { source: string; text: string } => !!h && typeof h.source === 'string' && typeof h.text === 'string')
    .map((h) => ({ source: h.source, text: h.text }));
}

const norm = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Text with the words that no other value uses marked (word-level difference, for long values such as quotes). */
function DiffMarked({ text, others }: { text: string; others: string[] }) {
  const seen = new Set(others.flatMap((o) => o.split(/\s+/).map(norm)));
  const parts = text.split(/(\s+)/);
  const out: ComponentChildren[] = [];
  let run: string[] = [];
  let marked = false;
  const flush = () => {
    const t = run.join('');
    if (t && marked) {
      const body = t.trimEnd();
      out.push(<mark key={out.length}>{body}</mark>, t.slice(body.length));
    } else if (t) out.push(t);
    run = [];
  };
  for (const p of parts) {
    const isWord = !/^\s+$/.test(p) && norm(p) !== '';
    const m: boolean = isWord ? !seen.has(norm(p)) : marked; // spaces join the surrounding run
    if (m !== marked && (isWord || !run.length)) {
      flush();
      marked = m;
    }
    run.push(p);
  }
  flush();
  return <>{out}</>;
}

function ConflictView({ c }: { c: Conflict }) {
  const values = c.values ?? [];
  const texts = values.map((v) => valueText(v.value));
  return (
    <div class="conflict-card">
      <h3>
        {c.about ?? 'Sources disagree'}
        {c.kind && <span class="chip">{c.kind}</span>}
      </h3>
      <div class="conflict-values" style={{ '--cols': String(Math.min(values.length, 3)) } as Record<string, string>}>
        {values.map((v, i) => {
          const val = texts[i];
          const others = texts.filter((_, j) => j !== i);
          const long = val.length > 60;
          return (
            <div key={i} class="conflict-value">
              {long ? (
                <p class="claim quote-value">
                  “<DiffMarked text={val} others={others} />”
                </p>
              ) : (
                <div class="value">
                  <mark>{val}</mark>
                </div>
              )}
              {v.text && !(long && v.text.includes(val)) && (
                <p class="claim">
                  <Highlighted text={v.text} value={val} />
                </p>
              )}
              {v.text && long && v.text.includes(val) && v.text.trim() !== val.trim() && <p class="claim muted">{v.text}</p>}
              <Citations sources={v.sources} claim={v.text ?? val} hints={sentenceHints(v.sentences)} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

function parseDate(d: string): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d);
  if (!m) return null;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
}

function fmtLoose(d: string): string {
  if (/^\d{4}$/.test(d)) return d;
  if (/^\d{4}-\d{2}$/.test(d)) {
    const t = parseDate(d);
    return t == null ? d : new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(t));
  }
  const t = parseDate(d);
  return t == null ? d : new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(t));
}

function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const sorted = [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const dated = sorted.filter((e) => parseDate(e.date) != null);
  // Positions: one step per entry plus the log of the gap in days, so that years-old background
  // and the last days' events both stay readable on one axis.
  const W = 1000;
  const pos = new Map<TimelineEntry, number>();
  let acc = 0;
  dated.forEach((e, i) => {
    if (i > 0) acc += 1 + Math.log1p(Math.max(0, parseDate(e.date)! - parseDate(dated[i - 1].date)!) / 86_400_000) / 2;
    pos.set(e, acc);
  });
  const x = (e: TimelineEntry) => 40 + (acc ? (pos.get(e)! / acc) * (W - 80) : (W - 80) / 2);
  const labels: { x: number; text: string }[] = [];
  for (const e of dated) {
    const text = fmtLoose(e.date);
    const lx = x(e);
    if (labels.length && (lx - labels[labels.length - 1].x < 110 || labels[labels.length - 1].text === text)) continue;
    labels.push({ x: lx, text });
  }
  return (
    <section aria-labelledby="time-h">
      <h2 id="time-h">Timeline</h2>
      {dated.length > 1 && (
        <svg class="timeline-axis" viewBox={`0 0 ${W} 64`} role="img" aria-label={`Timeline from ${fmtLoose(dated[0].date)} to ${fmtLoose(dated[dated.length - 1].date)}`}>
          <line x1="30" y1="24" x2={W - 30} y2="24" class="axis" />
          {dated.map((e, i) => (
            <g key={i}>
              <title>{`${fmtLoose(e.date)}${e.end ? ' – ' + fmtLoose(e.end) : ''}: ${e.text}`}</title>
              <circle cx={x(e)} cy="24" r="7" class="dot" />
            </g>
          ))}
          {labels.map((l, i) => (
            <text key={i} x={l.x} y="54" class={i === 0 ? 'tick start' : l.x > W - 110 ? 'tick end' : 'tick'}>
              {l.text}
            </text>
          ))}
        </svg>
      )}
      <ol class="timeline">
        {sorted.map((e, i) => (
          <li key={i}>
            <time dateTime={e.date} class="t-date">
              {fmtLoose(e.date)}
              {e.end ? ` – ${fmtLoose(e.end)}` : ''}
            </time>
            <div class="t-body claim">
              {e.text} <Citations sources={e.sources} claim={e.text} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function textOf(x: { text: string } | string): string {
  return typeof x === 'string' ? x : x.text;
}

function EntityList({ title, id, entities, compact }: { title: string; id: string; entities: Entity[]; compact?: boolean }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul class={compact ? 'entities compact' : 'entities'}>
        {entities.map((e, i) => {
          const variants = (e.variants ?? []).map(textOf).filter((v) => v !== e.name);
          return (
            <li key={i} class="entity">
              <span class="entity-name">{e.name}</span>
              {e.type && e.type !== 'person' && <span class="chip">{e.type}</span>}
              {e.roles && e.roles.length > 0 && (
                <span class="roles">
                  {e.roles.map((r, j) => (
                    <span key={j} class="role">
                      {textOf(r)}
                      {typeof r !== 'string' && <Citations sources={r.sources} claim={`${e.name} ${r.text}`} />}
                    </span>
                  ))}
                </span>
              )}
              {variants.length > 0 && <span class="variants">also written: {variants.join(', ')}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function QuoteView({ q }: { q: Quote }) {
  const variants = (q.variants ?? []).filter((v) => v.text !== q.text || (q.variants?.length ?? 0) > 1);
  return (
    <figure class={q.wordingDiffers ? 'quote differs' : 'quote'}>
      <figcaption>
        <strong>{q.speaker ?? q.attribution ?? 'Unattributed'}</strong>
        {!q.speaker && q.attribution && <span class="meta"> (not named)</span>}
        {q.kind && q.kind !== 'direct' && <span class="chip">{q.kind}</span>}
        {q.wordingDiffers && <span class="chip conflict">wording differs</span>}
      </figcaption>
      {variants.length > 1 ? (
        <ul class="quote-variants">
          {variants.map((v, i) => (
            <li key={i}>
              <blockquote>{v.text}</blockquote> <Citations sources={v.sources} claim={v.text} />
            </li>
          ))}
        </ul>
      ) : (
        <p>
          <blockquote>{q.text}</blockquote> <Citations sources={q.sources} claim={q.text} />
        </p>
      )}
    </figure>
  );
}

function Sources({ families }: { families: Map<string, BriefArticle[]> }) {
  return (
    <section aria-labelledby="src-h">
      <h2 id="src-h">Sources by family</h2>
      <p class="muted">A family is an original report with its copies and rewrites; it counts once towards corroboration.</p>
      <ProvenanceGraph families={families} />
      {[...families.entries()].sort((a, b) => b[1].length - a[1].length).map(([fam, arts], i) => (
        <div key={fam} class="family">
          <h3>
            Family {i + 1} <span class="muted">({arts.length} {arts.length === 1 ? 'article' : 'articles'})</span>
          </h3>
          <ul class="sources">
            {arts.map((a) => (
              <SourceItem key={a.id} a={a} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function SourceItem({ a }: { a: BriefArticle }) {
  const href = safeHref(a.url);
  return (
    <li class="source" id={`src-${a.id}`}>
      <div>
        <a href={`#/article/${encodeURIComponent(a.id)}`} class="source-title">
          {displayTitle(a)}
        </a>
      </div>
      <div class="source-meta">
        <span>{a.outlet || hostOf(a.url) || 'Unknown outlet'}</span>
        {a.byline.length > 0 && <span>by {a.byline.join(', ')}</span>}
        {a.published && <time dateTime={a.published}>{fmtDate(a.published, true)}</time>}
        {a.wire && <span class="chip">wire: {a.wire}</span>}
        {a.provenance && (
          <span class={`chip prov-${a.provenance.kind}`} title={typeof a.provenance.evidence === 'string' ? a.provenance.evidence : undefined}>
            {a.provenance.kind}
          </span>
        )}
        {href && (
          <a href={href} rel="noopener noreferrer nofollow" target="_blank">
            {hostOf(href)} ↗
          </a>
        )}
      </div>
      <ClaimDetails label="reported only by this source" items={a.reportsAlone} />
      <ClaimDetails label="reported by most others but left out here" items={a.leavesOut} />
    </li>
  );
}

function ClaimDetails({ label, items }: { label: string; items: unknown }) {
  if (!Array.isArray(items) || items.length === 0) return null;
  const list = (items as Cited[]).filter((c) => c && typeof c.text === 'string');
  if (!list.length) return null;
  return (
    <details class="claims">
      <summary>
        {list.length} {list.length === 1 ? 'claim' : 'claims'} {label}
      </summary>
      <ul>
        {list.map((c, i) => (
          <li key={i}>
            {c.text} <Citations sources={c.sources} claim={c.text} />
          </li>
        ))}
      </ul>
    </details>
  );
}

/** A small provenance graph: one row per family, arrows from each copy/rewrite to what it copies. */
function ProvenanceGraph({ families }: { families: Map<string, BriefArticle[]> }) {
  const rows = [...families.values()];
  if (!rows.some((r) => r.length > 1) && rows.length < 2) return null;
  const maxCols = Math.max(...rows.map((r) => r.length));
  const colW = 150;
  const rowH = 60;
  const W = Math.max(300, maxCols * colW + 20);
  const H = rows.length * rowH + 16;
  const pos = new Map<string, { x: number; y: number }>();
  rows.forEach((arts, r) => {
    // originals first, then by provenance depth
    const ordered = [...arts].sort((a, b) => (a.provenance?.of ? 1 : 0) - (b.provenance?.of ? 1 : 0));
    ordered.forEach((a, c) => pos.set(a.id, { x: 20 + c * colW + 8, y: 16 + r * rowH + 26 }));
  });
  return (
    <svg class="prov-graph" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Provenance graph: arrows point from a copy or rewrite to its source" style={{ maxWidth: `${W}px` }}>
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead" />
        </marker>
      </defs>
      {rows.flat().map((a) => {
        const of = a.provenance?.of;
        const p = pos.get(a.id);
        const q = of ? pos.get(of) : undefined;
        if (!p || !q) return null;
        const midY = Math.min(p.y, q.y) - 16 - Math.min(22, Math.abs(p.x - q.x) / 14);
        return <path key={'e' + a.id} d={`M ${p.x} ${p.y - 8} C ${p.x} ${midY}, ${q.x} ${midY}, ${q.x + 6} ${q.y - 8}`} class={`edge prov-${a.provenance?.kind}`} marker-end="url(#arrow)" />;
      })}
      {rows.flat().map((a) => {
        const p = pos.get(a.id)!;
        const label = a.outlet || hostOf(a.url) || displayTitle(a);
        return (
          <a key={a.id} href={`#/article/${encodeURIComponent(a.id)}`}>
            <title>{`${label}: ${a.provenance?.kind ?? 'article'}${a.title ? ' — ' + a.title : ''}`}</title>
            <circle cx={p.x} cy={p.y} r="8" class={`node prov-${a.provenance?.kind ?? 'original'}`} />
            <text x={p.x + 14} y={p.y + 4} class="node-label">
              {label.length > 16 ? label.slice(0, 15) + '…' : label}
            </text>
          </a>
        );
      })}
    </svg>
  );
}
