/**
 * mulberry32: a small, fast, seeded PRNG. Seeded so that generated data (demo seeds, benchmarks) and
 * property-test fixtures are the same in every run and a failing instance can be replayed; its
 * quality is ample for that, not for anything secret.
 */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
