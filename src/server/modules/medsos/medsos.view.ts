/** Rows of media sosial as the contract's shapes. */
import type { BuktiItem, MedsosListItem, TakedownView } from '../../../contracts/medsos';
import { takedownMinutes } from '../../../domain/medsos/medsos';
import type * as repo from './medsos.repo';

type ListRow = Awaited<ReturnType<typeof repo.findPostPage>>['rows'][number];

const iso = (d: Date | string): string => new Date(d).toISOString();

/** The first words of a post's text, for lists (the whole text is in the detail). */
function ringkasanOf(teks: string): string {
  const flat = teks.replace(/\s+/g, ' ').trim();
  return flat.length <= 160 ? flat : `${flat.slice(0, 157)}…`;
}

export function toListItem(row: ListRow): MedsosListItem {
  return {
    id: row.id,
    platform: row.platform,
    akun: row.akun,
    url: row.url,
    urlNormal: row.url_normal,
    ringkasan: ringkasanOf(row.teks),
    dilihatAt: iso(row.dilihat_at),
    kodeWilayah: row.kode_wilayah,
    namaWilayah: row.nama_wilayah,
    kategori: row.kategori,
    status: row.status,
    jumlahBukti: Number(row.jumlah_bukti),
    jumlahKejadian: Number(row.jumlah_kejadian),
    takedown: row.takedown_status,
    version: row.version,
  };
}

export function toBukti(row: NonNullable<Awaited<ReturnType<typeof repo.findBuktiOne>>>): BuktiItem {
  return {
    id: row.id,
    sha256: row.sha256,
    mime: row.mime,
    sizeBytes: row.size_bytes,
    namaBerkas: row.nama_berkas,
    diambilOleh: row.diambil_oleh,
    diambilAt: iso(row.diambil_at),
    uploadedAt: iso(row.uploaded_at),
  };
}

export function toTakedown(row: repo.TakedownRow, now: Date): TakedownView {
  const status = row.status;
  return {
    id: row.id,
    tujuan: row.tujuan,
    status,
    nomor: row.nomor,
    catatan: row.catatan,
    diajukanAt: iso(row.diajukan_at),
    diprosesAt: row.diproses_at === null ? null : iso(row.diproses_at),
    selesaiAt: row.selesai_at === null ? null : iso(row.selesai_at),
    menit: takedownMinutes(
      {
        status,
        diajukanAt: new Date(row.diajukan_at),
        selesaiAt: row.selesai_at === null ? null : new Date(row.selesai_at),
      },
      now,
    ),
    version: row.version,
  };
}
