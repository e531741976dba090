/**
 * The distribution board of a kab/kota (or of one's own area within it): every leg with its state,
 * escort, handover and flags, one leg with its handover history, and the board printed for the rakor.
 */
import type { LegDetail, LogistikBoard } from '../../../contracts/logistik';
import { hasPermission } from '../../../domain/access/roles';
import { isInScope, type Actor } from '../../../domain/access/scope';
import { FAKTOR_JALUR, batasTibaTps } from '../../../domain/logistik/logistik';
import { ZONA_OFFSET_HOURS, zonaOf } from '../../../domain/time/zona';
import { authorize } from '../../cross-cutting/access';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { kabOf, legInArea, type LogistikContext } from './logistik-context';
import { buildLaporanPdf, buildLaporanXlsx } from './logistik-report';
import * as repo from './logistik.repo';
import { legViews, toSerahTerima } from './logistik.view';

export function createPapanUseCases(ctx: LogistikContext) {
  const { deps, db, names, requireLeg } = ctx;

  /** Every leg of the kab/kota with its state and flags (the chain is judged on all of them). */
  async function views(pemilihan: PemilihanContext, kab: string, legs: readonly repo.LegRow[]) {
    const now = deps.clock.now().getTime();
    const [areaNames, handovers, escorts, warnings, factors, tpsTitik] = await Promise.all([
      names(kab),
      repo.findSerahTerimaOfLegs(
        db,
        legs.map((l) => l.id),
      ),
      deps.pengamanan.tugasUntukSumber(
        pemilihan,
        'logistik',
        legs.map((l) => l.id),
      ),
      repo.findPeringatan(db, pemilihan.id, kab),
      deps.kerawanan.faktorAktif(kab, FAKTOR_JALUR),
      repo.findTpsTitik(db, kab),
    ]);
    const { view, corrected } = legViews({
      now,
      legs,
      areaNames,
      handovers,
      escorts,
      warnings,
      factors,
      tpsTitik,
      batas: batasTibaTps(pemilihan.hariPemungutan, ZONA_OFFSET_HOURS[zonaOf(kab)]),
    });
    return { view, handovers, corrected };
  }

  async function board(actor: Actor, pemilihan: PemilihanContext, wilayah: string): Promise<LogistikBoard> {
    authorize(actor, 'logistik:read', wilayah);
    const kab = kabOf(wilayah);
    const [kabRow, legs] = await Promise.all([
      deps.wilayah.require(kab),
      repo.findLegs(db, pemilihan.id, kab),
    ]);
    const { view } = await views(pemilihan, kab, legs);
    const shown = legs.filter((l) => wilayah === kab || legInArea(l, wilayah)).map(view);
    const perStatus = { rencana: 0, dalam_perjalanan: 0, terlambat: 0, tiba: 0, tiba_terlambat: 0 };
    const perBendera = {
      tanpa_pengawal: 0,
      terlambat: 0,
      rantai_tidak_cocok: 0,
      tps_belum_tiba_h1: 0,
      risiko_cuaca: 0,
      rawan_jalur: 0,
    };
    for (const l of shown) {
      perStatus[l.status]++;
      for (const b of l.bendera) perBendera[b.kode]++;
    }
    return {
      kodeKabKota: kab,
      namaKabKota: kabRow.nama,
      wilayah,
      legs: shown,
      ringkasan: { total: shown.length, perStatus, perBendera },
      canPlan: hasPermission(actor.role, 'logistik:plan') && isInScope(actor, kab),
      canHandover: hasPermission(actor.role, 'logistik:handover'),
    };
  }

  /** One leg with its handover history, corrected records included. */
  async function getLeg(actor: Actor, pemilihan: PemilihanContext, id: string): Promise<LegDetail> {
    const leg = await requireLeg(actor, pemilihan, id);
    const legs = await repo.findLegs(db, pemilihan.id, leg.kode_kabkota);
    const { view, handovers, corrected } = await views(pemilihan, leg.kode_kabkota, legs);
    return {
      ...view(leg),
      riwayat: handovers.filter((h) => h.leg_id === id).map((h) => toSerahTerima(h, corrected)),
    };
  }

  return {
    board,

    getLeg,

    /** The board for the rakor, printed (PDF) or as a workbook (XLSX). */
    async laporan(
      actor: Actor,
      pemilihan: PemilihanContext,
      wilayah: string,
      format: 'pdf' | 'xlsx',
    ): Promise<{ fileName: string; body: Buffer }> {
      const data = await board(actor, pemilihan, wilayah);
      const head = { ...data, pemilihan: pemilihan.nama, printedAt: deps.clock.now() };
      const base = `logistik-${wilayah.replace(/\./g, '')}`;
      return format === 'pdf'
        ? { fileName: `${base}.pdf`, body: await buildLaporanPdf(head) }
        : { fileName: `${base}.xlsx`, body: await buildLaporanXlsx(head) };
    },
  };
}
