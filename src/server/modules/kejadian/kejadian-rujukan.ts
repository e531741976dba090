/**
 * Referral of a (likely) election violation to Bawaslu / Sentra Gakkumdu and the statutory clock of
 * its handling path: the milestones it counts from, kept per rule set (Pilkada or Pemilu, never
 * mixed), and the outcome. Deadlines themselves are computed on read (gakkumdu.ts, kejadian.view.ts).
 */
import type {
  KejadianDetail,
  MilestoneKey,
  RujukanInput,
  RujukanUpdateInput,
  RuleSet,
} from '../../../contracts/kejadian';
import { MILESTONE_KEYS } from '../../../contracts/kejadian';
import type { Actor } from '../../../domain/access/scope';
import { transition } from '../../../domain/kejadian/alur';
import { DomainError } from '../../errors';
import { authorize } from '../../cross-cutting/access';
import { actorLevel } from './kejadian-access';
import {
  CLOCK_SKEW_MS,
  alurError,
  columnsOf,
  persistDueEscalation,
  recordChange,
  validation,
  type KejadianContext,
} from './kejadian-change';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import * as rujukanRepo from './kejadian-rujukan.repo';
import * as repo from './kejadian.repo';
import { parseMilestones, toDomain } from './kejadian.view';

/**
 * The rule set a referral follows: the election's own (aturanPelanggaran) unless the referrer names
 * one. A Pilkades has no Gakkumdu path: its violations are handled under the kabupaten's Perda/Perbup
 * by the village-head election committee (docs/domain/pemilihan.md), so Siaga refuses the referral.
 */
function ruleSetFor(pemilihan: PemilihanContext, named: RuleSet | undefined): RuleSet {
  if (pemilihan.aturanPelanggaran === 'pilkades') {
    throw new DomainError(
      'invalid_state',
      'Pilkades tidak melalui Bawaslu/Sentra Gakkumdu; pelanggaran ditangani panitia pemilihan kepala desa menurut Perda/Perbup',
      { code: 'tanpa_gakkumdu', aturanPelanggaran: pemilihan.aturanPelanggaran },
    );
  }
  return named ?? pemilihan.aturanPelanggaran;
}

/** Checks recorded milestones: none in the future, none before the violation was known. */
function checkMilestones(milestones: Partial<Record<MilestoneKey, string>>, now: Date): void {
  const known = milestones.diketahuiAt === undefined ? null : Date.parse(milestones.diketahuiAt);
  for (const key of MILESTONE_KEYS) {
    const value = milestones[key];
    if (value === undefined) continue;
    const at = Date.parse(value);
    if (at > now.getTime() + CLOCK_SKEW_MS) {
      throw validation('Waktu tahapan tidak boleh di masa depan', `milestones.${key}`, 'waktu_di_masa_depan');
    }
    if (known !== null && at < known) {
      throw validation(
        'Waktu tahapan tidak boleh sebelum pelanggaran diketahui',
        `milestones.${key}`,
        'sebelum_diketahui',
      );
    }
  }
}

export function createRujukanUseCases(ctx: KejadianContext) {
  const { db } = ctx;
  return {
    /** Refers an open incident onward; its deadlines count from when it became known. */
    async refer(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: RujukanInput,
    ): Promise<KejadianDetail> {
      const now = ctx.clock.now();
      const ruleSet = ruleSetFor(pemilihan, input.ruleSet);
      await db.transaction().execute(async (trx) => {
        const locked = await ctx.lockVisible(trx, actor, pemilihan, id);
        authorize(actor, 'kejadian:refer', locked.kode_wilayah);
        if (input.version !== undefined && input.version !== locked.version) {
          throw new DomainError('conflict', 'Kejadian sudah diubah orang lain; muat ulang lalu coba lagi', {
            code: 'versi_berubah',
            version: locked.version,
          });
        }
        const { incident, row } = await persistDueEscalation(trx, ctx.audit, locked, now, ctx.policy);
        const result = transition(incident, { type: 'rujuk', tujuan: input.lembaga }, actorLevel(actor), now);
        if (!result.ok) throw alurError(result.code, incident, 'rujuk');
        const milestones: Partial<Record<MilestoneKey, string>> = {
          diketahuiAt: new Date(row.diketahui_at).toISOString(),
        };
        if (input.dilaporkanAt !== undefined)
          milestones.dilaporkanAt = new Date(input.dilaporkanAt).toISOString();
        checkMilestones(milestones, now);
        await repo.updateKejadian(trx, id, columnsOf(result.value));
        await rujukanRepo.insertRujukan(trx, {
          kejadian_id: id,
          rule_set: ruleSet,
          lembaga: input.lembaga,
          milestones,
          updated_by: actor.userId,
          updated_at: now,
        });
        const catatan = [`${input.lembaga} (${ruleSet})`, input.catatan ?? ''].filter(Boolean).join(': ');
        await recordChange(
          { trx, audit: ctx.audit, actor, row, now },
          {
            aksi: 'rujuk',
            before: incident,
            after: result.value,
            catatan,
            audit: { status: 'dirujuk', ruleSet, lembaga: input.lembaga, milestones },
          },
        );
      });
      return ctx.get(actor, pemilihan, id);
    },

    /** Records milestones of the handling path (null clears one) and the outcome. */
    async updateRujukan(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: RujukanUpdateInput,
    ): Promise<KejadianDetail> {
      const now = ctx.clock.now();
      await db.transaction().execute(async (trx) => {
        const row = await ctx.lockVisible(trx, actor, pemilihan, id);
        authorize(actor, 'kejadian:refer', row.kode_wilayah);
        const current = await rujukanRepo.findRujukanForUpdate(trx, id);
        if (!current) {
          throw new DomainError('invalid_state', 'Kejadian ini belum dirujuk', { code: 'belum_dirujuk' });
        }
        const before = parseMilestones(current.milestones);
        const milestones = { ...before };
        for (const key of MILESTONE_KEYS) {
          const value = input.milestones[key];
          if (value === undefined) continue;
          if (value === null) {
            if (key === 'diketahuiAt') {
              throw validation(
                'Waktu pelanggaran diketahui tidak dapat dihapus',
                'milestones.diketahuiAt',
                'data_wajib',
              );
            }
            delete milestones[key];
          } else {
            milestones[key] = new Date(value).toISOString();
          }
        }
        checkMilestones(milestones, now);
        const outcome = input.hasil === undefined ? current.outcome : input.hasil;
        await rujukanRepo.updateRujukan(trx, id, {
          milestones,
          outcome,
          updated_by: actor.userId,
          updated_at: now,
        });
        const incident = toDomain(row, current.lembaga);
        const changed = MILESTONE_KEYS.filter((k) => before[k] !== milestones[k]);
        const catatan = [
          ...changed.map((k) => `${k}: ${milestones[k] ?? '—'}`),
          ...(input.hasil !== undefined ? [`hasil: ${input.hasil ?? '—'}`] : []),
          ...(input.catatan ? [input.catatan] : []),
        ].join('; ');
        await recordChange(
          { trx, audit: ctx.audit, actor, row, now },
          {
            aksi: 'rujukan',
            before: incident,
            after: incident,
            catatan,
            audit: { milestones, hasil: outcome, before: { milestones: before, hasil: current.outcome } },
          },
        );
      });
      return ctx.get(actor, pemilihan, id);
    },
  };
}
