/** A Polres area's staffing pattern ("Polri : TPS : Linmas") and reserve, changed at a version. */
import type { PamSetting, PamSettingUpdate } from '../../../contracts/pengamanan';
import type { Actor } from '../../../domain/access/scope';
import { validatePola, validateReservePolicy } from '../../../domain/pengamanan/pola';
import { DomainError } from '../../errors';
import { authorize } from '../../cross-cutting/access';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { polresAreaOf, requirePolri, type PengamananContext } from './pengamanan-context';
import { toSetting } from './pengamanan.view';
import * as repo from './pengamanan.repo';

export function createSettingUseCases(ctx: PengamananContext) {
  const { db, deps } = ctx;
  const useCases = {
    async setting(actor: Actor, pemilihan: PemilihanContext, wilayah: string): Promise<PamSetting> {
      authorize(actor, 'pengamanan:read', wilayah);
      const kab = polresAreaOf(wilayah);
      return toSetting(kab, await repo.findSetting(db, pemilihan.id, kab));
    },

    async updateSetting(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: PamSettingUpdate,
    ): Promise<PamSetting> {
      const kab = polresAreaOf(input.wilayah);
      authorize(actor, 'pengamanan:plan', kab);
      requirePolri(actor);
      await deps.wilayah.requireKnown({ wilayah: input.wilayah });
      const problems = [...validatePola(input.pola), ...validateReservePolicy(input.reserve)];
      if (problems.length > 0)
        throw new DomainError('validation', problems.map((p) => p.message).join('; '), { problems });
      const row = {
        pemilihan_id: pemilihan.id,
        kode_kabkota: kab,
        pola: input.pola,
        reserve: input.reserve,
        catatan: input.catatan,
        updated_by: actor.userId,
      };
      await db.transaction().execute(async (trx) => {
        const before = await repo.findSetting(trx, pemilihan.id, kab);
        const saved =
          input.version === null
            ? await repo.insertSetting(trx, row)
            : await repo.updateSetting(trx, input.version, row);
        if (!saved)
          throw new DomainError(
            'conflict',
            'Pola pengamanan sudah diubah orang lain; muat ulang lalu ulangi',
            {
              version: before?.version ?? null,
            },
          );
        await deps.audit.record(trx, actor, {
          action: 'update',
          entity: 'pam_setting',
          entityId: kab,
          kodeWilayah: kab,
          before: before ? { pola: before.pola, reserve: before.reserve } : null,
          after: {
            pemilihanId: pemilihan.id,
            pola: input.pola,
            reserve: input.reserve,
            catatan: input.catatan,
          },
        });
      });
      return useCases.setting(actor, pemilihan, kab);
    },
  };
  return useCases;
}
