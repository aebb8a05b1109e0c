/**
 * Fictional news articles (our own writing, invented places and people) and small helpers for
 * the ingest tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isItemError, readInputs, type ReadOptions } from '../../src/ingest/index.js';
import type { ItemError, RawDoc } from '../../src/types.js';

export const FERRY_TITLE = 'Port Averly council approves new ferry terminal after long debate';

export const FERRY_PARAS = [
  'The Port Averly town council voted 7-2 on Tuesday to build a new ferry terminal on the north quay, ending a dispute that had divided the harbour town for more than two years.',
  'Mayor Helena Stroud said the terminal would cost about 14 million crowns and open in the spring of 2028. "This is the most important decision this council has taken in a decade," she told reporters after the vote.',
  'Opponents, led by councillor Tomas Veyle, argued that the quay should stay open to the fishing fleet. Veyle said he would ask the regional court to review the decision.',
  'The ferry company Lindqvist Lines, which runs the crossing to Skarholm island, welcomed the vote and said it would order two electric vessels.',
];

/** A plain-text scraped page: UI lines, date line, headline, byline, dateline, body, credits, disclaimer. */
export const FERRY_PAGE = [
  'Skip to content',
  'Sign up for our newsletter',
  'Wednesday, March 4, 2026',
  'Home > Regional > Port Averly council approves new ferry...',
  '',
  FERRY_TITLE,
  '',
  'By Ingrid Marsh and Paulo Serrat',
  `PORT AVERLY, March 3 (Reuters) – ${FERRY_PARAS[0]}`,
  '',
  ...FERRY_PARAS.slice(1).flatMap((p) => [p, '']),
  '(Reporting by Ingrid Marsh in Port Averly; editing by Carl Dunmore)',
  '',
  'Disclaimer: This story is auto generated from the Reuters news service. The Averly Courier holds no responsibility for its content.',
  '',
  'Share this article',
].join('\n');

export const BRIDGE_PARAS = [
  'Engineers closed the Old Mill bridge in Kestrel Falls on Monday after divers found cracks in two of its stone piers, the county roads office said.',
  'Traffic will be diverted through the ring road for at least six weeks while the piers are repaired, according to county engineer Ruth Okafor.',
  'The bridge, built in 1898, carries about 9,000 vehicles a day. Local shop owners said the closure would hurt trade during the busy spring season.',
];

export const BRIDGE_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Cracks close Old Mill bridge in Kestrel Falls | The Kestrel Gazette</title>
<meta property="og:site_name" content="The Kestrel Gazette">
<meta property="og:title" content="Cracks close Old Mill bridge in Kestrel Falls">
<meta property="article:published_time" content="2026-02-16T09:30:00+01:00">
<meta name="author" content="Nadia Brook">
<link rel="canonical" href="https://www.kestrelgazette.example/news/2026/02/16/old-mill-bridge">
</head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Cracks close Old Mill bridge in Kestrel Falls</h1>
<p class="byline">By Nadia Brook</p>
${BRIDGE_PARAS.map((p) => `<p>${p}</p>`).join('\n')}
</article>
<footer>© 2026 The Kestrel Gazette. All rights reserved.</footer>
</body>
</html>`;

/** A French article (fictional) for the language check. */
export const FRENCH_TEXT =
  "Le conseil municipal de Valbrune a voté mardi la construction d'une nouvelle bibliothèque dans le quartier de la gare. Les travaux doivent commencer au printemps et durer deux ans, selon la maire, qui a salué un projet attendu depuis longtemps par les habitants.";

export function tempDir(prefix = 'cc-ingest-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function readAll(paths: string[], opts: ReadOptions = {}): Promise<(RawDoc | ItemError)[]> {
  const out: (RawDoc | ItemError)[] = [];
  for await (const x of readInputs(paths, opts)) out.push(x);
  return out;
}

export function docs(items: (RawDoc | ItemError)[]): RawDoc[] {
  return items.filter((x): x is RawDoc => !isItemError(x));
}

export function errors(items: (RawDoc | ItemError)[]): ItemError[] {
  return items.filter(isItemError);
}

export function bodyText(d: RawDoc): string {
  return d.body.kind === 'text' ? d.body.text : d.body.html;
}
