/**
 * HTTP server benchmark (issue 6), over loopback against the real `crosscheck serve` process:
 *  1. ingest throughput over HTTP: articles/s, JSON Lines batches of 50 and one article per request;
 *  2. story page API (GET /api/stories/:id, the brief JSON) under load for a 50-article story:
 *     latency percentiles with autocannon, bounded in time (10 s, 10 connections), plus the first
 *     (uncached) request.
 * Goals: p95 < 100 ms, ingest >= 200 articles/s. The articles are generated from our own templates
 * about fictional events (no seed or benchmark text).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { BenchSuite } from '../run.js';
import { seededRandom } from '../../src/util/random.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOKEN = 'bench-token';

// ---------------------------------------------------------------- fictional article generator
/** Deterministic PRNG (mulberry32) so every run posts the same articles. */
const rng = seededRandom;
const pick = <T>(r: () => number, xs: T[]): T => xs[Math.floor(r() * xs.length)];

const TOWNS = ['Port Ellis', 'Norbury', 'Velmar', 'Saltmarsh', 'Greyhaven', 'Ostrava Nova', 'Kellin Bay', 'Harrowgate', 'Tamsin Ford', 'Lowmere', 'Brackenridge', 'Corvin Heights'];
const THINGS = ['bridge', 'reservoir', 'tram line', 'hospital wing', 'sea wall', 'school', 'rail depot', 'library', 'water plant', 'ferry pier', 'stadium', 'market hall'];
const PEOPLE = ['Tomas Lindqvist', 'Ines Barros', 'Petra Sand', 'Odile Fenwick', 'Marek Halloran', 'Juno Abiodun', 'Lise Carrow', 'Anselm Greve', 'Rosa Quintal', 'Dev Pillai'];
const ROLES = ['mayor', 'council leader', 'chief engineer', 'harbour master', 'works director', 'regional governor'];
const OUTLETS = ['Harbour Gazette', 'Island Courier', 'Valley Post', 'Coast Weekly', 'Northern Wire', 'Evening Ledger', 'Metro Dispatch', 'Lowland Herald'];

interface Event { town: string; thing: string; person: string; role: string; cost: number; workers: number; day: string; month: string }

