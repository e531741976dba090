/**
 * Reading a monitoring team's sheet (CSV/XLSX, first sheet, one header row): one post per row. Every
 * bad row is reported with its spreadsheet row number; nothing is half-read (docs/domain/medsos.md
 * §Impor). Columns (case-insensitive, aliases): url, akun, platform, teks, dilihat, kecamatan,
 * kelurahan, klasifikasi.
 */
import { parseWaktuSetempat } from '../time/waktu-setempat';
import { cellText, findColumns, underscoreKey, type Cell, type SheetError } from '../sheet/cells';
import { KATEGORI_MEDSOS, type KategoriMedsos } from './medsos';
import { normaliseUrl, PLATFORM, type Platform } from './url';

export interface ImporRow {
  row: number;
  url: string;
  urlNormal: string;
  platform: Platform;
  akun: string;
  teks: string;
  dilihatAt: Date;
  /** The kelurahan or kecamatan named, else the import's own area. */
  kodeWilayah: string;
  kategori: KategoriMedsos;
}

/** The areas of the import's kab/kota a row may name, by code or by name (lower case). */
export interface ImporAreas {
  kodeKabKota: string;
  kecamatan: ReadonlyMap<string, string>;
  /** kelurahan/desa code → its kecamatan code */
  kelurahanOf: ReadonlyMap<string, string>;
  byName: ReadonlyMap<string, readonly string[]>;
}

const HEADERS: Record<string, readonly string[]> = {
  url: ['url', 'link', 'tautan', 'alamat', 'alamat_unggahan'],
  akun: ['akun', 'nama_akun', 'account', 'pengunggah'],
  platform: ['platform', 'media', 'medsos'],
  teks: ['teks', 'isi', 'konten', 'narasi', 'text'],
  dilihat: ['dilihat', 'waktu', 'waktu_dilihat', 'tanggal', 'ditemukan'],
  kecamatan: ['kecamatan', 'kode_kecamatan'],
  kelurahan: ['kelurahan', 'desa', 'kelurahan_desa', 'kode_kelurahan'],
  klasifikasi: ['klasifikasi', 'kategori', 'jenis'],
};

const KATEGORI_ALIASES: Record<string, KategoriMedsos> = {
  hoaks: 'hoaks',
  hoax: 'hoaks',
  sara: 'sara',
  ujaran_kebencian: 'ujaran_kebencian',
  hate_speech: 'ujaran_kebencian',
  provokasi: 'provokasi',
  kampanye_hitam: 'kampanye_hitam',
  black_campaign: 'kampanye_hitam',
  politik_uang: 'politik_uang',
  money_politics: 'politik_uang',
};

/**
 * A time as written in the sheet, on the region's clock (`offsetHours`): the one rule of every
 * import (domain/time/waktu-setempat.ts), under the name this module's tests know.
 */
export const parseWaktu = parseWaktuSetempat;

function resolveArea(
  value: string,
  areas: ImporAreas,
  level: 'kecamatan' | 'kelurahan',
  withinKecamatan: string | null,
): string | { reason: string } {
  const isCode = /^[\d.]+$/.test(value);
  const known = level === 'kecamatan' ? areas.kecamatan : areas.kelurahanOf;
  if (isCode) {
    if (!known.has(value)) return { reason: `kode ${level} tidak ada di kab/kota ini` };
    if (level === 'kelurahan' && withinKecamatan !== null && areas.kelurahanOf.get(value) !== withinKecamatan)
      return { reason: `kelurahan/desa ini tidak berada di kecamatan ${withinKecamatan}` };
    return value;
  }
  const candidates = (areas.byName.get(value.toLowerCase()) ?? []).filter(
    (k) =>
      known.has(k) &&
      (level === 'kecamatan' || withinKecamatan === null || areas.kelurahanOf.get(k) === withinKecamatan),
  );
  if (candidates.length === 0) return { reason: `${level} tidak dikenal di kab/kota ini` };
  if (candidates.length > 1) return { reason: 'nama ini ada di lebih dari satu kecamatan; tulis kodenya' };
  return candidates[0]!;
}

