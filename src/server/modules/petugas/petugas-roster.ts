/**
 * A TPS's people: completeness, each officer masked as the reader's access says, the fatigue
 * warnings with a suggested relief, the officer incidents; every read of unmasked personal data is
 * audited (UU 27/2022).
 */
import type { TpsRoster } from '../../../contracts/petugas';
import { hasPermission } from '../../../domain/access/roles';
import type { Actor } from '../../../domain/access/scope';
import {
  SUSUNAN_KOSONG,
  kekuranganTps,
  tambahSusunan,
  type SusunanTps,
} from '../../../domain/petugas/petugas';
import { jamBertugas, sarankanPengganti, shiftsOf } from '../../../domain/petugas/kelelahan';
import { SANTUNAN } from '../../../domain/petugas/insiden';
import { formatNamaTps } from '../../../domain/tps/kode-tps';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { aksesOf, type PetugasContext } from './petugas-context';
import * as hadirRepo from './petugas-hadir.repo';
import * as kesehatanRepo from './petugas-kesehatan.repo';
import * as repo from './petugas.repo';
import { eventsByPetugas, toDate, viewOf } from './petugas.view';

export function createRosterUseCase(ctx: PetugasContext) {
  const { deps, db, aturanOf, readableTps } = ctx;
  return {
    /** A TPS's people: completeness, each officer (masked as the reader's access says), warnings. */
    async roster(
      actor: Actor,
      pemilihan: PemilihanContext,
      tpsId: string,
      options: { luring?: boolean } = {},
    ): Promise<TpsRoster> {
      const { tps, own } = await readableTps(actor, pemilihan, tpsId);
      // The copy a phone keeps for offline check-in (docs/domain/petugas.md §Data di ponsel): what
      // check-in needs and nothing more, as anyone without identity or health access sees it.
      const akses = options.luring ? { identitas: false, kesehatan: false } : aksesOf(actor, own, tps.id);
      const [rows, aturan, insiden, cadangan] = await Promise.all([
        repo.findPetugasOfTps(db, pemilihan.id, tps.id),
        aturanOf(db, tps.kode_wilayah),
        kesehatanRepo.findInsidenOfTps(db, pemilihan.id, tps.id),
        repo.findCadanganOfDesa(db, pemilihan.id, tps.kode_wilayah),
      ]);
      const hadir = await hadirRepo.findHadirOf(
        db,
        pemilihan.id,
        [...rows, ...cadangan].map((r) => r.id),
      );
      const events = eventsByPetugas(hadir);
      const now = deps.clock.now().getTime();
      const petugas = rows
        .map((r) => viewOf(r, akses, events.get(r.id) ?? [], aturan, now, pemilihan.hariPemungutan))
        .map((p) => (options.luring ? { ...p, jenisKelamin: null } : p));
      let susunan: SusunanTps = SUSUNAN_KOSONG;
      for (const p of petugas) susunan = tambahSusunan(susunan, p);
      const calon = [
        ...petugas.map((p) => ({
          id: p.id,
          nama: p.nama,
          jenis: p.jenis,
          jabatan: p.jabatan,
          tpsId: p.tpsId,
          kodeWilayah: p.kodeWilayah,
          hasilSkrining: rows.find((r) => r.id === p.id)?.hasil ?? null,
          jam: p.jam,
          sedangBertugas: p.sedangBertugas,
        })),
        ...cadangan.map((c) => {
          const shifts = shiftsOf(events.get(c.id) ?? []);
          return {
            id: c.id,
            nama: c.nama,
            jenis: c.jenis,
            jabatan: c.jabatan,
            tpsId: null,
            kodeWilayah: c.kode_wilayah,
            hasilSkrining: c.hasil,
            jam: jamBertugas(shifts, now),
            sedangBertugas: shifts.some((s) => s.keluar === null),
          };
        }),
      ];
      const peringatan = petugas
        .filter((p) => p.kelelahan !== 'normal')
        .map((p) => ({
          petugasId: p.id,
          nama: p.nama,
          tingkat: p.kelelahan as 'peringatan' | 'bahaya',
          jam: p.jam,
          pengganti: sarankanPengganti(p, calon, aturan).map((c) => ({
            id: c.id,
            nama: calon.find((x) => x.id === c.id)!.nama,
            jabatan: c.jabatan,
            jam: c.jam,
          })),
        }));
      // UU 27/2022: every read of unmasked personal data leaves a trace of who read whose, when.
      if ((akses.identitas || akses.kesehatan) && rows.length > 0) {
        await deps.audit.record(db, actor, {
          action: 'baca_data_pribadi',
          entity: 'petugas_tps',
          entityId: tps.id,
          kodeWilayah: tps.kode_wilayah,
          before: null,
          after: {
            pemilihanId: pemilihan.id,
            petugas: rows.length,
            identitas: akses.identitas,
            kesehatan: akses.kesehatan,
          },
        });
      }
      return {
        tps: {
          id: tps.id,
          kode: tps.kode,
          nama: formatNamaTps(tps.nomor),
          kodeWilayah: tps.kode_wilayah,
          namaDesa: tps.nama_desa,
        },
        susunan,
        lengkap: kekuranganTps(susunan).length === 0,
        kekurangan: kekuranganTps(susunan),
        petugas,
        peringatan,
        insiden: insiden.map((i) => ({
          id: i.id,
          petugasId: i.petugas_id,
          kejadianId: i.kejadian_id,
          kondisi: akses.kesehatan ? i.kondisi : null,
          penanganan: akses.kesehatan ? i.penanganan : null,
          fasilitas: akses.kesehatan ? i.fasilitas : null,
          santunanJenis: i.santunan_jenis,
          santunanStatus: i.santunan_status,
          santunanRupiah: i.santunan_jenis === null ? null : SANTUNAN[i.santunan_jenis],
          terjadiAt: toDate(i.terjadi_at).toISOString(),
          version: i.version,
        })),
        aturan,
        akses: {
          ...akses,
          hadir:
            hasPermission(actor.role, 'petugas:hadir') &&
            (actor.role !== 'operator' || actor.agency === 'kpu') &&
            (actor.role !== 'kpps' || own.has(tps.id)),
          kelola: hasPermission(actor.role, 'petugas:manage'),
          insiden: hasPermission(actor.role, 'kejadian:report'),
        },
      };
    },
  };
}
