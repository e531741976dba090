/** The campaign's rows as the API answers them (contracts/kampanye.ts). */
import type { Kegiatan, Paslon, Posko } from '../../../contracts/kampanye';
import type { Tugas } from '../../../contracts/pengamanan';
import type * as repo from './kampanye.repo';

function paslonRef(row: { paslon_id: string | null; nomor_urut: number | null; nama_paslon: string | null }) {
  return row.paslon_id === null
    ? null
    : { id: row.paslon_id, nomorUrut: row.nomor_urut!, nama: row.nama_paslon! };
}

export function toPaslon(row: repo.PaslonRow): Paslon {
  return {
    id: row.id,
    kodeWilayah: row.kode_wilayah,
    namaWilayah: row.nama_wilayah,
    nomorUrut: row.nomor_urut,
    nama: row.nama,
  };
}

export function toPosko(row: repo.PoskoRow, tugas: Tugas | null): Posko {
  return {
    id: row.id,
    paslon: { id: row.paslon_id, nomorUrut: row.nomor_urut, nama: row.nama_paslon },
    nama: row.nama,
    kodeWilayah: row.kode_wilayah,
    namaWilayah: row.nama_wilayah,
    lat: row.lat,
    lon: row.lon,
    alamat: row.alamat,
    kontakNama: row.kontak_nama,
    kontakTelepon: row.kontak_telepon,
    jagaMulai: row.jaga_mulai?.toISOString() ?? null,
    jagaSelesai: row.jaga_selesai?.toISOString() ?? null,
    kebutuhanPolri: row.kebutuhan_polri,
    personel: tugas?.petugas.reduce((n, p) => n + p.jumlah, 0) ?? 0,
    tugas,
    version: row.version,
  };
}

/** An event as listed, with what its kab/kota's other events and the plan say of it. */
export function toKegiatan(
  r: repo.KegiatanRow,
  said: Pick<Kegiatan, 'personel' | 'tugas' | 'flags' | 'bentrokDengan'>,
): Kegiatan {
  return {
    id: r.id,
    jenis: r.jenis,
    paslon: paslonRef(r),
    judul: r.judul,
    kodeWilayah: r.kode_wilayah,
    namaWilayah: r.nama_wilayah,
    tempat: r.tempat,
    alamat: r.alamat,
    mulaiAt: r.mulai_at.toISOString(),
    selesaiAt: r.selesai_at.toISOString(),
    sttpNomor: r.sttp_nomor,
    perkiraanMassa: r.perkiraan_massa,
    kontak: r.kontak,
    dibatalkan: r.dibatalkan_at !== null,
    ...said,
    version: r.version,
  };
}
