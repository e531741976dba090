/**
 * A Polres area's security plans: each a numbered version computed from the forces, pattern and TPS
 * as they are (plus a recorded scenario), read whole or by TPS or on the map, and approved by the
 * Kapolres, which supersedes the version approved before.
 */
import type { MapResponse } from '../../../contracts/tps';
import type {
  PlanApprove,
  PlanCreate,
  PlanDetail,
  PlanList,
  PlanTpsQuery,
} from '../../../contracts/pengamanan';
import type { Actor } from '../../../domain/access/scope';
import { DomainError } from '../../errors';
import { authorize } from '../../cross-cutting/access';
import { createOnce } from '../../cross-cutting/create-once';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { may, polresAreaOf, requirePolri, type PengamananContext } from './pengamanan-context';
import { penugasanOf, planTpsRows } from './pengamanan-penugasan';
import { applyChanges } from './pengamanan-snapshot';
import { narrowSummary } from './pengamanan-summary';
import * as planRepo from './pengamanan-plan.repo';
import { planHead, toCoverageMap, toPlanListItem, toPlanTpsRow } from './pengamanan.view';

export function createRencanaUseCases(ctx: PengamananContext) {
  const { db, deps, currentSnapshot, requireKnownAreas, requirePlan, readArea, computePlan } = ctx;
  const useCases = {
    async listPlans(actor: Actor, pemilihan: PemilihanContext, wilayah: string): Promise<PlanList> {
      authorize(actor, 'pengamanan:read', wilayah);
      const kab = polresAreaOf(wilayah);
      const rows = await planRepo.findPlans(db, pemilihan.id, kab);
      return { items: rows.map(toPlanListItem) };
    },

    /** Computes a plan from the forces, pattern and TPS as they are now (plus a recorded scenario) as a new draft. */
    async createPlan(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: PlanCreate,
    ): Promise<{ id: string; replayed: boolean }> {
      const kab = polresAreaOf(input.wilayah);
      authorize(actor, 'pengamanan:plan', kab);
      requirePolri(actor);
      await requireKnownAreas(kab, input.wilayah, input.skenario, 'skenario');
      const { made: id, replayed } = await createOnce({
        pemilihan,
        find: async () => planRepo.findPlanIdByClientId(db, input.clientId),
        replay: (first) => first.id,
        write: async () => {
          const snapshot = applyChanges(await currentSnapshot(pemilihan, kab), input.skenario);
          if (snapshot.planner.tps.length === 0)
            throw new DomainError('invalid_state', 'Kab/kota ini belum memiliki TPS; impor TPS lebih dahulu');
          const { plan, summary } = await computePlan(snapshot);
          return db.transaction().execute(async (trx) => {
            await planRepo.lockKabKotaPlans(trx, pemilihan.id, kab);
            const nomor = await planRepo.nextPlanNomor(trx, pemilihan.id, kab);
            const approved = await planRepo.findApprovedPlanId(trx, pemilihan.id, kab);
            const { id } = await planRepo.insertPlan(trx, {
              pemilihan_id: pemilihan.id,
              client_id: input.clientId,
              kode_kabkota: kab,
              nomor,
              input: snapshot,
              summary,
              penugasan: penugasanOf(plan, snapshot),
              skenario: input.skenario,
              parent_id: approved?.id ?? null,
              created_by: actor.userId,
            });
            await planRepo.insertPlanTps(
              trx,
              planTpsRows(plan, snapshot).map((r) => ({ ...r, plan_id: id })),
            );
            await deps.audit.record(trx, actor, {
              action: 'create',
              entity: 'pam_plan',
              entityId: id,
              kodeWilayah: kab,
              before: null,
              after: {
                pemilihanId: pemilihan.id,
                nomor,
                skenario: input.skenario,
                polriShortfall: summary.coverageByKind.polri.shortfall,
                kelompokTerjaga: summary.kelompokTerjaga,
                kelompok: summary.kelompok,
              },
            });
            return id;
          });
        },
      });
      return { id, replayed };
    },

    async getPlan(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      wilayah?: string,
    ): Promise<PlanDetail> {
      const plan = await requirePlan(actor, pemilihan, id);
      const kab = plan.kode_kabkota;
      const area = readArea(actor, kab, wilayah);
      const kabRow = await deps.wilayah.require(kab);
      return {
        ...planHead(plan),
        namaKabKota: kabRow.nama,
        wilayah: area,
        skenario: plan.skenario,
        summary: narrowSummary(plan.summary, kab, area),
        canApprove: plan.status === 'draft' && may(actor, 'pengamanan:approve', kab),
      };
    },

    /** The plan's TPS as map points, green where covered and red where not (within the reader's area). */
    async planMap(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      wilayah: string | undefined,
    ): Promise<MapResponse> {
      const plan = await requirePlan(actor, pemilihan, id);
      const area = readArea(actor, plan.kode_kabkota, wilayah);
      return toCoverageMap(await planRepo.findPlanTpsPoints(db, id, area));
    },

    async planTps(actor: Actor, pemilihan: PemilihanContext, id: string, query: PlanTpsQuery) {
      const plan = await requirePlan(actor, pemilihan, id);
      const area = readArea(actor, plan.kode_kabkota, query.wilayah);
      const { items, total } = await planRepo.findPlanTpsPage(
        db,
        id,
        { wilayah: area, covered: query.covered === undefined ? undefined : query.covered === 'true' },
        query,
      );
      return {
        items: items.map(toPlanTpsRow),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    /**
     * Approves a draft (the Kapolres). The kab/kota's previously approved plan becomes superseded;
     * a change after approval must say why.
     */
    async approvePlan(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: PlanApprove,
    ): Promise<PlanDetail> {
      const plan = await requirePlan(actor, pemilihan, id);
      const kab = plan.kode_kabkota;
      authorize(actor, 'pengamanan:approve', kab);
      requirePolri(actor);
      if (plan.status !== 'draft')
        throw new DomainError('invalid_state', 'Hanya draf yang dapat disetujui', { status: plan.status });
      await db.transaction().execute(async (trx) => {
        await planRepo.lockKabKotaPlans(trx, pemilihan.id, kab);
        const approved = await planRepo.findApprovedPlanId(trx, pemilihan.id, kab);
        const alasan = input.alasan?.trim() ?? '';
        if (approved && alasan === '')
          throw new DomainError(
            'validation',
            `Rencana versi ${approved.nomor} sudah disetujui: tulis alasan perubahan`,
            { field: 'alasan' },
          );
        if (approved) await planRepo.supersedePlan(trx, approved.id);
        const done = await planRepo.approvePlan(trx, id, input.version, {
          approved_by: actor.userId,
          alasan: alasan === '' ? null : alasan,
        });
        if (!done)
          throw new DomainError('conflict', 'Rencana ini sudah diubah orang lain; muat ulang lalu ulangi', {
            version: plan.version,
          });
        await deps.audit.record(trx, actor, {
          action: 'approve',
          entity: 'pam_plan',
          entityId: id,
          kodeWilayah: kab,
          before: { status: 'draft', superseded: approved?.id ?? null },
          after: { status: 'approved', alasan: alasan === '' ? null : alasan },
        });
      });
      return useCases.getPlan(actor, pemilihan, id);
    },
  };
  return useCases;
}
