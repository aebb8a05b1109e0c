/** Helpers for benchmarks: where ../shared is, and peak-memory sampling. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The shared folder beside the checkout (../shared), or $CROSSCHECK_SHARED. */
export function sharedDir(): string {
  const d = process.env.CROSSCHECK_SHARED ?? join(repoRoot, '..', 'shared');
  if (!existsSync(d)) throw new Error(`shared data not found at ${d}: clone the repo beside shared/ or set CROSSCHECK_SHARED`);
  return d;
}

export function seedsDir(): string {
  return join(sharedDir(), 'corpus', 'seeds');
}

/** Samples RSS every few ms while fn runs; returns fn's result and the peak RSS in MiB. */
export async function withPeakMemory<T>(fn: () => Promise<T> | T): Promise<{ result: T; peakMiB: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMiB: peak / 1048576 };
  } finally {
    clearInterval(timer);
  }
}

export function fmt(n: number, digits = 3): string {
  return n.toFixed(digits);
}
