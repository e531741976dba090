import type { WilayahChild, WilayahDetail, WilayahSearchResult } from '../../../contracts/wilayah';
import { hasPermission } from '../../../domain/access/roles';
import { isInScope, isRelated, type Actor } from '../../../domain/access/scope';
import { isWithinWilayah, parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import type { Db } from '../../db/client';
import type { WilayahRow } from '../../db/schema';
import { DomainError, forbidden, notFound } from '../../errors';
import {
  countChildren,
  findChildren,
  findDesaWithin,
  findWilayah,
  findWilayahMany,
  searchWilayah,
  sumTpsByChild,
  sumTpsWithin,
} from './wilayah.repo';
import { toWilayahSearchResult, toWilayahSummary } from './wilayah.view';

export function createWilayahService(deps: { db: Db }) {
  const { db } = deps;

  return {
    async get(actor: Actor, kode: string): Promise<WilayahDetail> {
      if (!hasPermission(actor.role, 'wilayah:read') || !isRelated(actor, kode)) {
        throw forbidden('Wilayah ini di luar cakupan Anda');
      }
      const row = await findWilayah(db, kode);
      if (!row) throw notFound('Wilayah');
      const parsed = parseKodeWilayah(kode);
      const ancestorKodes = parsed.ok ? parsed.value.ancestorKodes : [];
      const [ancestors, children, stats] = await Promise.all([
        findWilayahMany(db, ancestorKodes),
        countChildren(db, [kode]),
        // An ancestor of the scope shows only what lies inside the scope.
        sumTpsWithin(db, isInScope(actor, kode) ? kode : actor.kodeWilayah),
      ]);
      return {
        ...toWilayahSummary(row),
        ancestors: ancestors.map(toWilayahSummary),
        stats: { children: children.get(kode) ?? 0, ...stats },
      };
    },

    async children(actor: Actor, parentKode: string | undefined): Promise<WilayahChild[]> {
      const parent = parentKode ?? null;
      if (!hasPermission(actor.role, 'wilayah:read')) throw forbidden();
      if (parent !== null) {
        if (!isRelated(actor, parent)) throw forbidden('Wilayah ini di luar cakupan Anda');
        if (!(await findWilayah(db, parent))) throw notFound('Wilayah');
      }
      const rows = (await findChildren(db, parent)).filter((row) => isRelated(actor, row.kode));
      if (rows.length === 0) return [];
      const childLevel = rows[0]!.level as 1 | 2 | 3 | 4;
      const hasPathRow = rows.some((row) => !isInScope(actor, row.kode));
      const [childCounts, sums, scopeSums] = await Promise.all([
        countChildren(
          db,
          rows.map((row) => row.kode),
        ),
        sumTpsByChild(db, parent, childLevel),
        hasPathRow ? sumTpsWithin(db, actor.kodeWilayah) : undefined,
      ]);
      return rows.map((row) => {
        // A row on the way to the actor's scope counts only what lies inside the scope.
        const stats = isInScope(actor, row.kode) ? sums.get(row.kode) : scopeSums;
        return {
          ...toWilayahSummary(row),
          stats: { children: childCounts.get(row.kode) ?? 0, tps: stats?.tps ?? 0, dpt: stats?.dpt ?? 0 },
        };
      });
    },

    async search(actor: Actor, q: string, limit: number): Promise<WilayahSearchResult[]> {
      const rows = await searchWilayah(db, { q, scopeKode: actor.kodeWilayah, limit });
      return rows.map(toWilayahSearchResult);
    },

    /** Kelurahan/desa an import into `kode` may write to; `kode` must be in the actor's scope. */
    async desaDirectory(kode: string) {
      const rows = await findDesaWithin(db, kode);
      if (rows.length === 0) throw new DomainError('validation', 'Wilayah ini tidak memiliki kelurahan/desa');
      return rows;
    },

    /** Several wilayah by code in one query (a batch of reports); unknown codes are absent. */
    async findMany(kodes: readonly string[]): Promise<Map<string, WilayahRow>> {
      const rows = await findWilayahMany(db, [...new Set(kodes)]);
      return new Map(rows.map((r) => [r.kode, r]));
    },

    async require(kode: string): Promise<WilayahRow> {
      const row = await findWilayah(db, kode);
      if (!row) throw notFound('Wilayah');
      return row;
    },

    /**
     * The one check of the areas a request names, for every module (issue 17): each code given (by
     * its field) must exist, else 404 naming the field; with `within`, it must lie inside that area,
     * else 400. The format and the level are the contract's and the caller's to check; one query.
     */
    async requireKnown(fields: Record<string, string | null | undefined>, within?: string): Promise<void> {
      const named = Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string');
      if (named.length === 0) return;
      const found = await this.findMany(named.map(([, kode]) => kode));
      for (const [field, kode] of named) {
        if (!found.has(kode))
          throw new DomainError('not_found', `Wilayah ${kode} tidak ditemukan`, { field });
        if (within !== undefined && !isWithinWilayah(kode, within))
          throw new DomainError('validation', `Wilayah ${kode} tidak berada di ${within}`, { field });
      }
    },
  };
}
export type WilayahService = ReturnType<typeof createWilayahService>;
