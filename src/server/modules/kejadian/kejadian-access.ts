/** Who may see an incident and where an actor sits on the escalation chain (docs/domain/laporan.md). */
import { hasPermission } from '../../../domain/access/roles';
import { isInScope, type Actor } from '../../../domain/access/scope';
import type { LevelEskalasi } from '../../../domain/kejadian/alur';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import type * as repo from './kejadian.repo';

/** Where the actor sits on the chain: kelurahan/desa, kecamatan, or kab/kota and above. */
export function actorLevel(actor: Pick<Actor, 'kodeWilayah'>): LevelEskalasi {
  if (actor.kodeWilayah === null) return 'kabkota';
  const parsed = parseKodeWilayah(actor.kodeWilayah);
  if (!parsed.ok) return 'kelurahan';
  if (parsed.value.level === 'desa') return 'kelurahan';
  if (parsed.value.level === 'kecamatan') return 'kecamatan';
  return 'kabkota';
}

export function readerOf(
  actor: Actor,
  pemilihanId: string,
  scopeKode: string | null = actor.kodeWilayah,
): repo.Reader {
  return {
    pemilihanId,
    userId: actor.userId,
    scopeKode,
    canSeeRestricted: hasPermission(actor.role, 'kejadian:restricted'),
  };
}

/**
 * Whether the actor may see this incident at all in the election the request names (an incident of
 * another election is not found there), then scope, then restriction.
 */
export function canSee(
  actor: Actor,
  pemilihanId: string,
  row: { pemilihan_id: string; kode_wilayah: string; is_restricted: boolean; reported_by: string },
): boolean {
  if (row.pemilihan_id !== pemilihanId) return false;
  if (!isInScope(actor, row.kode_wilayah)) return false;
  return (
    !row.is_restricted || hasPermission(actor.role, 'kejadian:restricted') || row.reported_by === actor.userId
  );
}
