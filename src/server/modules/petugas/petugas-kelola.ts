/**
 * The roster kept by hand (the KPU's operator): one officer entered, one changed against the version
 * read. NIK, phone and birth date only by those who may see them; audited without personal data.
 */
import type { PetugasCreateInput, PetugasUpdateInput } from '../../../contracts/petugas';
import type { Actor } from '../../../domain/access/scope';
import {
  SUSUNAN_KOSONG,
  isPerTps,
  levelOf,
  melebihiDengan,
  tambahSusunan,
  type JabatanPetugas,
  type JenisPetugas,
} from '../../../domain/petugas/petugas';
import { checkNik, normalizeTelepon } from '../../../domain/petugas/data-pribadi';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { isUniqueViolation } from '../../db/pg-errors';
import { authorize } from '../../cross-cutting/access';
import { DomainError, forbidden } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { aksesOf, type PetugasContext } from './petugas-context';
import * as repo from './petugas.repo';

/** A phone number as Siaga keeps it (08…), null when none was given; refuses one of the wrong shape. */
function teleponOf(input: string | null): string | null {
  if (input === null || input === '') return null;
  const telepon = normalizeTelepon(input);
  if (telepon === null) {
    throw new DomainError('validation', 'Nomor HP harus 08… atau +628…, 10 sampai 13 angka', {
      field: 'telepon',
    });
  }
  return telepon;
}

function requireNik(nik: string): void {
  const checked = checkNik(nik);
  if (!checked.ok) throw new DomainError('validation', checked.reason, { field: 'nik' });
}

/** Linmas and pengawas TPS have no chair (KEBUTUHAN_TPS, docs/domain/petugas.md). */
function requireJabatanOf(jenis: JenisPetugas, jabatan: JabatanPetugas): void {
  if ((jenis === 'linmas' || jenis === 'pengawas_tps') && jabatan === 'ketua') {
    throw new DomainError('validation', 'Linmas dan pengawas TPS tidak punya ketua', { field: 'jabatan' });
  }
}

/** A NIK already serving in the election: a person serves once. */
function nikTerdaftar(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new DomainError('conflict', 'NIK ini sudah terdaftar sebagai petugas pada pemilihan ini', {
      field: 'nik',
    });
  }
  throw error;
}

/** NIK, phone and birth date are entered and changed only by those who may see them (UU 27/2022). */
const IDENTITAS_TERLARANG =
  'NIK, nomor HP dan tanggal lahir petugas hanya diisi oleh yang berwenang melihatnya (KPU)';

