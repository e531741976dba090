/**
 * Officer incidents (fell ill, injured, died): reported as a kejadian through the kejadian service
 * without name or NIK, kept here with the follow-up and the compensation (health access only).
 */
import type { InsidenInput, InsidenUpdateInput } from '../../../contracts/petugas';
import { isInScope, type Actor } from '../../../domain/access/scope';
import { type JenisPetugas } from '../../../domain/petugas/petugas';
import {
  santunanDisarankan,
  type KondisiInsiden,
  type PenangananInsiden,
} from '../../../domain/petugas/insiden';
import { formatNamaTps } from '../../../domain/tps/kode-tps';
import { authorize } from '../../cross-cutting/access';
import { DomainError, forbidden, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { PetugasContext } from './petugas-context';
import * as kesehatanRepo from './petugas-kesehatan.repo';
import * as repo from './petugas.repo';

const LABEL_JENIS: Record<JenisPetugas, string> = {
  kpps: 'KPPS',
  pps: 'PPS',
  ppk: 'PPK',
  linmas: 'Linmas',
  pengawas_tps: 'Pengawas TPS',
};
const LABEL_KONDISI: Record<KondisiInsiden, string> = {
  sakit: 'jatuh sakit',
  cedera: 'cedera',
  meninggal: 'meninggal dunia',
};
const LABEL_PENANGANAN: Record<PenangananInsiden, string> = {
  di_tempat: 'ditangani di tempat',
  puskesmas: 'dirujuk ke Puskesmas',
  rumah_sakit: 'dibawa ke rumah sakit',
  pulang: 'dipulangkan',
  meninggal: 'meninggal dunia',
};

export function createInsidenUseCases(ctx: PetugasContext) {
  const { deps, db, actionable } = ctx;
  return {
    /**
     * An officer who fell ill, was injured or died: reported as a kejadian (kesehatan_petugas) through
     * the kejadian service, without name or NIK (incidents are read widely), then kept here with the
     * follow-up. A retry with the same client id answers with the first copy.
     */
    async laporInsiden(actor: Actor, pemilihan: PemilihanContext, input: InsidenInput) {
      const previous = await kesehatanRepo.findInsidenByClientId(db, input.clientId);
      if (previous) {
        if (previous.pemilihan_id !== pemilihan.id || previous.petugas_id !== input.petugasId) {
          throw new DomainError('conflict', 'clientId ini sudah dipakai untuk laporan lain', {
            field: 'clientId',
          });
        }
        return { id: previous.id, kejadianId: previous.kejadian_id, replayed: true };
      }
      const { row } = await actionable(db, actor, pemilihan, input.petugasId);
      authorize(actor, 'kejadian:report', row.kode_wilayah);
      const jabatan = row.jabatan === 'ketua' ? 'Ketua' : row.jabatan === 'cadangan' ? 'Cadangan' : 'Anggota';
      let tempat = '';
      if (row.tps_id !== null) {
        const tps = await repo.findTps(db, pemilihan.id, row.tps_id);
        if (tps) tempat = ` ${formatNamaTps(tps.nomor)}`;
      }
      const kejadian = await deps.kejadian.report(actor, pemilihan, {
        clientId: input.clientId,
        kategori: 'kesehatan_petugas',
        kodeWilayah: row.kode_wilayah,
        tpsId: row.tps_id,
        terjadiAt: input.terjadiAt,
        uraian: `${jabatan} ${LABEL_JENIS[row.jenis]}${tempat} ${LABEL_KONDISI[input.kondisi]}, ${LABEL_PENANGANAN[input.penanganan]}.`,
        keparahan: input.kondisi === 'meninggal' ? 'kritis' : undefined,
        terbatas: false,
        pelaporRahasia: false,
      });
      return db.transaction().execute(async (trx) => {
        const inserted = await kesehatanRepo.insertInsiden(trx, {
          client_id: input.clientId,
          pemilihan_id: pemilihan.id,
          petugas_id: row.id,
          kejadian_id: kejadian.id,
          kondisi: input.kondisi,
          penanganan: input.penanganan,
          fasilitas: input.fasilitas,
          santunan_jenis: santunanDisarankan(input.kondisi),
          catatan: input.catatan,
          terjadi_at: input.terjadiAt,
          created_by: actor.userId,
        });
        if (!inserted) {
          const first = await kesehatanRepo.findInsidenByClientId(trx, input.clientId);
          return { id: first!.id, kejadianId: first!.kejadian_id, replayed: true };
        }
        await deps.audit.record(trx, actor, {
          action: 'insiden',
          entity: 'petugas',
          entityId: row.id,
          kodeWilayah: row.kode_wilayah,
          before: null,
          after: { insidenId: inserted.id, kejadianId: kejadian.id, pemilihanId: pemilihan.id },
        });
        return { id: inserted.id, kejadianId: kejadian.id, replayed: false };
      });
    },

    /** Follow-up of an officer incident: where they were taken, compensation (health access only). */
    async ubahInsiden(actor: Actor, pemilihan: PemilihanContext, id: string, input: InsidenUpdateInput) {
      return db.transaction().execute(async (trx) => {
        const found = await kesehatanRepo.findInsiden(trx, id);
        if (!found || found.pemilihan_id !== pemilihan.id || !isInScope(actor, found.kode_wilayah)) {
          throw notFound('Insiden petugas');
        }
        const { akses } = await actionable(trx, actor, pemilihan, found.petugas_id);
        authorize(actor, 'petugas:kesehatan', found.kode_wilayah);
        if (!akses.kesehatan)
          throw forbidden('Tindak lanjut insiden petugas hanya untuk KPU, Dinas Kesehatan dan ketua KPPS');
        const next = {
          penanganan: input.penanganan ?? found.penanganan,
          fasilitas: input.fasilitas ?? found.fasilitas,
          santunan_jenis: input.santunanJenis === undefined ? found.santunan_jenis : input.santunanJenis,
          santunan_status: input.santunanStatus ?? found.santunan_status,
          catatan: input.catatan ?? found.catatan,
        };
        if (next.santunan_status !== 'belum' && next.santunan_jenis === null) {
          throw new DomainError('validation', 'Pilih jenis santunan sebelum mengajukannya', {
            field: 'santunanJenis',
          });
        }
        const updated = await kesehatanRepo.updateInsiden(trx, id, input.version, next);
        if (!updated)
          throw new DomainError('conflict', 'Insiden ini sudah diubah orang lain; muat ulang', {
            field: 'version',
          });
        await deps.audit.record(trx, actor, {
          action: 'update',
          entity: 'petugas_insiden',
          entityId: id,
          kodeWilayah: found.kode_wilayah,
          // Compensation and its status are not health data; where they were treated is.
          before: { santunanJenis: found.santunan_jenis, santunanStatus: found.santunan_status },
          after: { santunanJenis: next.santunan_jenis, santunanStatus: next.santunan_status },
        });
        return { id, version: updated.version };
      });
    },
  };
}
