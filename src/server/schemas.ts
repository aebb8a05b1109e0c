/**
 * The HTTP API's zod schemas. The same objects validate requests (through
 * fastify-type-provider-zod) and generate the OpenAPI document (GET /api/openapi.json).
 */
import { z } from 'zod';

/** Largest article text or HTML accepted per item (characters). */
export const MAX_ITEM_CHARS = 2_000_000;

/** One article as sent to POST /api/articles (JSON body, one JSON Lines record, or array item). */
export const ArticleInput = z
  .object({
    text: z.string().max(MAX_ITEM_CHARS).optional().describe('The article as plain text'),
    html: z.string().max(MAX_ITEM_CHARS).optional().describe('The article as an HTML page or fragment'),
    title: z.string().max(2000).optional(),
    url: z.string().max(4000).optional(),
    outlet: z.string().max(500).optional(),
    published: z.string().max(100).optional().describe('Publication date or time, any common form'),
    author: z.union([z.string().max(500), z.array(z.string().max(500)).max(50)]).optional(),
    language: z.string().max(20).optional(),
  })
  .refine((a) => (a.text ?? '').trim() !== '' || (a.html ?? '').trim() !== '', {
    message: 'an article needs a non-empty "text" or "html" field',
  })
  .describe('One article');
export type ArticleInput = z.infer<typeof ArticleInput>;

export const IngestBody = z
  .union([
    ArticleInput,
    z.array(z.unknown()).max(10_000).describe('Several articles; each is validated on its own (per-item errors)'),
    z.string().describe('JSON Lines (Content-Type: application/x-ndjson), one article per line; each is validated on its own'),
  ])
  .describe('One article as JSON, an array of articles, or JSON Lines');

export const ItemErrorSchema = z.object({
  origin: z.string(),
  error: z.string(),
  code: z.string(),
});

export const IngestResponse = z.object({
  stored: z.number().int(),
  duplicates: z.number().int(),
  articleIds: z.array(z.string()).describe('Ids of the articles read, in processing order'),
  storyIds: z.array(z.string()).describe('Stories touched by this request'),
  items: z
    .array(
      z.object({
        origin: z.string(),
        status: z.enum(['stored', 'duplicate', 'error']),
        id: z.string().optional(),
        storyId: z.string().nullable().optional(),
        error: ItemErrorSchema.optional(),
      }),
    )
    .describe('One entry per input item, in input order'),
  errors: z.array(ItemErrorSchema),
});

export const ErrorResponse = z.object({
  error: z.string(),
  message: z.string(),
  statusCode: z.number().int(),
});

export const StoriesQuery = z.object({
  q: z.string().max(200).optional().describe('Case-insensitive substring of the story title'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const StorySummary = z.object({
  id: z.string(),
  title: z.string(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  updatedAt: z.string(),
  articleCount: z.number().int(),
  familyCount: z.number().int(),
  conflictCount: z.number().int(),
});

export const StoriesResponse = z.object({
  stories: z.array(StorySummary),
  limit: z.number().int(),
  offset: z.number().int(),
  hasMore: z.boolean(),
});

export const IdParams = z.object({ id: z.string().min(1).max(200) });

export const RemovedPieceSchema = z.object({
  text: z.string(),
  reason: z.string(),
  line: z.number().optional(),
  rule: z.string().optional(),
});

export const ArticleResponse = z.object({
  id: z.string(),
  origin: z.string(),
  format: z.string(),
  storyId: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()).describe('ArticleMetadata: title, outlet, url, byline, dateline, wire, published, language, fieldSources'),
  paragraphs: z.array(z.object({ kind: z.string(), text: z.string(), start: z.number(), line: z.number().optional() })),
  text: z.string(),
  removed: z.array(RemovedPieceSchema),
  seq: z.number().optional(),
  ingestedAt: z.string(),
  provenance: z.record(z.string(), z.unknown()).nullable(),
});

export const BriefResponse = z
  .object({
    generatedAt: z.string(),
    stories: z.array(z.object({ id: z.string(), title: z.string(), articles: z.array(z.record(z.string(), z.unknown())) }).passthrough()),
  })
  .passthrough()
  .describe('The brief JSON document (see schema/ in the repo) holding this one story');

export const HealthResponse = z.object({
  ok: z.boolean(),
  store: z.string(),
  articles: z.number().int(),
  uptimeSeconds: z.number(),
  version: z.string(),
  ingest: z.enum(['worker', 'process']).describe('Where ingestion runs: a worker thread, or the server thread'),
});
