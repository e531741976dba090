/**
 * Imports a KPU-style TPS sheet. The file is read and every row validated before anything is written;
 * then all changes land in one transaction with their audit rows, or none do. A retry with the same
 * idempotency key (or the same file for the same wilayah) answers with the first result.
 */
import type { TpsImportResult } from '../../../contracts/tps';
import type { Actor } from '../../../domain/access/scope';
import { formatKodeTps } from '../../../domain/tps/kode-tps';
import { desaDirectory, mapHeaders, parseTpsRows, type TpsImportRow } from '../../../domain/tps/tps-import';
import type { Db } from '../../db/client';
import type { ImportFile } from '../../files/read-sheet';
import {
  fileSha256,
  importAuditRecord,
  importResultOf,
  readImportSheet,
  replayOfRetry,
  requireImportRows,
  writeInBatches,
  writeOrReplayWinner,
  writeProgress,
  type ImportProgress,
} from '../../files/sheet-import';
import type { NewTps } from '../../db/schema';
import type { AuditLog } from '../../cross-cutting/audit-log';
import type { WilayahService } from '../wilayah/wilayah.service';
import {
  analyzeTps,
  findImportByKey,
  findTpsForDiff,
  insertImport,
  insertTpsBatch,
  updateTpsBatch,
} from './tps-import.repo';
import { authorize } from '../../cross-cutting/access';

const WRITE_BATCH = 1000;
/** Imports that change at least this many TPS refresh the planner statistics afterwards. */
const ANALYZE_AFTER_ROWS = 500;

export function createTpsImportService(deps: { audit: AuditLog; db: Db; wilayah: WilayahService }) {
  const { db } = deps;

  return {
    /**
     * Validates and writes an import into `wilayah`. Throws `import_invalid` with every bad row in
     * `details.errors` when any row is wrong; nothing is written then.
     */
    async run(
      actor: Actor,
      input: { wilayah: string; file: ImportFile; idempotencyKey?: string | undefined },
      onProgress: (progress: ImportProgress) => void = () => undefined,
    ): Promise<TpsImportResult> {
      authorize(actor, 'tps:import', input.wilayah);
      const sha256 = fileSha256(input.file);
      const idempotencyKey = input.idempotencyKey ?? `sha256:${sha256}:${input.wilayah}`;
      const replay = replayOfRetry(await findImportByKey(db, idempotencyKey), sha256);
      if (replay) return replay;
      await deps.wilayah.require(input.wilayah);

      const { headerIndex, columns, dataRows } = await readImportSheet(input.file, mapHeaders, onProgress);
      const directory = desaDirectory(await deps.wilayah.desaDirectory(input.wilayah));
      onProgress({ phase: 'validate', done: 0, total: dataRows.length });
      const { rows, errors } = parseTpsRows(columns, dataRows, directory);
      onProgress({ phase: 'validate', done: dataRows.length, total: dataRows.length });
      requireImportRows(errors, rows.length, 'TPS', headerIndex);

      const write = () =>
        db.transaction().execute(async (trx) => {
          const existing = new Map((await findTpsForDiff(trx, input.wilayah)).map((t) => [t.kode, t]));
          const inserts: NewTps[] = [];
          const updates: Parameters<typeof updateTpsBatch>[1] = [];
          const audits: { id: string; kodeWilayah: string; before: unknown; after: TpsImportRow }[] = [];
          let unchanged = 0;
          for (const row of rows) {
            const kode = formatKodeTps(row.kodeWilayah, row.nomor);
            const values = {
              dpt_total: row.dptTotal,
              dpt_laki: row.dptLaki,
              dpt_perempuan: row.dptPerempuan,
              alamat: row.alamat,
              lat: row.lat,
              lon: row.lon,
              akses: row.akses,
              lokasi_khusus: row.lokasiKhusus,
            };
            const current = existing.get(kode);
            if (!current) {
              inserts.push({ kode_wilayah: row.kodeWilayah, nomor: row.nomor, kode, ...values });
            } else if (
              (Object.keys(values) as (keyof typeof values)[]).every((key) => current[key] === values[key])
            ) {
              unchanged++;
            } else {
              updates.push({ id: current.id, ...values });
              audits.push({ id: current.id, kodeWilayah: row.kodeWilayah, before: current, after: row });
            }
          }
          const wrote = writeProgress(inserts.length + updates.length, onProgress);
          await writeInBatches(inserts, WRITE_BATCH, (batch) => insertTpsBatch(trx, batch), wrote);
          await writeInBatches(updates, WRITE_BATCH, (batch) => updateTpsBatch(trx, batch), wrote);
          const counts = { inserted: inserts.length, updated: updates.length, unchanged };
          const { id: importId } = await insertImport(trx, {
            idempotency_key: idempotencyKey,
            file_name: input.file.fileName.slice(0, 200),
            file_sha256: sha256,
            kode_wilayah: input.wilayah,
            actor_user_id: actor.userId,
            ...counts,
          });
          // One audit row for the import (inserted TPS are traced to it), one per changed TPS.
          await deps.audit.record(
            trx,
            actor,
            importAuditRecord('tps_import', {
              importId,
              wilayah: input.wilayah,
              file: input.file,
              sha256,
              counts,
            }),
          );
          for (const audit of audits) {
            await deps.audit.record(trx, actor, {
              action: 'import_update',
              entity: 'tps',
              entityId: audit.id,
              kodeWilayah: audit.kodeWilayah,
              before: audit.before,
              after: audit.after,
            });
          }
          return importResultOf(importId, input.wilayah, rows.length, counts);
        });
      const result = await writeOrReplayWinner(write, () => findImportByKey(db, idempotencyKey), sha256);
      if (!result.replayed && result.inserted + result.updated >= ANALYZE_AFTER_ROWS) await analyzeTps(db);
      return result;
    },
  };
}
export type TpsImportService = ReturnType<typeof createTpsImportService>;
