/**
 * Reading the rosters KPU (KPPS, PPS, PPK) and Bawaslu (pengawas TPS) publish, and the Linmas lists
 * of the Satpol PP, from CSV or XLSX cells into officers, pure: every problem is reported (row,
 * column, value, reason in Indonesian) so that one upload shows all, and nothing is written unless
 * every row is right (docs/domain/petugas.md §Import).
 */
import { cellText, normalizeHeader, type Cell, type SheetError } from '../sheet/cells';
import { normalizeName, parseCount, resolveKelurahan, type KelurahanDirectory } from '../tps/tps-import';
import { MAX_NOMOR_TPS } from '../tps/kode-tps';
import { normalizeKodeWilayah, parseKodeWilayah } from '../wilayah/kode-wilayah';
import {
  SUSUNAN_KOSONG,
  isPerTps,
  melebihiDengan,
  tambahSusunan,
  type JabatanPetugas,
  type JenisPetugas,
  type SusunanTps,
} from './petugas';
import { USIA_MAX, USIA_MIN, checkNik, normalizeTelepon, usiaPada } from './data-pribadi';

export type PetugasColumn =
  | 'kodeWilayah'
  | 'kecamatan'
  | 'kelurahan'
  | 'nomor'
  | 'jenis'
  | 'jabatan'
  | 'nama'
  | 'nik'
  | 'telepon'
  | 'tanggalLahir'
  | 'jenisKelamin';

const COLUMN_ALIASES: Record<PetugasColumn, readonly string[]> = {
  kodeWilayah: ['kodewilayah', 'kodekelurahan', 'kodedesa', 'kodekel', 'kodekelurahandesa', 'kodekecamatan'],
  kecamatan: ['kecamatan', 'namakecamatan', 'kec'],
  kelurahan: ['kelurahan', 'desa', 'kelurahandesa', 'desakelurahan', 'namakelurahan', 'namadesa', 'kel'],
  nomor: ['tps', 'notps', 'nomortps'],
  jenis: ['jenis', 'jenispetugas', 'unsur', 'badan', 'badanadhoc'],
  jabatan: ['jabatan', 'kedudukan', 'posisi'],
  nama: ['nama', 'namalengkap', 'namapetugas', 'namaanggota'],
  nik: ['nik', 'noktp', 'nomorktp', 'nomorindukkependudukan'],
  telepon: [
    'telepon',
    'telp',
    'notelp',
    'notelepon',
    'nomortelepon',
    'hp',
    'nohp',
    'nomorhp',
    'nowa',
    'nomorwa',
  ],
  tanggalLahir: ['tanggallahir', 'tgllahir', 'tgllhr'],
  jenisKelamin: ['jeniskelamin', 'jk', 'kelamin', 'lp'],
};

export const PETUGAS_COLUMN_LABELS: Record<PetugasColumn, string> = {
  kodeWilayah: 'kode_wilayah',
  kecamatan: 'kecamatan',
  kelurahan: 'kelurahan',
  nomor: 'tps',
  jenis: 'jenis',
  jabatan: 'jabatan',
  nama: 'nama',
  nik: 'nik',
  telepon: 'telepon',
  tanggalLahir: 'tanggal_lahir',
  jenisKelamin: 'jenis_kelamin',
};

export interface PetugasImportRow {
  row: number;
  jenis: JenisPetugas;
  jabatan: JabatanPetugas;
  kodeWilayah: string;
  tpsId: string | null;
  nama: string;
  nik: string;
  telepon: string | null;
  tanggalLahir: string | null;
  jenisKelamin: 'L' | 'P' | null;
}

/** Where the rows may land: the import's kelurahan/desa and kecamatan, and its election's TPS. */
export interface PetugasDirectory extends KelurahanDirectory {
  kecamatanByKode: ReadonlySet<string>;
  /** Key: normalizeName(kecamatan); null when two kecamatan share the name. */
  kecamatanByName: ReadonlyMap<string, string | null>;
  /** Key: `${kodeDesa}#${nomor}`: the TPS voting in the election. */
  tps: ReadonlyMap<string, string>;
}

