/**
 * Child process of the scale bench: the per-article stages of `crosscheck worker` (processJob)
 * over a JSON Lines file, in memory, no database. Warms up for `warm` passes, then times `timed`
 * passes and prints one JSON line { n, ms, cpuMs }. Run k of these at once to see how many times
 * one process's rate this machine can give for exactly this work (its parallel ceiling).
 * Usage: node --import tsx bench/scale/ceiling.ts <file.jsonl> <warm passes> <timed passes>
 */
import { readInputs } from '../../src/ingest/index.js';
import { isItemError } from '../../src/ingest/index.js';
import type { RawDoc } from '../../src/types.js';
import { processJob } from '../../src/worker/worker.js';

const [file, warm = '2', timed = '2'] = process.argv.slice(2);
const raws: RawDoc[] = [];
for await (const r of readInputs([file])) if (!isItemError(r)) raws.push(r);
const pass = () => raws.forEach((raw, i) => processJob({ run: 'ceiling', i, raw }));
for (let p = 0; p < Number(warm); p++) pass();
const t0 = performance.now();
const c0 = process.cpuUsage();
for (let p = 0; p < Number(timed); p++) pass();
const c = process.cpuUsage(c0);
process.stdout.write(JSON.stringify({ n: raws.length * Number(timed), ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 }) + '\n');
