/**
 * What the koordinasi use cases share: their dependencies, the clock and the region's local day, a
 * rakor within the actor's reach, the region's stages and Forkopimda setting, and the checks of the
 * wilayah a record concerns.
 *
 * Visibility: a record "concerns" a wilayah; an actor sees what concerns their own wilayah, anything
 * below it, and what concerns its ancestors (a lurah sees the kab/kota's decisions), never a
 * neighbour's. Writing needs the record's wilayah inside the actor's scope.
 */
import { DEFAULT_FORKOPIMDA, type ForkopimdaSetting } from '../../../domain/koordinasi/rakor';
import type { TahapanTemplate } from '../../../domain/koordinasi/tahapan';
import { isRelated, type Actor } from '../../../domain/access/scope';
import { templateOf } from '../../../domain/pemilihan/pemilihan';
import { todayIn } from '../../../domain/time/zona';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { authorize } from '../../cross-cutting/access';
import type { AuditLog } from '../../cross-cutting/audit-log';
import type { Clock } from '../../cross-cutting/clock';
import type { Db } from '../../db/client';
import { DomainError, forbidden, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
import * as rakorRepo from './koordinasi-rakor.repo';
import * as regionRepo from './koordinasi.repo';

export interface KoordinasiDeps {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  clock: Clock;
  /** The incident module, when present, feeds the "aman" and "tanpa konflik" indicators. */
  // The election is passed along for a module that counts per election; one that takes only the
  // kab/kota still fits this shape.
  kejadian?: {
    countForIndicators: (
      kabKota: string,
      pemilihan: PemilihanContext,
    ) => Promise<{ berat: number; konflik: number }>;
  };
}

/** Refuses a wilayah that is not a kab/kota, with the reason the caller gives. */
export function requireKabKota(kode: string, message: string): void {
  const parsed = parseKodeWilayah(kode);
  if (!parsed.ok || parsed.value.level !== 'kabkota') {
    throw new DomainError('validation', message, { field: 'kode' });
  }
}

/** A read of what concerns `kode`: a reader of koordinasi related to it (above or below). */
export function authorizeRead(actor: Actor, kode: string): void {
  authorize(actor, 'koordinasi:read', actor.kodeWilayah);
  if (!isRelated(actor, kode)) throw forbidden('Wilayah ini di luar cakupan Anda');
}

export function createKoordinasiContext(deps: KoordinasiDeps) {
  const { db } = deps;
  const now = () => deps.clock.now();
  /** The local day in the wilayah's time zone (WIB for a national actor). */
  const today = (kode: string | null) => todayIn(kode, now());

  /** A rakor of the named election within the actor's reach; another election's answers 404. */
  async function requireRakor(actor: Actor, pemilihan: PemilihanContext, id: string) {
    const rakor = await rakorRepo.findRakor(db, pemilihan.id, id);
    if (!rakor || !isRelated(actor, rakor.kode_wilayah)) throw notFound('Rakor');
    return rakor;
  }

  async function requireManageableRakor(actor: Actor, pemilihan: PemilihanContext, id: string) {
    const rakor = await requireRakor(actor, pemilihan, id);
    authorize(actor, 'koordinasi:manage', rakor.kode_wilayah);
    return rakor;
  }

  /** The region's own stage offsets, else the election's stages (its schedule or its kind's template). */
  async function tahapanOf(
    kabKota: string,
    pemilihan: PemilihanContext,
  ): Promise<{ template: readonly TahapanTemplate[]; adjusted: boolean }> {
    const region = await regionRepo.findRegion(db, pemilihan.id, kabKota);
    const own = region?.tahapan ?? null;
    return own === null
      ? { template: templateOf(pemilihan.tahapan, pemilihan.hariPemungutan), adjusted: false }
      : { template: own, adjusted: true };
  }

  /** The region's Forkopimda setting, or the defaults (definitive head, Polres, no Lanal). */
  async function forkopimdaOf(kode: string | null): Promise<ForkopimdaSetting> {
    if (kode === null) return DEFAULT_FORKOPIMDA;
    const region = await regionRepo.findForkopimda(db, kode);
    if (!region) return DEFAULT_FORKOPIMDA;
    return {
      statusKepalaDaerah: region.status_kepala_daerah,
      satuanPolri: region.satuan_polri,
      adaLanal: region.ada_lanal,
    };
  }

  return { db, deps, now, today, requireRakor, requireManageableRakor, tahapanOf, forkopimdaOf };
}
export type KoordinasiContext = ReturnType<typeof createKoordinasiContext>;
