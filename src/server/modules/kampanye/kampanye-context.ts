/**
 * What the use cases of the campaign share: the places and paslon an event or posko may name, where
 * an event falls among the election's stages, an event's duty in the security plan, and the
 * create-once rule for client ids.
 */
import type { Insertable } from 'kysely';
import type { Actor } from '../../../domain/access/scope';
import { kebutuhanPersonel, masaKegiatan } from '../../../domain/kampanye/kampanye';
import { todayIn } from '../../../domain/time/zona';
import { isWithinWilayah, parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import type { AuditLog } from '../../cross-cutting/audit-log';
import type { Clock } from '../../cross-cutting/clock';
import { createOnce } from '../../cross-cutting/create-once';
import type { Db } from '../../db/client';
import type { KampanyeKegiatanTable } from '../../db/schema';
import { DomainError } from '../../errors';
import type { KerawananService } from '../kerawanan/kerawanan.service';
import type { PengamananService } from '../pengamanan/pengamanan.service';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
import * as repo from './kampanye.repo';

/** Forces assigned to each event's duty in the security plan (the duty model); 0 when none. */
export type PersonelOf = (
  pemilihan: PemilihanContext,
  kegiatanIds: readonly string[],
) => Promise<Map<string, number>>;

export interface KampanyeDeps {
  db: Db;
  audit: AuditLog;
  clock: Clock;
  wilayah: WilayahService;
  kerawanan: Pick<KerawananService, 'kelurahanRawan'>;
  /** The duty model of the plan (ADR 0016): each event is a duty the Polres staffs. */
  pengamanan: Pick<PengamananService, 'simpanTugas' | 'hapusTugas' | 'tugasUntukSumber'>;
}

export const validation = (message: string, field: string, code: string) =>
  new DomainError('validation', message, { field, code });

/** The kab/kota holding an area (the clash search spans it: a neighbour's rally is still a clash). */
export function kabKotaOf(kode: string): string {
  return kode.split('.').slice(0, 2).join('.');
}

export function createKampanyeContext(deps: KampanyeDeps) {
  const { db } = deps;

  /** Registers (or updates) the event's duty in the plan, in the event's own transaction. */
  async function simpanTugas(
    trx: Db,
    actor: Actor,
    pemilihan: PemilihanContext,
    id: string,
    row: Insertable<KampanyeKegiatanTable>,
  ) {
    await deps.pengamanan.simpanTugas(trx, actor, pemilihan, {
      jenis: 'kampanye',
      sumberId: id,
      kodeWilayah: row.kode_wilayah,
      nama: row.judul,
      mulai: row.mulai_at,
      selesai: row.selesai_at,
      kebutuhan: kebutuhanPersonel(row.jenis, row.perkiraan_massa ?? null),
    });
  }

  /** Where an event's local days fall among the election's stages. */
  function masaOf(pemilihan: PemilihanContext, kode: string, mulaiAt: Date, selesaiAt: Date) {
    return masaKegiatan(
      pemilihan.tahapan,
      todayIn(kode, mulaiAt),
      todayIn(kode, new Date(selesaiAt.getTime() - 1)),
    );
  }

  /** A campaign event's place: a kecamatan or a kelurahan/desa that exists. */
  async function requirePlace(kode: string, field = 'kodeWilayah') {
    const parsed = parseKodeWilayah(kode);
    if (!parsed.ok || (parsed.value.level !== 'kecamatan' && parsed.value.level !== 'desa')) {
      throw validation('Pilih kecamatan atau kelurahan/desa tempat kegiatan', field, 'wilayah_terlalu_luas');
    }
    await deps.wilayah.requireKnown({ [field]: kode });
  }

  /** The paslon of this election whose contest covers the place. */
  async function requirePaslon(pemilihan: PemilihanContext, paslonId: string, kode: string) {
    const paslon = await repo.findPaslon(db, pemilihan.id, paslonId);
    if (!paslon)
      throw validation(
        'Pasangan calon tidak ditemukan pada pemilihan ini',
        'paslonId',
        'paslon_tidak_ditemukan',
      );
    if (!isWithinWilayah(kode, paslon.kode_wilayah)) {
      throw validation(
        `Tempat kegiatan di luar wilayah pemilihan ${paslon.nama_wilayah}`,
        'kodeWilayah',
        'di_luar_wilayah_paslon',
      );
    }
    return paslon;
  }

  /** A retried submission answers with its first copy (never one of another election). */
  async function once(
    find: () => Promise<{ id: string; pemilihan_id: string } | undefined>,
    pemilihan: PemilihanContext,
    write: () => Promise<string>,
  ): Promise<{ id: string; replayed: boolean }> {
    const { made, replayed } = await createOnce({ find, write, pemilihan, replay: (first) => first.id });
    return { id: made, replayed };
  }

  return { db, deps, simpanTugas, masaOf, requirePlace, requirePaslon, once };
}
export type KampanyeContext = ReturnType<typeof createKampanyeContext>;
