/** A plan's plotting lists for the field: per TPS or per unit (PDF), or both in one workbook (XLSX). */
import type { PlottingQuery } from '../../../contracts/pengamanan';
import type { Actor } from '../../../domain/access/scope';
import { isWithinWilayah } from '../../../domain/wilayah/kode-wilayah';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { type PengamananContext } from './pengamanan-context';
import * as planRepo from './pengamanan-plan.repo';
import { buildPlottingPdf, buildPlottingXlsx } from './pengamanan-report';

export function createPlottingUseCase(ctx: PengamananContext) {
  const { db, deps, areas, requirePlan, readArea } = ctx;
  const useCases = {
    /** Per-TPS or per-unit plotting list of a plan (PDF), or both in one workbook (XLSX). */
    async plotting(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      options: PlottingQuery,
    ): Promise<{ fileName: string; body: Buffer }> {
      const plan = await requirePlan(actor, pemilihan, id);
      const kab = plan.kode_kabkota;
      const area = readArea(actor, kab, options.wilayah);
      const [rows, stored, kabRow, names] = await Promise.all([
        planRepo.findPlanTpsAll(db, id, area),
        planRepo.findPlanInput(db, id),
        deps.wilayah.require(kab),
        areas(kab),
      ]);
      // A camat's or lurah's list shows only the units standing in their area.
      const units = stored!.penugasan.flatMap((u) => {
        if (area === kab) return [u];
        const tugas = u.tugas.filter((t) => isWithinWilayah(t.kodeKelurahan, area));
        const tugasLain = (u.tugasLain ?? []).filter((t) => isWithinWilayah(t.kodeWilayah, area));
        return tugas.length + tugasLain.length > 0 ? [{ ...u, tugas, tugasLain, cadangan: [] }] : [];
      });
      const namaWilayah = area === kab ? kabRow.nama : (names.names.get(area) ?? area);
      const head = {
        namaWilayah,
        namaPemilihan: pemilihan.nama,
        kodeKabKota: kab,
        nomor: plan.nomor,
        status: plan.status,
        approvedBy: plan.approved_by,
        approvedAt: plan.approved_at,
        printedAt: deps.clock.now(),
        names: names.names,
      };
      const base = `plotting-pengamanan-${area.replace(/\./g, '')}-v${plan.nomor}`;
      if (options.format === 'xlsx')
        return { fileName: `${base}.xlsx`, body: await buildPlottingXlsx({ ...head, rows, units }) };
      return {
        fileName: `${base}-${options.by === 'tps' ? 'per-tps' : 'per-unit'}.pdf`,
        body: await buildPlottingPdf({ ...head, by: options.by, rows, units }),
      };
    },
  };
  return useCases;
}