export function makeEvent(n: number): Event {
  const r = rng(1000 + n);
  return {
    town: pick(r, TOWNS) + (n >= TOWNS.length ? ` ${String.fromCharCode(65 + (n % 26))}${n}` : ''),
    thing: pick(r, THINGS),
    person: pick(r, PEOPLE),
    role: pick(r, ROLES),
    cost: 2 + Math.floor(r() * 90),
    workers: 20 + Math.floor(r() * 400),
    day: pick(r, ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']),
    month: pick(r, ['March', 'April', 'May', 'June', 'September', 'October']),
  };
}

/** One article (about 400-500 words) on event `e`, written in the style of outlet variant `v`. */
export function makeArticle(e: Event, v: number, eventNo: number) {
  const r = rng(eventNo * 7919 + v);
  const outlet = OUTLETS[v % OUTLETS.length] + (v >= OUTLETS.length ? ` ${Math.floor(v / OUTLETS.length)}` : '');
  const hours = 2 + Math.floor(r() * 5);
  const cost = e.cost + (r() < 0.15 ? 1 : 0);
  const paras = [
    `${e.town.toUpperCase()}, ${e.month} ${3 + (v % 20)} – The new ${e.thing} in ${e.town} opened on ${e.day} after ${hours} years of planning and building, ${e.role} ${e.person} said at a ceremony attended by several hundred residents.`,
    `${pick(r, ['The project', 'The scheme', 'The work'])} cost about ${cost} million crowns and employed ${e.workers} ${pick(r, ['workers', 'builders', 'people'])} at its peak, according to figures released by the ${e.town} council.`,
    `"This ${e.thing} will serve ${e.town} for the next fifty years," ${e.person} ${pick(r, ['said', 'told reporters', 'told the crowd'])}. "We kept our promise to finish it before the winter."`,
    `Critics said the ${e.thing} ran over budget and that ${pick(r, ['traffic', 'noise', 'dust'])} had troubled nearby streets for months. A residents' group in ${e.town} said it would ask for an independent review of the accounts.`,
    `The council said the ${e.thing} would open to the public in stages, with the first section available from ${e.day} evening and the rest by the end of ${e.month}.`,
    `Local businesses welcomed the opening. ${pick(r, ['A baker', 'A shop owner', 'A cafe manager'])} near the site said trade had fallen while the work went on and hoped customers would now return.`,
    `${e.person}, who has led the ${e.town} council since ${2020 + (eventNo % 9)}, has made the ${e.thing} a centrepiece of the ${pick(r, ['re-election', 'budget', 'renewal'])} campaign. Opposition councillors said the timing of the ceremony was political.`,
    `Engineers said the ${e.thing} had been designed to withstand floods of the kind that hit the region ${pick(r, ['three', 'four', 'five'])} years ago, when ${pick(r, ['hundreds', 'thousands'])} of homes were damaged.`,
    `The regional government paid for roughly a third of the cost, and the rest came from a loan that the council expects to repay over ${10 + (v % 15)} years.`,
    `${outlet} reporter ${pick(r, PEOPLE)} contributed to this report from ${e.town}. Variant ${v}.`,
  ];
  return {
    title: `${e.town} opens new ${e.thing} after ${hours} years of work`,
    outlet,
    url: `https://${outlet.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example/${eventNo}/${v}`,
    published: new Date(Date.UTC(2031, 3, 1 + (eventNo % 27), 6 + (v % 14), v % 60)).toISOString(),
    text: paras.join('\n\n'),
  };
}

// ---------------------------------------------------------------- server process
async function startServer(db: string): Promise<{ proc: ChildProcess; base: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), 'serve', '--db', db, '--port', '0', '--token', TOKEN, '--rate-limit', '0'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const base = await new Promise<string>((res, rej) => {
    let err = '';
    const t = setTimeout(() => rej(new Error('server did not start in 60 s: ' + err)), 60_000);
    proc.stderr!.setEncoding('utf8');
    proc.stderr!.on('data', (c: string) => {
      err += c;
      const m = /serving (http:\/\/[^\s]+)/.exec(err);
      if (m) {
        clearTimeout(t);
        res(m[1].replace('localhost', '127.0.0.1'));
      }
    });
    proc.on('exit', (code) => rej(new Error(`server exited (${code}): ${err}`)));
  });
  return { proc, base };
}

