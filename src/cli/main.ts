#!/usr/bin/env node
/**
 * The crosscheck command line: a thin shell over the library API in ../pipeline.ts.
 * Command names and JSON shapes are a contract (automated checks call them).
 */
import { Command, Option } from 'commander';
import { writeFile } from 'node:fs/promises';
import { Crosscheck, describeItemError, readArticles, type IngestReport } from '../pipeline.js';
import { isItemError } from '../ingest/index.js';
import { languagePolicy, type LanguagePolicy } from '../ingest/language.js';
import { renderMarkdown } from '../brief/markdown.js';
import { renderHtml } from '../brief/html.js';
import { progressReporter } from './progress.js';
import { extraCommands } from './commands.js';

/** Parses --max-bytes ("10MB", "500kb", "1048576"). */
function parseBytes(v: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$/i.exec(v);
  if (!m) throw new Error(`--max-bytes: cannot read "${v}"; use a number of bytes or e.g. 20MB`);
  const mult: Record<string, number> = { b: 1, k: 1024, kb: 1024, m: 1048576, mb: 1048576, g: 1073741824, gb: 1073741824 };
  return Math.round(Number(m[1]) * mult[(m[2] ?? 'b').toLowerCase()]);
}

function summary(r: IngestReport): string {
  const parts = [`stored ${r.stored}`, `duplicates ${r.duplicates}`, `failed ${r.failed.length}`];
  return parts.join(', ');
}

function printFailures(r: IngestReport): void {
  for (const f of r.failed) process.stderr.write(`  ✗ ${describeItemError(f)}\n`);
}

async function writeOut(text: string, file?: string): Promise<void> {
  if (file) await writeFile(file, text);
  else process.stdout.write(text);
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('crosscheck')
    .description('Turn many news articles about one event into a verified, cited story brief.')
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('ingest')
    .description('Read articles (files, folders, - for stdin, http(s) URLs) and store them')
    .argument('<paths...>', 'files, folders, URLs or - for stdin')
    .option('--db <spec>', 'store: SQLite file, :memory: or postgres://... (default: $CROSSCHECK_DB or ./crosscheck.db)')
    .option('--quiet', 'no progress bar')
    .option('--max-bytes <size>', 'largest input accepted (e.g. 20MB)', parseBytes)
    .option('--language <codes>', 'languages accepted: ISO codes (en,fr) or any (default: $CROSSCHECK_LANGUAGES or en)', languagePolicy)
    .action(async (paths: string[], o: { db?: string; quiet?: boolean; maxBytes?: number; language?: LanguagePolicy }) => {
      const cc = await Crosscheck.open(o.db);
      try {
        const progress = progressReporter(!o.quiet);
        const r = await cc.ingest(paths, { onRead: progress.tick, maxBytes: o.maxBytes, languages: o.language });
        progress.stop();
        printFailures(r);
        process.stderr.write(`${summary(r)} (store: ${cc.store.location})\n`);
        if (r.stored + r.duplicates === 0 && r.failed.length > 0) process.exitCode = 1;
      } finally {
        await cc.close();
      }
    });

  program
    .command('clean')
    .description('Print the clean text of one article (and, as JSON, what was removed and why)')
    .argument('<file>', 'a file, URL or - for stdin')
    .addOption(new Option('--format <fmt>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (file: string, o: { format: 'text' | 'json' }) => {
      let any = false;
      const out: unknown[] = [];
      for await (const art of readArticles([file])) {
        if (isItemError(art)) {
          process.stderr.write(`✗ ${describeItemError(art)}\n`);
          continue;
        }
        any = true;
        if (o.format === 'json') {
          out.push({ title: art.metadata.title ?? null, text: art.text, metadata: art.metadata, paragraphs: art.paragraphs, removed: art.removed, id: art.id, origin: art.origin });
        } else {
          process.stdout.write(art.paragraphs.map((p) => (p.kind === 'heading' ? `## ${p.text}` : p.text)).join('\n\n') + '\n');
        }
      }
      if (o.format === 'json') process.stdout.write(JSON.stringify(out.length === 1 ? out[0] : out, null, 2) + '\n');
      if (!any) process.exitCode = 1;
    });

  program
    .command('brief')
    .description('Ingest the paths and print a brief of their stories')
    .argument('<paths...>', 'files, folders, URLs or - for stdin')
    .option('--db <spec>', 'store (default: $CROSSCHECK_DB or ./crosscheck.db; :memory: for none)')
    .addOption(new Option('--format <fmt>', 'output format').choices(['md', 'json', 'html']).default('md'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--quiet', 'no progress bar')
    .option('--max-bytes <size>', 'largest input accepted (e.g. 20MB)', parseBytes)
    .option('--language <codes>', 'languages accepted: ISO codes (en,fr) or any (default: $CROSSCHECK_LANGUAGES or en)', languagePolicy)
    .action(async (paths: string[], o: { db?: string; format: 'md' | 'json' | 'html'; output?: string; quiet?: boolean; maxBytes?: number; language?: LanguagePolicy }) => {
      const cc = await Crosscheck.open(o.db);
      try {
        const progress = progressReporter(!o.quiet);
        const r = await cc.ingest(paths, { onRead: progress.tick, maxBytes: o.maxBytes, languages: o.language });
        progress.stop();
        printFailures(r);
        if (!o.quiet) process.stderr.write(`${summary(r)} (store: ${cc.store.location})\n`);
        if (r.articleIds.length === 0) {
          process.stderr.write('No article could be read from the given paths; see the errors above.\n');
          process.exitCode = 1;
          return;
        }
        const doc = await cc.brief({ articleIds: r.articleIds });
        if (r.failed.length) doc.errors = r.failed;
        const text = o.format === 'json' ? JSON.stringify(doc, null, 2) + '\n' : o.format === 'html' ? renderHtml(doc) : renderMarkdown(doc);
        await writeOut(text, o.output);
      } finally {
        await cc.close();
      }
    });

  program
    .command('stories')
    .description('List stored stories with article and family counts')
    .option('--db <spec>', 'store (default: $CROSSCHECK_DB or ./crosscheck.db)')
    .option('--limit <n>', 'how many', '50')
    .option('--json', 'as JSON')
    .action(async (o: { db?: string; limit: string; json?: boolean }) => {
      const cc = await Crosscheck.open(o.db);
      try {
        const rows = await cc.store.listStories({ limit: Number(o.limit) || 50 });
        if (o.json) {
          process.stdout.write(JSON.stringify(rows.map(({ articleIds, ...r }) => ({ ...r, articleIds })), null, 2) + '\n');
          return;
        }
        if (!rows.length) process.stdout.write('No stories yet: run `crosscheck ingest <paths>` first.\n');
        for (const r of rows) {
          process.stdout.write(`${r.id}  ${String(r.articleCount).padStart(3)} articles  ${String(r.familyCount).padStart(3)} families  ${String(r.conflictCount).padStart(2)} conflicts  ${r.title}\n`);
        }
      } finally {
        await cc.close();
      }
    });

  for (const add of extraCommands) add(program);
  return program;
}

export async function main(argv = process.argv): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    process.stderr.write(`crosscheck: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}

const isEntry = process.argv[1] && /cli[\\/]main\.(ts|js)$/.test(process.argv[1]);
if (isEntry) await main();
