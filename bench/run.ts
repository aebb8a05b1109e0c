/**
 * `npm run bench [-- name ...]`: runs the benchmark suites and prints their figures.
 * Each suite is a module in bench/suites/ that default-exports { name, description, run }.
 * Benchmarks read ground truth from ../shared/bench (never copied into this repo).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchSuite {
  name: string;
  description: string;
  run(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(join(here, 'suites')).filter((f) => f.endsWith('.ts')).sort();
let failed = 0;
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, 'suites', f)).href)) as { default: BenchSuite };
  const suite = mod.default;
  if (wanted.length && !wanted.includes(suite.name)) continue;
  console.log(`\n=== ${suite.name}: ${suite.description}`);
  const t0 = performance.now();
  try {
    await suite.run();
  } catch (e) {
    failed++;
    console.error(`suite ${suite.name} failed: ${(e as Error).stack}`);
  }
  console.log(`(${suite.name} took ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
process.exitCode = failed ? 1 : 0;
