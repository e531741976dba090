/**
 * Reading a KPU-style TPS sheet (CSV or XLSX) into TPS rows, pure: cells in, rows or row errors out.
 * Column names follow KPU's DPT recapitulation per TPS; aliases are listed in docs/domain/tps.md.
 * Every problem is reported (row, column, value, reason in Indonesian) so that one upload shows all.
 */
import { cellText, normalizeHeader, type Cell, type SheetError } from '../sheet/cells';
import { normalizeKodeWilayah, parseKodeWilayah } from '../wilayah/kode-wilayah';
import { MAX_NOMOR_TPS } from './kode-tps';
import {
  AKSES_TPS,
  LOKASI_KHUSUS,
  MAX_DPT_PER_TPS_PILKADA,
  isInsideIndonesia,
  type AksesTps,
  type LokasiKhusus,
} from './tps';

export type TpsColumn =
  | 'kodeWilayah'
  | 'kecamatan'
  | 'kelurahan'
  | 'nomor'
  | 'dptLaki'
  | 'dptPerempuan'
  | 'dptTotal'
  | 'alamat'
  | 'lat'
  | 'lon'
  | 'akses'
  | 'lokasiKhusus';

/** Header aliases, compared after lower-casing and dropping everything but letters and digits. */
const COLUMN_ALIASES: Record<TpsColumn, readonly string[]> = {
  kodeWilayah: ['kodewilayah', 'kodekelurahan', 'kodedesa', 'kodekel', 'kodekelurahandesa', 'kode'],
  kecamatan: ['kecamatan', 'namakecamatan', 'kec'],
  kelurahan: ['kelurahan', 'desa', 'kelurahandesa', 'desakelurahan', 'namakelurahan', 'namadesa', 'kel'],
  nomor: ['tps', 'notps', 'nomortps', 'nomor'],
  dptLaki: ['l', 'lakilaki', 'dptl', 'dptlakilaki', 'pemilihl', 'jumlahl'],
  dptPerempuan: ['p', 'perempuan', 'dptp', 'dptperempuan', 'pemilihp', 'jumlahp'],
  dptTotal: ['lp', 'jumlah', 'total', 'dpt', 'dpttotal', 'jumlahdpt', 'jumlahpemilih', 'totaldpt', 'jml'],
  alamat: ['alamat', 'lokasi', 'alamattps', 'lokasitps'],
  lat: ['lat', 'latitude', 'lintang'],
  lon: ['lon', 'lng', 'long', 'longitude', 'bujur'],
  akses: ['akses', 'aksestps', 'moda', 'jalur'],
  lokasiKhusus: ['lokasikhusus', 'tpskhusus', 'jenislokasi'],
};

export const COLUMN_LABELS: Record<TpsColumn, string> = {
  kodeWilayah: 'kode_wilayah',
  kecamatan: 'kecamatan',
  kelurahan: 'kelurahan',
  nomor: 'tps',
  dptLaki: 'dpt_laki_laki',
  dptPerempuan: 'dpt_perempuan',
  dptTotal: 'dpt_total',
  alamat: 'alamat',
  lat: 'latitude',
  lon: 'longitude',
  akses: 'akses',
  lokasiKhusus: 'lokasi_khusus',
};

export interface TpsImportRow {
  /** 1-based row number in the file, header included, as a spreadsheet user counts. */
  row: number;
  kodeWilayah: string;
  nomor: number;
  /** Null when the sheet gives only the total. */
  dptLaki: number | null;
  dptPerempuan: number | null;
  dptTotal: number;
  alamat: string | null;
  lat: number | null;
  lon: number | null;
  akses: AksesTps;
  lokasiKhusus: LokasiKhusus | null;
}

/** The kelurahan/desa an import may write to, keyed for lookup by code and by names. */
export interface KelurahanDirectory {
  byKode: ReadonlyMap<string, { kode: string }>;
  /** Key: `${normalizeName(kecamatan)}|${normalizeName(kelurahan)}`. */
  byNames: ReadonlyMap<string, { kode: string } | 'ambiguous'>;
}

/**
 * The desa of an area by code and by "kecamatan|desa" name (normalised), as a sheet names them; a
 * name two desa share is 'ambiguous', so a row naming it must give the code.
 */
export function desaDirectory(
  desa: readonly { kode: string; nama: string; nama_kecamatan: string }[],
): KelurahanDirectory {
  const byKode = new Map(desa.map((d) => [d.kode, { kode: d.kode }]));
  const byNames = new Map<string, { kode: string } | 'ambiguous'>();
  for (const d of desa) {
    const key = `${normalizeName(d.nama_kecamatan)}|${normalizeName(d.nama)}`;
    byNames.set(key, byNames.has(key) ? 'ambiguous' : { kode: d.kode });
  }
  return { byKode, byNames };
}

