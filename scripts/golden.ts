/**
 * `npm run golden [-- --write] [stage ...]`: regenerates the golden files of the seeds and prints a
 * readable diff against the checked-in ones. Each stage has a module in scripts/golden/ that
 * default-exports { name, build(): Promise<Record<string, unknown>> } mapping golden file name
 * (under test/golden/<name>/) to content. Without --write nothing is written; with it, files
 * are replaced after the diff is printed. Seed text itself never goes into golden files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface GoldenStage {
  name: string;
  build(): Promise<Record<string, unknown>>;
  /** Renders a golden value as readable lines, quoting the seed text from ../shared that its
   *  offsets/line numbers point at, so the diff is reviewable without opening the seeds. */
  describe?(name: string, value: unknown): string[];
}

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = process.argv.slice(2);
const write = args.includes('--write');
const wanted = args.filter((a) => !a.startsWith('--'));

function lines(v: unknown): string[] {
  return (JSON.stringify(v, null, 2) + '\n').split('\n');
}

/** Minimal line diff (LCS) so a reviewer sees exactly what changed. */
function diff(a: string[], b: string[]): string[] {
  const n = a.length, m = b.length;
  const dp = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const out: string[] = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { i++; j++; }
    else if (j < m && (i === n || dp[i][j + 1] >= dp[i + 1][j])) out.push(`+ ${b[j++]}`);
    else out.push(`- ${a[i++]}`);
  }
  return out;
}

let changed = 0;
const dir = join(here, 'golden');
for (const f of existsSync(dir) ? readdirSync(dir).filter((x) => x.endsWith('.ts')).sort() : []) {
  const stage = ((await import(pathToFileURL(join(dir, f)).href)) as { default: GoldenStage }).default;
  if (wanted.length && !wanted.includes(stage.name)) continue;
  const files = await stage.build();
  for (const [name, value] of Object.entries(files)) {
    const path = join(root, 'test', 'golden', stage.name, name);
    const old = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
    const show = (v: unknown) => (stage.describe ? stage.describe(name, v) : lines(v));
    const d = JSON.stringify(old) === JSON.stringify(value) ? [] : diff(old === null ? [] : show(old), show(value)).filter((l) => l.trim() !== '');
    if (!d.length && JSON.stringify(old) !== JSON.stringify(value)) d.push('~ (values differ in fields the description does not show)');
    if (d.length) {
      changed++;
      console.log(`--- ${stage.name}/${name}`);
      for (const l of d) console.log(l);
      if (write) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
      }
    }
  }
}
console.log(changed ? `${changed} golden file(s) ${write ? 'rewritten' : 'differ (run with --write to accept)'}` : 'golden files up to date');
