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
}
