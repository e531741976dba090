/** Joint patrols as the API answers them (contracts/patroli.ts). */
import type { Patroli } from '../../../contracts/patroli';
import type { Tugas } from '../../../contracts/pengamanan';
import { aksesRutePatroli } from '../../../domain/access/rute-patroli';
import type { Actor } from '../../../domain/access/scope';
import type * as repo from './patroli.repo';

/** The route, targets, log and escort are need-to-know (domain/access/rute-patroli.ts). */
export function toPatroli(
  actor: Actor,
  row: repo.PatroliRow,
  loaded: {
    names: ReadonlyMap<string, { nama: string }>;
    log: readonly repo.LogRow[] | null;
    tugas: ReadonlyMap<string, Tugas>;
    bisaJalankan: boolean;
  },
): Patroli {
  const { names, log, tugas } = loaded;
  const akses = aksesRutePatroli(actor, { unsur: row.unsur });
  const penuh = akses === 'penuh';
  return {
    id: row.id,
    nama: row.nama,
    kodeWilayah: row.kode_wilayah,
    namaWilayah: row.nama_wilayah,
    unsur: row.unsur,
    tujuan: row.tujuan,
    mulaiAt: row.mulai_at.toISOString(),
    selesaiAt: row.selesai_at.toISOString(),
    status: row.status,
    akses,
    jumlahTitik: Number(row.jumlah_titik ?? 0),
    jumlahTemuan: Number(row.jumlah_temuan ?? 0),
    sasaran: penuh ? row.sasaran.map((kode) => ({ kode, nama: names.get(kode)?.nama ?? kode })) : null,
    log:
      log?.map((l) => ({
        id: l.id,
        aksi: l.aksi,
        dicatatAt: l.dicatat_at.toISOString(),
        kodeWilayah: l.kode_wilayah,
        namaWilayah: l.nama_wilayah,
        lat: l.lat,
        lon: l.lon,
        uraian: l.uraian,
        kategori: l.kategori,
        kejadianId: l.kejadian_id,
      })) ?? null,
    bisaJalankan: loaded.bisaJalankan,
    // Who escorts it is part of the route's need-to-know.
    tugas: penuh ? (tugas.get(row.id) ?? null) : null,
  };
}
