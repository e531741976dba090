/** What-if: a plan before and after changes (extra BKO, another TPS category, units withdrawn); nothing is saved. */
import type { WhatIfRequest, WhatIfResponse } from '../../../contracts/pengamanan';
import type { Actor } from '../../../domain/access/scope';
import { jelaskanPerbandingan } from '../../../domain/pengamanan/penjelasan';
import { comparePlans } from '../../../domain/pengamanan/what-if';
import { notFound } from '../../errors';
import { authorize } from '../../cross-cutting/access';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { polresAreaOf, type PengamananContext } from './pengamanan-context';
import type { PlanSnapshot } from '../../../domain/pengamanan/rencana-tersimpan';
import { applyChanges } from './pengamanan-snapshot';
import type { StoredSummary } from '../../../contracts/pengamanan';
import { narrowSummary } from './pengamanan-summary';
import * as planRepo from './pengamanan-plan.repo';

export function createWhatIfUseCase(ctx: PengamananContext) {
  const { db, currentSnapshot, requireKnownAreas, requirePlan, computePlan } = ctx;
  const useCases = {
    /** Plans before and after the changes side by side; nothing is saved. */
    async whatIf(actor: Actor, pemilihan: PemilihanContext, input: WhatIfRequest): Promise<WhatIfResponse> {
      const kab = polresAreaOf(input.wilayah);
      authorize(actor, 'pengamanan:read', kab);
      await requireKnownAreas(kab, input.wilayah, input.changes, 'changes');
      let base: PlanSnapshot;
      if (input.basePlanId !== undefined) {
        const plan = await requirePlan(actor, pemilihan, input.basePlanId);
        if (plan.kode_kabkota !== kab) throw notFound('Rencana pengamanan');
        const stored = await planRepo.findPlanInput(db, plan.id);
        base = stored!.input;
      } else {
        base = await currentSnapshot(pemilihan, kab);
      }
      const before = await computePlan(base);
      const after = await computePlan(applyChanges(base, input.changes));
      const compare = comparePlans(before.plan, after.plan);
      const strip = (s: StoredSummary) => narrowSummary(s, kab, kab);
      return {
        before: strip(before.summary),
        after: strip(after.summary),
        compare: {
          kecamatan: compare.kecamatan.map((d) => {
            const kode = `${d.kodeKecamatan.slice(0, 2)}.${d.kodeKecamatan.slice(2, 4)}.${d.kodeKecamatan.slice(4)}`;
            return {
              kode,
              nama: before.names.get(kode) ?? kode,
              kelompokTerjaga: d.kelompokTerjaga,
              polriShortfall: d.polriShortfall,
              linmasShortfall: d.linmasShortfall,
            };
          }),
          total: compare.total,
          penjelasan: jelaskanPerbandingan(before.plan, after.plan),
        },
      };
    },
  };
  return useCases;
}
