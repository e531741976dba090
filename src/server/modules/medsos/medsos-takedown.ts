/** Takedown requests of a verified post to a platform or Komdigi, and their answers (docs/domain/medsos.md). */
import type { MedsosDetail, TakedownInput, TakedownUpdateInput } from '../../../contracts/medsos';
import type { Actor } from '../../../domain/access/scope';
import { canMoveTakedown, isVerified } from '../../../domain/medsos/medsos';
import { authorize } from '../../cross-cutting/access';
import { DomainError, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { invalidState, notFuture, validation, type MedsosContext } from './medsos-context';
import * as repo from './medsos.repo';

export function createTakedownUseCases(
  { deps, db, lockVisible, step }: MedsosContext,
  get: (actor: Actor, pemilihan: PemilihanContext, id: string) => Promise<MedsosDetail>,
) {
  return {
    async ajukanTakedown(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: TakedownInput,
    ): Promise<MedsosDetail> {
      const now = deps.clock.now();
      const diajukanAt = input.diajukanAt === undefined ? now : new Date(input.diajukanAt);
      await db.transaction().execute(async (trx) => {
        const row = await lockVisible(trx, actor, pemilihan, id);
        authorize(actor, 'medsos:takedown', row.kode_wilayah);
        if (!isVerified(row.status))
          throw invalidState('Verifikasi unggahan sebelum meminta penurunan', 'belum_diverifikasi');
        if (!notFuture(diajukanAt, now))
          throw validation('Waktu pengajuan tidak boleh di masa depan', 'diajukanAt', 'waktu_di_masa_depan');
        if (diajukanAt < new Date(row.dilihat_at))
          throw validation(
            'Waktu pengajuan tidak boleh sebelum unggahan dilihat',
            'diajukanAt',
            'sebelum_dilihat',
          );
        const takedownId = await repo.insertTakedown(trx, {
          post_id: id,
          tujuan: input.tujuan,
          nomor: input.nomor,
          catatan: input.catatan,
          diajukan_at: diajukanAt,
          created_by: actor.userId,
        });
        await step(
          trx,
          actor,
          row,
          'takedown',
          `${input.tujuan}${input.nomor ? ` ${input.nomor}` : ''}`,
          { takedownId, ...input },
          now,
        );
      });
      return get(actor, pemilihan, id);
    },

    async ubahTakedown(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      takedownId: string,
      input: TakedownUpdateInput,
    ): Promise<MedsosDetail> {
      const now = deps.clock.now();
      const at = input.at === undefined ? now : new Date(input.at);
      await db.transaction().execute(async (trx) => {
        const row = await lockVisible(trx, actor, pemilihan, id);
        authorize(actor, 'medsos:takedown', row.kode_wilayah);
        const takedown = await repo.findTakedownForUpdate(trx, id, takedownId);
        if (!takedown) throw notFound('Permintaan takedown');
        if (input.version !== undefined && input.version !== takedown.version)
          throw new DomainError(
            'conflict',
            'Permintaan ini sudah diubah orang lain; muat ulang lalu coba lagi',
            {
              code: 'versi_berubah',
              version: takedown.version,
            },
          );
        if (!canMoveTakedown(takedown.status, input.status))
          throw invalidState(
            `Permintaan berstatus ${takedown.status} tidak dapat menjadi ${input.status}`,
            'status_tidak_sesuai',
          );
        if (!notFuture(at, now))
          throw validation('Waktu tidak boleh di masa depan', 'at', 'waktu_di_masa_depan');
        if (at < new Date(takedown.diajukan_at))
          throw validation('Waktu tidak boleh sebelum permintaan diajukan', 'at', 'sebelum_diajukan');
        const change = {
          status: input.status,
          ...(input.status === 'diproses' ? { diproses_at: at } : { selesai_at: at }),
          ...(input.nomor === undefined ? {} : { nomor: input.nomor }),
          ...(input.catatan === undefined ? {} : { catatan: input.catatan }),
        };
        await repo.updateTakedown(trx, takedownId, change);
        await step(
          trx,
          actor,
          row,
          `takedown_${input.status}`,
          input.catatan ? `${takedown.tujuan}: ${input.catatan}` : takedown.tujuan,
          { takedownId, ...change },
          now,
        );
      });
      return get(actor, pemilihan, id);
    },
  };
}
