import { useState } from 'preact/hooks';
import { api, type IngestResult } from './api';

type Format = 'auto' | 'text' | 'html' | 'jsonl';

function detect(body: string): Exclude<Format, 'auto'> {
  // JSON Lines: every line looks like a JSON object and at least one parses (bad lines then get
  // their own per-item errors from the server).
  const lines = body.split(/\r?\n/).filter((l) => l.trim());
  if (lines.length && lines.every((l) => /^\s*[{[]/.test(l))) {
    const parses = (l: string) => {
      try {
        JSON.parse(l);
        return true;
      } catch {
        return false;
      }
    };
    if (lines.some(parses)) return 'jsonl';
  }
  return /^\s*</.test(body) && /<\/?[a-z][\s\S]*>/i.test(body) ? 'html' : 'text';
}

interface Meta {
  title: string;
  outlet: string;
  url: string;
  published: string;
}

function toRequest(body: string, fmt: Exclude<Format, 'auto'>, meta: Meta): { body: string; type: string } {
  if (fmt === 'jsonl') {
    // A JSON array on one line is accepted too: turn it into JSON Lines.
    const trimmed = body.trim();
    if (trimmed.startsWith('[')) return { body: trimmed, type: 'application/json' };
    return { body, type: 'application/x-ndjson' };
  }
  const rec: Record<string, string> = { [fmt === 'html' ? 'html' : 'text']: body };
  for (const [k, v] of Object.entries(meta)) if (v.trim()) rec[k] = v.trim();
  return { body: JSON.stringify(rec), type: 'application/json' };
}

export function IngestPanel() {
  const [token, setToken] = useState(() => sessionStorage.getItem('crosscheck-token') ?? '');
  const [body, setBody] = useState('');
  const [fmt, setFmt] = useState<Format>('auto');
  const [meta, setMeta] = useState<Meta>({ title: '', outlet: '', url: '', published: '' });
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<IngestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const detected = body.trim() ? detect(body) : 'text';
  const effective = fmt === 'auto' ? detected : fmt;

  const readFiles = async (files: FileList | null) => {
    if (!files?.length) return;
    const texts = await Promise.all([...files].map((f) => f.text()));
    if ([...files].every((f) => /\.(jsonl|ndjson)$/i.test(f.name))) setFmt('jsonl');
    setBody(texts.join(texts.every((t) => detect(t) === 'jsonl') ? '\n' : '\n\n'));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setResult(null);
    if (!body.trim()) {
      setError('Paste or drop an article first.');
      return;
    }
    sessionStorage.setItem('crosscheck-token', token);
    setBusy(true);
    try {
      const req = toRequest(body, effective, meta);
      setResult(await api.ingest(req.body, req.type, token));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const field = (k: keyof Meta, label: string, type: 'text' | 'url' = 'text') => (
    <label class="field">
      <span>{label}</span>
      <input type={type as 'text'} value={meta[k]} onInput={(e) => setMeta({ ...meta, [k]: (e.target as HTMLInputElement).value })} />
    </label>
  );

  return (
    <section aria-labelledby="ingest-h" class="ingest">
      <h1 id="ingest-h" tabIndex={-1}>Add articles</h1>
      <p class="muted">Paste or drop an article (plain text or HTML), or JSON Lines with one article per line ({'{"text": "…", "title": "…"}'}).</p>
      <form onSubmit={submit}>
        <label
          class={dragging ? 'drop dragging' : 'drop'}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void readFiles(e.dataTransfer?.files ?? null);
          }}
        >
          <span>Article text, HTML or JSON Lines</span>
          <textarea name="body" rows={12} value={body} onInput={(e) => {
              setBody((e.target as HTMLTextAreaElement).value);
              setFmt('auto');
            }} placeholder="Paste here, or drop files on this box" spellcheck={false} />
        </label>
        <div class="row">
          <label class="field">
            <span>Or choose files</span>
            <input type="file" multiple accept=".txt,.html,.htm,.jsonl,.ndjson,.json,text/*" onChange={(e) => void readFiles((e.target as HTMLInputElement).files)} />
          </label>
          <label class="field">
            <span>Format</span>
            <select value={fmt} onChange={(e) => setFmt((e.target as HTMLSelectElement).value as Format)}>
              <option value="auto">Detect ({detected})</option>
              <option value="text">Plain text</option>
              <option value="html">HTML</option>
              <option value="jsonl">JSON Lines</option>
            </select>
          </label>
        </div>
        {effective !== 'jsonl' && (
          <fieldset class="row">
            <legend>Optional details</legend>
            {field('title', 'Title')}
            {field('outlet', 'Outlet')}
            {field('url', 'URL', 'url')}
            {field('published', 'Published')}
          </fieldset>
        )}
        <div class="row">
          <label class="field">
            <span>Ingestion token</span>
            <input name="token" type="password" autocomplete="off" value={token} onInput={(e) => setToken((e.target as HTMLInputElement).value)} />
          </label>
          <button type="submit" class="btn primary" disabled={busy}>
            {busy ? 'Adding…' : 'Add articles'}
          </button>
        </div>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div class="result" role="status">
          <p>
            Stored {result.stored}, already known {result.duplicates}, failed {result.errors.length}.
          </p>
          <ul>
            {result.items.map((it, i) => (
              <li key={i} class={`item-${it.status}`}>
                <span class="chip">{it.status}</span>{' '}
                {it.status === 'error' ? (
                  <span>{it.error?.error}</span>
                ) : (
                  <>
                    <a href={`#/article/${encodeURIComponent(it.id ?? '')}`}>article {it.id}</a>
                    {it.storyId && (
                      <>
                        {' · '}
                        <a href={`#/story/${encodeURIComponent(it.storyId)}`}>open its story</a>
                      </>
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
