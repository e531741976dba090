/**
 * Recapitulation venues (issue 13): the KPU operator or Kesbangpol sets where and when each PPK and
 * the KPU kab/kota recapitulate; each venue is a duty of the pengamanan plan (ADR 0016), to which the
 * Polres assigns units as to any other duty, and which the plan's shortfall counts. Rules in
 * src/domain/pemilihan/rekapitulasi.ts; docs/domain/pemilihan.md.
 */
import type { RekapList, RekapLokasiInput, RekapVenue } from '../../../contracts/rekapitulasi';
import type { Tugas } from '../../../contracts/pengamanan';
import { hasPermission } from '../../../domain/access/roles';
import { isRelated, type Actor } from '../../../domain/access/scope';
import {
  KEBUTUHAN_REKAP_DEFAULT,
  tahapanRekap,
  tingkatRekapOf,
  type TingkatRekap,
} from '../../../domain/pemilihan/rekapitulasi';
import { kabKotaOf } from '../../../domain/wilayah/kode-wilayah';
import type { Db } from '../../db/client';
import { DomainError, forbidden } from '../../errors';
import type { AuditLog } from '../../cross-cutting/audit-log';
import { authorize } from '../../cross-cutting/access';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { PengamananService } from '../pengamanan/pengamanan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
import * as repo from './rekapitulasi.repo';
import { venueOf } from './rekapitulasi.view';

function namaTugas(tingkat: TingkatRekap, nama: string): string {
  return tingkat === 'ppk' ? `Rekapitulasi PPK ${nama}` : `Rekapitulasi KPU ${nama}`;
}

export function createRekapitulasiService(deps: {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  pengamanan: Pick<PengamananService, 'simpanTugas' | 'tugasUntukSumber'>;
}) {
  const { db } = deps;

  return {
    /**
     * The venues of a kab/kota (asked by its code or one of its kecamatan's): the KPU kab/kota's and
     * each PPK's the reader may see (a camat, lurah or Babinsa: the KPU's and their own kecamatan's).
     * The guarding units are for readers of the pengamanan plan.
     */
    async list(actor: Actor, pemilihan: PemilihanContext, kode: string): Promise<RekapList> {
      if (!hasPermission(actor.role, 'koordinasi:read')) throw forbidden();
      const kabKota = kabKotaOf(kode);
      if (kabKota === null)
        throw new DomainError('validation', 'Pilih kabupaten/kota atau kecamatan', { field: 'kode' });
      if (!isRelated(actor, kabKota)) throw forbidden('Wilayah ini di luar cakupan Anda');
      const wilayah = await deps.wilayah.require(kabKota);
      const kecamatan = await deps.wilayah.children(actor, kabKota);
      const areas = [
        { kode: kabKota, nama: wilayah.nama },
        ...kecamatan.map((k) => ({ kode: k.kode, nama: k.nama })),
      ];
      const rows = new Map(
        (await repo.findVenues(db, pemilihan.id, kabKota)).map((r) => [r.kode_wilayah, r]),
      );
      const tugas = hasPermission(actor.role, 'pengamanan:read')
        ? await deps.pengamanan.tugasUntukSumber(
            pemilihan,
            'rekapitulasi',
            [...rows.values()].map((r) => r.id),
          )
        : new Map<string, Tugas>();
      return {
        kodeWilayah: kabKota,
        namaWilayah: wilayah.nama,
        items: areas.map((a) => {
          const row = rows.get(a.kode);
          return venueOf(pemilihan, a, row, row ? tugas.get(row.id) : undefined);
        }),
        kebutuhanDefault: KEBUTUHAN_REKAP_DEFAULT,
      };
    },

    /**
     * Sets where and when an area's recapitulation is held and how many personnel guard it, in one
     * transaction with its duty in the plan (a window that would put an assigned unit at two places at
     * once is refused with the plan's `double_booked`, and nothing is written).
     */
    async put(
      actor: Actor,
      pemilihan: PemilihanContext,
      kode: string,
      input: RekapLokasiInput,
    ): Promise<RekapVenue> {
      const tingkat = tingkatRekapOf(kode);
      if (tingkat === null) {
        throw new DomainError(
          'validation',
          'Rekapitulasi diadakan di kecamatan (PPK) atau kabupaten/kota (KPU)',
          { field: 'kode' },
        );
      }
      authorize(actor, 'koordinasi:manage', kode);
      if (tahapanRekap(tingkat, pemilihan.tahapan) === null) {
        throw new DomainError('invalid_state', `${pemilihan.nama} tidak punya tahap rekapitulasi`);
      }
      const area = await deps.wilayah.require(kode);
      const row = await db.transaction().execute(async (trx) => {
        const before = await repo.findVenueForUpdate(trx, pemilihan.id, kode);
        if (before && input.version !== undefined && before.version !== input.version) {
          throw new DomainError(
            'conflict',
            'Lokasi rekapitulasi ini baru saja diubah orang lain; muat ulang',
            {
              field: 'version',
            },
          );
        }
        const after = await repo.upsertVenue(trx, {
          pemilihan_id: pemilihan.id,
          kode_wilayah: kode,
          tempat: input.tempat,
          alamat: input.alamat,
          mulai: new Date(input.mulai),
          selesai: new Date(input.selesai),
          updated_by: actor.userId,
        });
        await deps.audit.record(trx, actor, {
          action: before ? 'update' : 'create',
          entity: 'rekap_lokasi',
          entityId: after.id,
          kodeWilayah: kode,
          before: before ?? null,
          after: { ...after, kebutuhan: input.kebutuhan },
        });
        await deps.pengamanan.simpanTugas(trx, actor, pemilihan, {
          jenis: 'rekapitulasi',
          sumberId: after.id,
          kodeWilayah: kode,
          nama: namaTugas(tingkat, area.nama),
          mulai: after.mulai,
          selesai: after.selesai,
          kebutuhan: input.kebutuhan,
        });
        return after;
      });
      const tugas = hasPermission(actor.role, 'pengamanan:read')
        ? (await deps.pengamanan.tugasUntukSumber(pemilihan, 'rekapitulasi', [row.id])).get(row.id)
        : undefined;
      return venueOf(pemilihan, { kode, nama: area.nama }, row, tugas);
    },
  };
}

export type RekapitulasiService = ReturnType<typeof createRekapitulasiService>;
