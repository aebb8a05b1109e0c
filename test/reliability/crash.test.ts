/**
 * Crash safety (issue 7): worker processes (and submissions) are killed with SIGKILL at random
 * points, at least 20 times, while runs are being submitted, built and assigned; then one worker
 * resumes until idle. Every article must be stored exactly once, every error recorded once, and
 * the stories must equal those of an uninterrupted one-process run over the same inputs.
 * The kill points come from a seeded generator: the seed is printed; replay it with
 * CROSSCHECK_CRASH_SEED=<seed>.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Crosscheck } from '../../src/pipeline.js';
import { openStore } from '../../src/store/index.js';
import { PostgresStore } from '../../src/store/postgres.js';
import { enqueuePaths } from '../../src/worker/index.js';
import { dropSchema, pgSkipReason, scratchSchema } from '../store/postgres-env.js';
import { rng, writeCorpus } from './corpus.js';
import { outcome } from './snapshot.js';
import { cli } from './cli.js';

const skip = await pgSkipReason();
const SEED = Number(process.env.CROSSCHECK_CRASH_SEED ?? Date.now() % 1_000_000);
const RUNS = 5;
const PER_RUN = 30;
const BATCH = 3;
const KILLS = 22;

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Workers or submissions that exited on their own (not killed by us), with their stderr. */
const unexpected: string[] = [];

/**
 * Kills p with SIGKILL `ms` after it shows activity (a verbose log line matching trigger: items
 * built, batch committed), or `ms` after start when trigger is null, or at `cap` at the latest.
 * Resolves true when the process was still running (a real crash), false when it had exited.
 * `mayFinish`: exiting with status 0 before the kill is a normal outcome (submissions finish).
 */
function killAfter(p: ChildProcess, ms: number, trigger: RegExp | null, cap = 15_000, mayFinish = false): Promise<boolean> {
  return new Promise((resolve) => {
    let err = '';
    let fired = false;
    let armed = false;
    const fire = () => {
      if (fired) return;
      fired = true;
      clearTimeout(capTimer);
      const alive = p.exitCode === null && p.signalCode === null;
      if (!alive) return resolve(false);
      p.once('exit', () => resolve(true));
      p.kill('SIGKILL');
    };
    const arm = () => {
      if (armed) return;
      armed = true;
      setTimeout(fire, ms);
    };
    const capTimer = setTimeout(fire, cap);
    p.stderr?.on('data', (d: Buffer) => {
      err = (err + d).slice(-3000);
      if (trigger?.test(String(d))) arm();
    });
    p.once('exit', (code, signal) => {
      if (fired) return;
      fired = true;
      clearTimeout(capTimer);
      // A submission may complete before its kill on a fast machine (exit 0: simply no crash this round);
      // a worker never exits by itself, and nothing may fail.
      if (signal !== 'SIGKILL' && !(mayFinish && code === 0)) unexpected.push(`exit ${code ?? signal}: ${err}`);
      resolve(false);
    });
    if (!trigger) arm();
  });
}

