/**
 * Demo petugas (docs/domain/demo-data.md §Petugas): Palopo's KPPS for the demo election, seven for
 * every TPS (generated, synthetic NIK), the chair of TPS 001 Tompotikka linked to the demo account
 * kpps.tompotikka, and the Puskesmas checks of kecamatan Wara's KPPS already recorded (H-10: most fit,
 * some with a note, a few not fit).
 */
import type { Insertable, Kysely } from 'kysely';
import type { Database, PetugasSkriningTable } from '../schema';
import { tpsOfPemilihan } from '../pemilihan-tps';
import { createRng } from '../../../domain/random/rng';
import { generateKpps } from './generate-petugas';
import { DEMO_PEMILIHAN_ID } from './demo-pemilihan';

export async function seedDemoPetugas(trx: Kysely<Database>, votingDayOn: string): Promise<void> {
  const tps = await trx
    .selectFrom(tpsOfPemilihan(DEMO_PEMILIHAN_ID).as('t'))
    .select(['t.id', 't.kode', 't.kode_wilayah'])
    .where('t.kode_wilayah', 'like', '73.73.%')
    .orderBy('t.kode')
    .execute();
  const rows = generateKpps({ tps, hariPemungutan: votingDayOn, seed: 7373 });
  const chair = await trx
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', 'kpps.tompotikka')
    .executeTakeFirstOrThrow();
  const tompotikka001 = tps.find((t) => t.kode === '7373011001001')?.id;
  for (let i = 0; i < rows.length; i += 1000) {
    await trx
      .insertInto('petugas')
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          ...r,
          pemilihan_id: DEMO_PEMILIHAN_ID,
          user_id: r.tps_id === tompotikka001 && r.jabatan === 'ketua' ? chair.id : null,
          is_generated: true,
          created_by: null,
        })),
      )
      .execute();
  }
  // Wara's Puskesmas has checked its KPPS, ten days before H.
  const wara = await trx
    .selectFrom('petugas')
    .select(['id', 'tps_id'])
    .where('pemilihan_id', '=', DEMO_PEMILIHAN_ID)
    .where('kode_wilayah', 'like', '73.73.01.%')
    .orderBy('nik')
    .execute();
  const rng = createRng(1001);
  const checkedOn = new Date(Date.parse(`${votingDayOn}T00:00:00Z`) - 10 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const screenings = wara
    // Four in five are done; TPS 001 Tompotikka's are left for the Puskesmas to record (the demo's journey).
    .filter((p, i) => i % 5 !== 4 && p.tps_id !== tompotikka001)
    .map((p): Insertable<PetugasSkriningTable> => {
      const roll = rng();
      const hasil = roll < 0.85 ? 'layak' : roll < 0.97 ? 'layak_catatan' : 'tidak_layak';
      const sistolik = hasil === 'layak' ? 110 + Math.floor(rng() * 30) : 145 + Math.floor(rng() * 30);
      return {
        petugas_id: p.id,
        diperiksa_on: checkedOn,
        fasilitas: 'Puskesmas Wara',
        sistolik,
        diastolik: Math.round(sistolik * 0.62),
        gula_darah: 90 + Math.floor(rng() * (hasil === 'layak' ? 60 : 140)),
        faktor_risiko: hasil === 'layak' ? [] : ['hipertensi'],
        hasil,
        catatan: hasil === 'tidak_layak' ? 'Dianjurkan diganti anggota cadangan' : '',
        dicatat_oleh: null,
      };
    });
  for (let i = 0; i < screenings.length; i += 1000) {
    await trx
      .insertInto('petugas_skrining')
      .values(screenings.slice(i, i + 1000))
      .execute();
  }
}
