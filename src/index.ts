export * from './types.js';
export { Crosscheck, buildArticle, type IngestReport, type IngestOptions, type ItemEvent } from './pipeline.js';
export { openStore, SqliteStore, type Store } from './store/index.js';
export { renderMarkdown } from './brief/markdown.js';
export { renderHtml } from './brief/html.js';