/** Names are matched case- and punctuation-insensitively ("KEL. WARA" ~ "Wara" is not attempted). */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function mapHeaders(
  headers: readonly Cell[],
): { ok: true; columns: Map<TpsColumn, number> } | { ok: false; errors: SheetError[] } {
  const columns = new Map<TpsColumn, number>();
  const errors: SheetError[] = [];
  headers.forEach((raw, index) => {
    const key = normalizeHeader(String(raw ?? ''));
    if (key === '') return;
    for (const [column, aliases] of Object.entries(COLUMN_ALIASES) as [TpsColumn, readonly string[]][]) {
      if (aliases.includes(key)) {
        if (columns.has(column)) {
          errors.push({
            row: 1,
            column: String(raw),
            value: String(raw),
            reason: `Kolom ${COLUMN_LABELS[column]} muncul lebih dari sekali`,
          });
        } else {
          columns.set(column, index);
        }
        return;
      }
    }
  });
  if (!columns.has('nomor')) {
    errors.push({ row: 1, column: 'tps', value: '', reason: 'Kolom nomor TPS (tps) tidak ditemukan' });
  }
  if (!columns.has('kodeWilayah') && !(columns.has('kecamatan') && columns.has('kelurahan'))) {
    errors.push({
      row: 1,
      column: 'kode_wilayah',
      value: '',
      reason: 'Perlu kolom kode_wilayah, atau kolom kecamatan dan kelurahan',
    });
  }
  if (!columns.has('dptTotal') && !(columns.has('dptLaki') && columns.has('dptPerempuan'))) {
    errors.push({
      row: 1,
      column: 'dpt_total',
      value: '',
      reason: 'Perlu kolom DPT: dpt_total, atau dpt_laki_laki dan dpt_perempuan',
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, columns };
}

/**
 * The kelurahan/desa a row names: by its code when given, otherwise by the names of its kecamatan and
 * kelurahan within the import's wilayah (every import of rows placed in a kelurahan uses this).
 */
export function resolveKelurahan(
  rawKode: string,
  kecamatan: string,
  kelurahan: string,
  directory: KelurahanDirectory,
): { kode: string } | { column: 'kodeWilayah' | 'kelurahan'; value: string; reason: string } {
  if (rawKode !== '') {
    const normalized = normalizeKodeWilayah(rawKode);
    const parsed = normalized === null ? null : parseKodeWilayah(normalized);
    if (parsed === null || !parsed.ok || parsed.value.level !== 'desa') {
      return {
        column: 'kodeWilayah',
        value: rawKode,
        reason: 'Kode wilayah harus kode kelurahan/desa 10 digit, mis. 73.73.01.1001',
      };
    }
    if (!directory.byKode.has(parsed.value.kode)) {
      return {
        column: 'kodeWilayah',
        value: rawKode,
        reason: 'Kelurahan/desa tidak ada di wilayah impor ini',
      };
    }
    return { kode: parsed.value.kode };
  }
  if (kecamatan === '' || kelurahan === '') {
    return {
      column: 'kodeWilayah',
      value: '',
      reason: 'Isi kode_wilayah, atau nama kecamatan dan kelurahan',
    };
  }
  const value = `${kecamatan} / ${kelurahan}`;
  const found = directory.byNames.get(`${normalizeName(kecamatan)}|${normalizeName(kelurahan)}`);
  if (found === undefined) {
    return { column: 'kelurahan', value, reason: 'Kecamatan/kelurahan tidak ditemukan di wilayah impor ini' };
  }
  if (found === 'ambiguous') {
    return {
      column: 'kelurahan',
      value,
      reason: 'Nama kelurahan ganda di kecamatan ini; gunakan kode_wilayah',
    };
  }
  return { kode: found.kode };
}

export function parseCount(value: string): number | null {
  const cleaned = value.replace(/[.,\s](?=\d{3}\b)/g, '');
  if (!/^\d+$/.test(cleaned)) return null;
  return Number(cleaned);
}

function parseCoordinate(value: string): number | null {
  const n = Number(value.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** Validates every data row against the directory of kelurahan the import may write to. */
export function parseTpsRows(
  columns: ReadonlyMap<TpsColumn, number>,
  dataRows: readonly (readonly Cell[])[],
  directory: KelurahanDirectory,
): { rows: TpsImportRow[]; errors: SheetError[] } {
  const rows: TpsImportRow[] = [];
  const errors: SheetError[] = [];
  const seen = new Map<string, number>();

  dataRows.forEach((cells, index) => {
    const row = index + 2;
    const get = (column: TpsColumn): string => {
      const at = columns.get(column);
      return at === undefined ? '' : cellText(cells[at]);
    };
    if (cells.every((cell) => cellText(cell) === '')) return;
    const rowErrors: SheetError[] = [];
    const fail = (column: TpsColumn, value: string, reason: string): void => {
      rowErrors.push({ row, column: COLUMN_LABELS[column], value, reason });
    };

    // Where: by code when given, otherwise by names within the import's wilayah.
    const where = resolveKelurahan(get('kodeWilayah'), get('kecamatan'), get('kelurahan'), directory);
    const kodeWilayah = 'kode' in where ? where.kode : null;
    if ('reason' in where) fail(where.column, where.value, where.reason);

    const rawNomor = get('nomor').replace(/^tps\s*/i, '');
    const nomor = parseCount(rawNomor);
    if (nomor === null || nomor < 1 || nomor > MAX_NOMOR_TPS) {
      fail('nomor', get('nomor'), `Nomor TPS harus bilangan bulat 1 sampai ${MAX_NOMOR_TPS}`);
    }

    const counts: Partial<Record<'dptLaki' | 'dptPerempuan' | 'dptTotal', number>> = {};
    for (const column of ['dptLaki', 'dptPerempuan', 'dptTotal'] as const) {
      const raw = get(column);
      if (raw === '') continue;
      const n = parseCount(raw);
      if (n === null) fail(column, raw, 'Harus bilangan bulat 0 atau lebih');
      else counts[column] = n;
    }
    const { dptLaki, dptPerempuan } = counts;
    let dptTotal = counts.dptTotal;
    if (dptTotal === undefined && dptLaki !== undefined && dptPerempuan !== undefined) {
      dptTotal = dptLaki + dptPerempuan;
    }
    if (dptTotal === undefined && !rowErrors.some((e) => e.column.startsWith('dpt'))) {
      fail('dptTotal', '', 'Jumlah DPT wajib diisi');
    }
    if (
      dptTotal !== undefined &&
      dptLaki !== undefined &&
      dptPerempuan !== undefined &&
      dptLaki + dptPerempuan !== dptTotal
    ) {
      fail(
        'dptTotal',
        String(dptTotal),
        `Jumlah DPT (${dptTotal}) tidak sama dengan laki-laki + perempuan (${dptLaki + dptPerempuan})`,
      );
    }
    if (dptTotal !== undefined && dptTotal > MAX_DPT_PER_TPS_PILKADA) {
      fail(
        'dptTotal',
        String(dptTotal),
        `DPT per TPS Pilkada paling banyak ${MAX_DPT_PER_TPS_PILKADA} pemilih`,
      );
    }

    const rawLat = get('lat');
    const rawLon = get('lon');
    let lat: number | null = null;
    let lon: number | null = null;
    if (rawLat !== '' || rawLon !== '') {
      lat = parseCoordinate(rawLat);
      lon = parseCoordinate(rawLon);
      if (lat === null) fail('lat', rawLat, 'Latitude harus angka desimal, mis. -2.9927');
      if (lon === null) fail('lon', rawLon, 'Longitude harus angka desimal, mis. 120.1969');
      if (lat !== null && lon !== null && !isInsideIndonesia(lat, lon)) {
        fail('lat', `${rawLat}, ${rawLon}`, 'Koordinat di luar wilayah Indonesia (lintang/bujur tertukar?)');
      }
    }

    const rawAkses = get('akses').toLowerCase();
    const akses = rawAkses === '' ? 'darat' : rawAkses;
    if (!(AKSES_TPS as readonly string[]).includes(akses)) {
      fail('akses', get('akses'), `Akses harus salah satu dari: ${AKSES_TPS.join(', ')}`);
    }

    const rawKhusus = get('lokasiKhusus')
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    const lokasiKhusus = rawKhusus === '' || rawKhusus === 'tidak' || rawKhusus === '_' ? null : rawKhusus;
    if (lokasiKhusus !== null && !(LOKASI_KHUSUS as readonly string[]).includes(lokasiKhusus)) {
      fail(
        'lokasiKhusus',
        get('lokasiKhusus'),
        `Lokasi khusus harus salah satu dari: ${LOKASI_KHUSUS.join(', ')}`,
      );
    }

    if (kodeWilayah !== null && nomor !== null) {
      const key = `${kodeWilayah}#${nomor}`;
      const firstRow = seen.get(key);
      if (firstRow !== undefined) {
        fail('nomor', get('nomor'), `TPS ini sudah ada di baris ${firstRow}`);
      } else {
        seen.set(key, row);
      }
    }

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      return;
    }
    const total = dptTotal ?? 0;
    const bothSexes = dptLaki !== undefined && dptPerempuan !== undefined;
    rows.push({
      row,
      kodeWilayah: kodeWilayah!,
      nomor: nomor!,
      // A split by sex is kept only when the sheet gives both halves; a lone half is not guessed at.
      dptLaki: bothSexes ? dptLaki : null,
      dptPerempuan: bothSexes ? dptPerempuan : null,
      dptTotal: total,
      alamat: get('alamat') === '' ? null : get('alamat'),
      lat,
      lon,
      akses: akses as AksesTps,
      lokasiKhusus: lokasiKhusus as LokasiKhusus | null,
    });
  });
  return { rows, errors };
}
