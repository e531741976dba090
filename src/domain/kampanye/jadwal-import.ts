/**
 * Reading a campaign schedule sheet (CSV or XLSX, first sheet, one header row) into events, pure:
 * cells in, rows or row errors out, every problem reported so that one upload shows all
 * (docs/domain/kampanye.md). Areas, paslon and the election's stages are checked by the caller.
 */
import { parseWaktuSetempat } from '../time/waktu-setempat';
import { cellText, findColumns, normalizeHeader, type Cell, type SheetError } from '../sheet/cells';
import { normalizeKodeWilayah } from '../wilayah/kode-wilayah';
import { JENIS_KEGIATAN, type JenisKegiatan } from './kampanye';

export type JadwalColumn =
  | 'jenis'
  | 'nomorUrut'
  | 'judul'
  | 'kodeWilayah'
  | 'mulai'
  | 'selesai'
  | 'sttp'
  | 'massa'
  | 'lat'
  | 'lon'
  | 'alamat'
  | 'kontak';

/** Header aliases, compared after lower-casing and dropping everything but letters and digits. */
const ALIASES: Record<JadwalColumn, readonly string[]> = {
  jenis: ['jenis', 'jeniskegiatan', 'metode', 'metodekampanye', 'bentuk'],
  nomorUrut: ['nomorurut', 'nourut', 'paslon', 'nomorpaslon', 'nopaslon'],
  judul: ['judul', 'nama', 'namakegiatan', 'kegiatan', 'acara'],
  kodeWilayah: ['kodewilayah', 'kodekelurahan', 'kodedesa', 'kode', 'wilayah'],
  mulai: ['mulai', 'waktumulai', 'mulaiat', 'jammulai'],
  selesai: ['selesai', 'waktuselesai', 'selesaiat', 'jamselesai'],
  sttp: ['sttp', 'nomorsttp', 'nosttp'],
  massa: ['perkiraanmassa', 'massa', 'jumlahmassa', 'peserta'],
  lat: ['lat', 'latitude', 'lintang'],
  lon: ['lon', 'lng', 'longitude', 'bujur'],
  alamat: ['alamat', 'lokasi', 'tempat'],
  kontak: ['kontak', 'penanggungjawab', 'narahubung'],
};

const REQUIRED: readonly JadwalColumn[] = ['jenis', 'judul', 'kodeWilayah', 'mulai', 'selesai'];

const JENIS_ALIASES: Record<string, JenisKegiatan> = {
  rapatumum: 'rapat_umum',
  kampanyeakbar: 'rapat_umum',
  pertemuanterbatas: 'pertemuan_terbatas',
  tatapmuka: 'tatap_muka',
  pertemuantatapmuka: 'tatap_muka',
  pertemuantatapmukadandialog: 'tatap_muka',
  debat: 'debat',
  debatpublik: 'debat',
  debatterbuka: 'debat',
  kegiatanlain: 'kegiatan_lain',
  lainnya: 'kegiatan_lain',
};
for (const j of JENIS_KEGIATAN) JENIS_ALIASES[j.replace(/_/g, '')] = j;

export interface JadwalRow {
  row: number;
  jenis: JenisKegiatan;
  nomorUrut: number | null;
  judul: string;
  kodeWilayah: string;
  mulaiAt: Date;
  selesaiAt: Date;
  sttpNomor: string | null;
  perkiraanMassa: number | null;
  tempat: [number, number][];
  alamat: string | null;
  kontak: string | null;
}

/**
 * Rows of the sheet as events, or every error found; `zoneOffsetHours` reads local times (the formats:
 * domain/time/waktu-setempat.ts).
 */
