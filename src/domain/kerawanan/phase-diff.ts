/**
 * What changed at a TPS between two phases (pra → saat → pasca): indicators that appeared or
 * cleared and the category it moved to, so that Forkopimda sees the movement, not two snapshots.
 */
import type { Kategori } from './score-tps';

export interface PhaseState {
  indicators: readonly string[];
  kategori: Kategori;
}

export interface PhaseChange {
  tpsId: string;
  added: string[];
  cleared: string[];
  from: Kategori | null;
  to: Kategori | null;
}

/** Changes per TPS from `before` to `after`; TPS with no change are left out. */
export function diffPhases(
  before: ReadonlyMap<string, PhaseState>,
  after: ReadonlyMap<string, PhaseState>,
): PhaseChange[] {
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  const changes: PhaseChange[] = [];
  for (const tpsId of ids) {
    const a = before.get(tpsId);
    const b = after.get(tpsId);
    const was = new Set(a?.indicators ?? []);
    const now = new Set(b?.indicators ?? []);
    const added = [...now].filter((kode) => !was.has(kode)).sort();
    const cleared = [...was].filter((kode) => !now.has(kode)).sort();
    const from = a?.kategori ?? null;
    const to = b?.kategori ?? null;
    if (added.length > 0 || cleared.length > 0 || from !== to)
      changes.push({ tpsId, added, cleared, from, to });
  }
  return changes;
}
