/**
 * Spelling / transliteration similarity for names (Zelenskiy / Zelenskyy / Zelensky, Kiev / Kyiv,
 * Dmitriev / Dmitriyev). Written by hand: the variants come from transliteration conventions
 * (y/i/iy, ie/y, w/v, doubled letters), which a consonant skeleton captures better than generic
 * fuzzy-matching packages, and it is a few lines.
 */

export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
}

/** Transliteration-normalised form: y->i, w->v, ck->k, ph->f, j->i (Dmitrij), doubled letters collapsed. */
const tcache = new Map<string, string>();
export function translit(s: string): string {
  const hit = tcache.get(s);
  if (hit !== undefined) return hit;
  if (tcache.size > 20000) tcache.clear();
  const v = translitRaw(s);
  tcache.set(s, v);
  return v;
}
function translitRaw(s: string): string {
  return fold(s).replace(/ph/g, 'f').replace(/ck/g, 'k').replace(/w/g, 'v').replace(/[yj]/g, 'i').replace(/(.)\1+/g, '$1');
}

/** Consonant skeleton: first letter kept, later vowels dropped. Cached like translit: the same
 *  names are compared again and again within an article and across a story. */
const scache = new Map<string, string>();
export function nameSkeleton(s: string): string {
  const hit = scache.get(s);
  if (hit !== undefined) return hit;
  if (scache.size > 20000) scache.clear();
  const t = translit(s);
  const v = t.slice(0, 1) + t.slice(1).replace(/[aeiou]/g, '').replace(/(.)\1+/g, '$1');
  scache.set(s, v);
  return v;
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[n];
}

/** Two single-word names that are spelling variants of each other. */
export function similarNames(a: string, b: string): boolean {
  if (a === b) return true;
  const x = translit(a);
  const y = translit(b);
  if (x.length < 3 || y.length < 3 || x[0] !== y[0]) return false;
  if (x === y) return true;
  if (nameSkeleton(a) !== nameSkeleton(b)) return false;
  return levenshtein(x, y) <= Math.max(1, Math.floor(Math.min(x.length, y.length) / 3));
}

/** Two multi-word names that are spelling variants (every word pairs up, in order). */
export function similarFullNames(a: string, b: string): boolean {
  const x = a.split(/\s+/);
  const y = b.split(/\s+/);
  if (x.length !== y.length) return false;
  return x.every((w, i) => similarNames(w, y[i]) || w.replace(/\.$/, '') === y[i].replace(/\.$/, ''));
}
