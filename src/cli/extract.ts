/**
 * `crosscheck extract <file> --format json|text`: one article's extractions (entities with roles
 * and mentions, quotes with speakers, resolved time expressions, numbers) with character offsets
 * into the article's clean text.
 */
import { Option, type Command } from 'commander';
import { isItemError } from '../ingest/index.js';
import { describeItemError, readArticles } from '../pipeline.js';
import { extractArticle } from '../extract/index.js';
import type { ArticleExtraction } from '../extract/types.js';

/** Plain-text rendering; scraped text is shown as is on a terminal (no markup to escape). */
export function renderExtractionText(ex: ArticleExtraction, origin: string): string {
  const out: string[] = [`# ${origin} (article ${ex.articleId}, ${ex.sentences.length} sentences)`, '', '## Entities'];
  const name = new Map(ex.entities.map((e) => [e.id, e.name]));
  for (const e of ex.entities) {
    const roles = e.roles.length ? ` — ${e.roles.map((r) => r.text).join('; ')}` : '';
    const variants = e.variants.length > 1 ? ` [${e.variants.join(' | ')}]` : '';
    out.push(`- ${e.id} ${e.type}: ${e.name}${variants}${roles} (${e.mentions} mentions)`);
  }
  out.push('', '## Mentions resolved to an entity (alias, pronoun, role)');
  for (const m of ex.mentions) if (m.via !== 'name') out.push(`- @${m.start} "${m.text}" -> ${name.get(m.entity)} (${m.via})`);
  out.push('', '## Quotes');
  for (const q of ex.quotes) out.push(`- @${q.start} ${q.kind} ${q.speaker ? name.get(q.speaker) : '(unresolved)'}${q.speakerText ? ` [as "${q.speakerText}"]` : ''}${q.cue ? ` via "${q.cue}"` : ''}: ${q.text}`);
  out.push('', '## Time expressions');
  for (const t of ex.times) out.push(`- @${t.start} "${t.text}" -> ${t.date ?? 'unresolved'}${t.dateEnd ? `/${t.dateEnd}` : ''} (${t.precision ?? '?'}, anchor ${t.anchor})${t.event ? ` — ${t.event}` : ''}`);
  out.push('', '## Numbers');
  for (const n of ex.numbers) out.push(`- @${n.start} "${n.text}" = ${n.value} ${n.kind}${n.unit ? ` ${n.unit}` : ''}${n.what ? ` of "${n.what}"` : ''}${n.hedge ? ` (${n.hedge})` : ''}`);
  return out.join('\n') + '\n';
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description("Show one article's extractions (entities, quotes, times, numbers) with character offsets")
    .argument('<file>', 'a file, URL or - for stdin')
    .addOption(new Option('--format <fmt>', 'output format').choices(['text', 'json']).default('text'))
    .option('--anchor <date>', 'YYYY-MM-DD to resolve relative dates against when the article has no date')
    .action(async (file: string, o: { format: 'text' | 'json'; anchor?: string }) => {
      let any = false;
      const out: unknown[] = [];
      for await (const art of readArticles([file])) {
        if (isItemError(art)) {
          process.stderr.write(`✗ ${describeItemError(art)}\n`);
          continue;
        }
        any = true;
        const ex = extractArticle(art, { anchorDate: o.anchor });
        if (o.format === 'json') out.push({ origin: art.origin, published: art.metadata.published ?? null, dateline: art.metadata.dateline ?? null, text: art.text, ...ex });
        else process.stdout.write(renderExtractionText(ex, art.origin));
      }
      if (o.format === 'json') process.stdout.write(JSON.stringify(out.length === 1 ? out[0] : out, null, 2) + '\n');
      if (!any) process.exitCode = 1;
    });
}
