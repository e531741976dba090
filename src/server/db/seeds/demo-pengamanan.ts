/**
 * Demo forces of Kabupaten Kutai Timur (64.08) as the Forkopimcam rakor of 30 October 2024 gives
 * them (seed 003): the Kapolres deploys 414 Polres personnel plus 200 from Polda and Brimob; Kodim
 * 0909/KTM and Lanal Sangatta attend; 18 kecamatan; the rakor recommends more polsek and koramil
 * where kecamatan lack them. Which kecamatan have a Polsek or Koramil, the split of the 414, the
 * Linmas and the tiga pilar names are GENERATED demo data (is_generated), documented in
 * docs/domain/pengamanan.md.
 */
import type { Insertable, Kysely } from 'kysely';
import type { TigaPilarPeran } from '../../../contracts/pengamanan';
import { DEFAULT_POLA } from '../../../domain/pengamanan/pola';
import { DEFAULT_RESERVE } from '../../../domain/pengamanan/pola';
import type { Database, PamUnitTable } from '../schema';
import { DEMO_PEMILIHAN_ID } from './demo-pemilihan';

/** A demo unit before it is given its election and client id. */
type DemoUnit = Omit<Insertable<PamUnitTable>, 'pemilihan_id' | 'client_id'>;

const KUTIM = '64.08';

/** Generated: Polsek personnel per kecamatan (12 of 18 kecamatan); with 150 at Mapolres, 414 in all. */
const POLSEK: Record<string, number> = {
  '04': 40, // Sangatta Utara
  '12': 30, // Sangatta Selatan
  '09': 25, // Bengalon
  '05': 25, // Sangkulirang
  '02': 22, // Muara Wahau
  '10': 20, // Kaliorang
  '01': 20, // Muara Ancalong
  '03': 18, // Muara Bengkal
  '08': 18, // Kongbeng
  '14': 16, // Rantau Pulung
  '13': 15, // Teluk Pandan
  '15': 15, // Kaubun
};
const MAPOLRES: [string, number][] = [
  ['Sat Samapta Polres Kutim', 70],
  ['Sat Lantas Polres Kutim', 35],
  ['Sat Reskrim Polres Kutim', 25],
  ['Sat Intelkam Polres Kutim', 20],
];
/** Generated: Koramil of Kodim 0909/KTM in 9 kecamatan, 10 personnel each. */
const KORAMIL = ['01', '02', '03', '04', '05', '06', '09', '10', '12'];

let clientSeq = 0;
const clientId = () => `5e1d0000-0000-4000-8000-0000000a${String(++clientSeq).padStart(4, '0')}`;

