/**
 * Imports a roster sheet (KPU's KPPS/PPS/PPK decree, Bawaslu's pengawas TPS, the Linmas list) into an
 * election, as the TPS import does (modules/tps/tps-import.service.ts): read and validate every row
 * first; then all rows land in one transaction with one audit row, or none do. Officers already on
 * record under the same NIK in the election are updated; a NIK serving elsewhere is refused. Rows go
 * to the database as one JSON parameter per batch (db/recordset.ts), the import's bulk path.
 */
import type { PetugasImportResult } from '../../../contracts/petugas';
import type { Actor } from '../../../domain/access/scope';
import {
  checkSusunanImport,
  mapPetugasHeaders,
  parsePetugasRows,
  type PetugasDirectory,
} from '../../../domain/petugas/petugas-import';
import type { JenisPetugas } from '../../../domain/petugas/petugas';
import { desaDirectory, normalizeName } from '../../../domain/tps/tps-import';
import { authorize } from '../../cross-cutting/access';
import type { AuditLog } from '../../cross-cutting/audit-log';
import type { Db } from '../../db/client';
import { analyzeDueAfter } from '../../db/maintenance';
import type { ImportFile } from '../../files/read-sheet';
import {
  fileSha256,
  importAuditRecord,
  importInvalid,
  importResultOf,
  readImportSheet,
  replayOfRetry,
  requireImportRows,
  writeInBatches,
  writeOrReplayWinner,
  writeProgress,
  type ImportProgress,
} from '../../files/sheet-import';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
import * as importRepo from './petugas-import.repo';

/** Rows per statement: one JSON parameter each (a few MB at most). */
const WRITE_BATCH = 5000;
/**
 * Imports that change at least this many officers, and more than a tenth of what the statistics count
 * (autovacuum's rule, db/maintenance.ts), refresh the planner's statistics afterwards: a province's
 * file into an empty table does, the thirtieth province's into a table of millions does not (ANALYZE
 * after each of the 38 files of a national roster took 40 % of its import; bench/petugas.ts).
 */
const ANALYZE_AFTER_ROWS = 500;

