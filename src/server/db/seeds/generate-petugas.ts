/**
 * Generated KPPS rosters (docs/domain/demo-data.md §Petugas): seven per TPS, one ketua and six
 * anggota, for the demo and the benchmark. Deterministic. The NIK are shaped like real ones (16
 * digits, a birth date with day + 40 for women) but clearly synthetic: their area part names
 * kecamatan 99 of the kab/kota, which no kab/kota has. Ages 20 to 54 on voting day (PKPU 8/2022:
 * 17 to 55). Phone numbers are 0852 followed by eight generated digits.
 */
import { createRng } from '../../../domain/random/rng';

const LAKI = [
  'Muhammad',
  'Ahmad',
  'Andi Baso',
  'Rahmat',
  'Syamsul',
  'Irwan',
  'Hasanuddin',
  'Asriadi',
  'Muhlis',
  'Yusuf',
  'Arifin',
  'Jufri',
  'Saharuddin',
  'Ilham',
  'Fadli',
  'Rusdi',
  'Akbar',
  'Haerul',
];
const PEREMPUAN = [
  'Sitti',
  'Nurhaeda',
  'Fitriani',
  'Risma',
  'Jumriani',
  'Hasnah',
  'Sukarni',
  'Ramlah',
  'Kasmawati',
  'Andi Tenri',
  'Nurul',
  'Musdalifah',
  'Hartati',
  'Irma',
  'Wahyuni',
  'Rosmiati',
  'Asma',
  'Darmawati',
];
const KELUARGA = [
  'Pawelloi',
  'Tandi',
  'Rahman',
  'Syam',
  'Latif',
  'Hamid',
  'Amir',
  'Salam',
  'Lamba',
  'Mappa',
  'Tahir',
  'Ridwan',
  'Basri',
  'Kadir',
  'Said',
  'Nur',
  'Hafid',
  'Majid',
];

/** Days in the span of birth dates (35 years: ages 20 to 54). */
const SPAN_DAYS = 35 * 365;

export interface GeneratedPetugas {
  jenis: 'kpps';
  jabatan: 'ketua' | 'anggota';
  kode_wilayah: string;
  tps_id: string;
  nama: string;
  nik: string;
  telepon: string;
  tanggal_lahir: string;
  jenis_kelamin: 'L' | 'P';
}

/** Seven KPPS for each TPS, in TPS order; `hariPemungutan` (yyyy-mm-dd) dates the ages. */
export function generateKpps(input: {
  tps: readonly { id: string; kode_wilayah: string }[];
  hariPemungutan: string;
  seed: number;
}): GeneratedPetugas[] {
  const rng = createRng(input.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  // The youngest birth date: 20 years before voting day; the span runs back 35 years from it.
  const voting = new Date(`${input.hariPemungutan}T00:00:00Z`);
  const youngest = Date.UTC(voting.getUTCFullYear() - 20, voting.getUTCMonth(), voting.getUTCDate() - 1);
  const perKabKota = new Map<string, number>();
  const out: GeneratedPetugas[] = [];
  for (const tps of input.tps) {
    const kabKota = tps.kode_wilayah.slice(0, 5);
    for (let k = 0; k < 7; k++) {
      const i = perKabKota.get(kabKota) ?? 0;
      perKabKota.set(kabKota, i + 1);
      // Birth date and sequence from the running index (7919 is prime to the span, so each block of
      // SPAN_DAYS officers has every date once and the next block the next sequence): a NIK unique
      // within a kab/kota for 127 million officers.
      const perempuan = rng() < 0.45;
      const born = new Date(youngest - ((i * 7919) % SPAN_DAYS) * 86_400_000);
      const dd = born.getUTCDate() + (perempuan ? 40 : 0);
      const seq = Math.floor(i / SPAN_DAYS) + 1;
      const nik =
        `${kabKota.replace('.', '')}99` +
        `${String(dd).padStart(2, '0')}${String(born.getUTCMonth() + 1).padStart(2, '0')}` +
        `${String(born.getUTCFullYear() % 100).padStart(2, '0')}${String(seq).padStart(4, '0')}`;
      out.push({
        jenis: 'kpps',
        jabatan: k === 0 ? 'ketua' : 'anggota',
        kode_wilayah: tps.kode_wilayah,
        tps_id: tps.id,
        nama: `${pick(perempuan ? PEREMPUAN : LAKI)} ${pick(KELUARGA)}`,
        nik,
        telepon: `0852${String(Math.floor(rng() * 1e8)).padStart(8, '0')}`,
        tanggal_lahir: born.toISOString().slice(0, 10),
        jenis_kelamin: perempuan ? 'P' : 'L',
      });
    }
  }
  return out;
}
