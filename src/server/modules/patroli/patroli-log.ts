/** The phone's log of a patrol (start, places, findings, end), once per client id; a finding made an incident. */
import type { PatroliLogInput, PatroliLogResult } from '../../../contracts/patroli';
import type { Actor } from '../../../domain/access/scope';
import { nextStatus } from '../../../domain/patroli/patroli';
import { isAheadOfClock } from '../../../domain/time/jam-ponsel';
import { isWithinWilayah, parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { isUniqueViolation } from '../../db/pg-errors';
import { DomainError, forbidden, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { canRun, kejadianOf, STATUS_CODE, validation, type PatroliContext } from './patroli-context';
import * as repo from './patroli.repo';

export function createLogPatroliUseCases(ctx: PatroliContext) {
  const { db, deps, visible } = ctx;
  const useCases = {
    /**
     * One entry of the phone's log, once per client id: the status moves (start, end) under the
     * patrol's row lock; a finding asked to become an incident is reported first, under its own
     * client id, so a retry after a lost answer finds both and writes neither again.
     */
    async log(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: PatroliLogInput,
    ): Promise<PatroliLogResult> {
      const row = await visible(actor, pemilihan, id);
      if (!canRun(actor, row)) throw forbidden('Anda tidak termasuk unsur yang menjalankan patroli ini');
      const replay = await repo.findLogByClientId(db, actor.userId, input.clientId);
      if (replay) {
        if (replay.patroli_id !== id)
          throw new DomainError('conflict', 'clientId ini sudah dipakai untuk catatan lain', {
            field: 'clientId',
            code: 'client_id_dipakai',
          });
        return {
          id: replay.id,
          replayed: true,
          status: row.status,
          kejadianId: replay.kejadian_id,
        };
      }
      const dicatatAt = new Date(input.dicatatAt);
      if (isAheadOfClock(dicatatAt, deps.clock.now()))
        throw validation('Waktu catatan tidak boleh di masa depan', 'dicatatAt', 'waktu_di_masa_depan');
      if (input.kodeWilayah) {
        const level = parseKodeWilayah(input.kodeWilayah);
        if (
          !level.ok ||
          level.value.level !== 'desa' ||
          !isWithinWilayah(input.kodeWilayah, row.kode_wilayah.split('.').slice(0, 2).join('.'))
        )
          throw validation('Pilih kelurahan/desa di wilayah patroli', 'kodeWilayah', 'di_luar_wilayah');
        await deps.wilayah.requireKnown({ kodeWilayah: input.kodeWilayah });
      }
      if (nextStatus(row.status, input.aksi) === null)
        throw new DomainError('invalid_state', STATUS_CODE[input.aksi]!, { status: row.status });
      const kejadianId =
        input.jadikanKejadian && input.kodeWilayah && input.kategori
          ? (
              await deps.kejadian.report(
                actor,
                pemilihan,
                kejadianOf(row, {
                  clientId: input.clientId,
                  kategori: input.kategori,
                  kodeWilayah: input.kodeWilayah,
                  lat: input.lat ?? null,
                  lon: input.lon ?? null,
                  dicatatAt,
                  uraian: input.uraian ?? '',
                }),
              )
            ).id
          : null;
      try {
        return await db.transaction().execute(async (trx) => {
          const locked = await repo.findPatroliForUpdate(trx, id);
          const next = nextStatus(locked!.status, input.aksi);
          if (next === null)
            throw new DomainError('invalid_state', STATUS_CODE[input.aksi]!, { status: locked!.status });
          const logId = await repo.insertLog(trx, {
            client_id: input.clientId,
            patroli_id: id,
            aksi: input.aksi,
            dicatat_at: dicatatAt,
            kode_wilayah: input.kodeWilayah ?? null,
            lat: input.lat ?? null,
            lon: input.lon ?? null,
            uraian: input.uraian ?? null,
            kategori: input.kategori ?? null,
            kejadian_id: kejadianId,
            created_by: actor.userId,
          });
          if (next !== locked!.status) await repo.setStatus(trx, id, next);
          await deps.audit.record(trx, actor, {
            action: `patroli.log.${input.aksi}`,
            entity: 'patroli',
            entityId: id,
            kodeWilayah: input.kodeWilayah ?? row.kode_wilayah,
            before: { status: locked!.status },
            after: { ...input, status: next, logId, kejadianId },
          });
          return { id: logId, replayed: false, status: next, kejadianId };
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const first = await repo.findLogByClientId(db, actor.userId, input.clientId);
        if (!first) throw error;
        const now = await repo.findPatroli(db, pemilihan.id, id);
        return {
          id: first.id,
          replayed: true,
          status: now!.status,
          kejadianId: first.kejadian_id,
        };
      }
    },

    /** A finding logged earlier becomes an incident (one tap); idempotent by the finding's client id. */
    async jadikanKejadian(actor: Actor, pemilihan: PemilihanContext, id: string, logId: string) {
      const row = await visible(actor, pemilihan, id);
      if (!canRun(actor, row)) throw forbidden('Anda tidak termasuk unsur yang menjalankan patroli ini');
      const entry = (await repo.findLog(db, id)).find((l) => l.id === logId);
      if (!entry) throw notFound('Catatan patroli');
      if (entry.aksi !== 'temuan')
        throw new DomainError('invalid_state', 'Hanya temuan yang dijadikan kejadian');
      if (entry.kejadian_id !== null) return { kejadianId: entry.kejadian_id };
      if (!entry.kategori || !entry.kode_wilayah)
        throw new DomainError(
          'invalid_state',
          'Temuan ini belum punya kategori dan kelurahan; catat temuan baru',
        );
      const reported = await deps.kejadian.report(
        actor,
        pemilihan,
        kejadianOf(row, {
          clientId: entry.client_id,
          kategori: entry.kategori,
          kodeWilayah: entry.kode_wilayah,
          lat: entry.lat,
          lon: entry.lon,
          dicatatAt: entry.dicatat_at,
          uraian: entry.uraian ?? '',
        }),
      );
      await db.transaction().execute(async (trx) => {
        const locked = await repo.findLogEntryForUpdate(trx, id, logId);
        if (locked?.kejadian_id !== null) return;
        await repo.linkKejadian(trx, logId, reported.id);
        await deps.audit.record(trx, actor, {
          action: 'patroli.temuan.kejadian',
          entity: 'patroli',
          entityId: id,
          kodeWilayah: entry.kode_wilayah,
          before: { kejadianId: null },
          after: { logId, kejadianId: reported.id },
        });
      });
      return { kejadianId: reported.id };
    },
  };
  return useCases;
}
