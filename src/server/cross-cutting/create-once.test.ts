/**
 * createOnce against a real database: the same client id sent twice at the same moment writes once
 * (the loser of the race reads the winner), a later copy replays without writing, a copy that names
 * another election is refused, and a unique violation of another key is the caller's to explain.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-db';
import type { DatabaseHandle } from '../db/client';
import { DomainError } from '../errors';
import { createOnce } from './create-once';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.execScript(
    `CREATE TABLE uji_sekali (id serial PRIMARY KEY, client_id text UNIQUE NOT NULL,
       pemilihan_id text NOT NULL, nomor int UNIQUE NOT NULL)`,
  );
});
afterAll(async () => database.close());

type Row = { id: number; pemilihan_id: string };
const find = (clientId: string) => async (): Promise<Row | undefined> => {
  const { rows } =
    await sql<Row>`SELECT id, pemilihan_id FROM uji_sekali WHERE client_id = ${clientId}`.execute(
      database.db,
    );
  return rows[0];
};
const write =
  (clientId: string, nomor: number, pemilihanId = 'a') =>
  async (): Promise<number> => {
    // A slow writer, so that both copies of a race pass their first find before either commits.
    return database.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_sleep(0.05)`.execute(trx);
      const { rows } = await sql<{ id: number }>`INSERT INTO uji_sekali (client_id, pemilihan_id, nomor)
      VALUES (${clientId}, ${pemilihanId}, ${nomor}) RETURNING id`.execute(trx);
      return rows[0]!.id;
    });
  };
const count = async (): Promise<number> =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM uji_sekali`.execute(database.db)).rows[0]!.n;

describe('createOnce', () => {
  it('writes once when the same submission arrives twice at once, and replays later copies', async () => {
    const once = () =>
      createOnce({ find: find('k1'), write: write('k1', 1), replay: (r) => r.id, pemilihan: { id: 'a' } });
    const [first, second] = await Promise.all([once(), once()]);
    expect(first.made).toBe(second.made);
    expect([first.replayed, second.replayed].sort()).toEqual([false, true]);
    expect(await once()).toEqual({ made: first.made, replayed: true });
    expect(await count()).toBe(1);
  });

  it('refuses a client id first used in another election', async () => {
    const error = await createOnce({
      find: find('k1'),
      write: write('k1', 2, 'b'),
      replay: (r) => r.id,
      pemilihan: { id: 'b' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('conflict');
    expect(await count()).toBe(1);
  });

  it("leaves another key's violation to the caller, with nothing written", async () => {
    const refused = new DomainError('conflict', 'Nomor sudah dipakai');
    const error = await createOnce({
      find: find('k2'),
      write: write('k2', 1),
      replay: (r) => r.id,
      conflict: () => Promise.reject(refused),
    }).catch((e: unknown) => e);
    expect(error).toBe(refused);
    expect(await count()).toBe(1);
  });
});