export function parseJadwal(
  cells: readonly (readonly Cell[])[],
  zoneOffsetHours: number,
): { rows: JadwalRow[]; errors: SheetError[] } {
  const errors: SheetError[] = [];
  const index = findColumns(cells[0] ?? [], ALIASES, normalizeHeader);
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    return {
      rows: [],
      errors: missing.map((c) => ({ row: 1, column: c, value: '', reason: 'Kolom wajib tidak ada' })),
    };
  }
  const rows: JadwalRow[] = [];
  for (let r = 1; r < cells.length; r += 1) {
    const line = cells[r]!;
    const get = (c: JadwalColumn) => (index.has(c) ? cellText(line[index.get(c)!]) : '');
    if (line.every((c) => cellText(c) === '')) continue;
    const rowNo = r + 1;
    const fail = (column: JadwalColumn, reason: string) =>
      errors.push({ row: rowNo, column, value: get(column), reason });
    const before = errors.length;
    const jenis = JENIS_ALIASES[normalizeHeader(get('jenis'))];
    if (!jenis) fail('jenis', 'Jenis kegiatan tidak dikenal');
    const nomorText = get('nomorUrut');
    const nomorUrut = nomorText === '' ? null : Number(nomorText);
    if (nomorUrut !== null && (!Number.isInteger(nomorUrut) || nomorUrut < 1 || nomorUrut > 99))
      fail('nomorUrut', 'Nomor urut paslon harus 1-99');
    if (nomorUrut === null && jenis !== undefined && jenis !== 'debat')
      fail('nomorUrut', 'Nomor urut paslon wajib diisi (kosong hanya untuk debat)');
    const judul = get('judul');
    if (judul === '' || judul.length > 200)
      fail('judul', 'Nama kegiatan wajib diisi, paling banyak 200 karakter');
    const kode = normalizeKodeWilayah(get('kodeWilayah'));
    if (kode === null) fail('kodeWilayah', 'Kode wilayah tidak valid');
    const mulaiAt = parseWaktuSetempat(get('mulai'), zoneOffsetHours);
    const selesaiAt = parseWaktuSetempat(get('selesai'), zoneOffsetHours);
    if (!mulaiAt) fail('mulai', 'Waktu tidak terbaca (YYYY-MM-DD JJ:MM)');
    if (!selesaiAt) fail('selesai', 'Waktu tidak terbaca (YYYY-MM-DD JJ:MM)');
    if (mulaiAt && selesaiAt && selesaiAt <= mulaiAt)
      fail('selesai', 'Waktu selesai harus setelah waktu mulai');
    if (mulaiAt && selesaiAt && selesaiAt.getTime() - mulaiAt.getTime() > 7 * 86_400_000)
      fail('selesai', 'Satu kegiatan paling lama 7 hari');
    const massaText = get('massa');
    const massa = massaText === '' ? null : Number(massaText);
    if (massa !== null && (!Number.isInteger(massa) || massa < 0 || massa > 10_000_000))
      fail('massa', 'Perkiraan massa harus bilangan bulat 0 atau lebih');
    const latText = get('lat');
    const lonText = get('lon');
    const lat = latText === '' ? null : Number(latText.replace(',', '.'));
    const lon = lonText === '' ? null : Number(lonText.replace(',', '.'));
    if ((lat === null) !== (lon === null))
      fail(lat === null ? 'lat' : 'lon', 'Isi lintang dan bujur bersama');
    if (lat !== null && (!Number.isFinite(lat) || lat < -11.5 || lat > 6.5))
      fail('lat', 'Lintang di luar Indonesia');
    if (lon !== null && (!Number.isFinite(lon) || lon < 94.5 || lon > 141.5))
      fail('lon', 'Bujur di luar Indonesia');
    const sttp = get('sttp');
    const alamat = get('alamat');
    const kontak = get('kontak');
    if (sttp.length > 100) fail('sttp', 'Paling banyak 100 karakter');
    if (alamat.length > 300) fail('alamat', 'Paling banyak 300 karakter');
    if (kontak.length > 200) fail('kontak', 'Paling banyak 200 karakter');
    if (errors.length > before) continue;
    rows.push({
      row: rowNo,
      jenis: jenis!,
      nomorUrut,
      judul,
      kodeWilayah: kode!,
      mulaiAt: mulaiAt!,
      selesaiAt: selesaiAt!,
      sttpNomor: sttp === '' ? null : sttp,
      perkiraanMassa: massa,
      tempat: lat !== null && lon !== null ? [[lon, lat]] : [],
      alamat: alamat === '' ? null : alamat,
      kontak: kontak === '' ? null : kontak,
    });
  }
  return { rows, errors };
}
