/** A planner's category for one TPS beside the checklist's suggestion, with a reason (or withdrawn). */
import type { ChecklistTps, OverrideInput } from '../../../contracts/kerawanan';
import { isInScope, type Actor } from '../../../domain/access/scope';
import { authorize } from '../../cross-cutting/access';
import { DomainError, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { KerawananContext } from './kerawanan-context';
import { findOneTpsWithKerawanan, findTpsRef, replaceOverride } from './kerawanan.repo';

export function createOverrideUseCase(ctx: KerawananContext) {
  const { db, deps, checklistTps } = ctx;
  return {
    /** A planner sets (or withdraws, kategori null) a category beside the suggestion, with a reason. */
    async override(
      actor: Actor,
      pemilihan: PemilihanContext,
      tpsId: string,
      input: OverrideInput,
    ): Promise<ChecklistTps> {
      const tps = await findTpsRef(db, tpsId);
      if (!tps || !isInScope(actor, tps.kode_wilayah)) throw notFound('TPS');
      authorize(actor, 'kerawanan:override', tps.kode_wilayah);
      // A TPS that does not vote in this election (outside a PSU's list) has no category in it.
      const current = await findOneTpsWithKerawanan(db, pemilihan.id, tpsId, input.phase);
      if (!current) throw notFound('TPS');
      if (input.kategori === null && current.override_kategori === null) {
        throw new DomainError('invalid_state', 'Tidak ada penetapan kategori yang dapat dicabut');
      }
      await db.transaction().execute(async (trx) => {
        await replaceOverride(trx, {
          pemilihan_id: pemilihan.id,
          tps_id: tpsId,
          phase: input.phase,
          kategori: input.kategori,
          reason: input.reason,
          decided_by: actor.userId,
        });
        await deps.audit.record(trx, actor, {
          action: input.kategori === null ? 'override_withdraw' : 'override',
          entity: 'kerawanan_override',
          entityId: tpsId,
          kodeWilayah: tps.kode_wilayah,
          before: { suggested: current.kategori, override: current.override_kategori },
          after: {
            pemilihanId: pemilihan.id,
            phase: input.phase,
            override: input.kategori,
            reason: input.reason,
          },
        });
      });
      return checklistTps(pemilihan, tps.kode_wilayah, tpsId, input.phase);
    },
  };
}
