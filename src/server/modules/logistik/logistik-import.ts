/**
 * Reads a distribution plan sheet (XLSX/CSV, first sheet, one header row): one row per leg. Every
 * bad row is reported with its column; nothing is half-read. Columns (case-insensitive, aliases):
 * ref (the row's name, for `sebelumnya`), sebelumnya (ref of the leg this one carries on), dari, ke
 * (gudang_kpu | ppk | pps | tps, or "Gudang KPU", "PPK", …), dari_wilayah, ke_wilayah (code or name),
 * dari_tps, ke_tps, berangkat, tiba (ISO 8601, or "YYYY-MM-DD HH:MM" in the region's own time: every
 * format of domain/time/waktu-setempat.ts), moda (darat | sungai | laut | udara), jarak_km,
 * waktu_tempuh_menit, kotak, surat_suara, pengawal, keterangan.
 */
import type { LegCreate } from '../../../contracts/logistik';
import { MODA, TITIK, type Moda, type Titik } from '../../../domain/logistik/logistik';
import {
  cellText,
  findColumns,
  underscoreKey,
  type Cell,
  type SheetError,
} from '../../../domain/sheet/cells';
import { parseWaktuSetempat } from '../../../domain/time/waktu-setempat';
import { ZONA_OFFSET_HOURS, zonaOf } from '../../../domain/time/zona';
import { normalizeKodeWilayah } from '../../../domain/wilayah/kode-wilayah';

export interface RencanaRow {
  row: number;
  ref: string;
  sebelumnyaRef: string | null;
  leg: Omit<LegCreate, 'clientId' | 'wilayah' | 'sebelumnyaId'>;
}

const HEADERS: Record<string, readonly string[]> = {
  ref: ['ref', 'kode', 'no', 'id'],
  sebelumnya: ['sebelumnya', 'lanjutan_dari', 'ref_sebelumnya'],
  dari: ['dari', 'asal', 'titik_asal'],
  dari_wilayah: ['dari_wilayah', 'wilayah_asal', 'kode_asal'],
  dari_tps: ['dari_tps', 'tps_asal'],
  ke: ['ke', 'tujuan', 'titik_tujuan'],
  ke_wilayah: ['ke_wilayah', 'wilayah_tujuan', 'kode_tujuan'],
  ke_tps: ['ke_tps', 'tps_tujuan', 'tps'],
  berangkat: ['berangkat', 'waktu_berangkat'],
  tiba: ['tiba', 'waktu_tiba'],
  moda: ['moda', 'transportasi', 'angkutan'],
  jarak_km: ['jarak_km', 'jarak'],
  waktu_tempuh_menit: ['waktu_tempuh_menit', 'waktu_tempuh', 'menit'],
  kotak: ['kotak', 'kotak_suara', 'jumlah_kotak'],
  surat_suara: ['surat_suara', 'jumlah_surat_suara'],
  pengawal: ['pengawal', 'kebutuhan_pengawal', 'personel_pengawal'],
  keterangan: ['keterangan', 'catatan'],
};
const REQUIRED = [
  'ref',
  'dari',
  'dari_wilayah',
  'ke',
  'ke_wilayah',
  'berangkat',
  'tiba',
  'moda',
  'kotak',
  'surat_suara',
];

function titikOf(value: string): Titik | null {
  const v = underscoreKey(value).replace(/^gudang(_kpu)?$/, 'gudang_kpu');
  return (TITIK as readonly string[]).includes(v) ? (v as Titik) : null;
}

