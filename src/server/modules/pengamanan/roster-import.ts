/**
 * Reads a forces roster sheet (XLSX/CSV, first sheet, one header row): one row per named person or
 * per unit with a count, each with its home base. Every bad row is reported; nothing is half-read.
 * Columns (case-insensitive, aliases): kesatuan, nama, jumlah (default 1), jabatan, nrp,
 * kecamatan (code or name), kelurahan (code or name). A row whose jabatan is Babinsa or
 * Bhabinkamtibmas with a home kelurahan also names that kelurahan's tiga pilar; a row with jabatan
 * Lurah or Kepala Desa names the lurah only (no personnel).
 */
import {
  cellText,
  findColumns,
  underscoreKey,
  type Cell,
  type SheetError,
} from '../../../domain/sheet/cells';
import { KIND_OF_FORCE, type Force, type PersonnelKind } from '../../../domain/pengamanan/unit';
import { normalizeKodeWilayah } from '../../../domain/wilayah/kode-wilayah';

export interface RosterRow {
  force: Force | null;
  kind: PersonnelKind | null;
  nama: string;
  jabatan: string | null;
  nrp: string | null;
  jumlah: number;
  homeKecamatan: string | null;
  homeKelurahan: string | null;
  tigaPilar: 'lurah' | 'babinsa' | 'bhabinkamtibmas' | null;
}

const HEADERS: Record<string, readonly string[]> = {
  kesatuan: ['kesatuan', 'satuan', 'unsur', 'force', 'instansi'],
  nama: ['nama', 'nama_unit', 'nama_personel', 'name'],
  jumlah: ['jumlah', 'jml', 'count', 'personel'],
  jabatan: ['jabatan', 'tugas'],
  nrp: ['nrp', 'nip', 'nrp_nip'],
  kecamatan: ['kecamatan', 'kode_kecamatan', 'home_kecamatan', 'pangkalan'],
  kelurahan: ['kelurahan', 'desa', 'kode_kelurahan', 'kelurahan_desa', 'home_kelurahan'],
};

const FORCE_ALIASES: [RegExp, Force][] = [
  [/^polsek|^sektor/, 'polsek'],
  [/brimob/, 'brimob'],
  [/bko|polda/, 'bko_polda'],
  [/^polres|^mapolres|^sat\s|^bag\s/, 'polres'],
  [/koramil|babinsa/, 'koramil'],
  [/kodim|korem/, 'kodim'],
  [/lanal|tni\s*al|marinir/, 'lanal'],
  [/satpol/, 'satpol_pp'],
  [/linmas/, 'linmas'],
];

function forceOf(value: string): Force | null {
  const v = value.toLowerCase().replace(/_/g, ' ');
  for (const [pattern, force] of FORCE_ALIASES) if (pattern.test(v)) return force;
  return null;
}

function tigaPilarOf(jabatan: string): RosterRow['tigaPilar'] {
  const j = jabatan.toLowerCase();
  if (j.includes('bhabinkamtibmas') || j.includes('bhabin')) return 'bhabinkamtibmas';
  if (j.includes('babinsa')) return 'babinsa';
  if (/^(lurah|kepala desa|kades|kepala kelurahan)\b/.test(j)) return 'lurah';
  return null;
}

/** Areas of the kab/kota the codes and names must fall in. */
export interface RosterAreas {
  kodeKabKota: string;
  /** dotted code → parent code, for kecamatan and kelurahan of the kab/kota. */
  parentOf: ReadonlyMap<string, string | null>;
  levelOf: ReadonlyMap<string, number>;
  /** lower-case name → codes (names repeat across kecamatan). */
  byName: ReadonlyMap<string, readonly string[]>;
}

function resolveArea(
  value: string,
  level: 3 | 4,
  areas: RosterAreas,
  withinKecamatan: string | null,
): string | { reason: string } {
  const kode = normalizeKodeWilayah(value);
  if (kode !== null && /^[\d.]+$/.test(value.replace(/\s/g, ''))) {
    if (areas.levelOf.get(kode) !== level)
      return { reason: `kode ${level === 3 ? 'kecamatan' : 'kelurahan/desa'} tidak ada di kab/kota ini` };
    // The same rule as the JSON API (pengamanan.service checkHome): a kelurahan lies in its kecamatan.
    if (withinKecamatan !== null && areas.parentOf.get(kode) !== withinKecamatan)
      return { reason: `kelurahan/desa ini tidak berada di kecamatan ${withinKecamatan}` };
    return kode;
  }
  const candidates = (areas.byName.get(value.toLowerCase()) ?? []).filter(
    (k) =>
      areas.levelOf.get(k) === level &&
      (withinKecamatan === null || areas.parentOf.get(k) === withinKecamatan),
  );
  if (candidates.length === 0)
    return { reason: `${level === 3 ? 'kecamatan' : 'kelurahan/desa'} tidak dikenal di kab/kota ini` };
  if (candidates.length > 1) return { reason: 'nama ini ada di lebih dari satu kecamatan; tulis kodenya' };
  return candidates[0]!;
}

