/**
 * The kerawanan figures the database keeps per kecamatan (rollup_kerawanan) and the TPS and DPT it
 * keeps per area (rollup_tps) against a full scan of TPS, assessments and overrides, after every
 * kind of change that can move them:
 * checklists and their retirement, overrides set and withdrawn (one and many), rows removed, a TPS
 * moved to another kelurahan and kecamatan, a TPS registered and one removed with its assessments,
 * an election's TPS list (a PSU) made and emptied, and many concurrent changes in one kecamatan.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAWASLU_TPS_2024, PHASES } from '../../../domain/kerawanan/catalogue';
import type { Kategori } from '../../../domain/kerawanan/score-tps';
import type { DatabaseHandle } from '../../db/client';
import { DEMO_PEMILIHAN_ID } from '../../db/seeds/demo-pemilihan';
import { createTestDatabase } from '../../testing/test-db';
import {
  insertAssessments,
  replaceOverride,
  replaceOverrides,
  retireCurrentAssessments,
} from './kerawanan.repo';
import { summaryFromRollup, summaryFromScan } from './kerawanan-summary';

let database: DatabaseHandle;
let psuId: string;
let decidedBy: string;

beforeAll(async () => {
  database = await createTestDatabase();
  decidedBy = (
    await database.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow()
  ).id;
  psuId = randomUUID();
  await database.db
    .insertInto('pemilihan')
    .values({
      id: psuId,
      nama: 'PSU uji ringkasan',
      jenis: 'psu',
      hari_pemungutan: '2024-12-08',
      kode_wilayah: '73.73',
      induk_id: DEMO_PEMILIHAN_ID,
    })
    .execute();
});
afterAll(async () => {
  await database.close();
});

const tpsOf = (prefix: string, limit: number) =>
  database.db
    .selectFrom('tps')
    .select(['id', 'kode_wilayah'])
    .where('kode_wilayah', 'like', `${prefix}%`)
    .orderBy('kode')
    .limit(limit)
    .execute();

/** Every election, phase and level of area: the kept figures answer exactly as the scan. */
async function same(step: string): Promise<void> {
  // TPS and DPT per area, at every level from the nation ('') to the kelurahan.
  const kept = await sql<{ kode: string; tps: number; dpt: number }>`
    SELECT kode, tps, dpt FROM rollup_tps WHERE tps <> 0 OR dpt <> 0 ORDER BY kode`.execute(database.db);
  const scanned = await sql<{ kode: string; tps: number; dpt: number }>`
    SELECT chain.k AS kode, count(*)::int AS tps, sum(t.dpt_total)::bigint AS dpt
    FROM tps t, unnest(siaga_wilayah_chain(t.kode_wilayah)) AS chain (k)
    GROUP BY chain.k ORDER BY chain.k COLLATE "C"`.execute(database.db);
  expect(kept.rows, step).toEqual(scanned.rows);
  // The nation (per provinsi), a kab/kota (per kecamatan) and one kecamatan
  // (the smallest area read from the figures).
  const scopes = [null, '73.73', '73.73.01'];
  for (const pemilihanId of [DEMO_PEMILIHAN_ID, psuId]) {
    for (const phase of PHASES) {
      for (const scope of scopes) {
        const args = [database.db, pemilihanId, scope, phase, BAWASLU_TPS_2024] as const;
        expect(await summaryFromRollup(...args), `${step}: ${pemilihanId} ${phase} ${scope}`).toEqual(
          await summaryFromScan(...args),
        );
      }
    }
  }
}

const assessment = (
  pemilihanId: string,
  tpsId: string,
  indicators: string[],
  kategori: Kategori,
): Parameters<typeof insertAssessments>[1][number] => ({
  pemilihan_id: pemilihanId,
  tps_id: tpsId,
  phase: 'pra',
  catalogue_id: BAWASLU_TPS_2024.id,
  catalogue_version: BAWASLU_TPS_2024.version,
  indicators,
  notes: {},
  score: indicators.length,
  kategori,
  contributions: [],
  submission_id: randomUUID(),
  assessed_by: null,
});

