/**
 * Travel, the objective's third level: per person, same kelurahan 0, same kecamatan 1, a Polres-level
 * unit (no home kecamatan) 2, another kecamatan of the kab/kota 3. Because kelurahan ⊂ kecamatan ⊂
 * kab/kota is a tree, matching bottom-up is optimal and its cost has a closed form (TravelState),
 * which the group selection (select.ts) asks many times.
 */

/** Travel cost per person from a unit's home to a group (see above). */
export function travelCost(
  unit: { homeKecamatan: string | null; homeKodeKelurahan: string | null },
  group: { kodeKelurahan: string; kodeKecamatan: string },
): number {
  if (unit.homeKodeKelurahan !== null && unit.homeKodeKelurahan === group.kodeKelurahan) return 0;
  if (unit.homeKecamatan === null) return 2;
  return unit.homeKecamatan === group.kodeKecamatan ? 1 : 3;
}

/**
 * Closed-form travel of the bottom-up matching for a demand vector per kelurahan: same kelurahan
 * free, then the kecamatan at 1, then Polres-level units at 2, then other kecamatan at 3. Supplies are
 * the Polri of each kelurahan's own officers (`kelSupply`, its kecamatan in `kelKec`), of each
 * kecamatan's units (`kecSupply`) and of the Polres-level units (`floating`).
 */
export class TravelState {
  readonly demand: number[];
  private readonly def: number[];
  private readonly sup: number[];
  private sumMatch = 0;
  private excess = 0;
  constructor(
    private readonly kelSupply: readonly number[],
    private readonly kelKec: readonly number[],
    kecSupply: readonly number[],
    private readonly floating: number,
  ) {
    this.demand = kelSupply.map(() => 0);
    this.def = kecSupply.map(() => 0);
    this.sup = [...kecSupply];
    kelSupply.forEach((s, l) => {
      const k = kelKec[l] ?? 0;
      this.sup[k] = (this.sup[k] ?? 0) + s;
    });
  }
  cost(): number {
    const f = Math.min(this.excess, this.floating);
    return this.sumMatch + 2 * f + 3 * (this.excess - f);
  }
  /** Adds `delta` to the demand of kelurahan `l`. */
  add(l: number, delta: number): void {
    const k = this.kelKec[l] ?? 0;
    const s = this.kelSupply[l] ?? 0;
    const before = this.demand[l] ?? 0;
    const after = before + delta;
    this.demand[l] = after;
    let def = this.def[k] ?? 0;
    let sup = this.sup[k] ?? 0;
    this.sumMatch -= Math.min(def, sup);
    this.excess -= Math.max(0, def - sup);
    def += Math.max(0, after - s) - Math.max(0, before - s);
    sup += Math.max(0, s - after) - Math.max(0, s - before);
    this.def[k] = def;
    this.sup[k] = sup;
    this.sumMatch += Math.min(def, sup);
    this.excess += Math.max(0, def - sup);
  }
  /** The cost were the demands changed by `changes` ([kelurahan, delta]); the state is left as it was. */
  costWith(changes: readonly (readonly [number, number])[]): number {
    for (const [l, d] of changes) this.add(l, d);
    const c = this.cost();
    for (let i = changes.length - 1; i >= 0; i--) {
      const [l, d] = changes[i] ?? [0, 0];
      this.add(l, -d);
    }
    return c;
  }
}
