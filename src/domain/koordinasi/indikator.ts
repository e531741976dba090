/**
 * The seeds' indicators of success for a region: aman, lancar, damai (seed 000, 004), turnout
 * against the target, no conflict, and no re-voting (PSU). Each indicator says where its figure
 * comes from; a figure no module provides yet is "belum ada data", never a guess.
 */
import { angka, persen } from '../format/indonesia';

export type IndikatorStatus = 'tercapai' | 'perhatian' | 'belum_ada_data';

export interface IndikatorInput {
  readinessPercent: number | null;
  tindakLanjutTerlambat: number | null;
  rakorSelesai: number | null;
  partisipasiPersen: number | null;
  targetPartisipasiPersen: number | null;
  /** Verified or open incidents of high or critical severity (not dismissed, not duplicates). */
  insidenBerat: number | null;
  /** Of those and the rest: clashes and intimidation, the social conflict Tim Terpadu watches. */
  insidenKonflik: number | null;
  psuCount: number | null;
}

export interface Indikator {
  kode: 'aman' | 'lancar' | 'damai' | 'partisipasi' | 'tanpa_konflik' | 'tanpa_psu';
  nama: string;
  nilai: string | null;
  status: IndikatorStatus;
  sumber: string;
}

/** Readiness at or above this share counts as "lancar" (Siaga's default). */
export const LANCAR_MIN_READINESS = 90;

export function indikatorKeberhasilan(input: IndikatorInput): Indikator[] {
  const status = (known: boolean, ok: boolean): IndikatorStatus =>
    !known ? 'belum_ada_data' : ok ? 'tercapai' : 'perhatian';
  const konflik = input.insidenKonflik;
  const berat = input.insidenBerat;
  const partisipasiKnown = input.partisipasiPersen !== null && input.targetPartisipasiPersen !== null;
  return [
    {
      kode: 'aman',
      nama: 'Aman: tidak ada gangguan kamtibmas menonjol',
      nilai: berat === null ? null : `${angka(berat)} kejadian berat`,
      status: status(berat !== null, berat === 0),
      sumber: 'Laporan kejadian',
    },
    {
      kode: 'lancar',
      nama: 'Lancar: kesiapan tahapan sesuai jadwal',
      nilai: input.readinessPercent === null ? null : persen(input.readinessPercent),
      status: status(input.readinessPercent !== null, (input.readinessPercent ?? 0) >= LANCAR_MIN_READINESS),
      sumber: 'Daftar kesiapan',
    },
    {
      kode: 'damai',
      nama: 'Damai: keputusan rakor ditindaklanjuti',
      nilai:
        input.tindakLanjutTerlambat === null
          ? null
          : `${angka(input.rakorSelesai ?? 0)} rakor, ${angka(input.tindakLanjutTerlambat)} tindak lanjut terlambat`,
      status: status(input.tindakLanjutTerlambat !== null, input.tindakLanjutTerlambat === 0),
      sumber: 'Rakor dan tindak lanjut',
    },
    {
      kode: 'partisipasi',
      nama: 'Partisipasi pemilih mencapai target',
      nilai: partisipasiKnown
        ? `${persen(input.partisipasiPersen!)} (target ${persen(input.targetPartisipasiPersen!)})`
        : null,
      status: status(
        partisipasiKnown,
        (input.partisipasiPersen ?? 0) >= (input.targetPartisipasiPersen ?? 0),
      ),
      sumber: 'Hasil pemungutan suara (diisi operator)',
    },
    {
      kode: 'tanpa_konflik',
      nama: 'Tidak ada konflik sosial',
      nilai: konflik === null ? null : angka(konflik),
      status: status(konflik !== null, konflik === 0),
      sumber: 'Laporan kejadian',
    },
    {
      kode: 'tanpa_psu',
      nama: 'Tidak ada pemungutan suara ulang (PSU)',
      nilai: input.psuCount === null ? null : `${angka(input.psuCount)} TPS`,
      status: status(input.psuCount !== null, input.psuCount === 0),
      sumber: 'Diisi operator',
    },
  ];
}