export function createPetugasImportService(deps: { audit: AuditLog; db: Db; wilayah: WilayahService }) {
  const { db } = deps;

  async function buildDirectory(pemilihan: PemilihanContext, kode: string): Promise<PetugasDirectory> {
    const [desa, tps] = await Promise.all([
      deps.wilayah.desaDirectory(kode),
      importRepo.findTpsKeysWithin(db, pemilihan.id, kode),
    ]);
    const kecamatanByKode = new Set<string>();
    const kecamatanByName = new Map<string, string | null>();
    for (const d of desa) {
      const kecamatan = d.kode.split('.').slice(0, 3).join('.');
      const name = normalizeName(d.nama_kecamatan);
      if (!kecamatanByKode.has(kecamatan)) {
        kecamatanByKode.add(kecamatan);
        const known = kecamatanByName.get(name);
        kecamatanByName.set(name, known === undefined || known === kecamatan ? kecamatan : null);
      }
    }
    return {
      ...desaDirectory(desa),
      kecamatanByKode,
      kecamatanByName,
      tps: new Map(tps.map((t) => [`${t.kode_wilayah}#${t.nomor}`, t.id])),
    };
  }

  return {
    /**
     * Validates and writes a roster into `wilayah` for the election. Throws `import_invalid` with
     * every bad row in `details.errors` when any row is wrong; nothing is written then.
     */
    async run(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: {
        wilayah: string;
        file: ImportFile;
        jenis: JenisPetugas | null;
        idempotencyKey?: string | undefined;
      },
      onProgress: (progress: ImportProgress) => void = () => undefined,
    ): Promise<PetugasImportResult> {
      authorize(actor, 'petugas:manage', input.wilayah);
      const sha256 = fileSha256(input.file);
      const idempotencyKey =
        input.idempotencyKey ?? `sha256:${sha256}:${pemilihan.id}:${input.wilayah}:${input.jenis ?? ''}`;
      const replay = replayOfRetry(
        await importRepo.findImportByKey(db, idempotencyKey),
        sha256,
        pemilihan.id,
      );
      if (replay) return replay;
      await deps.wilayah.require(input.wilayah);

      const { headerIndex, columns, dataRows } = await readImportSheet(
        input.file,
        (row) => mapPetugasHeaders(row, input.jenis),
        onProgress,
      );
      onProgress({ phase: 'validate', done: 0, total: dataRows.length });
      const directory = await buildDirectory(pemilihan, input.wilayah);
      const { rows, errors } = parsePetugasRows(columns, dataRows, directory, {
        jenisDefault: input.jenis,
        hariPemungutan: pemilihan.hariPemungutan,
      });
      requireImportRows(errors, rows.length, 'petugas', headerIndex);

      // A person serves once per election: a NIK on record outside this import's area is refused.
      const outside = await importRepo.findNikOutside(
        db,
        pemilihan.id,
        input.wilayah,
        rows.map((r) => r.nik),
      );
      if (outside.length > 0) {
        const where = new Map(outside.map((o) => [o.nik, o.kode_wilayah]));
        throw importInvalid(
          rows
            .filter((r) => where.has(r.nik))
            .map((r) => ({
              row: r.row,
              column: 'nik',
              value: `…${r.nik.slice(-4)}`,
              reason: `NIK ini sudah terdaftar sebagai petugas di ${where.get(r.nik)} pada pemilihan ini`,
            })),
          headerIndex,
        );
      }
      onProgress({ phase: 'validate', done: dataRows.length, total: dataRows.length });

      const write = () =>
        db.transaction().execute(async (trx) => {
          const existing = await importRepo.findPetugasForDiff(trx, pemilihan.id, input.wilayah);
          const susunan = checkSusunanImport(
            rows,
            existing.map((e) => ({
              nik: e.nik,
              jenis: e.jenis,
              jabatan: e.jabatan,
              tpsId: e.tps_id,
            })),
          );
          if (susunan.length > 0) throw importInvalid(susunan, headerIndex);
          const byNik = new Map(existing.map((e) => [e.nik, e]));
          const { id: importId } = await importRepo.insertImport(trx, {
            pemilihan_id: pemilihan.id,
            idempotency_key: idempotencyKey,
            file_name: input.file.fileName.slice(0, 200),
            file_sha256: sha256,
            kode_wilayah: input.wilayah,
            actor_user_id: actor.userId,
            inserted: 0,
            updated: 0,
            unchanged: 0,
          });
          const inserts: importRepo.ImportedPetugasRow[] = [];
          const updates: Parameters<typeof importRepo.updatePetugasBatch>[1][number][] = [];
          let unchanged = 0;
          for (const r of rows) {
            const values = {
              jenis: r.jenis,
              jabatan: r.jabatan,
              kode_wilayah: r.kodeWilayah,
              tps_id: r.tpsId,
              nama: r.nama,
              telepon: r.telepon,
              tanggal_lahir: r.tanggalLahir,
              jenis_kelamin: r.jenisKelamin,
            };
            const current = byNik.get(r.nik);
            if (!current) {
              inserts.push({ ...values, nik: r.nik });
            } else if (
              (Object.keys(values) as (keyof typeof values)[]).every((key) =>
                key === 'tanggal_lahir'
                  ? (current.tanggal_lahir === null ? null : String(current.tanggal_lahir).slice(0, 10)) ===
                    values[key]
                  : current[key] === values[key],
              )
            ) {
              unchanged++;
            } else {
              updates.push({ id: current.id, ...values, import_id: importId });
            }
          }
          const total = inserts.length + updates.length;
          onProgress({ phase: 'write', done: 0, total });
          const wrote = writeProgress(total, onProgress);
          const into = { pemilihanId: pemilihan.id, importId };
          await writeInBatches(
            inserts,
            WRITE_BATCH,
            (b) => importRepo.insertPetugasBatch(trx, into, b),
            wrote,
          );
          await writeInBatches(updates, WRITE_BATCH, (b) => importRepo.updatePetugasBatch(trx, b), wrote);
          const counts = { inserted: inserts.length, updated: updates.length, unchanged };
          await importRepo.setImportCounts(trx, importId, counts);
          // One audit row for the import: the officers are traced to it by import_id; no personal data.
          await deps.audit.record(
            trx,
            actor,
            importAuditRecord('petugas_import', {
              importId,
              wilayah: input.wilayah,
              file: input.file,
              sha256,
              pemilihanId: pemilihan.id,
              counts,
            }),
          );
          return importResultOf(importId, input.wilayah, rows.length, counts);
        });
      const result = await writeOrReplayWinner(
        write,
        () => importRepo.findImportByKey(db, idempotencyKey),
        sha256,
      );
      if (result.replayed) return result;
      const changed = result.inserted + result.updated;
      if (changed >= ANALYZE_AFTER_ROWS && analyzeDueAfter(changed, await importRepo.petugasReltuples(db))) {
        await importRepo.analyzePetugas(db);
      }
      return result;
    },
  };
}
export type PetugasImportService = ReturnType<typeof createPetugasImportService>;
