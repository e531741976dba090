/**
 * The distribution plan, leg by leg: plan a leg (once per client id) with its escort as a duty of
 * the pengamanan plan (ADR 0016), change it under its version, delete one nothing depends on yet.
 */
import type { LegCreate, LegDetail, LegUpdate } from '../../../contracts/logistik';
import type { Actor } from '../../../domain/access/scope';
import { DomainError } from '../../errors';
import { authorize } from '../../cross-cutting/access';
import { sameElection } from '../../cross-cutting/create-once';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { kabOf, type LogistikContext } from './logistik-context';
import * as repo from './logistik.repo';

export function createRencanaUseCases(
  ctx: LogistikContext,
  getLeg: (actor: Actor, pemilihan: PemilihanContext, id: string) => Promise<LegDetail>,
) {
  const { deps, db, names, requireLeg, checkLeg, simpanPengawal } = ctx;
  return {
    async createLeg(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: LegCreate,
    ): Promise<{ id: string; replayed: boolean }> {
      const kab = kabOf(input.wilayah);
      authorize(actor, 'logistik:plan', kab);
      const existing = await repo.findLegByClientId(db, input.clientId);
      if (existing) return { id: sameElection(existing, pemilihan).id, replayed: true };
      const areaNames = await names(kab);
      return db.transaction().execute(async (trx) => {
        const fields = await checkLeg(trx, pemilihan, kab, input, null, areaNames);
        const row = await repo.insertLeg(trx, {
          ...fields,
          pemilihan_id: pemilihan.id,
          client_id: input.clientId,
          kode_kabkota: kab,
          created_by: actor.userId,
        });
        if (!row) {
          const winner = await repo.findLegByClientId(trx, input.clientId);
          return { id: sameElection(winner!, pemilihan).id, replayed: true };
        }
        await simpanPengawal(trx, actor, pemilihan, row, areaNames);
        await deps.audit.record(trx, actor, {
          action: 'create',
          entity: 'logistik_leg',
          entityId: row.id,
          kodeWilayah: row.ke_kode,
          before: null,
          after: { ...input, pemilihanId: pemilihan.id },
        });
        return { id: row.id, replayed: false };
      });
    },

    async updateLeg(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: LegUpdate,
    ): Promise<LegDetail> {
      const before = await requireLeg(actor, pemilihan, id);
      authorize(actor, 'logistik:plan', before.kode_kabkota);
      const areaNames = await names(before.kode_kabkota);
      await db.transaction().execute(async (trx) => {
        const fields = await checkLeg(trx, pemilihan, before.kode_kabkota, input, id, areaNames);
        const after = await repo.updateLeg(trx, id, input.version, fields);
        if (!after)
          throw new DomainError(
            'conflict',
            'Perjalanan ini sudah diubah orang lain; muat ulang lalu ulangi',
            {
              version: before.version,
            },
          );
        await simpanPengawal(trx, actor, pemilihan, after, areaNames);
        await deps.audit.record(trx, actor, {
          action: 'update',
          entity: 'logistik_leg',
          entityId: id,
          kodeWilayah: after.ke_kode,
          before,
          after,
        });
      });
      return getLeg(actor, pemilihan, id);
    },

    async deleteLeg(actor: Actor, pemilihan: PemilihanContext, id: string, version: number): Promise<void> {
      const leg = await requireLeg(actor, pemilihan, id);
      authorize(actor, 'logistik:plan', leg.kode_kabkota);
      await db.transaction().execute(async (trx) => {
        if (await repo.legInUse(trx, id))
          throw new DomainError(
            'invalid_state',
            'Perjalanan yang sudah berita acara atau diteruskan perjalanan lain tidak dapat dihapus',
          );
        await deps.pengamanan.hapusTugas(trx, actor, pemilihan, 'logistik', id);
        const removed = await repo.deleteLeg(trx, id, version);
        if (!removed)
          throw new DomainError(
            'conflict',
            'Perjalanan ini sudah diubah orang lain; muat ulang lalu ulangi',
            {
              version: leg.version,
            },
          );
        await deps.audit.record(trx, actor, {
          action: 'delete',
          entity: 'logistik_leg',
          entityId: id,
          kodeWilayah: leg.ke_kode,
          before: leg,
          after: null,
        });
      });
    },
  };
}