describe('kerawanan figures kept per kecamatan', () => {
  it('equal a full scan after every kind of change', async () => {
    const { db } = database;
    const indicators = BAWASLU_TPS_2024.indicators.map((i) => i.kode);
    const wara = await tpsOf('73.73.01.', 6);
    const other = await tpsOf('73.73.02.', 3);
    expect(wara.length).toBe(6);
    expect(other.length).toBe(3);
    await same('as seeded');

    // A checklist: the current rows retired, new ones written (one with a code twice and one unknown).
    const [a, b, c, d, e, f] = wara.map((t) => t.id) as [string, string, string, string, string, string];
    await db.transaction().execute(async (trx) => {
      await retireCurrentAssessments(trx, DEMO_PEMILIHAN_ID, [a, b, c], 'pra');
      await insertAssessments(trx, [
        assessment(DEMO_PEMILIHAN_ID, a, [indicators[0]!, indicators[0]!, indicators[3]!], 'rawan'),
        assessment(DEMO_PEMILIHAN_ID, b, ['bukan_indikator', indicators[1]!], 'sangat_rawan'),
        assessment(DEMO_PEMILIHAN_ID, c, [], 'kurang_rawan'),
      ]);
    });
    await same('checklist');
    // A checklist in another phase and in the PSU (before it lists its TPS, every TPS counts).
    await insertAssessments(db, [
      { ...assessment(DEMO_PEMILIHAN_ID, d, [indicators[2]!], 'rawan'), phase: 'saat' },
      assessment(psuId, d, [indicators[4]!], 'khusus'),
      assessment(psuId, c, [indicators[4]!, indicators[6]!], 'sangat_rawan'),
      assessment(psuId, other[0]!.id, [indicators[5]!], 'rawan'),
    ]);
    await same('other phase and election');

    // Overrides: one set, one withdrawn, one on a TPS with no assessment, many at once.
    await replaceOverride(db, {
      pemilihan_id: DEMO_PEMILIHAN_ID,
      tps_id: a,
      phase: 'pra',
      kategori: 'khusus',
      reason: 'Hasil rapat koordinasi',
      decided_by: decidedBy,
    });
    await same('override');
    await replaceOverride(db, {
      pemilihan_id: DEMO_PEMILIHAN_ID,
      tps_id: a,
      phase: 'pra',
      kategori: null,
      reason: 'Dicabut setelah rapat',
      decided_by: decidedBy,
    });
    await retireCurrentAssessments(db, DEMO_PEMILIHAN_ID, [e], 'pra');
    await replaceOverride(db, {
      pemilihan_id: DEMO_PEMILIHAN_ID,
      tps_id: e,
      phase: 'pra',
      kategori: 'sangat_rawan',
      reason: 'Tanpa penilaian PKD',
      decided_by: decidedBy,
    });
    await same('override withdrawn, override without assessment');
    await replaceOverrides(
      db,
      { pemilihanId: DEMO_PEMILIHAN_ID, phase: 'pra' },
      [b, c, other[1]!.id].map((tps_id) => ({
        tps_id,
        kategori: 'rawan',
        reason: 'Daftar Polres Palopo',
        decided_by: decidedBy,
      })),
    );
    await same('many overrides');

    // Rows removed outright.
    await db.deleteFrom('kerawanan_override').where('tps_id', '=', b).execute();
    await db
      .deleteFrom('kerawanan_assessment')
      .where('tps_id', '=', c)
      .where('pemilihan_id', '=', DEMO_PEMILIHAN_ID)
      .execute();
    await same('rows deleted');

    // A TPS moved to another kelurahan of its kecamatan, then to another kecamatan.
    const sameKecamatan = (
      await db
        .selectFrom('wilayah')
        .select('kode')
        .where('parent_kode', '=', '73.73.01')
        .where('kode', '!=', wara[0]!.kode_wilayah)
        .orderBy('kode')
        .executeTakeFirstOrThrow()
    ).kode;
    const move = (id: string, kode: string) =>
      db
        .updateTable('tps')
        .set({ kode_wilayah: kode, nomor: 901, kode: `${kode.replaceAll('.', '')}901` })
        .where('id', '=', id)
        .execute();
    await move(a, sameKecamatan);
    await same('moved within its kecamatan');
    await move(a, other[0]!.kode_wilayah);
    await db
      .updateTable('tps')
      .set({ dpt_total: 300, dpt_laki: 150, dpt_perempuan: 150 })
      .where('id', '=', d)
      .execute();
    await same('moved to another kecamatan, another edited');

    // A TPS registered, and one removed with its assessments and overrides.
    await db
      .insertInto('tps')
      .values({
        kode_wilayah: wara[0]!.kode_wilayah,
        nomor: 950,
        kode: `${wara[0]!.kode_wilayah.replaceAll('.', '')}950`,
        dpt_total: 200,
      })
      .execute();
    await db.deleteFrom('tps').where('id', '=', f).execute();
    await db.deleteFrom('tps').where('id', '=', e).execute();
    await same('TPS registered and removed');

    // The PSU lists its TPS (only they count), then one more, then none (every TPS counts again).
    await db
      .insertInto('pemilihan_tps')
      .values([{ pemilihan_id: psuId, tps_id: d, alasan: 'uji' }])
      .execute();
    await same('PSU lists one TPS');
    await db
      .insertInto('pemilihan_tps')
      .values([{ pemilihan_id: psuId, tps_id: other[0]!.id, alasan: 'uji' }])
      .execute();
    await same('PSU lists two TPS');
    await db.deleteFrom('pemilihan_tps').where('pemilihan_id', '=', psuId).execute();
    await same('PSU list emptied');

    // Many changes to one kecamatan at once (concurrent transactions on PostgreSQL).
    const wave = await tpsOf('73.73.02.', 12);
    await Promise.all(
      wave.map((t, i) =>
        db.transaction().execute(async (trx) => {
          await retireCurrentAssessments(trx, DEMO_PEMILIHAN_ID, [t.id], 'pra');
          await insertAssessments(trx, [
            assessment(DEMO_PEMILIHAN_ID, t.id, indicators.slice(i % 5, (i % 5) + 2), 'rawan'),
          ]);
          if (i % 3 === 0) {
            await replaceOverride(trx, {
              pemilihan_id: DEMO_PEMILIHAN_ID,
              tps_id: t.id,
              phase: 'pra',
              kategori: 'sangat_rawan',
              reason: 'Penetapan serentak',
              decided_by: decidedBy,
            });
          }
        }),
      ),
    );
    await same('concurrent changes');
    // Some thirty comparisons after each of fifteen steps, each with a national scan: slow on the embedded engine.
  }, 180_000);
});
