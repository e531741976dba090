/**
 * A recapitulation venue's row as the contract's answer: its level and stage from the election, and
 * whether its window lies inside that stage on the area's own clock.
 */
import type { Tugas } from '../../../contracts/pengamanan';
import type { RekapVenue } from '../../../contracts/rekapitulasi';
import { dalamTahapan, tahapanRekap, tingkatRekapOf } from '../../../domain/pemilihan/rekapitulasi';
import { ZONA_OFFSET_HOURS, zonaOf } from '../../../domain/time/zona';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { RekapLokasiRow } from './rekapitulasi.repo';

const iso = (d: Date | string) => new Date(d).toISOString();

export function venueOf(
  pemilihan: PemilihanContext,
  area: { kode: string; nama: string },
  row: RekapLokasiRow | undefined,
  tugas: Tugas | undefined,
): RekapVenue {
  const tingkat = tingkatRekapOf(area.kode)!;
  const tahapan = tahapanRekap(tingkat, pemilihan.tahapan);
  const zone = ZONA_OFFSET_HOURS[zonaOf(area.kode)];
  return {
    kodeWilayah: area.kode,
    nama: area.nama,
    tingkat,
    tahapan,
    lokasi: row
      ? {
          tempat: row.tempat,
          alamat: row.alamat,
          mulai: iso(row.mulai),
          selesai: iso(row.selesai),
          dalamTahapan:
            tahapan !== null &&
            dalamTahapan({ mulai: new Date(row.mulai), selesai: new Date(row.selesai) }, tahapan, zone),
          version: row.version,
        }
      : null,
    tugas: tugas ?? null,
  };
}
