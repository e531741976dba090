import { compactKode } from '../wilayah/kode-wilayah';

/** Highest TPS number a kelurahan/desa may carry; KPU numbers TPS with three digits (001-999). */
export const MAX_NOMOR_TPS = 999;

/**
 * The TPS code used by KPU (Sirekap): the 10-digit kelurahan code followed by the 3-digit TPS
 * number, e.g. `7373011001012` for TPS 012 in 73.73.01.1001. Source: docs/domain/wilayah.md §TPS.
 */
export function formatKodeTps(kodeKelurahan: string, nomor: number): string {
  return `${compactKode(kodeKelurahan)}${String(nomor).padStart(3, '0')}`;
}

/** Display name of a TPS: "TPS 012". */
export function formatNamaTps(nomor: number): string {
  return `TPS ${String(nomor).padStart(3, '0')}`;
}