/** Every row of a roster sheet, or every problem with it (row numbers as in the spreadsheet). */
export function parseRoster(
  cells: readonly (readonly Cell[])[],
  areas: RosterAreas,
): { rows: RosterRow[]; errors: SheetError[] } {
  const errors: SheetError[] = [];
  const column = findColumns(cells[0] ?? [], HEADERS, underscoreKey);
  for (const required of ['nama'] as const) {
    if (!column.has(required))
      errors.push({ row: 1, column: required, value: '', reason: `kolom ${required} tidak ada` });
  }
  if (!column.has('kesatuan') && !column.has('jabatan'))
    errors.push({ row: 1, column: 'kesatuan', value: '', reason: 'kolom kesatuan (atau jabatan) tidak ada' });
  if (errors.length > 0) return { rows: [], errors };

  const rows: RosterRow[] = [];
  cells.slice(1).forEach((line, i) => {
    const rowNumber = i + 2;
    const get = (name: keyof typeof HEADERS) => {
      const index = column.get(name);
      return index === undefined ? '' : cellText(line[index]);
    };
    if (line.every((c) => cellText(c) === '')) return;
    const fail = (col: string, value: string, reason: string) =>
      errors.push({ row: rowNumber, column: col, value, reason });
    const nama = get('nama');
    const jabatan = get('jabatan');
    const kesatuan = get('kesatuan');
    const tigaPilar = tigaPilarOf(jabatan);
    let force: Force | null = kesatuan === '' ? null : forceOf(kesatuan);
    if (force === null && tigaPilar === 'babinsa') force = 'koramil';
    if (kesatuan !== '' && force === null)
      fail(
        'kesatuan',
        kesatuan,
        'kesatuan tidak dikenal (Polres, Polsek, BKO Polda, Brimob, Kodim, Koramil, Lanal, Satpol PP, Linmas)',
      );
    if (kesatuan === '' && tigaPilar === null)
      fail(
        'kesatuan',
        '',
        'kesatuan wajib diisi kecuali untuk lurah/kepala desa, Babinsa atau Bhabinkamtibmas',
      );
    if (tigaPilar === 'bhabinkamtibmas' && force === null) force = 'polsek';
    if (nama === '') fail('nama', '', 'nama wajib diisi');
    else if (nama.length > 200) fail('nama', nama.slice(0, 40), 'nama terlalu panjang (maks. 200)');
    const jumlahText = get('jumlah');
    const jumlah = jumlahText === '' ? 1 : Number(jumlahText.replace(/\./g, ''));
    if (!Number.isInteger(jumlah) || jumlah < 0 || jumlah > 100_000)
      fail('jumlah', jumlahText, 'jumlah harus bilangan bulat 0 sampai 100.000');
    let homeKecamatan: string | null = null;
    const kecText = get('kecamatan');
    if (kecText !== '') {
      const r = resolveArea(kecText, 3, areas, null);
      if (typeof r === 'string') homeKecamatan = r;
      else fail('kecamatan', kecText, r.reason);
    }
    let homeKelurahan: string | null = null;
    const kelText = get('kelurahan');
    if (kelText !== '') {
      const r = resolveArea(kelText, 4, areas, homeKecamatan);
      if (typeof r === 'string') {
        homeKelurahan = r;
        homeKecamatan = areas.parentOf.get(r) ?? homeKecamatan;
      } else fail('kelurahan', kelText, r.reason);
    }
    if (tigaPilar !== null && kelText === '')
      fail('kelurahan', '', `${jabatan} harus punya kelurahan/desa tempat tugas`);
    if (force === 'polsek' && homeKecamatan === null && kecText === '')
      fail('kecamatan', '', 'Polsek harus punya kecamatan');
    if (force === 'koramil' && homeKecamatan === null && kecText === '')
      fail('kecamatan', '', 'Koramil harus punya kecamatan');
    if (force === 'linmas' && homeKelurahan === null && kelText === '')
      fail('kelurahan', '', 'Linmas bertugas di kelurahan/desanya: isi kelurahan');
    rows.push({
      force,
      kind: force === null ? null : KIND_OF_FORCE[force],
      nama,
      jabatan: jabatan === '' ? null : jabatan,
      nrp: get('nrp') === '' ? null : get('nrp'),
      jumlah: Number.isInteger(jumlah) ? jumlah : 0,
      homeKecamatan,
      homeKelurahan,
      tigaPilar,
    });
  });
  return { rows: errors.length > 0 ? [] : rows, errors };
}
