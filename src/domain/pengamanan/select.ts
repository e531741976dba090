/**
 * Which groups a kab/kota covers, levels (1) and (2) of the objective in planner.ts: each category in
 * priority order covers as many groups as the remaining Polri allow (exact, by counting, because any
 * officer of the kab/kota can serve any of its groups). Only which groups of the one partially
 * coverable category to take is heuristic: greedy by marginal travel, then pairwise swaps while they
 * lower travel (level 3).
 */
import { PRIORITAS, PRIORITY_INDEX, type KelompokTps } from './pola';
import { TravelState } from './travel';

/** Pairwise swaps tried per partially covered category of one kab/kota before settling. */
const SWAP_BUDGET = 400_000;

/** Polri left for the TPS: per kelurahan (its own officers), per kecamatan, and Polres-level. */
export interface PolriSupply {
  kel: readonly number[];
  kec: readonly number[];
  floating: number;
}

const total = (list: readonly number[]): number => list.reduce((a, b) => a + b, 0);

/**
 * The groups to cover, by index. `groupKel` is each group's kelurahan index, `kelKec` each
 * kelurahan's kecamatan index (as TravelState reads them).
 */
export function chooseGroups(
  groups: readonly KelompokTps[],
  groupKel: readonly number[],
  kelKec: readonly number[],
  supply: PolriSupply,
): boolean[] {
  // Groups by kelurahan and category, in order.
  const byKelCat: number[][][] = kelKec.map(() => PRIORITAS.map(() => []));
  groups.forEach((g, i) => byKelCat[groupKel[i] ?? 0]?.[PRIORITY_INDEX[g.kategori]]?.push(i));
  let left = total(supply.kel) + total(supply.kec) + supply.floating;
  const selected = groups.map(() => false);
  const travel = new TravelState(supply.kel, kelKec, supply.kec, supply.floating);
  for (const [p, kategori] of PRIORITAS.entries()) {
    const members = groups.flatMap((g, i) => (g.kategori === kategori ? [i] : []));
    if (members.length === 0) continue;
    const need = groups[members[0] ?? 0]?.polri ?? 1;
    const quota = Math.min(members.length, Math.floor(left / need));
    left -= quota * need;
    if (quota === members.length) {
      for (const i of members) {
        selected[i] = true;
        travel.add(groupKel[i] ?? 0, need);
      }
    } else if (quota > 0) {
      selectPartial(p, need, quota, byKelCat, selected, travel);
    }
  }
  return selected;
}

/** One partially coverable category being chosen: its groups per kelurahan and how many are taken. */
interface Choice {
  /** Polri per group of the category. */
  need: number;
  /** The category's groups per kelurahan, in order; `taken[l]` of them are chosen. */
  lists: readonly (readonly number[])[];
  /** The kelurahan with groups of the category. */
  candidates: readonly number[];
  taken: number[];
  travel: TravelState;
}

/**
 * Chooses `quota` groups of one partially coverable category: greedy by marginal travel (ties to
 * the lower kelurahan code), then pairwise swaps between kelurahan while they lower travel.
 */
function selectPartial(
  p: number,
  need: number,
  quota: number,
  byKelCat: readonly (readonly (readonly number[])[])[],
  selected: boolean[],
  travel: TravelState,
): void {
  const lists = byKelCat.map((cats) => cats[p] ?? []);
  const taken = lists.map(() => 0);
  const candidates = lists.flatMap((list, l) => (list.length > 0 ? [l] : []));
  const choice: Choice = { need, lists, candidates, taken, travel };
  pickGreedy(choice, quota);
  swapWhileCheaper(choice);
  lists.forEach((list, l) => {
    for (let i = 0; i < (taken[l] ?? 0); i++) selected[list[i] ?? 0] = true;
  });
}

/** Takes `quota` groups one at a time, each from the kelurahan where it adds least travel. */
function pickGreedy({ need, lists, candidates, taken, travel }: Choice, quota: number): void {
  for (let pick = 0; pick < quota; pick++) {
    let best = -1;
    let bestCost = Infinity;
    for (const l of candidates) {
      if ((taken[l] ?? 0) >= (lists[l]?.length ?? 0)) continue;
      const c = travel.costWith([[l, need]]);
      if (c < bestCost) {
        bestCost = c;
        best = l;
      }
    }
    if (best < 0) break;
    taken[best] = (taken[best] ?? 0) + 1;
    travel.add(best, need);
  }
}

/** Moves one group from kelurahan a to b while that lowers travel, within SWAP_BUDGET tries. */
function swapWhileCheaper({ need, lists, candidates, taken, travel }: Choice): void {
  let budget = SWAP_BUDGET;
  let improved = true;
  while (improved && budget > 0) {
    improved = false;
    let current = travel.cost();
    for (const a of candidates) {
      if ((taken[a] ?? 0) === 0) continue;
      for (const b of candidates) {
        if (b === a || (taken[b] ?? 0) >= (lists[b]?.length ?? 0)) continue;
        if (--budget < 0) break;
        const c = travel.costWith([
          [a, -need],
          [b, need],
        ]);
        if (c < current) {
          travel.add(a, -need);
          travel.add(b, need);
          taken[a] = (taken[a] ?? 0) - 1;
          taken[b] = (taken[b] ?? 0) + 1;
          current = c;
          improved = true;
          if ((taken[a] ?? 0) === 0) break;
        }
      }
    }
  }
}