async function post(base: string, body: string, type: string) {
  const r = await fetch(`${base}/api/articles`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': type }, body });
  if (!r.ok) throw new Error(`POST ${r.status}: ${await r.text()}`);
  return (await r.json()) as { stored: number; items: { storyId?: string | null }[]; errors: unknown[] };
}

/**
 * CPU time (user + system, all threads) of another process so far, in ms, from /proc (Linux);
 * null elsewhere. Wall-clock rates depend on what else the machine runs; CPU per article does not.
 */
function cpuMsOf(pid: number | undefined, thread?: number): number | null {
  try {
    const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** CPU so far of the whole server process and of its main (event-loop) thread, whose id is the pid. */
function cpuOf(pid: number | undefined): { all: number | null; main: number | null } {
  return { all: cpuMsOf(pid), main: cpuMsOf(pid, pid) };
}

/** " (server CPU x ms/article, of which event-loop thread y; load a b c)" for a phase that began at `c0`. */
function cpuNote(pid: number | undefined, c0: { all: number | null; main: number | null }, n: number): string {
  const c1 = cpuOf(pid);
  const main = c0.main !== null && c1.main !== null ? `, event-loop thread ${((c1.main - c0.main) / n).toFixed(1)}` : '';
  const cpu = c0.all !== null && c1.all !== null ? `server CPU ${((c1.all - c0.all) / n).toFixed(1)} ms/article${main} = ${((1000 * n) / (c1.all - c0.all)).toFixed(0)} articles per CPU-second; ` : '';
  return ` (${cpu}load ${loadavg().map((x) => x.toFixed(1)).join(' ')})`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const suite: BenchSuite = {
  name: 'server',
  description: 'HTTP API on loopback: ingest articles/s (JSONL batches, single posts) and story brief p95 under load (50-article story)',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-server-'));
    const { proc, base } = await startServer(join(dir, 'bench.db'));
    try {
      // 1a. Ingest: 40 events x 25 articles = 1000 articles in JSON Lines batches of 50.
      const arts: ReturnType<typeof makeArticle>[] = [];
      for (let e = 0; e < 40; e++) for (let v = 0; v < 25; v++) arts.push(makeArticle(makeEvent(e), v, e));
      // Interleave events, as a newsroom feed would.
      arts.sort((a, b) => a.published.localeCompare(b.published));
      const words = arts.reduce((n, a) => n + a.text.split(/\s+/).length, 0) / arts.length;
      // Warm-up (module loading, lexicons, clusterer): one small batch on another event, not timed.
      let t0 = performance.now();
      await post(base, Array.from({ length: 10 }, (_, v) => JSON.stringify(makeArticle(makeEvent(500), v, 500))).join('\n'), 'application/x-ndjson');
      console.log(`warm-up batch of 10: ${((performance.now() - t0) / 1000).toFixed(2)} s (ingestion runs in: ${((await (await fetch(`${base}/api/health`)).json()) as { ingest: string }).ingest})`);
      t0 = performance.now();
      let c0 = cpuOf(proc.pid);
      let stored = 0;
      for (let i = 0; i < arts.length; i += 50) {
        const r = await post(base, arts.slice(i, i + 50).map((a) => JSON.stringify(a)).join('\n'), 'application/x-ndjson');
        stored += r.stored;
      }
      let s = (performance.now() - t0) / 1000;
      console.log(`ingest, JSON Lines batches of 50: ${arts.length} articles (~${words.toFixed(0)} words) in ${s.toFixed(2)} s = ${(arts.length / s).toFixed(0)} articles/s (stored ${stored}; goal >= 200)${cpuNote(proc.pid, c0, arts.length)}`);

      // Story assignment recomputes provenance over every member of each touched story, so the
      // cost per article grows with the size of the stories it joins: show them.
      const listed = ((await (await fetch(`${base}/api/stories?limit=200`)).json()) as { stories: { articleCount: number }[] }).stories.map((x) => x.articleCount).sort((a, b) => b - a);
      console.log(`stories after the JSON Lines ingest: ${listed.length}, largest ${listed.slice(0, 5).join(', ')} articles (the fictional events share templates and town names, so some merge)`);

      // 1b. One article per request, 8 concurrent clients (the server coalesces concurrent requests).
      const singles: ReturnType<typeof makeArticle>[] = [];
      for (let e = 40; e < 60; e++) for (let v = 0; v < 10; v++) singles.push(makeArticle(makeEvent(e), v, e));
      t0 = performance.now();
      c0 = cpuOf(proc.pid);
      let next = 0;
      const perRequest: number[] = [];
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < singles.length) {
            const t = performance.now();
            await post(base, JSON.stringify(singles[next++]), 'application/json');
            perRequest.push(performance.now() - t);
          }
        }),
      );
      s = (performance.now() - t0) / 1000;
      perRequest.sort((a, b) => a - b);
      console.log(`ingest, one article per request (8 clients): ${singles.length} articles in ${s.toFixed(2)} s = ${(singles.length / s).toFixed(0)} articles/s, request latency p50 ${percentile(perRequest, 50).toFixed(0)} ms, p95 ${percentile(perRequest, 95).toFixed(0)} ms${cpuNote(proc.pid, c0, singles.length)}`);

      // 2. A 50-article story: 50 outlets on one event.
      // Its own town, person and thing (names not in the lists the 1,000 articles above drew from),
      // so that it is one story of exactly these 50 articles, not merged into an earlier one.
      const big = { ...makeEvent(999), town: 'Quarrowby', person: 'Ilse Marrowfield', thing: 'tide mill' };
      const storyArts = Array.from({ length: 50 }, (_, v) => makeArticle(big, v, 999));
      const r = await post(base, storyArts.map((a) => JSON.stringify(a)).join('\n'), 'application/x-ndjson');
      const counts = new Map<string, number>();
      for (const it of r.items) if (it.storyId) counts.set(it.storyId, (counts.get(it.storyId) ?? 0) + 1);
      const [storyId, members] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
      const url = `${base}/api/stories/${storyId}`;
      t0 = performance.now();
      const first = await fetch(url);
      const firstBody = await first.text();
      const firstMs = performance.now() - t0;
      const briefJson = JSON.parse(firstBody) as { articles?: unknown[]; stories?: { articles?: unknown[] }[] };
      const total = (briefJson.articles ?? briefJson.stories?.[0]?.articles)?.length ?? NaN;
      console.log(`story ${storyId}: ${members} of 50 articles in one story (${total} articles in the story); brief JSON ${(firstBody.length / 1024).toFixed(0)} KiB; first (uncached) request ${firstMs.toFixed(1)} ms`);

      // One client, one request at a time: the cost of a cached brief without queueing.
      const seq: number[] = [];
      for (let i = 0; i < 100; i++) {
        const t = performance.now();
        await (await fetch(url, { headers: { 'accept-encoding': 'br' } })).arrayBuffer();
        seq.push(performance.now() - t);
      }
      seq.sort((a, b) => a - b);
      console.log(`GET /api/stories/:id, one client, 100 sequential requests (br): p50 ${percentile(seq, 50).toFixed(1)} ms, p95 ${percentile(seq, 95).toFixed(1)} ms`);

      // Browsers always send accept-encoding; the server compresses each cached brief once.
      for (const [label, headers] of [
        ['compressed (br), as browsers ask', { 'accept-encoding': 'gzip, deflate, br' }],
        ['identity (no compression)', {}],
      ] as const) {
        const lat: number[] = [];
        const result = await new Promise<autocannon.Result>((res, rej) => {
          const inst = autocannon({ url, connections: 10, duration: 10, headers }, (err, out) => (err ? rej(err) : res(out)));
          inst.on('response', (_c: unknown, _status: number, _bytes: number, ms: number) => lat.push(ms));
        });
        lat.sort((a, b) => a - b);
        const p95 = percentile(lat, 95);
        console.log(
          `GET /api/stories/:id under load, ${label} (10 connections, 10 s): ${result.requests.total} requests, ${result.requests.average.toFixed(0)} req/s, ` +
            `latency p50 ${percentile(lat, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${percentile(lat, 99).toFixed(1)} ms, max ${lat[lat.length - 1].toFixed(1)} ms; ` +
            `errors ${result.errors}, non-2xx ${result.non2xx} (goal p95 < 100 ms: ${p95 < 100 ? 'met' : 'NOT met'})`,
        );
      }

      // Reads while a newsroom keeps posting: story page latency during continuous ingestion.
      let posting = true;
      let during = 0;
      const feeder = (async () => {
        for (let e = 60; posting && e < 400; e++) {
          await post(base, Array.from({ length: 25 }, (_, v) => JSON.stringify(makeArticle(makeEvent(e), v, e))).join('\n'), 'application/x-ndjson');
          during += 25;
        }
      })();
      const lat2: number[] = [];
      await new Promise<autocannon.Result>((res, rej) => {
        const inst = autocannon({ url, connections: 10, duration: 10, headers: { 'accept-encoding': 'gzip, deflate, br' } }, (err, out) => (err ? rej(err) : res(out)));
        inst.on('response', (_c: unknown, _status: number, _bytes: number, ms: number) => lat2.push(ms));
      });
      posting = false;
      await feeder;
      lat2.sort((a, b) => a - b);
      console.log(`GET /api/stories/:id while ingesting (${during} articles posted meanwhile): p50 ${percentile(lat2, 50).toFixed(1)} ms, p95 ${percentile(lat2, 95).toFixed(1)} ms, p99 ${percentile(lat2, 99).toFixed(1)} ms`);

      const list = await new Promise<autocannon.Result>((res, rej) => autocannon({ url: `${base}/api/stories?limit=50`, connections: 10, duration: 5 }, (err, out) => (err ? rej(err) : res(out))));
      console.log(`GET /api/stories?limit=50 under load (10 connections, 5 s): ${list.requests.average.toFixed(0)} req/s, p50 ${list.latency.p50} ms, p97.5 ${list.latency.p97_5} ms, p99 ${list.latency.p99} ms`);
    } finally {
      proc.kill('SIGTERM');
      await new Promise((res) => proc.once('exit', res));
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default suite;
