/**
 * A distribution plan from a sheet (XLSX/CSV): every row parsed (logistik-import.ts) and checked as a
 * leg planned by hand would be, rows named by their ref; all or nothing.
 */
import type { Actor } from '../../../domain/access/scope';
import { DomainError } from '../../errors';
import { authorize } from '../../cross-cutting/access';
import type { ImportFile } from '../../files/read-sheet';
import { readSheet } from '../../files/read-sheet';
import { importInvalid, requireImportRows } from '../../files/sheet-import';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { kabOf, type LogistikContext } from './logistik-context';
import { parseRencana } from './logistik-import';
import * as repo from './logistik.repo';

export function createRencanaImporUseCase(ctx: LogistikContext) {
  const { deps, db, names, checkLeg, simpanPengawal } = ctx;
  return {
    /** A distribution plan from a sheet: every row checked, all or nothing (rows named by their ref). */
    async importRencana(
      actor: Actor,
      pemilihan: PemilihanContext,
      wilayah: string,
      file: ImportFile,
    ): Promise<{ rows: number }> {
      const kab = kabOf(wilayah);
      authorize(actor, 'logistik:plan', kab);
      const areaNames = await names(kab);
      const cells = await readSheet(file);
      const { rows, errors } = parseRencana(cells, kab, areaNames);
      requireImportRows(errors, rows.length, 'perjalanan');
      return db.transaction().execute(async (trx) => {
        const idByRef = new Map<string, string>();
        const late: { row: number; column: string; value: string; reason: string }[] = [];
        for (const r of rows) {
          let fields;
          try {
            fields = await checkLeg(
              trx,
              pemilihan,
              kab,
              {
                ...r.leg,
                sebelumnyaId: r.sebelumnyaRef === null ? null : (idByRef.get(r.sebelumnyaRef) ?? null),
              },
              null,
              areaNames,
            );
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            late.push({
              row: r.row,
              column: String((error.details as { field?: string })?.field ?? ''),
              value: '',
              reason: error.message,
            });
            continue;
          }
          if (r.sebelumnyaRef !== null && !idByRef.has(r.sebelumnyaRef)) {
            late.push({
              row: r.row,
              column: 'sebelumnya',
              value: r.sebelumnyaRef,
              reason: 'Rujukan perjalanan sebelumnya tidak ada di baris atas',
            });
            continue;
          }
          const [row] = await repo.insertLegs(trx, [
            {
              ...fields,
              pemilihan_id: pemilihan.id,
              client_id: crypto.randomUUID(),
              kode_kabkota: kab,
              created_by: actor.userId,
            },
          ]);
          idByRef.set(r.ref, row!.id);
          await simpanPengawal(trx, actor, pemilihan, row!, areaNames);
        }
        // Nothing half-written: any row refused rolls the whole sheet back.
        if (late.length > 0) throw importInvalid(late);
        await deps.audit.record(trx, actor, {
          action: 'import',
          entity: 'logistik_leg',
          entityId: null,
          kodeWilayah: kab,
          before: null,
          after: { fileName: file.fileName, rows: rows.length, pemilihanId: pemilihan.id },
        });
        return { rows: rows.length };
      });
    },
  };
}
