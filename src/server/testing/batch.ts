/**
 * Helpers for service tests of group-committed use cases: the actor of a demo account, and the
 * answers of submissions made in one turn of the event loop (one batch).
 */
import type { Actor } from '../../domain/access/scope';
import type { Db } from '../db/client';
import { DomainError } from '../errors';

export async function actorOf(db: Db, username: string): Promise<Actor> {
  const u = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'role', 'agency', 'kode_wilayah'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return {
    userId: u.id,
    username: u.username,
    role: u.role,
    agency: u.agency,
    kodeWilayah: u.kode_wilayah,
  };
}

/** The settled submissions: `value(i)` of an accepted one, `refusal(i)` as "code:details.code". */
export function answers<T>(results: readonly PromiseSettledResult<T>[]) {
  return {
    value: (i: number): T => {
      const r = results[i]!;
      if (r.status !== 'fulfilled') throw new Error(`submission ${i} refused: ${String(r.reason)}`);
      return r.value;
    },
    refusal: (i: number): string => {
      const r = results[i]!;
      if (r.status !== 'rejected') throw new Error(`submission ${i} was accepted`);
      if (!(r.reason instanceof DomainError)) throw new Error(`submission ${i} failed: ${String(r.reason)}`);
      const detail = (r.reason.details as { code?: string } | undefined)?.code;
      return detail === undefined ? r.reason.code : `${r.reason.code}:${detail}`;
    },
  };
}