export function mapPetugasHeaders(
  headers: readonly Cell[],
  jenisDefault: JenisPetugas | null,
): { ok: true; columns: Map<PetugasColumn, number> } | { ok: false; errors: SheetError[] } {
  const columns = new Map<PetugasColumn, number>();
  const errors: SheetError[] = [];
  headers.forEach((raw, index) => {
    const key = normalizeHeader(String(raw ?? ''));
    if (key === '') return;
    for (const [column, aliases] of Object.entries(COLUMN_ALIASES) as [PetugasColumn, readonly string[]][]) {
      if (!aliases.includes(key)) continue;
      if (columns.has(column)) {
        errors.push({
          row: 1,
          column: String(raw),
          value: String(raw),
          reason: `Kolom ${PETUGAS_COLUMN_LABELS[column]} muncul lebih dari sekali`,
        });
      } else columns.set(column, index);
      return;
    }
  });
  const need = (column: PetugasColumn, reason: string) => {
    if (!columns.has(column))
      errors.push({ row: 1, column: PETUGAS_COLUMN_LABELS[column], value: '', reason });
  };
  need('nama', 'Kolom nama tidak ditemukan');
  need('nik', 'Kolom NIK tidak ditemukan');
  if (jenisDefault === null)
    need('jenis', 'Perlu kolom jenis (KPPS, PPS, PPK, Linmas, Pengawas TPS) atau pilih jenis');
  if (!columns.has('kodeWilayah') && !columns.has('kecamatan')) {
    errors.push({
      row: 1,
      column: 'kode_wilayah',
      value: '',
      reason: 'Perlu kolom kode_wilayah, atau kolom kecamatan dan kelurahan',
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, columns };
}

/** "KPPS", "Anggota KPPS", "PTPS", "Pengawas TPS", "Satlinmas" … into a kind; null when unknown. */
export function parseJenis(raw: string): JenisPetugas | null {
  const key = normalizeName(raw).replace(/ /g, '');
  if (key === '') return null;
  if (key.includes('kpps')) return 'kpps';
  if (key.includes('ptps') || key.includes('pengawastps') || key.includes('pengawas')) return 'pengawas_tps';
  if (key.includes('linmas')) return 'linmas';
  if (key.includes('ppk')) return 'ppk';
  if (key.includes('pps')) return 'pps';
  return null;
}

/** "Ketua KPPS" → ketua, "Anggota 3" → anggota, "Cadangan"/"Pengganti" → cadangan; empty: anggota. */
export function parseJabatan(raw: string): JabatanPetugas | null {
  const key = normalizeName(raw);
  if (key === '' || key.startsWith('anggota')) return 'anggota';
  if (key.startsWith('ketua')) return 'ketua';
  if (key.includes('cadangan') || key.includes('pengganti')) return 'cadangan';
  return null;
}

/** yyyy-mm-dd, an XLSX date (ISO instant), or dd/mm/yyyy and dd-mm-yyyy as Indonesian lists write it. */
export function parseTanggal(raw: string): string | null {
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(raw);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (local) [d, m, y] = [Number(local[1]), Number(local[2]), Number(local[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function parseJenisKelamin(raw: string): 'L' | 'P' | null | undefined {
  const key = normalizeName(raw);
  if (key === '') return null;
  if (key === 'l' || key.startsWith('laki') || key === 'pria') return 'L';
  if (key === 'p' || key.startsWith('perempuan') || key === 'wanita') return 'P';
  return undefined;
}

/** Validates every data row; `hariPemungutan` (yyyy-mm-dd) dates the age limits. */
export function parsePetugasRows(
  columns: ReadonlyMap<PetugasColumn, number>,
  dataRows: readonly (readonly Cell[])[],
  directory: PetugasDirectory,
  options: { jenisDefault: JenisPetugas | null; hariPemungutan: string },
): { rows: PetugasImportRow[]; errors: SheetError[] } {
  const rows: PetugasImportRow[] = [];
  const errors: SheetError[] = [];
  const seenNik = new Map<string, number>();

  dataRows.forEach((cells, index) => {
    const row = index + 2;
    const get = (column: PetugasColumn): string => {
      const at = columns.get(column);
      return at === undefined ? '' : cellText(cells[at]);
    };
    if (cells.every((cell) => cellText(cell) === '')) return;
    const rowErrors: SheetError[] = [];
    const fail = (column: PetugasColumn, value: string, reason: string): void => {
      rowErrors.push({ row, column: PETUGAS_COLUMN_LABELS[column], value, reason });
    };

    const rawJenis = get('jenis');
    const jenis = rawJenis === '' ? options.jenisDefault : parseJenis(rawJenis);
    if (jenis === null) fail('jenis', rawJenis, 'Jenis harus KPPS, PPS, PPK, Linmas atau Pengawas TPS');
    const jabatan = parseJabatan(get('jabatan'));
    if (jabatan === null) fail('jabatan', get('jabatan'), 'Jabatan harus ketua, anggota atau cadangan');
    if (jabatan === 'ketua' && (jenis === 'linmas' || jenis === 'pengawas_tps')) {
      fail('jabatan', get('jabatan'), 'Linmas dan pengawas TPS tidak punya ketua');
    }

    // Where: a PPK serves a kecamatan, everyone else a kelurahan/desa.
    let kodeWilayah: string | null = null;
    if (jenis === 'ppk') {
      const rawKode = get('kodeWilayah');
      if (rawKode !== '') {
        const normalized = normalizeKodeWilayah(rawKode);
        const parsed = normalized === null ? null : parseKodeWilayah(normalized);
        if (
          parsed?.ok &&
          parsed.value.level === 'kecamatan' &&
          directory.kecamatanByKode.has(parsed.value.kode)
        ) {
          kodeWilayah = parsed.value.kode;
        } else fail('kodeWilayah', rawKode, 'PPK perlu kode kecamatan di wilayah impor ini, mis. 73.73.01');
      } else {
        const found = directory.kecamatanByName.get(normalizeName(get('kecamatan')));
        if (found === undefined || found === null) {
          fail('kecamatan', get('kecamatan'), 'Kecamatan tidak ditemukan di wilayah impor ini');
        } else kodeWilayah = found;
      }
    } else {
      const where = resolveKelurahan(get('kodeWilayah'), get('kecamatan'), get('kelurahan'), directory);
      if ('kode' in where) kodeWilayah = where.kode;
      else fail(where.column, where.value, where.reason);
    }

    // The TPS: for KPPS, Linmas and pengawas TPS (a reserve may name none); a TPS of this election.
    let tpsId: string | null = null;
    const rawNomor = get('nomor').replace(/^tps\s*/i, '');
    if (jenis !== null && isPerTps(jenis)) {
      if (rawNomor === '') {
        if (jabatan !== 'cadangan')
          fail('nomor', '', 'Nomor TPS wajib diisi untuk KPPS, Linmas dan pengawas TPS');
      } else {
        const nomor = parseCount(rawNomor);
        if (nomor === null || nomor < 1 || nomor > MAX_NOMOR_TPS) {
          fail('nomor', get('nomor'), `Nomor TPS harus bilangan bulat 1 sampai ${MAX_NOMOR_TPS}`);
        } else if (kodeWilayah !== null) {
          const id = directory.tps.get(`${kodeWilayah}#${nomor}`);
          if (id === undefined)
            fail('nomor', get('nomor'), 'TPS ini tidak ada di kelurahan/desa itu pada pemilihan ini');
          else tpsId = id;
        }
      }
    } else if (rawNomor !== '' && jenis !== null) {
      fail('nomor', get('nomor'), 'PPS dan PPK tidak bertugas di satu TPS; kosongkan kolom tps');
    }

    const nama = get('nama').replace(/\s+/g, ' ');
    if (nama.length < 2 || nama.length > 120) fail('nama', nama, 'Nama 2 sampai 120 karakter');

    const nik = get('nik').replace(/[\s.'-]/g, '');
    const nikCheck = checkNik(nik);
    if (!nikCheck.ok) fail('nik', nik === '' ? '' : `…${nik.slice(-4)}`, nikCheck.reason);
    else {
      const first = seenNik.get(nik);
      if (first !== undefined) fail('nik', `…${nik.slice(-4)}`, `NIK ini sudah ada di baris ${first}`);
      else seenNik.set(nik, row);
    }

    const rawTelepon = get('telepon');
    const telepon = rawTelepon === '' ? null : normalizeTelepon(rawTelepon);
    if (rawTelepon !== '' && telepon === null)
      fail('telepon', '', 'Nomor HP harus 08… atau +628…, 10 sampai 13 angka');

    const rawTanggal = get('tanggalLahir');
    const tanggalLahir = rawTanggal === '' ? null : parseTanggal(rawTanggal);
    if (rawTanggal !== '' && tanggalLahir === null) {
      fail('tanggalLahir', '', 'Tanggal lahir harus YYYY-MM-DD atau DD/MM/YYYY');
    }
    // PKPU 8/2022 Pasal 35: PPK, PPS and KPPS are 17 to 55 years old.
    if (tanggalLahir !== null && jenis !== null && (jenis === 'kpps' || jenis === 'pps' || jenis === 'ppk')) {
      const usia = usiaPada(tanggalLahir, options.hariPemungutan);
      if (usia < USIA_MIN || usia > USIA_MAX) {
        fail(
          'tanggalLahir',
          '',
          `Usia ${usia} tahun pada hari pemungutan; anggota KPPS/PPS/PPK berusia ${USIA_MIN}-${USIA_MAX}`,
        );
      }
    }

    const jenisKelamin = parseJenisKelamin(get('jenisKelamin'));
    if (jenisKelamin === undefined) fail('jenisKelamin', get('jenisKelamin'), 'Jenis kelamin L atau P');

    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      return;
    }
    rows.push({
      row,
      jenis: jenis!,
      jabatan: jabatan!,
      kodeWilayah: kodeWilayah!,
      tpsId,
      nama,
      nik,
      telepon,
      tanggalLahir,
      jenisKelamin: jenisKelamin ?? null,
    });
  });
  return { rows, errors };
}

/**
 * The make-up of every TPS once the rows are in (an officer already on record under the same NIK is
 * replaced by the row): a row that makes a TPS hold two KPPS chairs, seven KPPS anggota, three Linmas
 * or two pengawas is refused, naming the row.
 */
export function checkSusunanImport(
  rows: readonly PetugasImportRow[],
  existing: readonly { nik: string; jenis: JenisPetugas; jabatan: JabatanPetugas; tpsId: string | null }[],
): SheetError[] {
  const imported = new Set(rows.map((r) => r.nik));
  const perTps = new Map<string, SusunanTps>();
  const add = (tpsId: string | null, officer: { jenis: JenisPetugas; jabatan: JabatanPetugas }) => {
    if (tpsId === null) return null;
    const current = perTps.get(tpsId) ?? SUSUNAN_KOSONG;
    perTps.set(tpsId, tambahSusunan(current, officer));
    return melebihiDengan(current, officer);
  };
  for (const e of existing) if (!imported.has(e.nik)) add(e.tpsId, e);
  const errors: SheetError[] = [];
  for (const r of rows) {
    const over = add(r.tpsId, r);
    if (over !== null) {
      errors.push({
        row: r.row,
        column: 'jabatan',
        value: r.jabatan,
        reason: `TPS ini sudah lengkap untuk ${over.replace('_', ' ')}; satu TPS punya 1 ketua dan 6 anggota KPPS, 2 Linmas, 1 pengawas`,
      });
    }
  }
  return errors;
}
