/**
 * 20261206T0060 gives the top situation level its own word (issue #16): stored reports written as
 * "rawan" read "genting" afterwards, with the roll-up they kept of the level below.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createEmptyDatabase } from '../testing/test-db';
import type { DatabaseHandle } from './client';
import { migrate } from './migrate';

const BEFORE = '20261206T0040_laporan_versi';

let handle: DatabaseHandle | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

const FIXTURE = `
INSERT INTO wilayah (kode, nama, level, jenis, parent_kode) VALUES
  ('73', 'SULAWESI SELATAN', 1, 'provinsi', NULL),
  ('73.73', 'KOTA PALOPO', 2, 'kota', '73'),
  ('73.73.01', 'WARA', 3, 'kecamatan', '73.73'),
  ('73.73.01.1001', 'TOMPOTIKKA', 4, 'kelurahan', '73.73.01');
INSERT INTO app_user (id, username, nama, password_hash, role, agency, kode_wilayah) VALUES
  ('11111111-1111-4111-8111-111111111111', 'camat.wara', 'Camat', 'x', 'camat', 'pemda', '73.73.01');
-- The election 20261206T0012 makes wherever users exist, into which 0050 moves the reports.
INSERT INTO pemilihan (id, nama, jenis, hari_pemungutan, kode_wilayah) VALUES
  ('00000000-0000-4000-8000-000000002024', 'Pilkada Serentak 2024', 'pilkada_serentak', DATE '2024-11-27', NULL);
INSERT INTO tps (id, kode_wilayah, nomor, kode, dpt_total) VALUES
  ('22222222-2222-4222-8222-222222222222', '73.73.01.1001', 1, '7373011001001', 250);
INSERT INTO laporan_situasi (client_id, kode_wilayah, slot_at, situasi, rollup, dibuat_at, submitted_by) VALUES
  (gen_random_uuid(), '73.73.01', now(), 'rawan',
   '{"level": "rawan", "perLevel": {"kondusif": 3, "waspada": 1, "rawan": 2}, "melapor": []}',
   now(), '11111111-1111-4111-8111-111111111111'),
  (gen_random_uuid(), '73.73.01.1001', now(), 'waspada', NULL, now(), '11111111-1111-4111-8111-111111111111');
INSERT INTO tps_situasi (client_id, tps_id, situasi, dibuat_at, created_by) VALUES
  (gen_random_uuid(), '22222222-2222-4222-8222-222222222222', 'rawan', now(), '11111111-1111-4111-8111-111111111111');
`;

describe('20261206T0060 situasi genting', () => {
  it('moves stored "rawan" situation levels and roll-ups to "genting", and refuses "rawan" afterwards', async () => {
    handle = await createEmptyDatabase();
    await migrate(handle, { through: BEFORE });
    await handle.execScript(FIXTURE);
    await migrate(handle);
    const laporan = await handle.db
      .selectFrom('laporan_situasi')
      .select(['kode_wilayah', 'situasi', 'rollup'])
      .orderBy('kode_wilayah')
      .execute();
    expect(laporan).toEqual([
      {
        kode_wilayah: '73.73.01',
        situasi: 'genting',
        rollup: { level: 'genting', perLevel: { kondusif: 3, waspada: 1, genting: 2 }, melapor: [] },
      },
      { kode_wilayah: '73.73.01.1001', situasi: 'waspada', rollup: null },
    ]);
    const tps = await handle.db.selectFrom('tps_situasi').select('situasi').execute();
    expect(tps).toEqual([{ situasi: 'genting' }]);
    await expect(
      handle.execScript(
        `INSERT INTO tps_situasi (client_id, tps_id, situasi, dibuat_at, created_by) VALUES (gen_random_uuid(), '22222222-2222-4222-8222-222222222222', 'rawan', now(), '11111111-1111-4111-8111-111111111111')`,
      ),
    ).rejects.toThrow();
  });
});
