import { describe, expect, it } from 'vitest';
import { TravelState, travelCost } from './travel';

/** Park and Miller's seeded generator, so a failing instance can be replayed. */
function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 16_807) % 2_147_483_647;
    return (x - 1) / 2_147_483_646;
  };
}

/** The bottom-up matching computed afresh: kelurahan free, kecamatan 1, Polres-level 2, elsewhere 3. */
function bottomUp(
  demand: readonly number[],
  kelSupply: readonly number[],
  kelKec: readonly number[],
  kecSupply: readonly number[],
  floating: number,
): number {
  const kecDemand = kecSupply.map(() => 0);
  const kecLeft = [...kecSupply];
  demand.forEach((d, l) => {
    const s = kelSupply[l] ?? 0;
    const k = kelKec[l] ?? 0;
    kecDemand[k] = (kecDemand[k] ?? 0) + Math.max(0, d - s);
    kecLeft[k] = (kecLeft[k] ?? 0) + Math.max(0, s - d);
  });
  let cost = 0;
  let excess = 0;
  kecDemand.forEach((d, k) => {
    const m = Math.min(d, kecLeft[k] ?? 0);
    cost += m;
    excess += d - m;
  });
  const f = Math.min(excess, floating);
  return cost + 2 * f + 3 * (excess - f);
}

describe('travelCost', () => {
  const group = { kodeKelurahan: '7371011001', kodeKecamatan: '737101' };
  it('is 0 at home, 1 in the kecamatan, 2 from Polres, 3 from another kecamatan', () => {
    expect(travelCost({ homeKecamatan: '737101', homeKodeKelurahan: '7371011001' }, group)).toBe(0);
    expect(travelCost({ homeKecamatan: '737101', homeKodeKelurahan: '7371011002' }, group)).toBe(1);
    expect(travelCost({ homeKecamatan: '737101', homeKodeKelurahan: null }, group)).toBe(1);
    expect(travelCost({ homeKecamatan: null, homeKodeKelurahan: null }, group)).toBe(2);
    expect(travelCost({ homeKecamatan: '737102', homeKodeKelurahan: null }, group)).toBe(3);
  });
});

describe('TravelState', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'seed %i: the kept cost equals the matching computed afresh after every change',
    (seed) => {
      const random = lcg(seed);
      const kec = 1 + Math.floor(random() * 4);
      const kel = kec + Math.floor(random() * 8);
      const kelKec = Array.from({ length: kel }, (_, l) => (l < kec ? l : Math.floor(random() * kec)));
      const kelSupply = kelKec.map(() => Math.floor(random() * 4));
      const kecSupply = Array.from({ length: kec }, () => Math.floor(random() * 6));
      const floating = Math.floor(random() * 10);
      const travel = new TravelState(kelSupply, kelKec, kecSupply, floating);
      const demand = kelKec.map(() => 0);
      for (let step = 0; step < 60; step++) {
        const l = Math.floor(random() * kel);
        const delta = (demand[l] ?? 0) > 0 && random() < 0.4 ? -1 : 1 + Math.floor(random() * 3);
        const expected = bottomUp(
          demand.map((d, i) => (i === l ? d + delta : d)),
          kelSupply,
          kelKec,
          kecSupply,
          floating,
        );
        expect(travel.costWith([[l, delta]])).toBe(expected);
        expect(travel.cost()).toBe(bottomUp(demand, kelSupply, kelKec, kecSupply, floating));
        travel.add(l, delta);
        demand[l] = (demand[l] ?? 0) + delta;
        expect(travel.cost()).toBe(expected);
        expect(travel.demand).toEqual(demand);
      }
    },
  );
});
