/** Observations (pengamatan) on a TPS by those who know the ground, and Bawaslu's answer to each. */
import type { ChecklistTps, PengamatanAnswer, PengamatanInput } from '../../../contracts/kerawanan';
import { isInScope, type Actor } from '../../../domain/access/scope';
import { authorize } from '../../cross-cutting/access';
import { createOnce } from '../../cross-cutting/create-once';
import { DomainError, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { KerawananContext } from './kerawanan-context';
import {
  answerPengamatan,
  findPengamatan,
  findPengamatanByClientId,
  insertPengamatan,
} from './kerawanan-pengamatan.repo';
import { findOneTpsWithKerawanan, findTpsRef } from './kerawanan.repo';

export function createPengamatanUseCases(ctx: KerawananContext) {
  const { db, deps, regionFor, checklistTps } = ctx;
  return {
    /**
     * An observation by the lurah, camat or a tiga pilar at one TPS: it sits beside Bawaslu's checklist
     * until its PKD or Panwascam takes it up or sets it aside; it never changes the mapping itself.
     */
    async addPengamatan(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: PengamatanInput,
    ): Promise<ChecklistTps> {
      const tps = await findTpsRef(db, input.tpsId);
      if (!tps || !isInScope(actor, tps.kode_wilayah)) throw notFound('TPS');
      authorize(actor, 'kerawanan:observe', tps.kode_wilayah);
      if (input.indikator !== null && !(await regionFor(tps.kode_wilayah)).known.has(input.indikator)) {
        throw new DomainError('validation', 'Indikator tidak dikenal', { field: 'indikator' });
      }
      if (!(await findOneTpsWithKerawanan(db, pemilihan.id, input.tpsId, input.phase))) {
        throw new DomainError('validation', 'TPS ini tidak ikut dalam pemilihan yang dipilih', {
          field: 'tpsId',
          code: 'tps_bukan_peserta',
        });
      }
      // A resend (or a race's loser) answers with the TPS as it stands; another election's is refused.
      await createOnce({
        find: () => findPengamatanByClientId(db, input.clientId),
        pemilihan,
        replay: () => undefined,
        write: () =>
          db.transaction().execute(async (trx) => {
            const inserted = await insertPengamatan(trx, {
              client_id: input.clientId,
              pemilihan_id: pemilihan.id,
              tps_id: input.tpsId,
              phase: input.phase,
              indikator: input.indikator,
              catatan: input.catatan,
              created_by: actor.userId,
            });
            await deps.audit.record(trx, actor, {
              action: 'create',
              entity: 'kerawanan_pengamatan',
              entityId: inserted.id,
              kodeWilayah: tps.kode_wilayah,
              before: null,
              after: input,
            });
          }),
      });
      return checklistTps(pemilihan, tps.kode_wilayah, input.tpsId, input.phase);
    },

    /** Bawaslu (PKD, Panwascam) takes an observation up into its checklist or sets it aside, once. */
    async answerPengamatan(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: PengamatanAnswer,
    ): Promise<ChecklistTps> {
      const found = await findPengamatan(db, id);
      if (!found || found.pemilihan_id !== pemilihan.id || !isInScope(actor, found.kode_wilayah))
        throw notFound('Pengamatan');
      authorize(actor, 'kerawanan:assess', found.kode_wilayah);
      await db.transaction().execute(async (trx) => {
        const answered = await answerPengamatan(trx, id, {
          status: input.status,
          tanggapan: input.tanggapan,
          ditanggapi_by: actor.userId,
        });
        if (!answered) throw new DomainError('invalid_state', 'Pengamatan ini sudah ditanggapi');
        await deps.audit.record(trx, actor, {
          action: 'answer',
          entity: 'kerawanan_pengamatan',
          entityId: id,
          kodeWilayah: found.kode_wilayah,
          before: { status: found.status },
          after: input,
        });
      });
      return checklistTps(pemilihan, found.kode_wilayah, found.tps_id, found.phase);
    },
  };
}
