/**
 * The kelurahan checklist: read with its observations, submitted in one transaction (a retried
 * submission is a no-op), completion per kelurahan, and an incident's "riwayat" indicator held in the
 * next election's pre-voting mapping.
 */
import type { ChecklistResponse, ChecklistSubmit } from '../../../contracts/kerawanan';
import type { Actor } from '../../../domain/access/scope';
import type { Phase } from '../../../domain/kerawanan/catalogue';
import { authorize } from '../../cross-cutting/access';
import { DomainError, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { assessmentRow, type KerawananContext } from './kerawanan-context';
import { findPengamatanOfDesa } from './kerawanan-pengamatan.repo';
import {
  countAssessedByDesa,
  findOneTpsWithKerawanan,
  findSubmission,
  findTpsRef,
  findTpsWithKerawanan,
  insertAssessments,
  retireCurrentAssessments,
} from './kerawanan.repo';
import { toCatalogueView, toChecklistTps } from './kerawanan.view';

export function createChecklistUseCases(ctx: KerawananContext) {
  const { db, deps, regionFor, windowOf, requireDesa } = ctx;

  /** Saves a kelurahan's checklist for a phase in one transaction; a retried submission is a no-op. */
  async function submit(
    actor: Actor,
    pemilihan: PemilihanContext,
    kode: string,
    input: ChecklistSubmit,
  ): Promise<{ saved: number; replayed: boolean }> {
    authorize(actor, 'kerawanan:assess', kode);
    await requireDesa(kode);
    const { catalogue, scoring, known } = await regionFor(kode);
    const tps = await findTpsWithKerawanan(db, pemilihan.id, kode, input.phase);
    const byId = new Map(tps.map((t) => [t.id, t]));
    const problems: { tpsId: string; reason: string }[] = [];
    for (const entry of input.entries) {
      if (!byId.has(entry.tpsId))
        problems.push({
          tpsId: entry.tpsId,
          reason: 'TPS ini bukan milik kelurahan/desa ini atau tidak ikut pemilihan ini',
        });
      const unknown = entry.indicators.filter((k) => !known.has(k));
      if (unknown.length > 0)
        problems.push({ tpsId: entry.tpsId, reason: `Indikator tidak dikenal: ${unknown.join(', ')}` });
    }
    if (new Set(input.entries.map((e) => e.tpsId)).size !== input.entries.length) {
      problems.push({ tpsId: '', reason: 'Satu TPS muncul lebih dari sekali' });
    }
    if (problems.length > 0) throw new DomainError('validation', 'Daftar periksa tidak valid', { problems });

    return db.transaction().execute(async (trx) => {
      if ((await findSubmission(trx, pemilihan.id, input.submissionId)).n > 0)
        return { saved: input.entries.length, replayed: true };
      const rows = input.entries.map((entry) => {
        const row = byId.get(entry.tpsId)!;
        const indicators = [...new Set(entry.indicators)].sort();
        const notes = Object.fromEntries(
          Object.entries(entry.notes).filter(([k, v]) => indicators.includes(k) && v !== ''),
        );
        return assessmentRow({
          pemilihanId: pemilihan.id,
          tpsId: entry.tpsId,
          phase: input.phase,
          indicators,
          notes,
          isLokasiKhusus: row.lokasi_khusus !== null,
          region: { catalogue, scoring },
          submissionId: input.submissionId,
          actor,
        });
      });
      await retireCurrentAssessments(
        trx,
        pemilihan.id,
        rows.map((r) => r.tps_id),
        input.phase,
      );
      await insertAssessments(trx, rows);
      await deps.audit.record(trx, actor, {
        action: 'assess',
        entity: 'kerawanan',
        entityId: kode,
        kodeWilayah: kode,
        before: tps
          .filter((t) => input.entries.some((e) => e.tpsId === t.id))
          .map((t) => ({ tps: t.kode, indicators: t.indicators, kategori: t.kategori })),
        after: {
          pemilihanId: pemilihan.id,
          phase: input.phase,
          submissionId: input.submissionId,
          tps: rows.map((r) => ({
            tps: byId.get(r.tps_id)!.kode,
            indicators: r.indicators,
            kategori: r.kategori,
          })),
        },
      });
      return { saved: rows.length, replayed: false };
    });
  }

  return {
    async checklist(
      actor: Actor,
      pemilihan: PemilihanContext,
      kode: string,
      phase: Phase,
    ): Promise<ChecklistResponse> {
      authorize(actor, 'kerawanan:read', kode);
      const wilayah = await requireDesa(kode);
      const { catalogue } = await regionFor(kode);
      const [rows, pengamatan] = await Promise.all([
        findTpsWithKerawanan(db, pemilihan.id, kode, phase),
        findPengamatanOfDesa(db, pemilihan.id, kode, phase),
      ]);
      return {
        kodeWilayah: kode,
        namaWilayah: wilayah.nama,
        phase,
        window: windowOf(phase, pemilihan, kode),
        catalogue: toCatalogueView(catalogue),
        tps: rows.map((row) => toChecklistTps(row, pengamatan)),
      };
    },

    submit,

    /** Which kelurahan under a wilayah (a kecamatan for the camat) have assessed all their TPS. */
    async completion(actor: Actor, pemilihan: PemilihanContext, kode: string, phase: Phase) {
      authorize(actor, 'kerawanan:read', kode);
      await deps.wilayah.require(kode);
      const rows = await countAssessedByDesa(db, pemilihan.id, kode, phase);
      return {
        kodeWilayah: kode,
        phase,
        window: windowOf(phase, pemilihan, kode),
        items: rows.map((r) => ({
          kode: r.kode,
          nama: r.nama,
          tps: Number(r.tps),
          assessed: Number(r.assessed),
          complete: Number(r.assessed) >= Number(r.tps),
        })),
      };
    },

    /**
     * For the incident module: an event at a TPS (violence, intimidation…) becomes a held "riwayat"
     * indicator of its pre-voting mapping, for the next election. Idempotent per source record.
     */
    async recordHistoryIndicator(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: { tpsId: string; indicator: string; sourceId: string },
    ) {
      const tps = await findTpsRef(db, input.tpsId);
      if (!tps) throw notFound('TPS');
      if (!(await regionFor(tps.kode_wilayah)).known.has(input.indicator)) {
        throw new DomainError('validation', 'Indikator tidak dikenal');
      }
      const current = await findOneTpsWithKerawanan(db, pemilihan.id, input.tpsId, 'pra');
      if (!current) throw notFound('TPS');
      const indicators = [...new Set([...(current.indicators ?? []), input.indicator])];
      const notes = {
        ...current.notes,
        [input.indicator]: `Dari catatan ${input.sourceId}`,
      };
      return submit(actor, pemilihan, tps.kode_wilayah, {
        phase: 'pra',
        submissionId: `source:${input.sourceId}`,
        entries: [{ tpsId: input.tpsId, indicators, notes }],
      });
    },
  };
}
