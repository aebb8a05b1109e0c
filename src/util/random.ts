/**
 * A small seeded PRNG (mulberry32) for generated test and benchmark data: the same seed gives the
 * same sequence on every machine, so a failing fuzz input or a benchmark stream can be replayed.
 * Math.random cannot be seeded, hence this.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
