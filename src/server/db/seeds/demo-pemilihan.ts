/**
 * The demo's elections: an upcoming one that the demo data belongs to, dated from the day the demo
 * is made (voting day ten days ahead unless SIAGA_VOTING_DAY says otherwise), so a newcomer's first
 * screen is a preparation in progress; and Pilkada Serentak 2024, closed, as the last election the
 * anev compares with (docs/domain/demo-data.md).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** Fixed ids: tests, e2e journeys and later migrations name them. */
export const PILKADA_2024_ID = '00000000-0000-4000-8000-000000002024';
export const DEMO_PEMILIHAN_ID = '00000000-0000-4000-8000-0000000de300';

/**
 * Pilkada 2024 as the anev sees it: the KPU figures of the five seed regions (pilkada-facts §6),
 * entered as its summary, since that election was never run in this demo. Only sourced figures:
 * TPS per region (per kecamatan for Kota Probolinggo), Palopo's MK-ordered PSU at all 260 TPS
 * (24 May 2025) and Balikpapan's none.
 */
const RINGKASAN_2024: readonly { kode: string; metrik: string; nilai: number }[] = [
  { kode: '73.73', metrik: 'tps', nilai: 260 },
  { kode: '73.73', metrik: 'psu_tps', nilai: 260 },
  { kode: '35.74', metrik: 'tps', nilai: 328 },
  { kode: '53.71', metrik: 'tps', nilai: 552 },
  { kode: '64.08', metrik: 'tps', nilai: 701 },
  { kode: '64.71', metrik: 'tps', nilai: 996 },
  { kode: '64.71', metrik: 'psu_tps', nilai: 0 },
];
const TPS_PROBOLINGGO_2024: Record<string, number> = {
  MAYANGAN: 88,
  KANIGARAN: 82,
  KADEMANGAN: 60,
  KEDOPOK: 50,
  WONOASIH: 48,
};
const SUMBER_2024 = 'KPU, Pilkada 2024 (pilkada-facts §6)';

export async function seedDemoPemilihan(trx: Kysely<Database>, votingDayOn: string): Promise<void> {
  await trx
    .insertInto('pemilihan')
    .values({
      id: PILKADA_2024_ID,
      nama: 'Pilkada Serentak 2024',
      jenis: 'pilkada_serentak',
      hari_pemungutan: '2024-11-27',
      kode_wilayah: null,
      // Closed after the last MK-ordered PSU of the cycle was counted (Palopo, 24 May 2025).
      ditutup_at: new Date('2025-06-30T00:00:00+08:00'),
      catatan: 'Pemilihan serentak gubernur, bupati dan wali kota (PKPU 2/2024).',
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await trx
    .insertInto('pemilihan')
    .values({
      id: DEMO_PEMILIHAN_ID,
      nama: `Simulasi Pilkada ${votingDayOn.slice(0, 4)}`,
      jenis: 'pilkada_serentak',
      hari_pemungutan: votingDayOn,
      kode_wilayah: null,
      is_generated: true,
      catatan: 'Pemilihan contoh untuk mencoba Siaga; tanggalnya dihitung dari hari data demo dibuat.',
    })
    .execute();
  const kecamatanProbolinggo = await trx
    .selectFrom('wilayah')
    .select(['kode', 'nama'])
    .where('parent_kode', '=', '35.74')
    .execute();
  const rows = [
    ...RINGKASAN_2024,
    ...kecamatanProbolinggo.flatMap((k) => {
      const tps = TPS_PROBOLINGGO_2024[k.nama.toUpperCase()];
      return tps === undefined ? [] : [{ kode: k.kode, metrik: 'tps', nilai: tps }];
    }),
  ];
  await trx
    .insertInto('anev_ringkasan')
    .values(
      rows.map((r) => ({
        pemilihan_id: PILKADA_2024_ID,
        kode_wilayah: r.kode,
        metrik: r.metrik,
        nilai: r.nilai,
        sumber: SUMBER_2024,
      })),
    )
    .onConflict((oc) => oc.columns(['pemilihan_id', 'kode_wilayah', 'metrik']).doNothing())
    .execute();
}
