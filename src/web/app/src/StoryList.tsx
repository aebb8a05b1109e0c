import { useEffect, useRef, useState } from 'preact/hooks';
import { api, onBriefs, onIngest, type StorySummary } from './api';
import { fmtSpan } from './util';

const PAGE = 30;

export function StoryList() {
  const [q, setQ] = useState(() => new URLSearchParams(location.hash.split('?')[1] ?? '').get('q') ?? '');
  const [stories, setStories] = useState<StorySummary[] | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [tick, setTick] = useState(0);
  const shown = useRef(PAGE);

  useEffect(() => {
    const ctl = new AbortController();
    const t = setTimeout(() => {
      api
        .stories(q.trim(), 0, shown.current, ctl.signal)
        .then((p) => {
          setStories(p.stories);
          setHasMore(p.hasMore);
          setError(null);
        })
        .catch((e: Error) => {
          if (e.name !== 'AbortError') setError(e.message);
        });
    }, tick === 0 ? 0 : 150);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [q, tick]);

  useEffect(() => {
    const offIngest = onIngest((ev) => {
      setFresh(new Set(ev.storyIds));
      setTick((n) => n + 1);
    });
    const offBriefs = onBriefs(() => setTick((n) => n + 1));
    return () => {
      offIngest();
      offBriefs();
    };
  }, []);

  const more = () => {
    shown.current += PAGE;
    setTick((n) => n + 1);
  };

  return (
    <section aria-labelledby="stories-h">
      <div class="page-head">
        <h1 id="stories-h" tabIndex={-1}>Stories</h1>
        <label class="search">
          <span class="sr-only">Search stories</span>
          <input
            type="search"
            placeholder="Search titles…"
            value={q}
            onInput={(e) => {
              shown.current = PAGE;
              setQ((e.target as HTMLInputElement).value);
              setTick((n) => n + 1);
            }}
          />
        </label>
      </div>
      {error && <p class="error" role="alert">Could not load stories: {error}</p>}
      {stories === null && !error && <p class="muted">Loading…</p>}
      {stories && stories.length === 0 && (
        <p class="empty">
          {q ? 'No story title matches your search.' : 'No stories yet.'} <a href="#/ingest">Add articles</a> to get started.
        </p>
      )}
      {stories && stories.length > 0 && (
        <ul class="story-list" aria-live="polite">
          {stories.map((s) => (
            <li key={s.id} class={fresh.has(s.id) ? 'story-card fresh' : 'story-card'}>
              <a class="story-link" href={`#/story/${encodeURIComponent(s.id)}`}>
                <span class="story-title">{s.title}</span>
              </a>
              <div class="story-meta">
                <time dateTime={s.firstSeen}>{fmtSpan(s.firstSeen, s.lastSeen)}</time>
                <span class="chip" title="Articles (sources)">{s.articleCount} {s.articleCount === 1 ? 'source' : 'sources'}</span>
                <span class="chip" title="Independent source families">{s.familyCount} {s.familyCount === 1 ? 'family' : 'families'}</span>
                <span class={s.conflictCount ? 'chip conflict' : 'chip'} title="Conflicts between sources">
                  {s.conflictCount} {s.conflictCount === 1 ? 'conflict' : 'conflicts'}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {hasMore && (
        <button type="button" class="btn" onClick={more}>
          Show more
        </button>
      )}
    </section>
  );
}
