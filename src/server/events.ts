/**
 * Server-sent events hub: GET /api/events streams `ingest` events (article and story ids) to every
 * open browser tab so the story list and an open story refresh. SSE is plain HTTP (the browser's
 * EventSource reconnects by itself), so no websocket library is needed; the framing below is the
 * whole protocol (https://html.spec.whatwg.org/multipage/server-sent-events.html).
 */
import type { ServerResponse } from 'node:http';

export interface IngestEvent {
  articleIds: string[];
  storyIds: string[];
  stored: number;
  at: string;
}

export class EventHub {
  private clients = new Set<ServerResponse>();
  private nextId = 1;
  private heartbeat: NodeJS.Timeout;

  constructor(heartbeatMs = 15_000) {
    // A comment line every few seconds keeps proxies from closing idle streams.
    this.heartbeat = setInterval(() => this.write(': keep-alive\n\n'), heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** Takes over a raw response and keeps it open as an event stream. */
  add(res: ServerResponse, extraHeaders: Record<string, string> = {}): void {
    res.writeHead(200, {
      ...extraHeaders,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n: connected\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  send(event: string, data: unknown): void {
    this.write(`id: ${this.nextId++}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private write(chunk: string): void {
    for (const c of this.clients) {
      if (!c.writableEnded) c.write(chunk);
    }
  }

  /** Ends every stream (on shutdown) so the server can close. */
  closeAll(): void {
    clearInterval(this.heartbeat);
    for (const c of this.clients) c.end();
    this.clients.clear();
  }
}
