/** Voting-day rows as the API answers them (contracts/hari-h.ts). */
import type { Rollup } from '../../../contracts/hari-h';
import { partisipasiPersen } from '../../../domain/hari-h/rollup';
import { formatNamaTps } from '../../../domain/tps/kode-tps';
import type * as repo from './hari-h.repo';

export function toRollup(row: repo.RollupRow): Rollup {
  const perTahap = {
    petugas_hadir: row.petugas_hadir,
    logistik_lengkap: row.logistik_lengkap,
    dibuka: row.dibuka,
    pemungutan: row.pemungutan,
    ditutup: row.ditutup,
    penghitungan_selesai: row.penghitungan_selesai,
  };
  const reported = Object.values(perTahap).reduce((a, b) => a + b, 0);
  return {
    jumlahTps: row.tps,
    perTahap: { belum_lapor: row.tps - reported, ...perTahap },
    dpt: row.dpt,
    pemilih: row.pemilih,
    dptMelapor: row.dpt_pemilih_dilaporkan,
    partisipasi: partisipasiPersen(row.pemilih, row.dpt_pemilih_dilaporkan),
  };
}

/** One TPS on the board's list and map: its stage, turnout and latest security report. */
export function toTpsOnBoard(r: Awaited<ReturnType<typeof repo.findTpsStatusWithin>>[number]) {
  return {
    tpsId: r.id,
    kode: r.kode,
    nomor: r.nomor,
    nama: formatNamaTps(r.nomor),
    kodeWilayah: r.kode_wilayah,
    dpt: r.dpt_total,
    lat: r.lat,
    lon: r.lon,
    tahap: r.stage ?? 'belum_lapor',
    pemilih: r.pemilih,
    updatedAt: r.updated_at === null ? null : new Date(r.updated_at).toISOString(),
    situasi: r.situasi ?? null,
    situasiAt: r.situasi_at === null ? null : new Date(r.situasi_at).toISOString(),
  };
}
