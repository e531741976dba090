/** Drawing personnel from units in a fixed order, shared by every step that staffs a place. */

/**
 * A list of unit indices drawn in order; exhausted units are skipped once. `left` (personnel left per
 * unit) is shared by all pools of a kab/kota, so a unit drawn in one pool is spent in the others.
 */
export class Pool {
  private pos = 0;
  constructor(
    readonly units: number[],
    private readonly left: number[],
  ) {}
  /** Draws up to `want` personnel, telling `take` each unit's share; returns how many it drew. */
  draw(want: number, take: (unit: number, n: number) => void): number {
    let rest = want;
    while (rest > 0 && this.pos < this.units.length) {
      const u = this.units[this.pos] ?? 0;
      const n = Math.min(rest, this.left[u] ?? 0);
      if (n > 0) {
        take(u, n);
        rest -= n;
        this.left[u] = (this.left[u] ?? 0) - n;
      }
      if ((this.left[u] ?? 0) === 0) this.pos++;
    }
    return want - rest;
  }
  /** True when every unit of the list is spent. */
  get empty(): boolean {
    while (this.pos < this.units.length && (this.left[this.units[this.pos] ?? 0] ?? 0) === 0) this.pos++;
    return this.pos >= this.units.length;
  }
}
