/**
 * An officer's personal data (UU 27/2022): the shape of a NIK and a phone number, age, the masks a
 * reader without need to know sees, and who may see identity and health. Pure; rules and sources:
 * docs/domain/petugas.md §Privacy.
 */

/**
 * A NIK is 16 digits: 6 of the area of registration, 6 of the birth date (day + 40 for women), 4 of
 * sequence (UU 24/2013 Adminduk; Permendagri 72/2019). Only the shape and the date are checked here.
 */
export function checkNik(nik: string): { ok: true } | { ok: false; reason: string } {
  if (!/^\d{16}$/.test(nik)) return { ok: false, reason: 'NIK harus 16 angka' };
  const day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const dayOfMonth = day > 40 ? day - 40 : day;
  if (dayOfMonth < 1 || dayOfMonth > 31 || month < 1 || month > 12) {
    return { ok: false, reason: 'Tanggal lahir dalam NIK tidak mungkin' };
  }
  return { ok: true };
}

/** Indonesian mobile numbers: 08… or +628…, 10 to 13 digits after the leading 0. */
export function normalizeTelepon(raw: string): string | null {
  const digits = raw.replace(/[\s.\-()]/g, '');
  const local = digits.startsWith('+62')
    ? `0${digits.slice(3)}`
    : digits.startsWith('62')
      ? `0${digits.slice(2)}`
      : digits;
  return /^08\d{8,11}$/.test(local) ? local : null;
}

/** Age in whole years on a date (both ISO yyyy-mm-dd). */
export function usiaPada(tanggalLahir: string, pada: string): number {
  const [by, bm, bd] = tanggalLahir.split('-').map(Number) as [number, number, number];
  const [y, m, d] = pada.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Age limits of PPK, PPS and KPPS: 17 to 55 (PKPU 8/2022 Pasal 35; pilkada-facts §7). */
export const USIA_MIN = 17;
export const USIA_MAX = 55;

/** NIK: only the last four digits are shown ("************0012"). */
export function maskNik(nik: string | null): string | null {
  if (nik === null) return null;
  return `${'*'.repeat(Math.max(0, nik.length - 4))}${nik.slice(-4)}`;
}

/** A phone number: the operator prefix and the last two digits ("0812******78"). */
export function maskTelepon(telepon: string | null): string | null {
  if (telepon === null) return null;
  if (telepon.length <= 6) return '*'.repeat(telepon.length);
  return `${telepon.slice(0, 4)}${'*'.repeat(telepon.length - 6)}${telepon.slice(-2)}`;
}

/** What a reader may see of one officer: identity (NIK, phone, birth date) and health. */
export interface AksesDataPribadi {
  identitas: boolean;
  kesehatan: boolean;
}

/**
 * Need to know, decided once (docs/domain/petugas.md §Privacy): the KPU operator who keeps the roster
 * and the Dinas Kesehatan who screens see identity and health across their scope; a KPPS chair sees
 * those of their own TPS only; everyone else (Kesbangpol, camat, Forkopimda, Bawaslu, admin) sees
 * names, duties, hours and counts with identity and health masked. The role's permissions say
 * whether it may at all; an operator must also belong to the KPU (Kesbangpol's operators keep the
 * coordination desk, not the KPU's roster).
 */
export function aksesDataPribadi(
  reader: { role: string; agency: string; bolehIdentitas: boolean; bolehKesehatan: boolean },
  petugas: { isTpsSendiri: boolean },
): AksesDataPribadi {
  const lembagaBoleh = reader.role !== 'operator' || reader.agency === 'kpu';
  const tpsBoleh = reader.role !== 'kpps' || petugas.isTpsSendiri;
  return {
    identitas: reader.bolehIdentitas && lembagaBoleh && tpsBoleh,
    kesehatan: reader.bolehKesehatan && lembagaBoleh && tpsBoleh,
  };
}
