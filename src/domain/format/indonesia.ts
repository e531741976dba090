/**
 * Numbers and dates the Indonesian way in texts Siaga composes (issue 14): a comma before decimals and
 * a dot between thousands ("77,5%", "2.837 TPS"), dates as "7 Desember 2026" (Intl `id-ID`, the
 * convention of PUEBI and of KPU's own documents). Every server-composed text (indicator lines, alerts,
 * PDF lines) writes its figures through these, never with `String(n)` or `toFixed`.
 */
const ANGKA = new Map<number, Intl.NumberFormat>();

/** A number with at most `desimal` decimals: 2837 → "2.837", 77.46 → "77,5". */
export function angka(n: number, desimal = 1): string {
  let format = ANGKA.get(desimal);
  if (!format) {
    format = new Intl.NumberFormat('id-ID', { maximumFractionDigits: desimal });
    ANGKA.set(desimal, format);
  }
  return format.format(n);
}

/** A percentage written after its number without a space: 77.5 → "77,5%". */
export function persen(n: number, desimal = 1): string {
  return `${angka(n, desimal)}%`;
}

// Made on first use, not when the module loads: building a date format loads the locale's calendar
// data, about 20 ms on a phone before the first page can show, for pages that never write a date.
let tanggalFormat: Intl.DateTimeFormat | undefined;

/** A calendar day (YYYY-MM-DD) in words: "2026-12-07" → "7 Desember 2026". */
export function tanggal(hari: string): string {
  tanggalFormat ??= new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'UTC' });
  return tanggalFormat.format(new Date(`${hari}T00:00:00Z`));
}

/** Whether a figure is a count or measure (jumlah) or a percentage (persen). */
export type Satuan = 'jumlah' | 'persen';

/**
 * A figure that may be missing, in its unit: 99.06 persen → "99,1%" (as Intl id-ID's percent style
 * writes it, no space), 2837 → "2.837", null → "–" (an empty cell in a table).
 */
export function nilai(n: number | null, satuan: Satuan = 'jumlah'): string {
  if (n === null) return '–';
  return satuan === 'persen' ? persen(n) : angka(n);
}

/** A change between two figures with its sign: +1,5%, -3, 0; null → "–". */
export function selisih(n: number | null, satuan: Satuan = 'jumlah'): string {
  if (n === null) return '–';
  return `${n > 0 ? '+' : ''}${nilai(n, satuan)}`;
}
