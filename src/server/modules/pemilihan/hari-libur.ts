/**
 * National holidays and collective leave, which working-day deadlines skip: the list, its changes
 * (audited) and the official days the app starts with; cached per node for a minute.
 */
import type { HariLibur } from '../../../contracts/pemilihan';
import type { Actor } from '../../../domain/access/scope';
import { HARI_LIBUR_RESMI } from '../../../domain/time/hari-libur';
import { authorize } from '../../cross-cutting/access';
import { notFound } from '../../errors';
import type { PemilihanDeps } from './pemilihan-baca';
import * as repo from './pemilihan.repo';

const LIBUR_TTL_MS = 60_000;

export function createHariLibur(deps: Pick<PemilihanDeps, 'audit' | 'db'>) {
  const { db } = deps;
  let liburCache: { at: number; dates: readonly string[] } | undefined;
  return {
    async listHariLibur(tahun?: number): Promise<{ items: HariLibur[] }> {
      const rows = await repo.findHariLibur(db, tahun);
      return { items: rows };
    },

    /** Holiday dates for working-day deadlines, cached per node for a minute. */
    async liburDates(): Promise<readonly string[]> {
      if (liburCache && Date.now() - liburCache.at < LIBUR_TTL_MS) return liburCache.dates;
      const rows = await repo.findHariLibur(db);
      liburCache = { at: Date.now(), dates: rows.map((r) => r.tanggal) };
      return liburCache.dates;
    },

    async putHariLibur(actor: Actor, input: HariLibur): Promise<HariLibur> {
      authorize(actor, 'hari_libur:manage', null);
      await db.transaction().execute(async (trx) => {
        const before = await repo.upsertHariLibur(trx, input);
        await deps.audit.record(trx, actor, {
          action: before ? 'hari_libur.update' : 'hari_libur.create',
          entity: 'hari_libur',
          entityId: input.tanggal,
          kodeWilayah: null,
          before: before ?? null,
          after: input,
        });
      });
      liburCache = undefined;
      return input;
    },

    async deleteHariLibur(actor: Actor, tanggal: string): Promise<void> {
      authorize(actor, 'hari_libur:manage', null);
      await db.transaction().execute(async (trx) => {
        const before = await repo.deleteHariLibur(trx, tanggal);
        if (!before) throw notFound('Hari libur');
        await deps.audit.record(trx, actor, {
          action: 'hari_libur.delete',
          entity: 'hari_libur',
          entityId: tanggal,
          kodeWilayah: null,
          before,
          after: null,
        });
      });
      liburCache = undefined;
    },

    /** Bootstrap: the official holidays of years the list does not hold yet. */
    async seedHariLiburResmi(): Promise<number> {
      return repo.seedHariLibur(db, HARI_LIBUR_RESMI);
    },
  };
}
