/** HTTP API and web app server: createServer for embedding and tests, registerServe for the CLI. */
export { createServer, defaultWebRoot, type ServerOptions } from './app.js';
export { registerServe, serve } from './cli.js';
export { EventHub, type IngestEvent } from './events.js';
