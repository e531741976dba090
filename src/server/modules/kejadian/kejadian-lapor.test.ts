/**
 * Group-committed incident reports against a real database: reports submitted together are written
 * in one statement, and each is still checked and answered as if it had come alone.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KejadianReportInput } from '../../../contracts/kejadian';
import type { Actor } from '../../../domain/access/scope';
import type { DatabaseHandle } from '../../db/client';
import { actorOf, answers } from '../../testing/batch';
import { pemilihanContext } from '../../testing/pemilihan';
import { createTestDatabase } from '../../testing/test-db';
import { createWilayahService } from '../wilayah/wilayah.service';
import { createLaporUseCase } from './kejadian-lapor';
import { createAuditLog } from '../audit/audit.service';

let database: DatabaseHandle;
const actors: Record<string, Actor> = {};
let ownTps: string;
let otherTps: string;
const clock = { now: () => new Date('2024-11-27T10:00:00+08:00') };
const demo = pemilihanContext();

beforeAll(async () => {
  database = await createTestDatabase();
  for (const username of ['babinsa.tompotikka', 'lurah.tompotikka', 'kesbangpol.kutim']) {
    actors[username] = await actorOf(database.db, username);
  }
  const kode = actors['babinsa.tompotikka']!.kodeWilayah!;
  ownTps = (
    await database.db
      .selectFrom('tps')
      .select('id')
      .where('kode_wilayah', '=', kode)
      .executeTakeFirstOrThrow()
  ).id;
  otherTps = (
    await database.db
      .selectFrom('tps')
      .select('id')
      .where('kode_wilayah', '!=', kode)
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await database.close();
});

const input = (over: Partial<KejadianReportInput> = {}): KejadianReportInput => ({
  clientId: randomUUID(),
  kategori: 'politik_uang',
  kodeWilayah: actors['babinsa.tompotikka']!.kodeWilayah!,
  tpsId: ownTps,
  terjadiAt: '2024-11-27T09:30:00+08:00',
  uraian: 'Pembagian amplop di dekat TPS',
  terbatas: false,
  pelaporRahasia: false,
  ...over,
});

describe('incident reports written together', () => {
  it('answers each report of one batch as if alone, with one commit for the batch', async () => {
    const lapor = createLaporUseCase({
      audit: createAuditLog(),
      db: database.db,
      wilayah: createWilayahService({ db: database.db }),
      clock,
    });
    const babinsa = actors['babinsa.tompotikka']!;
    const lurah = actors['lurah.tompotikka']!;
    const first = input();
    const results = await Promise.allSettled([
      lapor.report(babinsa, demo, first),
      lapor.report(babinsa, demo, first), // the phone's retry, in the same batch
      lapor.report(lurah, demo, input({ kategori: 'bentrok_massa', tpsId: null })),
      lapor.report(lurah, demo, first), // someone else's client id
      lapor.report(babinsa, demo, input({ tpsId: otherTps })), // a TPS outside the kelurahan named
      lapor.report(babinsa, demo, input({ terjadiAt: '2024-11-27T12:00:00+08:00' })), // in the future
      lapor.report(actors['kesbangpol.kutim']!, demo, input()), // another kab/kota's office
    ]);
    const { value, refusal } = answers(results);
    expect(value(0)).toMatchObject({ replayed: false, status: 'baru' });
    expect(value(1)).toEqual({ ...value(0), replayed: true });
    expect(value(2)).toMatchObject({ replayed: false, status: 'baru' });
    expect(refusal(3)).toBe('conflict:client_id_dipakai');
    expect(refusal(4)).toBe('validation:tps_di_luar_wilayah');
    expect(refusal(5)).toBe('validation:waktu_di_masa_depan');
    expect(refusal(6)).toBe('forbidden');

    const ids = [value(0).id, value(2).id];
    const rows = await database.db.selectFrom('kejadian').select('id').where('id', 'in', ids).execute();
    expect(rows).toHaveLength(2);
    const steps = await database.db
      .selectFrom('kejadian_langkah')
      .select('kejadian_id')
      .where('kejadian_id', 'in', ids)
      .execute();
    expect(steps.map((s) => s.kejadian_id).sort()).toEqual([...ids].sort());
    const audits = await database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'at'])
      .where('entity', '=', 'kejadian')
      .where('entity_id', 'in', ids)
      .execute();
    expect(audits).toHaveLength(2);
    // One commit for the batch: both audit rows got the same transaction time.
    expect(new Set(audits.map((a) => new Date(a.at).getTime())).size).toBe(1);
  });

  it('answers a report that another app node wrote meanwhile with that copy, and still writes the rest', async () => {
    const node = () =>
      createLaporUseCase({
        audit: createAuditLog(),
        db: database.db,
        wilayah: createWilayahService({ db: database.db }),
        clock,
      });
    const [nodeA, nodeB] = [node(), node()];
    const babinsa = actors['babinsa.tompotikka']!;
    const shared = input();
    // The phone's retry reaches the second node while the first is writing: both batches read before
    // either writes, so the later writer finds the client id taken.
    const [a, b, other] = await Promise.all([
      nodeA.report(babinsa, demo, shared),
      nodeB.report(babinsa, demo, shared),
      nodeB.report(babinsa, demo, input({ uraian: 'Spanduk provokatif' })),
    ]);
    expect(a.id).toBe(b.id);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(other.replayed).toBe(false);

    const written = await database.db
      .selectFrom('kejadian')
      .select('id')
      .where('client_id', '=', shared.clientId)
      .execute();
    expect(written).toEqual([{ id: a.id }]);
    const steps = await database.db
      .selectFrom('kejadian_langkah')
      .select('kejadian_id')
      .where('kejadian_id', 'in', [a.id, other.id])
      .execute();
    expect(steps.map((s) => s.kejadian_id).sort()).toEqual([a.id, other.id].sort());
  });
});
