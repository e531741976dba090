/**
 * The recapitulation after the vote as places and times to guard (issue 13: "the recapitulation at
 * PPK/kecamatan and at KPU kab/kota as stages with their places, times and the forces that guard
 * them"): each kecamatan's PPK and the KPU kab/kota hold theirs at a venue, within their stage
 * (pilkada-facts §4.2: PPK H+1..H+6, KPU kab/kota H+2..H+9). Pure rules: which stage a venue falls
 * in, whether its times keep to it, and Siaga's default need of personnel (docs/domain/pemilihan.md).
 */
import { REKAPITULASI_KABKOTA } from '../koordinasi/tahapan';
import { addDays } from '../time/hari';
import { awalHariPadaOffset } from '../time/zona';
import { parseKodeWilayah } from '../wilayah/kode-wilayah';
import type { Tahapan } from './pemilihan';

export const TINGKAT_REKAP = ['ppk', 'kpu_kabkota'] as const;
export type TingkatRekap = (typeof TINGKAT_REKAP)[number];

/** A kecamatan holds the PPK's recapitulation, a kab/kota the KPU's; no other level holds one. */
export function tingkatRekapOf(kode: string): TingkatRekap | null {
  const parsed = parseKodeWilayah(kode);
  if (!parsed.ok) return null;
  if (parsed.value.level === 'kecamatan') return 'ppk';
  if (parsed.value.level === 'kabkota') return 'kpu_kabkota';
  return null;
}

/**
 * The stage of the election a level's recapitulation belongs to: its own tier where the template
 * has one (Pilkada: rekap_kecamatan, rekapitulasi_kabkota), else the whole recapitulation stage
 * (Pemilu, PSU, lanjutan). Null when the election has none (a Pilkades's count is at the desa).
 */
export function tahapanRekap(tingkat: TingkatRekap, tahapan: readonly Tahapan[]): Tahapan | null {
  const own = tingkat === 'ppk' ? 'rekap_kecamatan' : REKAPITULASI_KABKOTA;
  return (
    tahapan.find((t) => t.kode === own) ??
    tahapan.find((t) => t.kode === 'rekapitulasi') ??
    tahapan.find((t) => t.kode === REKAPITULASI_KABKOTA) ??
    null
  );
}

/**
 * Whether a venue's window keeps to its stage's days in the region's local time (zone offset in
 * hours): it starts on or after the first day and ends by midnight after the last.
 */
export function dalamTahapan(
  window: { mulai: Date; selesai: Date },
  tahapan: Tahapan,
  zoneOffsetHours: number,
): boolean {
  return (
    window.mulai >= awalHariPadaOffset(tahapan.mulaiOn, zoneOffsetHours) &&
    window.selesai <= awalHariPadaOffset(addDays(tahapan.selesaiOn, 1), zoneOffsetHours)
  );
}

/**
 * Siaga's default need at a recapitulation venue, offered in the form (Siaga default, configurable:
 * no published pattern; a PPK hall with a few ballot boxes, a KPU kab/kota hall with the whole
 * region's boxes and the witnesses of every paslon).
 */
export const KEBUTUHAN_REKAP_DEFAULT: Record<
  TingkatRekap,
  { polri: number; tni: number; linmas: number; satpolPp: number }
> = {
  ppk: { polri: 6, tni: 2, linmas: 4, satpolPp: 0 },
  kpu_kabkota: { polri: 20, tni: 6, linmas: 0, satpolPp: 4 },
};
