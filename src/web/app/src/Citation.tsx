import { createContext } from 'preact';
import { useContext, useId, useState } from 'preact/hooks';
import type { BriefArticle, SourceRef } from './api';
import { articleLabel, bestSentence, displayTitle, sourceId } from './util';

export interface StoryCtx {
  byId: Map<string, BriefArticle>;
  /** 1-based citation number of each article (its place in the source list). */
  number: Map<string, number>;
  /** Per claim text, the sentence each source words it with (from the brief's fact wordings). */
  wordings?: Map<string, SentenceHint[]>;
}
export const StoryContext = createContext<StoryCtx>({ byId: new Map(), number: new Map() });

/** One citation marker: shows the cited source sentence on hover, focus or click. */
/** A sentence the brief itself names for a source (conflict values carry them). */
export interface SentenceHint {
  source: string;
  text: string;
}

export function Citation({ source, claim, hints }: { source: SourceRef; claim: string; hints?: SentenceHint[] }) {
  const ctx = useContext(StoryContext);
  const id = sourceId(source) ?? '?';
  const art = ctx.byId.get(id);
  const n = ctx.number.get(id);
  const [hover, setHover] = useState(false);
  const [pinned, setPinned] = useState(false);
  const tipId = useId();
  const open = hover || pinned;
  const hinted = (hints ?? ctx.wordings?.get(claim))?.filter((h) => h.source === id).map((h) => h.text).slice(0, 2) ?? [];
  const sentence = open ? (hinted.length ? hinted.join(' … ') : bestSentence(art, claim, source)) : null;
  return (
    <span class="cite" onMouseEnter={() => setHover(true)} onMouseLeave={() => setHover(false)}>
      <button
        type="button"
        class="cite-btn"
        aria-describedby={open ? tipId : undefined}
        aria-expanded={open}
        aria-label={`Source ${n ?? ''}: ${articleLabel(art, id)}`}
        onFocus={() => setHover(true)}
        onBlur={() => setHover(false)}
        onClick={() => setPinned((p) => !p)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setPinned(false);
            setHover(false);
          }
        }}
      >
        {n ?? '?'}
      </button>
      {open && (
        <span class="cite-tip" role="tooltip" id={tipId}>
          <span class="cite-src">
            {articleLabel(art, id)}
            {art ? ` — ${displayTitle(art)}` : ''}
          </span>
          {sentence ? <q class="cite-sentence">{sentence}</q> : <span class="muted">Source sentence not available.</span>}
          <a class="cite-open" href={`#/article/${encodeURIComponent(id)}`}>Open article</a>
        </span>
      )}
    </span>
  );
}

export function Citations({ sources, claim, hints }: { sources?: SourceRef[]; claim: string; hints?: SentenceHint[] }) {
  if (!sources?.length) return null;
  return (
    <span class="cites">
      {sources.map((s, i) => (
        <Citation key={i} source={s} claim={claim} hints={hints} />
      ))}
    </span>
  );
}
