/**
 * What the kerawanan use cases share: their dependencies, the catalogue and thresholds in force for a
 * wilayah, a phase's collection window, the kelurahan/desa a checklist is made for, one TPS of a
 * checklist as it stands, and one assessment row scored by the region's catalogue.
 */
import type { ChecklistTps } from '../../../contracts/kerawanan';
import type { Actor } from '../../../domain/access/scope';
import { BAWASLU_TPS_2024, type IndicatorCatalogue, type Phase } from '../../../domain/kerawanan/catalogue';
import { collectionWindow, collectionWindows } from '../../../domain/kerawanan/collection-window';
import { DEFAULT_SCORING, scoreTps, type ScoringConfig } from '../../../domain/kerawanan/score-tps';
import { templateOf } from '../../../domain/pemilihan/pemilihan';
import { todayIn } from '../../../domain/time/zona';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import type { AuditLog } from '../../cross-cutting/audit-log';
import type { Clock } from '../../cross-cutting/clock';
import type { Db } from '../../db/client';
import { DomainError, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
import { findPengamatanOfDesa } from './kerawanan-pengamatan.repo';
import { findRegionSetting } from './kerawanan-setting.repo';
import { findOneTpsWithKerawanan } from './kerawanan.repo';
import { toChecklistTps } from './kerawanan.view';

export interface KerawananDeps {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  clock: Clock;
  catalogue?: IndicatorCatalogue;
}

/** One assessment row, scored by the region's catalogue and thresholds. */
export function assessmentRow(input: {
  pemilihanId: string;
  tpsId: string;
  phase: Phase;
  indicators: string[];
  notes: Record<string, string>;
  isLokasiKhusus: boolean;
  region: { catalogue: IndicatorCatalogue; scoring: ScoringConfig };
  submissionId: string;
  actor: Actor;
}) {
  const { catalogue, scoring } = input.region;
  const result = scoreTps(input.indicators, catalogue, {
    config: scoring,
    isLokasiKhusus: input.isLokasiKhusus,
  });
  return {
    pemilihan_id: input.pemilihanId,
    tps_id: input.tpsId,
    phase: input.phase,
    catalogue_id: catalogue.id,
    catalogue_version: catalogue.version,
    indicators: input.indicators,
    notes: input.notes,
    score: result.score,
    kategori: result.kategori,
    contributions: result.contributions,
    submission_id: input.submissionId,
    assessed_by: input.actor.userId,
  };
}

export function createKerawananContext(deps: KerawananDeps) {
  const { db } = deps;
  const baseCatalogue = deps.catalogue ?? BAWASLU_TPS_2024;

  /**
   * The catalogue and thresholds in force for a wilayah: its kab/kota's setting, else its provinsi's,
   * else Bawaslu's 2024 catalogue with Siaga's defaults.
   */
  async function regionFor(
    kode: string,
  ): Promise<{ catalogue: IndicatorCatalogue; scoring: ScoringConfig; known: Set<string> }> {
    const segments = kode.split('.');
    const regions = [segments.slice(0, 2).join('.'), segments[0]!].filter(
      (k, i) => i === 1 || segments.length >= 2,
    );
    const setting = await findRegionSetting(db, [...new Set(regions)]);
    const catalogue: IndicatorCatalogue = setting
      ? {
          id: setting.id,
          version: setting.version,
          nama: setting.nama,
          source: setting.source,
          indicators: setting.indicators,
        }
      : baseCatalogue;
    const scoring = setting ? { ...DEFAULT_SCORING, ...setting.scoring } : DEFAULT_SCORING;
    return { catalogue, scoring, known: new Set(catalogue.indicators.map((i) => i.kode)) };
  }
  /**
   * The phase's collection window for the election, counted in the area's own day; the pasca window
   * closes with the KPU kab/kota recapitulation of the election's own stages.
   */
  const windowOf = (phase: Phase, pemilihan: PemilihanContext, kode: string) =>
    collectionWindow(
      phase,
      pemilihan.hariPemungutan,
      todayIn(kode, deps.clock.now()),
      collectionWindows(templateOf(pemilihan.tahapan, pemilihan.hariPemungutan)),
    );

  async function requireDesa(kode: string) {
    const parsed = parseKodeWilayah(kode);
    if (!parsed.ok || parsed.value.level !== 'desa') {
      throw new DomainError('validation', 'Daftar periksa dibuat per kelurahan/desa', { field: 'kode' });
    }
    return deps.wilayah.require(kode);
  }

  /** One TPS of a checklist with its observations. */
  async function checklistTps(
    pemilihan: PemilihanContext,
    kodeDesa: string,
    tpsId: string,
    phase: Phase,
  ): Promise<ChecklistTps> {
    const [row, pengamatan] = await Promise.all([
      findOneTpsWithKerawanan(db, pemilihan.id, tpsId, phase),
      findPengamatanOfDesa(db, pemilihan.id, kodeDesa, phase),
    ]);
    // A TPS that does not vote in this election (outside a PSU's list) has no checklist in it.
    if (!row) throw notFound('TPS');
    return toChecklistTps(row, pengamatan);
  }

  return { db, deps, baseCatalogue, regionFor, windowOf, requireDesa, checklistTps };
}
export type KerawananContext = ReturnType<typeof createKerawananContext>;
