/**
 * Scores found conflicts against a story's answer key (test/answer-keys/<story>.json): a found
 * conflict matches a planted one when the kind agrees and every planted value occurs in the
 * values found (case-insensitive substring). Used by the benchmark and the example tests.
 */
import type { Conflict } from './types.js';

export interface AnswerKey {
  story: string;
  description?: string;
  families?: number;
  conflicts: { kind: Conflict['kind']; about: string; values: string[]; sources?: Record<string, string[]> }[];
  traps: { kind: string; description: string; values: string[] }[];
}

export interface Score {
  matchedPlanted: number;
  matchedFound: number;
  missed: AnswerKey['conflicts'];
  falseConflicts: Pick<Conflict, 'kind' | 'about' | 'values'>[];
}

const norm = (s: string) => s.toLowerCase().replace(/[“”"’']/g, '').replace(/\s+/g, ' ');

export function matches(planted: AnswerKey['conflicts'][number], found: Pick<Conflict, 'kind' | 'values'>): boolean {
  if (planted.kind !== found.kind) return false;
  const vals = found.values.map((v) => norm(v.value));
  // each planted value in a different found value
  const used = new Set<number>();
  for (const p of planted.values) {
    const i = vals.findIndex((v, k) => !used.has(k) && v.includes(norm(p)));
    if (i < 0) return false;
    used.add(i);
  }
  return true;
}

export function scoreStory(key: AnswerKey, found: Pick<Conflict, 'kind' | 'about' | 'values'>[]): Score {
  const missed = key.conflicts.filter((p) => !found.some((f) => matches(p, f)));
  const falseConflicts = found.filter((f) => !key.conflicts.some((p) => matches(p, f)));
  return { matchedPlanted: key.conflicts.length - missed.length, matchedFound: found.length - falseConflicts.length, missed, falseConflicts };
}