export function parseRencana(
  cells: readonly Cell[][],
  kodeKabKota: string,
  names: ReadonlyMap<string, string>,
): { rows: RencanaRow[]; errors: SheetError[] } {
  const errors: SheetError[] = [];
  const col = findColumns(cells[0] ?? [], HEADERS, underscoreKey);
  const missing = REQUIRED.filter((c) => !col.has(c));
  if (missing.length > 0)
    return {
      rows: [],
      errors: missing.map((c) => ({ row: 1, column: c, value: '', reason: 'Kolom wajib tidak ada' })),
    };
  const byName = new Map<string, string[]>();
  for (const [kode, nama] of names)
    byName.set(nama.toLowerCase(), [...(byName.get(nama.toLowerCase()) ?? []), kode]);
  const offset = ZONA_OFFSET_HOURS[zonaOf(kodeKabKota)];
  const rows: RencanaRow[] = [];
  const refs = new Set<string>();
  cells.slice(1).forEach((line, i) => {
    const rowNo = i + 2;
    if (line.every((c) => cellText(c) === '')) return;
    const get = (name: string) => cellText(line[col.get(name) ?? -1]);
    const bad = (column: string, reason: string) =>
      errors.push({ row: rowNo, column, value: get(column), reason });
    const before = errors.length;
    const ref = get('ref');
    if (ref === '') bad('ref', 'Wajib diisi');
    else if (refs.has(ref)) bad('ref', 'Ref dipakai lebih dari sekali');
    refs.add(ref);
    const titik = (name: 'dari' | 'ke') => {
      const t = titikOf(get(name));
      if (t === null) bad(name, 'Titik harus gudang_kpu, ppk, pps atau tps');
      return t;
    };
    const wilayah = (name: 'dari_wilayah' | 'ke_wilayah') => {
      const v = get(name);
      const kode = normalizeKodeWilayah(v);
      if (kode !== null && names.has(kode)) return kode;
      const found = byName.get(v.toLowerCase()) ?? [];
      if (found.length === 1) return found[0]!;
      bad(
        name,
        found.length > 1
          ? 'Nama wilayah tidak tunggal; tulis kodenya'
          : 'Wilayah tidak dikenal di kab/kota ini',
      );
      return null;
    };
    const int = (name: string, max: number, fallback?: number) => {
      const v = get(name);
      if (v === '' && fallback !== undefined) return fallback;
      const n = Number(v.replace(',', '.'));
      if (!Number.isInteger(n) || n < 0 || n > max) {
        bad(name, `Harus bilangan bulat 0-${max}`);
        return 0;
      }
      return n;
    };
    const waktu = (name: string) => {
      const v = get(name);
      const at = parseWaktuSetempat(v, offset);
      if (at === null) {
        bad(name, 'Waktu harus YYYY-MM-DD HH:MM atau ISO 8601 dengan zona');
        return '';
      }
      return at.toISOString();
    };
    const dari = titik('dari');
    const ke = titik('ke');
    const dariKode = wilayah('dari_wilayah');
    const keKode = wilayah('ke_wilayah');
    const tpsNo = (name: string) => (get(name) === '' ? null : int(name, 9999));
    const moda = underscoreKey(get('moda'));
    if (!(MODA as readonly string[]).includes(moda)) bad('moda', 'Moda harus darat, sungai, laut atau udara');
    const jarak = get('jarak_km') === '' ? 0 : Number(get('jarak_km').replace(',', '.'));
    if (!Number.isFinite(jarak) || jarak < 0 || jarak > 5000) bad('jarak_km', 'Jarak harus 0-5000 km');
    const leg = {
      dari: { titik: dari ?? 'gudang_kpu', kodeWilayah: dariKode ?? '', tpsNomor: tpsNo('dari_tps') },
      ke: { titik: ke ?? 'ppk', kodeWilayah: keKode ?? '', tpsNomor: tpsNo('ke_tps') },
      berangkat: waktu('berangkat'),
      tiba: waktu('tiba'),
      moda: moda as Moda,
      jarakKm: jarak,
      waktuTempuhMenit: int('waktu_tempuh_menit', 20_160, 0),
      kotak: int('kotak', 1_000_000),
      suratSuara: int('surat_suara', 100_000_000),
      kebutuhanPengawal: int('pengawal', 1000, 2),
      keterangan: get('keterangan').slice(0, 1000),
    };
    const sebelumnya = get('sebelumnya');
    if (sebelumnya !== '' && !refs.has(sebelumnya)) bad('sebelumnya', 'Rujukan harus ke ref di baris atas');
    if (errors.length === before)
      rows.push({ row: rowNo, ref, sebelumnyaRef: sebelumnya === '' ? null : sebelumnya, leg });
  });
  return { rows, errors };
}
