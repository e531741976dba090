/**
 * The two imports of a whole area from CSV/XLSX for a phase: a mapping (indicators per TPS, scored
 * here) and a Polres's own list of categories (planner overrides). Every row is checked first, then
 * all land in one transaction, or none; a file already imported writes nothing again.
 */
import type { Actor } from '../../../domain/access/scope';
import type { Phase } from '../../../domain/kerawanan/catalogue';
import { parseKategoriSheet } from '../../../domain/kerawanan/kategori-import';
import { parseMappingSheet } from '../../../domain/kerawanan/mapping-import';
import { authorize } from '../../cross-cutting/access';
import type { Db } from '../../db/client';
import { readSheet, type ImportFile } from '../../files/read-sheet';
import { fileSha256, requireImportRows } from '../../files/sheet-import';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { assessmentRow, type KerawananContext } from './kerawanan-context';
import {
  findSubmission,
  findTpsWithKerawanan,
  insertAssessments,
  replaceOverrides,
  retireCurrentAssessments,
} from './kerawanan.repo';

export function createImportUseCases(ctx: KerawananContext) {
  const { db, deps, regionFor } = ctx;

  /** The audit row of an import: the area, election and phase, the file by name and SHA-256, its counts. */
  function recordImport(
    trx: Db,
    actor: Actor,
    pemilihan: PemilihanContext,
    entity: 'kerawanan' | 'kerawanan_override',
    input: { wilayah: string; phase: Phase; file: ImportFile },
    figures: { sha256: string; rows: number; changed?: number },
  ) {
    return deps.audit.record(trx, actor, {
      action: 'import',
      entity,
      entityId: input.wilayah,
      kodeWilayah: input.wilayah,
      before: null,
      after: { pemilihanId: pemilihan.id, phase: input.phase, fileName: input.file.fileName, ...figures },
    });
  }

  return {
    /**
     * Imports a whole mapping (a kab/kota or kecamatan) from CSV/XLSX for a phase: every row is
     * checked first, then all land in one transaction, or none. A retry of the same file is a no-op.
     */
    async importMapping(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: { wilayah: string; phase: Phase; file: ImportFile; idempotencyKey?: string | undefined },
    ): Promise<{ rows: number; replayed: boolean }> {
      authorize(actor, 'kerawanan:import', input.wilayah);
      await deps.wilayah.require(input.wilayah);
      const sha = fileSha256(input.file);
      const submissionId = input.idempotencyKey ?? `import:${sha}:${input.wilayah}:${input.phase}`;
      const cells = await readSheet(input.file);
      const tps = await findTpsWithKerawanan(db, pemilihan.id, input.wilayah, input.phase);
      const { catalogue, scoring } = await regionFor(input.wilayah);
      const { rows, errors } = parseMappingSheet(cells, new Map(tps.map((t) => [t.kode, t.id])), catalogue);
      // Rows are counted in the file already (the parser found the header), so no shift.
      requireImportRows(errors, rows.length, 'TPS');
      const lokasiKhusus = new Map(tps.map((t) => [t.id, t.lokasi_khusus !== null]));
      return db.transaction().execute(async (trx) => {
        if ((await findSubmission(trx, pemilihan.id, submissionId)).n > 0)
          return { rows: rows.length, replayed: true };
        const assessments = rows.map((r) => {
          return assessmentRow({
            pemilihanId: pemilihan.id,
            tpsId: r.tpsId,
            phase: input.phase,
            indicators: r.indicators,
            notes: {},
            isLokasiKhusus: lokasiKhusus.get(r.tpsId) === true,
            region: { catalogue, scoring },
            submissionId,
            actor,
          });
        });
        for (let i = 0; i < assessments.length; i += 1000) {
          const batch = assessments.slice(i, i + 1000);
          await retireCurrentAssessments(
            trx,
            pemilihan.id,
            batch.map((a) => a.tps_id),
            input.phase,
          );
          await insertAssessments(trx, batch);
        }
        await recordImport(trx, actor, pemilihan, 'kerawanan', input, { sha256: sha, rows: rows.length });
        return { rows: rows.length, replayed: false };
      });
    },

    /**
     * Imports a Polres's own list of TPS categories (kurang rawan / rawan / sangat rawan / khusus) as
     * planner overrides with a reason, for a phase: every row is checked first, then all land in one
     * transaction, or none. A file whose every row already stands as imported writes nothing again.
     */
    async importKategori(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: { wilayah: string; phase: Phase; alasan: string; file: ImportFile },
    ): Promise<{ rows: number; replayed: boolean }> {
      authorize(actor, 'kerawanan:override', input.wilayah);
      await deps.wilayah.require(input.wilayah);
      const cells = await readSheet(input.file);
      const tps = await findTpsWithKerawanan(db, pemilihan.id, input.wilayah, input.phase);
      const { rows, errors } = parseKategoriSheet(
        cells,
        new Map(tps.map((t) => [t.kode, t.id])),
        input.alasan,
      );
      // Rows are counted in the file already (the parser found the header), so no shift.
      requireImportRows(errors, rows.length, 'TPS');
      const current = new Map(tps.map((t) => [t.id, t]));
      const changed = rows.filter((r) => {
        const now = current.get(r.tpsId);
        return now?.override_kategori !== r.kategori || now.override_reason !== r.alasan;
      });
      if (changed.length === 0) return { rows: rows.length, replayed: true };
      const sha = fileSha256(input.file);
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < changed.length; i += 1000) {
          await replaceOverrides(
            trx,
            { pemilihanId: pemilihan.id, phase: input.phase },
            changed.slice(i, i + 1000).map((r) => ({
              tps_id: r.tpsId,
              kategori: r.kategori,
              reason: r.alasan,
              decided_by: actor.userId,
            })),
          );
        }
        await recordImport(trx, actor, pemilihan, 'kerawanan_override', input, {
          sha256: sha,
          rows: rows.length,
          changed: changed.length,
        });
      });
      return { rows: rows.length, replayed: false };
    },
  };
}
