import { waktuSetempat } from '../../../domain/time/zona';

/** A report's time on its region's clock with the zone ("6 Des 2026, 18.00 WITA"), not the browser's. */
export function waktuLaporan(iso: string | null, kode: string): string {
  return iso === null ? '–' : waktuSetempat(iso, kode);
}