export function createKelolaUseCases(ctx: PetugasContext) {
  const { deps, db, actionable } = ctx;
  return {
    /** Enters one officer (audited without the NIK). */
    async create(actor: Actor, pemilihan: PemilihanContext, input: PetugasCreateInput) {
      authorize(actor, 'petugas:manage', input.kodeWilayah);
      if (!aksesOf(actor, new Set(), input.tpsId).identitas) throw forbidden(IDENTITAS_TERLARANG);
      requireNik(input.nik);
      const telepon = teleponOf(input.telepon);
      const parsed = parseKodeWilayah(input.kodeWilayah);
      if (!parsed.ok || parsed.value.level !== levelOf(input.jenis)) {
        throw new DomainError(
          'validation',
          input.jenis === 'ppk'
            ? 'PPK bertugas di satu kecamatan'
            : 'Pilih kelurahan/desa tempat petugas bertugas',
          { field: 'kodeWilayah' },
        );
      }
      await deps.wilayah.requireKnown({ kodeWilayah: input.kodeWilayah });
      if (isPerTps(input.jenis) && input.tpsId === null && input.jabatan !== 'cadangan') {
        throw new DomainError('validation', 'Pilih TPS tempat petugas bertugas', { field: 'tpsId' });
      }
      if (!isPerTps(input.jenis) && input.tpsId !== null) {
        throw new DomainError('validation', 'PPS dan PPK tidak bertugas di satu TPS', { field: 'tpsId' });
      }
      requireJabatanOf(input.jenis, input.jabatan);
      return db.transaction().execute(async (trx) => {
        if (input.tpsId !== null) {
          const tps = await repo.findTps(trx, pemilihan.id, input.tpsId);
          if (!tps || !tps.dalam_pemilihan || tps.kode_wilayah !== input.kodeWilayah) {
            throw new DomainError(
              'validation',
              'TPS ini tidak ada di kelurahan/desa itu pada pemilihan ini',
              {
                field: 'tpsId',
              },
            );
          }
          let susunan = SUSUNAN_KOSONG;
          for (const p of await repo.findPetugasOfTps(trx, pemilihan.id, input.tpsId)) {
            susunan = tambahSusunan(susunan, {
              jenis: p.jenis,
              jabatan: p.jabatan,
            });
          }
          if (melebihiDengan(susunan, input) !== null) {
            throw new DomainError('invalid_state', 'TPS ini sudah lengkap untuk jabatan itu', {
              field: 'jabatan',
            });
          }
        }
        let id: string;
        try {
          ({ id } = await repo.insertPetugas(trx, {
            pemilihan_id: pemilihan.id,
            jenis: input.jenis,
            jabatan: input.jabatan,
            kode_wilayah: input.kodeWilayah,
            tps_id: input.tpsId,
            nama: input.nama,
            nik: input.nik,
            telepon,
            tanggal_lahir: input.tanggalLahir,
            jenis_kelamin: input.jenisKelamin,
            created_by: actor.userId,
          }));
        } catch (error) {
          nikTerdaftar(error);
        }
        await deps.audit.record(trx, actor, {
          action: 'create',
          entity: 'petugas',
          entityId: id,
          kodeWilayah: input.kodeWilayah,
          before: null,
          // Personal data stays out of the audit trail: who, what duty, where.
          after: {
            jenis: input.jenis,
            jabatan: input.jabatan,
            tpsId: input.tpsId,
            pemilihanId: pemilihan.id,
          },
        });
        return { id };
      });
    },

    /**
     * Changes one officer (the KPU's operator correcting a name, a NIK, a chair): the fields given,
     * against the version read; identity only by those who see it. Audited with the names of the
     * fields changed, never their values.
     */
    async ubah(actor: Actor, pemilihan: PemilihanContext, petugasId: string, input: PetugasUpdateInput) {
      return db.transaction().execute(async (trx) => {
        const { row, akses } = await actionable(trx, actor, pemilihan, petugasId);
        authorize(actor, 'petugas:manage', row.kode_wilayah);
        const identitas =
          input.nik !== undefined || input.telepon !== undefined || input.tanggalLahir !== undefined;
        if (identitas && !akses.identitas) throw forbidden(IDENTITAS_TERLARANG);
        if (input.nik !== undefined) requireNik(input.nik);
        const jenis = row.jenis;
        const jabatan = input.jabatan ?? row.jabatan;
        requireJabatanOf(jenis, jabatan);
        if (row.tps_id !== null && jabatan !== row.jabatan) {
          let susunan = SUSUNAN_KOSONG;
          for (const p of await repo.findPetugasOfTps(trx, pemilihan.id, row.tps_id)) {
            if (p.id === row.id) continue;
            susunan = tambahSusunan(susunan, {
              jenis: p.jenis,
              jabatan: p.jabatan,
            });
          }
          if (melebihiDengan(susunan, { jenis, jabatan }) !== null) {
            throw new DomainError('invalid_state', 'TPS ini sudah lengkap untuk jabatan itu', {
              field: 'jabatan',
            });
          }
        }
        const values = {
          jabatan,
          nama: input.nama ?? row.nama,
          nik: input.nik ?? row.nik,
          telepon: input.telepon === undefined ? row.telepon : teleponOf(input.telepon),
          tanggal_lahir:
            input.tanggalLahir === undefined
              ? row.tanggal_lahir === null
                ? null
                : String(row.tanggal_lahir).slice(0, 10)
              : input.tanggalLahir,
          jenis_kelamin: input.jenisKelamin === undefined ? row.jenis_kelamin : input.jenisKelamin,
        };
        let updated: { version: number } | undefined;
        try {
          updated = await repo.updatePetugas(trx, row.id, input.version, values);
        } catch (error) {
          nikTerdaftar(error);
        }
        if (!updated) {
          throw new DomainError('conflict', 'Petugas ini sudah diubah orang lain; muat ulang', {
            field: 'version',
          });
        }
        const diubah = (Object.keys(input) as (keyof PetugasUpdateInput)[]).filter((k) => k !== 'version');
        await deps.audit.record(trx, actor, {
          action: 'update',
          entity: 'petugas',
          entityId: row.id,
          kodeWilayah: row.kode_wilayah,
          // Personal data stays out of the audit trail: which fields changed, and the duty.
          before: { jabatan: row.jabatan },
          after: { jabatan, diubah, pemilihanId: pemilihan.id },
        });
        return { id: row.id, version: updated.version };
      });
    },
  };
}
