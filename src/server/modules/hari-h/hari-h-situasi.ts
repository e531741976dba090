/** The tiga pilar's view of one TPS's security (kondusif / waspada / genting), kept as history. */
import type { Actor } from '../../../domain/access/scope';
import type { LevelSituasi } from '../../../domain/laporan/situasi';
import { notifyLive } from '../../db/notify';
import { createOnce } from '../../cross-cutting/create-once';
import { DomainError } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { checkWrittenAt, reportableTps } from './hari-h-check';
import type { HariHDeps } from './hari-h.service';
import * as repo from './hari-h.repo';

/** One security report as the phone or an SMS sends it. */
export interface SituasiReport {
  clientId: string;
  tpsId: string;
  situasi: LevelSituasi;
  catatan: string;
  dibuatAt?: string | undefined;
}

export async function reportSituasi(
  deps: HariHDeps,
  actor: Actor,
  pemilihan: PemilihanContext,
  input: SituasiReport,
  via: 'web' | 'sms' = 'web',
): Promise<{ tpsId: string; situasi: LevelSituasi; replayed: boolean }> {
  const { db } = deps;
  const found = await repo.findTpsForStatus(db, pemilihan.id, input.tpsId);
  const tps = reportableTps(actor, found, found?.dalam_pemilihan === true);
  if (input.situasi !== 'kondusif' && input.catatan.trim() === '') {
    throw new DomainError('validation', 'Situasi waspada atau genting perlu keterangan singkat', {
      field: 'catatan',
    });
  }
  const now = deps.clock.now();
  checkWrittenAt(input.dibuatAt, now);
  // A retry answers as the first copy; a client id first used in another election is refused.
  const { replayed } = await createOnce({
    find: () => repo.findSituasiByClientId(db, input.clientId),
    pemilihan,
    replay: () => undefined,
    write: () =>
      db.transaction().execute(async (trx) => {
        await repo.insertSituasi(trx, {
          client_id: input.clientId,
          pemilihan_id: pemilihan.id,
          tps_id: tps.id,
          situasi: input.situasi,
          catatan: input.catatan.trim(),
          via,
          dibuat_at: input.dibuatAt === undefined ? now : new Date(input.dibuatAt),
          created_by: actor.userId,
        });
        await deps.audit.record(trx, actor, {
          action: 'situasi',
          entity: 'tps_situasi',
          entityId: tps.id,
          kodeWilayah: tps.kode_wilayah,
          before: null,
          after: { situasi: input.situasi, catatan: input.catatan, via, pemilihanId: pemilihan.id },
        });
        await notifyLive(trx, {
          type: 'tps_status',
          pemilihanId: pemilihan.id,
          kodeWilayah: tps.kode_wilayah,
          id: tps.id,
          at: now.toISOString(),
          data: { situasi: input.situasi },
        });
      }),
  });
  return { tpsId: tps.id, situasi: input.situasi, replayed };
}