/** Every row of a monitoring sheet, or every problem with it (row numbers as in the spreadsheet). */
export function parseImporMedsos(
  cells: readonly (readonly Cell[])[],
  areas: ImporAreas,
  context: { offsetHours: number; now: Date },
): { rows: ImporRow[]; errors: SheetError[] } {
  const errors: SheetError[] = [];
  const column = findColumns(cells[0] ?? [], HEADERS, underscoreKey);
  for (const required of ['url', 'akun', 'dilihat', 'klasifikasi'] as const)
    if (!column.has(required))
      errors.push({ row: 1, column: required, value: '', reason: `kolom ${required} tidak ada` });
  if (errors.length > 0) return { rows: [], errors };

  const rows: ImporRow[] = [];
  cells.slice(1).forEach((line, i) => {
    const row = i + 2;
    if (line.every((c) => cellText(c) === '')) return;
    const get = (name: keyof typeof HEADERS) => {
      const index = column.get(name);
      return index === undefined ? '' : cellText(line[index]);
    };
    const before = errors.length;
    const fail = (col: string, value: string, reason: string) =>
      errors.push({ row, column: col, value: value.slice(0, 80), reason });
    const urlText = get('url');
    const url = normaliseUrl(urlText);
    if (!url.ok) fail('url', urlText, `alamat tidak valid: ${url.reason}`);
    else if (urlText.length > 2000) fail('url', urlText, 'alamat terlalu panjang (maks. 2000)');
    const akun = get('akun');
    if (akun === '') fail('akun', '', 'akun wajib diisi');
    else if (akun.length > 200) fail('akun', akun, 'akun terlalu panjang (maks. 200)');
    const teks = get('teks');
    if (teks.length > 10000) fail('teks', teks, 'teks terlalu panjang (maks. 10.000)');
    const platformText = underscoreKey(get('platform'));
    const named =
      platformText === ''
        ? null
        : (PLATFORM.find((p) => p === platformText || (p === 'x' && platformText === 'twitter')) ?? null);
    if (platformText !== '' && named === null)
      fail('platform', get('platform'), `platform tidak dikenal (${PLATFORM.join(', ')})`);
    const waktu = get('dilihat');
    const dilihatAt = parseWaktu(waktu, context.offsetHours);
    if (dilihatAt === null) fail('dilihat', waktu, 'waktu tidak terbaca; tulis YYYY-MM-DD HH:MM');
    else if (dilihatAt.getTime() > context.now.getTime() + 5 * 60_000)
      fail('dilihat', waktu, 'waktu di masa depan');
    const kategoriText = get('klasifikasi');
    const kategori = KATEGORI_ALIASES[underscoreKey(kategoriText)];
    if (kategori === undefined)
      fail('klasifikasi', kategoriText, `klasifikasi harus ${KATEGORI_MEDSOS.join(', ')}`);
    let kodeWilayah = areas.kodeKabKota;
    let kecamatan: string | null = null;
    const kecText = get('kecamatan');
    if (kecText !== '') {
      const r = resolveArea(kecText, areas, 'kecamatan', null);
      if (typeof r === 'string') kodeWilayah = kecamatan = r;
      else fail('kecamatan', kecText, r.reason);
    }
    const kelText = get('kelurahan');
    if (kelText !== '') {
      const r = resolveArea(kelText, areas, 'kelurahan', kecamatan);
      if (typeof r === 'string') kodeWilayah = r;
      else fail('kelurahan', kelText, r.reason);
    }
    if (errors.length > before || !url.ok || dilihatAt === null || kategori === undefined) return;
    rows.push({
      row,
      url: urlText,
      urlNormal: url.url,
      platform: url.platform === 'lainnya' ? (named ?? 'lainnya') : url.platform,
      akun,
      teks,
      dilihatAt,
      kodeWilayah,
      kategori,
    });
  });
  return { rows: errors.length > 0 ? [] : rows, errors };
}
