/**
 * The group-committed status ingest against a real database: reports submitted together are written
 * as one batch, and each is still checked and answered as if it had come alone.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../domain/access/scope';
import { actorOf, answers } from '../../testing/batch';
import { pemilihanContext } from '../../testing/pemilihan';
import { createTestDatabase } from '../../testing/test-db';
import type { DatabaseHandle } from '../../db/client';
import { createWilayahService } from '../wilayah/wilayah.service';
import { createHariHService } from './hari-h.service';
import { findRollup, scanRollup } from './hari-h.repo';
import { createAuditLog } from '../audit/audit.service';

let database: DatabaseHandle;
let babinsa: Actor;
let tpsIds: string[];
let outside: string;
const clock = { now: () => new Date('2024-11-27T08:00:00+08:00') };
/** The demo election, national: every TPS votes in it. */
const demo = pemilihanContext();

beforeAll(async () => {
  database = await createTestDatabase();
  babinsa = await actorOf(database.db, 'babinsa.tompotikka');

  const own = await database.db
    .selectFrom('tps')
    .select('id')
    .where('kode_wilayah', '=', babinsa.kodeWilayah!)
    .orderBy('nomor')
    .execute();
  tpsIds = own.map((r) => r.id);
  outside = (
    await database.db
      .selectFrom('tps')
      .select('id')
      .where('kode_wilayah', '!=', babinsa.kodeWilayah!)
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await database.close();
});

describe('status reports written together', () => {
  it('answers each report of one batch as if alone: retries, two stages of one TPS, refusals', async () => {
    const hariH = createHariHService({
      audit: createAuditLog(),
      db: database.db,
      wilayah: createWilayahService({ db: database.db }),
      clock,
    });
    const [a, b, c] = tpsIds as [string, string, string];
    const first = { clientId: randomUUID(), tpsId: a, tahap: 'petugas_hadir' as const, pemilih: null };
    // Submitted in one turn of the event loop, so they land in one batch.
    const results = await Promise.allSettled([
      hariH.report(babinsa, demo, first),
      hariH.report(babinsa, demo, first), // the phone's retry of the same report
      hariH.report(babinsa, demo, {
        clientId: randomUUID(),
        tpsId: a,
        tahap: 'logistik_lengkap',
        pemilih: null,
      }),
      hariH.report(babinsa, demo, { clientId: randomUUID(), tpsId: b, tahap: 'ditutup', pemilih: 120 }),
      hariH.report(babinsa, demo, { clientId: randomUUID(), tpsId: outside, tahap: 'dibuka', pemilih: null }),
      hariH.report(babinsa, demo, { clientId: randomUUID(), tpsId: c, tahap: 'dibuka', pemilih: 5 }),
      hariH.report(babinsa, demo, {
        clientId: randomUUID(),
        tpsId: randomUUID(),
        tahap: 'dibuka',
        pemilih: null,
      }),
    ]);
    const { value, refusal } = answers(results);
    expect(value(0)).toMatchObject({ applied: true, replayed: false, tahap: 'petugas_hadir' });
    expect(value(1)).toMatchObject({ applied: false, replayed: true });
    expect(value(2)).toMatchObject({ applied: true, tahap: 'logistik_lengkap' });
    expect(value(3)).toMatchObject({ applied: true, tahap: 'ditutup', pemilih: 120 });
    expect(refusal(4)).toBe('not_found'); // another kelurahan's TPS: not even its existence leaks
    expect(refusal(5)).toBe('validation'); // a count before voting starts
    expect(refusal(6)).toBe('not_found');

    const written = await database.db
      .selectFrom('tps_status_laporan')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('tps_id', 'in', [a, b, c])
      .executeTakeFirstOrThrow();
    expect(written.n).toBe(3);
    // One commit for the whole batch: every row got the same transaction time.
    const received = await database.db
      .selectFrom('tps_status_laporan')
      .select('diterima_at')
      .distinct()
      .where('tps_id', 'in', [a, b, c])
      .execute();
    expect(received).toHaveLength(1);
    const audited = await database.db
      .selectFrom('audit_log')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('entity', '=', 'tps_status')
      .where('entity_id', 'in', [a, b, c])
      .executeTakeFirstOrThrow();
    expect(audited.n).toBe(3);
    expect(await findRollup(database.db, demo.id, babinsa.kodeWilayah!)).toEqual(
      await scanRollup(database.db, demo.id, babinsa.kodeWilayah),
    );
  });

  it('never moves a TPS back when two batches in flight report its first stages', async () => {
    const hariH = createHariHService({
      audit: createAuditLog(),
      db: database.db,
      wilayah: createWilayahService({ db: database.db }),
      clock,
      ingestConcurrency: 2,
    });
    // TPS of the babinsa's kelurahan that no report has touched yet: their status rows do not exist.
    const untouched = tpsIds.slice(3);
    expect(untouched.length).toBeGreaterThanOrEqual(3);
    const report = (tpsId: string, tahap: 'petugas_hadir' | 'dibuka') =>
      hariH.report(babinsa, demo, { clientId: randomUUID(), tpsId, tahap, pemilih: null });
    const later = Promise.all(untouched.map((id) => report(id, 'dibuka')));
    // The first batch is cut and under way; the second starts beside it (two in flight).
    await new Promise((resolve) => setImmediate(resolve));
    const earlier = Promise.all(untouched.map((id) => report(id, 'petugas_hadir')));
    const [moved, late] = await Promise.all([later, earlier]);

    // Whichever batch takes the TPS first, "dibuka" is applied and the TPS ends there; the earlier
    // stage is applied only if it came first, and is otherwise kept as history.
    expect(moved.map((a) => [a.applied, a.tahap])).toEqual(untouched.map(() => [true, 'dibuka']));
    for (const answer of late) {
      expect([
        [true, 'petugas_hadir', []],
        [false, 'dibuka', ['tahap_terlewati']],
      ]).toContainEqual([answer.applied, answer.tahap, answer.warnings.map((w) => w.code)]);
    }
    const stored = await database.db
      .selectFrom('tps_status')
      .select('stage')
      .where('tps_id', 'in', untouched)
      .execute();
    expect(stored.map((r) => r.stage)).toEqual(untouched.map(() => 'dibuka'));
    expect(await findRollup(database.db, demo.id, babinsa.kodeWilayah!)).toEqual(
      await scanRollup(database.db, demo.id, babinsa.kodeWilayah),
    );
  });
});

describe('counters after a reported TPS changes', () => {
  it('follow its DPT, its move to another kelurahan and its removal', async () => {
    const hariH = createHariHService({
      audit: createAuditLog(),
      db: database.db,
      wilayah: createWilayahService({ db: database.db }),
      clock,
    });
    const [counted, moving, removed] = tpsIds.slice(-3) as [string, string, string];
    await Promise.all([
      hariH.report(babinsa, demo, { clientId: randomUUID(), tpsId: counted, tahap: 'ditutup', pemilih: 150 }),
      hariH.report(babinsa, demo, {
        clientId: randomUUID(),
        tpsId: moving,
        tahap: 'penghitungan_selesai',
        pemilih: 90,
      }),
      hariH.report(babinsa, demo, { clientId: randomUUID(), tpsId: removed, tahap: 'dibuka', pemilih: null }),
    ]);
    const other = await database.db
      .selectFrom('tps')
      .select('kode_wilayah')
      .where('id', '=', outside)
      .executeTakeFirstOrThrow();
    const areas = ['', babinsa.kodeWilayah!, other.kode_wilayah, other.kode_wilayah.slice(0, 5)];
    const same = async () => {
      for (const kode of areas) {
        expect(await findRollup(database.db, demo.id, kode), kode).toEqual(
          await scanRollup(database.db, demo.id, kode === '' ? null : kode),
        );
      }
    };
    await same();

    // The DPT corrected after the count (the turnout's denominator changes with it).
    await database.db
      .updateTable('tps')
      .set({ dpt_total: 300, dpt_laki: 150, dpt_perempuan: 150 })
      .where('id', '=', counted)
      .execute();
    await same();
    // A TPS registered under the wrong kelurahan and moved after it reported.
    await database.db
      .updateTable('tps')
      .set({
        kode_wilayah: other.kode_wilayah,
        nomor: 900,
        kode: `${other.kode_wilayah.replaceAll('.', '')}900`,
      })
      .where('id', '=', moving)
      .execute();
    await same();
    // Both in one statement, and a TPS removed with its status.
    await database.db
      .updateTable('tps')
      .set((eb) => ({ dpt_total: eb('dpt_total', '+', 10), dpt_laki: eb('dpt_laki', '+', 10) }))
      .where('id', 'in', [counted, moving])
      .execute();
    await same();
    await database.db.deleteFrom('tps').where('id', '=', removed).execute();
    await same();
  });
});

describe("turnout checked by the election's law", () => {
  it('takes what a Pilkada TPS may hold and refuses it in a Pemilu, whose reserve is 2 %', async () => {
    const hariH = createHariHService({
      db: database.db,
      wilayah: createWilayahService({ db: database.db }),
      clock,
      audit: createAuditLog(),
    });
    const tps = await database.db
      .selectFrom('tps')
      .select(['id', 'dpt_total'])
      .where('kode_wilayah', '=', babinsa.kodeWilayah!)
      .where('dpt_total', '>=', 200)
      .orderBy('nomor')
      .executeTakeFirstOrThrow();
    // Every ballot a Pilkada TPS holds (DPT + 2.5 %) is more than a Pemilu TPS holds (DPT + 2 %).
    const pemilih = tps.dpt_total + Math.ceil(tps.dpt_total * 0.025);
    expect(pemilih).toBeGreaterThan(tps.dpt_total + Math.ceil(tps.dpt_total * 0.02));
    const pemilu = pemilihanContext({ jenis: 'pemilu' });
    const report = (p: typeof demo) =>
      hariH.report(babinsa, p, { clientId: randomUUID(), tpsId: tps.id, tahap: 'pemungutan', pemilih });
    await expect(report(pemilu)).rejects.toMatchObject({ details: { code: 'pemilih_melebihi_batas' } });
    const accepted = await report(demo);
    expect(accepted.warnings.map((w) => w.code)).toContain('pemilih_melebihi_dpt');
  });
});