export async function seedDemoPengamanan(trx: Kysely<Database>): Promise<void> {
  clientSeq = 0;
  const kecamatan = await trx
    .selectFrom('wilayah')
    .select(['kode', 'nama'])
    .where('parent_kode', '=', KUTIM)
    .orderBy('kode')
    .execute();
  if (kecamatan.length === 0) return;
  const nama = new Map(kecamatan.map((k) => [k.kode, k.nama]));
  const tpsPerKelurahan = await trx
    .selectFrom('tps')
    .innerJoin('wilayah as kel', 'kel.kode', 'tps.kode_wilayah')
    .select(['tps.kode_wilayah', 'kel.nama', 'kel.parent_kode'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tps.kode_wilayah', 'like', `${KUTIM}.%`)
    .groupBy(['tps.kode_wilayah', 'kel.nama', 'kel.parent_kode'])
    .orderBy('tps.kode_wilayah')
    .execute();

  const base = { kode_kabkota: KUTIM, is_generated: true, source: 'manual', created_by: null } as const;
  const units: DemoUnit[] = [
    ...MAPOLRES.map(([n, jumlah]): DemoUnit => ({
      ...base,
      force: 'polres',
      kind: 'polri',
      nama: n,
      jumlah,
      home_kecamatan: null,
      available: true,
      keterangan: 'Mapolres (data contoh)',
    })),
    ...Object.entries(POLSEK).map(([k, jumlah]): DemoUnit => ({
      ...base,
      force: 'polsek',
      kind: 'polri',
      nama: `Polsek ${nama.get(`${KUTIM}.${k}`) ?? k}`,
      jumlah,
      home_kecamatan: `${KUTIM}.${k}`,
      available: true,
      keterangan: 'Sebaran polsek: data contoh',
    })),
    // The 200 from Polda and Brimob are promised but arrive shortly before voting day: recorded,
    // not yet available, so the H-7 plan shows the shortfall they will close.
    {
      ...base,
      force: 'bko_polda',
      kind: 'polri',
      nama: 'BKO Polda Kaltim',
      jumlah: 100,
      home_kecamatan: null,
      available: false,
      keterangan: 'Belum tiba: dijadwalkan H-3 (data contoh)',
    },
    {
      ...base,
      force: 'brimob',
      kind: 'polri',
      nama: 'Kompi BKO Sat Brimob Polda Kaltim',
      jumlah: 100,
      home_kecamatan: null,
      available: false,
      keterangan: 'Belum tiba: dijadwalkan H-3 (data contoh)',
    },
    {
      ...base,
      force: 'kodim',
      kind: 'tni',
      nama: 'Makodim 0909/KTM',
      jumlah: 40,
      home_kecamatan: null,
      available: true,
      keterangan: 'data contoh',
    },
    ...KORAMIL.map((k): DemoUnit => ({
      ...base,
      force: 'koramil',
      kind: 'tni',
      nama: `Koramil ${nama.get(`${KUTIM}.${k}`) ?? k}`,
      jumlah: 10,
      home_kecamatan: `${KUTIM}.${k}`,
      available: true,
      keterangan: 'Sebaran koramil: data contoh',
    })),
    {
      ...base,
      force: 'lanal',
      kind: 'tni',
      nama: 'Lanal Sangatta',
      jumlah: 25,
      home_kecamatan: null,
      available: true,
      keterangan: 'Juga distribusi logistik lewat laut (data contoh)',
    },
    {
      ...base,
      force: 'satpol_pp',
      kind: 'satpol_pp',
      nama: 'Satpol PP Kabupaten Kutai Timur',
      jumlah: 60,
      home_kecamatan: null,
      available: true,
      keterangan: 'data contoh',
    },
    // Linmas: 2 per TPS, from their own kelurahan/desa.
    ...tpsPerKelurahan.map((kel): DemoUnit => ({
      ...base,
      force: 'linmas',
      kind: 'linmas',
      nama: `Linmas ${kel.nama}`,
      jumlah: 2 * Number(kel.n),
      home_kecamatan: kel.parent_kode,
      home_kelurahan: kel.kode_wilayah,
      available: true,
      keterangan: '2 per TPS (data contoh)',
    })),
  ];
  for (let i = 0; i < units.length; i += 200)
    await trx
      .insertInto('pam_unit')
      .values(
        units.slice(i, i + 200).map((u) => ({
          home_kelurahan: null,
          ...u,
          pemilihan_id: DEMO_PEMILIHAN_ID,
          client_id: clientId(),
        })),
      )
      .execute();

  await trx
    .insertInto('pam_setting')
    .values({
      pemilihan_id: DEMO_PEMILIHAN_ID,
      kode_kabkota: KUTIM,
      // Kapolres Kutim at the rakor: "dua personel di setiap TPS di kawasan rawan" (seed 003).
      pola: JSON.stringify({ ...DEFAULT_POLA, rawan: { polri: 2, tps: 1, linmasPerTps: 2 } }),
      reserve: JSON.stringify(DEFAULT_RESERVE),
      catatan: 'Rawan 2 Polri per TPS menurut Kapolres Kutim di rakor 30 Oktober 2024; lainnya bawaan Siaga.',
      updated_by: null,
    })
    .execute();

  // Tiga pilar (generated): a kepala desa everywhere; a Bhabinkamtibmas per desa where there is a
  // Polsek, except Muara Wahau where one serves three desa; a Babinsa per desa where there is a
  // Koramil, with the first desa of Sangkulirang vacant.
  const pilar: {
    pemilihan_id: string;
    kode_kabkota: string;
    kode_kelurahan: string;
    peran: TigaPilarPeran;
    nama: string;
    is_generated: boolean;
  }[] = [];
  let wahau = 0;
  let sangkulirangVacant = false;
  for (const kel of tpsPerKelurahan) {
    const kec = (kel.parent_kode ?? '').slice(-2);
    const row = (peran: TigaPilarPeran, n: string) =>
      pilar.push({
        pemilihan_id: DEMO_PEMILIHAN_ID,
        kode_kabkota: KUTIM,
        kode_kelurahan: kel.kode_wilayah,
        peran,
        nama: n,
        is_generated: true,
      });
    row('lurah', `Kepala Desa ${kel.nama} (contoh)`);
    if (POLSEK[kec] !== undefined)
      row(
        'bhabinkamtibmas',
        kec === '02'
          ? `Bhabinkamtibmas Muara Wahau ${Math.floor(wahau++ / 3) + 1} (contoh)`
          : `Bhabinkamtibmas ${kel.nama} (contoh)`,
      );
    if (KORAMIL.includes(kec)) {
      if (kec === '05' && !sangkulirangVacant) sangkulirangVacant = true;
      else row('babinsa', `Babinsa ${kel.nama} (contoh)`);
    }
  }
  for (let i = 0; i < pilar.length; i += 500)
    await trx
      .insertInto('pam_tiga_pilar')
      .values(pilar.slice(i, i + 500))
      .execute();
}
