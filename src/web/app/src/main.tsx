import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { StoryList } from './StoryList';
import { StoryPage } from './StoryPage';
import { ArticlePage } from './ArticlePage';
import { IngestPanel } from './Ingest';
import './style.css';

type Route = { name: 'list' } | { name: 'story'; id: string } | { name: 'article'; id: string } | { name: 'ingest' };

function parseHash(hash: string): Route {
  const m = /^#\/(story|article)\/([^/?#]+)/.exec(hash);
  if (m) return { name: m[1] as 'story' | 'article', id: decodeURIComponent(m[2]) };
  if (hash.startsWith('#/ingest')) return { name: 'ingest' };
  return { name: 'list' };
}

function App() {
  const [route, setRoute] = useState<Route>(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => {
      setRoute(parseHash(location.hash));
      window.scrollTo(0, 0);
    };
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  useEffect(() => {
    // Move focus to the new page's heading for keyboard and screen-reader users.
    const h = document.querySelector<HTMLElement>('main h1');
    h?.focus({ preventScroll: true });
  }, [route]);

  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header class="top">
        <a class="brand" href="#/">crosscheck</a>
        <nav aria-label="Main">
          <a href="#/" aria-current={route.name === 'list' ? 'page' : undefined}>Stories</a>
          <a href="#/ingest" aria-current={route.name === 'ingest' ? 'page' : undefined}>Add articles</a>
          <a href="/api/openapi.json">API</a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {route.name === 'list' && <StoryList />}
        {route.name === 'story' && <StoryPage id={route.id} key={route.id} />}
        {route.name === 'article' && <ArticlePage id={route.id} key={route.id} />}
        {route.name === 'ingest' && <IngestPanel />}
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