test(`SIGKILL at random points (seed ${SEED}): nothing lost, nothing twice, same stories`, { skip, timeout: 300_000 }, async () => {
  console.log(`# crash test seed ${SEED} (replay: CROSSCHECK_CRASH_SEED=${SEED})`);
  const r = rng(SEED);
  const dir = mkdtempSync(join(tmpdir(), 'cc-crash-'));
  const all = writeCorpus(dir, RUNS * PER_RUN, 23);
  const runs = Array.from({ length: RUNS }, (_, k) => all.slice(k * PER_RUN, (k + 1) * PER_RUN));
  runs[2].push(join(dir, 'missing.txt')); // a read error must be recorded exactly once too
  const one = await scratchSchema('cc_one');
  const par = await scratchSchema('cc_crash');
  const queueSchema = `${par.schema}_q`;
  const common = ['--db', par.url, '--queue-schema', queueSchema, '--job-timeout', '3'];
  try {
    // The uninterrupted one-process run: the same runs, in the same order.
    // (One process per run, like `crosscheck ingest`: each run is a session of its own.)
    const oneStore = await openStore(one.url);
    for (const paths of runs) await Crosscheck.withStore(oneStore).ingest(paths, { batchSize: BATCH });
    const expected = await outcome(oneStore);
    await oneStore.close();

    let kills = 0;
    let submitted = 0;
    const t0 = Date.now();
    for (let k = 0; kills < KILLS; k++) {
      assert.ok(k < KILLS * 3, 'too many rounds without a real kill');
      if (k % 4 === 1 && submitted < RUNS) {
        // Kill a submission of the next run part-way, then submit it again under the same id.
        const id = `run-${submitted}`;
        const e = start(['enqueue', ...runs[submitted], ...common, '--run', id, '--batch-size', String(BATCH)]);
        if (await killAfter(e, 1000 + r() * 1500, null, 15_000, true)) kills++;
        await enqueuePaths(par.url, runs[submitted], { run: id, batchSize: BATCH, queueSchema, jobTimeoutSeconds: 3 });
        submitted++;
      }
      // One or two workers, killed at a random moment (start-up, building, mid-transaction...).
      const n = r() < 0.25 ? 1 : 2;
      const ws = Array.from({ length: n }, () => start(['worker', ...common, '--verbose']));
      // Half the time after its first built items, half after its first committed batch.
      const died = await Promise.all(ws.map((w) => (r() < 0.5 ? killAfter(w, r() * 700, /built/) : killAfter(w, r() * 400, /committed/))));
      kills += died.filter(Boolean).length;
    }
    while (submitted < RUNS) {
      await enqueuePaths(par.url, runs[submitted], { run: `run-${submitted}`, batchSize: BATCH, queueSchema, jobTimeoutSeconds: 3 });
      submitted++;
    }
    const killPhase = Date.now() - t0;
    assert.deepEqual(unexpected, [], 'a worker or submission exited on its own');
    // The kills must have hit real work: some (not all) of the input committed before resuming.
    const probe = new PostgresStore(par.url, { max: 1 });
    const [{ done }] = await probe.query<{ done: string }>('SELECT COALESCE(SUM(next_index), 0) AS done FROM worker_runs');
    await probe.close();
    console.log(`# ${done} of ${RUNS * PER_RUN + 1} items committed while killing`);
    assert.ok(Number(done) > 0, 'the workers made progress between kills');
    // Resume: one worker until every run is committed.
    const fin = await cli(['worker', ...common, '--exit-when-idle', ...(process.env.CROSSCHECK_TEST_VERBOSE ? ['--verbose'] : [])], 90_000);
    assert.equal(fin.code, 0, fin.err);
    if (process.env.CROSSCHECK_TEST_VERBOSE) console.log(fin.err);
    console.log(`# ${kills} SIGKILLs in ${(killPhase / 1000).toFixed(1)} s; resume took ${((Date.now() - t0 - killPhase) / 1000).toFixed(1)} s`);

    const s = await openStore(par.url);
    try {
      const got = await outcome(s);
      assert.deepEqual(got.articleIds.slice().sort(), expected.articleIds.slice().sort(), 'every article stored, none twice');
      assert.deepEqual(got, expected);
    } finally {
      await s.close();
    }
    const ps = new PostgresStore(par.url);
    try {
      const [left] = await ps.query<{ n: string }>('SELECT COUNT(*) AS n FROM worker_results');
      assert.equal(Number(left.n), 0, 'no result left behind');
      const open = await ps.query('SELECT run FROM worker_runs WHERE finished_at IS NULL');
      assert.deepEqual(open, []);
    } finally {
      await ps.close();
    }
  } finally {
    await one.drop();
    await par.drop();
    await dropSchema(queueSchema);
  }
});
