// Client for the crosscheck HTTP API (src/server/app.ts). Shapes mirror the server's zod schemas;
// brief fields that later stages add (summary, conflicts, timeline...) are optional here and the
// views render them only when present.

export interface StorySummary {
  id: string;
  title: string;
  firstSeen: string;
  lastSeen: string;
  updatedAt: string;
  articleCount: number;
  familyCount: number;
  conflictCount: number;
}

export interface StoriesPage {
  stories: StorySummary[];
  limit: number;
  offset: number;
  hasMore: boolean;
}

/** A citation: an article id, or an object naming one (with the sentence when the brief has it). */
export type SourceRef = string | { id?: string; article?: string; articleId?: string; sentence?: string | number; text?: string; [k: string]: unknown };

export interface Provenance {
  kind: 'original' | 'duplicate' | 'wire-copy' | 'rewrite';
  of: string | null;
  confidence: number;
  family?: string;
  evidence?: string;
}

export interface RemovedPiece {
  text: string;
  reason: string;
  line?: number;
  rule?: string;
}

export interface Paragraph {
  kind: string;
  text: string;
  start: number;
  line?: number;
}

export interface BriefArticle {
  id: string;
  origin: string;
  outlet: string | null;
  title: string | null;
  published: string | null;
  byline: string[];
  wire: string | null;
  url?: string | null;
  provenance?: Provenance;
  text?: string;
  paragraphs?: Paragraph[];
  removed?: RemovedPiece[];
  family?: string;
  [k: string]: unknown;
}

export interface Cited {
  text: string;
  sources?: SourceRef[];
  [k: string]: unknown;
}

export interface ConflictValue {
  value: unknown;
  text?: string;
  sources?: SourceRef[];
  [k: string]: unknown;
}

export interface Conflict {
  about?: string;
  kind?: string;
  values?: ConflictValue[];
  [k: string]: unknown;
}

export interface Entity {
  id?: string;
  name: string;
  type?: string;
  variants?: ({ text: string; sources?: SourceRef[] } | string)[];
  roles?: ({ text: string; sources?: SourceRef[] } | string)[];
  sources?: SourceRef[];
}

export interface Quote {
  speaker?: string | null;
  /** Unnamed source as written, when there is no named speaker. */
  attribution?: string | null;
  text: string;
  kind?: string;
  sources?: SourceRef[];
  variants?: { text: string; sources?: SourceRef[] }[];
  wordingDiffers?: boolean;
}

export interface TimelineEntry {
  date: string;
  end?: string;
  text: string;
  sources?: SourceRef[];
}

export interface BriefStory {
  id: string;
  title: string;
  articles: BriefArticle[];
  summary?: Cited[] | Cited | string;
  facts?: (Cited & { independentSources?: number })[];
  conflicts?: Conflict[];
  singleSource?: Cited[];
  unattributed?: Cited[];
  entities?: Entity[];
  quotes?: Quote[];
  timeline?: TimelineEntry[];
  [k: string]: unknown;
}

export interface BriefDocument {
  generatedAt: string;
  stories: BriefStory[];
}

export interface ArticleDetail {
  id: string;
  origin: string;
  format: string;
  storyId: string | null;
  metadata: {
    title?: string;
    outlet?: string;
    url?: string;
    byline?: string[];
    dateline?: { text: string; place?: string; date?: string; wire?: string };
    wire?: string;
    published?: string;
    language?: string;
    fieldSources?: Record<string, string>;
  };
  paragraphs: Paragraph[];
  text: string;
  removed: RemovedPiece[];
  ingestedAt: string;
  provenance: Provenance | null;
}

export interface IngestItemResult {
  origin: string;
  status: 'stored' | 'duplicate' | 'error';
  id?: string;
  storyId?: string | null;
  error?: { origin: string; error: string; code: string };
}

export interface IngestResult {
  stored: number;
  duplicates: number;
  articleIds: string[];
  storyIds: string[];
  items: IngestItemResult[];
  errors: { origin: string; error: string; code: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const r = await fetch(url, { headers: { accept: 'application/json' }, signal });
  if (!r.ok) {
    let msg = `${r.status} ${r.statusText}`;
    try {
      msg = ((await r.json()) as { message?: string }).message ?? msg;
    } catch {
      /* not JSON */
    }
    throw new ApiError(r.status, msg);
  }
  return (await r.json()) as T;
}

export const api = {
  stories: (q: string, offset: number, limit = 50, signal?: AbortSignal) =>
    getJson<StoriesPage>(`/api/stories?${new URLSearchParams({ ...(q ? { q } : {}), offset: String(offset), limit: String(limit) })}`, signal),
  story: (id: string, signal?: AbortSignal) => getJson<BriefDocument>(`/api/stories/${encodeURIComponent(id)}`, signal),
  article: (id: string, signal?: AbortSignal) => getJson<ArticleDetail>(`/api/articles/${encodeURIComponent(id)}`, signal),
  async ingest(body: string, contentType: string, token: string): Promise<IngestResult> {
    const r = await fetch('/api/articles', { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${token}` }, body });
    const data = (await r.json().catch(() => ({}))) as IngestResult & { message?: string };
    if (!r.ok) throw new ApiError(r.status, data.message ?? `${r.status} ${r.statusText}`);
    return data;
  },
};

/** Server-sent events: `ingest` after each batch, `briefs` when story briefs have been (re)built. */
export interface IngestEventData {
  articleIds: string[];
  storyIds: string[];
  stored: number;
}
export interface BriefsEventData {
  storyIds: string[];
}
type Listener = (name: 'ingest' | 'briefs', data: IngestEventData | BriefsEventData) => void;
const listeners = new Set<Listener>();
let source: EventSource | null = null;

function subscribe(fn: Listener): () => void {
  listeners.add(fn);
  if (!source && typeof EventSource !== 'undefined') {
    source = new EventSource('/api/events');
    for (const name of ['ingest', 'briefs'] as const) {
      source.addEventListener(name, (e) => {
        let data: IngestEventData | BriefsEventData;
        try {
          data = JSON.parse((e as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const l of listeners) l(name, data);
      });
    }
  }
  return () => {
    listeners.delete(fn);
  };
}

/** Called after each ingested batch (one shared EventSource for the whole app). */
export function onIngest(fn: (ev: IngestEventData) => void): () => void {
  return subscribe((name, data) => {
    if (name === 'ingest') fn(data as IngestEventData);
  });
}

/** Called when the server has built new briefs (conflict counts may have changed). */
export function onBriefs(fn: (ev: BriefsEventData) => void): () => void {
  return subscribe((name, data) => {
    if (name === 'briefs') fn(data as BriefsEventData);
  });
}
