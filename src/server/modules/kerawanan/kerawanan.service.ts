/**
 * Pemetaan kerawanan use cases: the kelurahan checklist (read and submit), completion per kelurahan,
 * a planner's override, the Bawaslu-style summary and the map. Scoring is the pure domain rule in
 * src/domain/kerawanan/score-tps.ts; this service loads, scores, saves with audit, and scopes.
 *
 * For later modules: `effectiveKategoriOf` gives deployment planning a TPS's category, and
 * `recordHistoryIndicator` lets the incident module add "riwayat kekerasan" for the next election.
 */
import type {
  ChecklistResponse,
  ChecklistSubmit,
  ChecklistTps,
  OverrideInput,
  PengamatanAnswer,
  PengamatanInput,
  SummaryResponse,
} from '../../../contracts/kerawanan';
import type { MapResponse } from '../../../contracts/tps';
import {
  BAWASLU_TPS_2024,
  extendCatalogue,
  type Indicator,
  type IndicatorCatalogue,
  type Phase,
} from '../../../domain/kerawanan/catalogue';
import {
  DEFAULT_SCORING,
  scoreTps,
  type Kategori,
  type ScoringConfig,
} from '../../../domain/kerawanan/score-tps';
import { parseKategoriSheet } from '../../../domain/kerawanan/kategori-import';
import { boundingBox } from '../../../domain/geo/bbox';
import { isInScope, type Actor } from '../../../domain/access/scope';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { formatNamaTps } from '../../../domain/tps/kode-tps';
import type { Db } from '../../db/client';
import { DomainError, notFound } from '../../errors';
import { createHash } from 'node:crypto';
import { parseMappingSheet } from '../../../domain/kerawanan/mapping-import';
import {
  AREA_FACTORS,
  INFO_INDEKS,
  kategoriIndeks,
  type IkpKategori,
  type IndeksKerawanan,
} from '../../../domain/kerawanan/area-factors';
import { diffPhases } from '../../../domain/kerawanan/phase-diff';
import { collectionWindow, collectionWindows } from '../../../domain/kerawanan/collection-window';
import type { AreaFactor, AreaFactorInput, IkpInput, RegionSettingInput } from '../../../contracts/kerawanan';
import { readSheet, type ImportFile } from '../../files/read-sheet';
import type { AuditLog } from '../../cross-cutting/audit-log';
import {
  buildDaftarTpsRawanPdf,
  mappingCsv,
  mappingGeoJson,
  mappingXlsx,
  type ReportRow,
} from './kerawanan-report';
import { authorize, scopeFor } from '../../cross-cutting/access';
import type { Clock } from '../../cross-cutting/clock';
import { effectiveKategoriOf, summaryFromRollup, summaryFromScan } from './kerawanan-summary';
import { todayIn } from '../../../domain/time/zona';
import { templateOf } from '../../../domain/pemilihan/pemilihan';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { createOnce } from '../../cross-cutting/create-once';
import type { WilayahService } from '../wilayah/wilayah.service';
import {
  findTpsRef,
  findRegionSetting,
  latestCatalogueVersion,
  upsertCatalogue,
  upsertRegionSetting,
  endAreaFactor,
  findAreaFactor,
  findAreaFactors,
  findIkp,
  insertAreaFactor,
  upsertIkp,
  countAssessedByDesa,
  findSubmission,
  findTpsWithKerawanan,
  findOneTpsWithKerawanan,
  insertAssessments,
  replaceOverride,
  replaceOverrides,
  insertPengamatan,
  findPengamatanOfDesa,
  findPengamatan,
  findPengamatanByClientId,
  answerPengamatan,
  retireCurrentAssessments,
  type TpsKerawananRow,
} from './kerawanan.repo';

/** Enough for the largest kab/kota (Kabupaten Bogor: about 9,000 TPS at 600 voters each). */
const MAP_POINT_LIMIT = 20_000;

const kategoriOf = (row: TpsKerawananRow): Kategori | null => effectiveKategoriOf(row);

type PengamatanRow = Awaited<ReturnType<typeof findPengamatanOfDesa>>[number];

function toChecklistTps(row: TpsKerawananRow, pengamatan: readonly PengamatanRow[] = []): ChecklistTps {
  return {
    id: row.id,
    kode: row.kode,
    nomor: row.nomor,
    nama: formatNamaTps(row.nomor),
    lokasiKhusus: row.lokasi_khusus as ChecklistTps['lokasiKhusus'],
    assessment:
      row.kategori === null
        ? null
        : {
            indicators: row.indicators ?? [],
            notes: (row.notes ?? {}) as Record<string, string>,
            score: row.score ?? 0,
            kategori: row.kategori as Kategori,
            contributions: (row.contributions ?? []) as NonNullable<
              ChecklistTps['assessment']
            >['contributions'],
            assessedAt: new Date(row.assessed_at!).toISOString(),
            assessedBy: row.assessed_by,
          },
    override:
      row.override_kategori === null
        ? null
        : {
            kategori: row.override_kategori as Kategori,
            reason: row.override_reason ?? '',
            decidedAt: new Date(row.override_at!).toISOString(),
            decidedBy: row.override_by,
          },
    kategori: kategoriOf(row),
    pengamatan: pengamatan
      .filter((p) => p.tps_id === row.id)
      .map((p) => ({
        id: p.id,
        indikator: p.indikator,
        catatan: p.catatan,
        oleh: p.oleh,
        olehRole: p.oleh_role,
        at: new Date(p.created_at).toISOString(),
        status: p.status as ChecklistTps['pengamatan'][number]['status'],
        tanggapan: p.tanggapan,
        ditanggapiOleh: p.ditanggapi_oleh,
      })),
  };
}

/** One assessment row, scored by the region's catalogue and thresholds. */
function assessmentRow(input: {
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

/** The catalogue as the API shows it: the indicators a checklist offers, with their weights. */
function toCatalogueView(catalogue: IndicatorCatalogue) {
  return {
    id: catalogue.id,
    version: catalogue.version,
    nama: catalogue.nama,
    indicators: catalogue.indicators.map((i) => ({
      kode: i.kode,
      nomor: i.nomor,
      variable: i.variable,
      label: i.label,
      weight: i.weight,
    })),
  };
}

function toReportRow(row: TpsKerawananRow): ReportRow {
  return {
    kodeTps: row.kode,
    nomor: row.nomor,
    kodeWilayah: row.kode_wilayah,
    kelurahan: row.nama_kelurahan,
    kodeKecamatan: row.kode_kecamatan!,
    kecamatan: row.nama_kecamatan,
    dpt: row.dpt_total,
    lat: row.lat,
    lon: row.lon,
    suggested: row.kategori as Kategori | null,
    override: row.override_kategori as Kategori | null,
    overrideReason: row.override_reason,
    kategori: kategoriOf(row),
    score: row.score,
    indicators: row.indicators ?? [],
  };
}

export function createKerawananService(deps: {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  clock: Clock;
  catalogue?: IndicatorCatalogue;
}) {
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
          indicators: setting.indicators as Indicator[],
        }
      : baseCatalogue;
    const scoring = setting
      ? { ...DEFAULT_SCORING, ...(setting.scoring as Partial<ScoringConfig>) }
      : DEFAULT_SCORING;
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

  return {
    regionFor,

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

    /**
     * An observation by the lurah, camat or a tiga pilar at one TPS: it sits beside Bawaslu's checklist
     * until its PKD or Panwascam takes it up or sets it aside; it never changes the mapping itself.
     */
    async addPengamatan(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: PengamatanInput,
    ): Promise<ChecklistTps> {
      const tps = await findTpsRef(db, input.tpsId);
      if (!tps || !isInScope(actor, tps.kode_wilayah)) throw notFound('TPS');
      authorize(actor, 'kerawanan:observe', tps.kode_wilayah);
      if (input.indikator !== null && !(await regionFor(tps.kode_wilayah)).known.has(input.indikator)) {
        throw new DomainError('validation', 'Indikator tidak dikenal', { field: 'indikator' });
      }
      if (!(await findOneTpsWithKerawanan(db, pemilihan.id, input.tpsId, input.phase))) {
        throw new DomainError('validation', 'TPS ini tidak ikut dalam pemilihan yang dipilih', {
          field: 'tpsId',
          code: 'tps_bukan_peserta',
        });
      }
      // A resend (or a race's loser) answers with the TPS as it stands; another election's is refused.
      await createOnce({
        find: () => findPengamatanByClientId(db, input.clientId),
        pemilihan,
        replay: () => undefined,
        write: () =>
          db.transaction().execute(async (trx) => {
            const inserted = await insertPengamatan(trx, {
              client_id: input.clientId,
              pemilihan_id: pemilihan.id,
              tps_id: input.tpsId,
              phase: input.phase,
              indikator: input.indikator,
              catatan: input.catatan,
              created_by: actor.userId,
            });
            await deps.audit.record(trx, actor, {
              action: 'create',
              entity: 'kerawanan_pengamatan',
              entityId: inserted.id,
              kodeWilayah: tps.kode_wilayah,
              before: null,
              after: input,
            });
          }),
      });
      return this.checklistTps(pemilihan, tps.kode_wilayah, input.tpsId, input.phase);
    },

    /** Bawaslu (PKD, Panwascam) takes an observation up into its checklist or sets it aside, once. */
    async answerPengamatan(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: PengamatanAnswer,
    ): Promise<ChecklistTps> {
      const found = await findPengamatan(db, id);
      if (!found || found.pemilihan_id !== pemilihan.id || !isInScope(actor, found.kode_wilayah))
        throw notFound('Pengamatan');
      authorize(actor, 'kerawanan:assess', found.kode_wilayah);
      await db.transaction().execute(async (trx) => {
        const answered = await answerPengamatan(trx, id, {
          status: input.status,
          tanggapan: input.tanggapan,
          ditanggapi_by: actor.userId,
        });
        if (!answered) throw new DomainError('invalid_state', 'Pengamatan ini sudah ditanggapi');
        await deps.audit.record(trx, actor, {
          action: 'answer',
          entity: 'kerawanan_pengamatan',
          entityId: id,
          kodeWilayah: found.kode_wilayah,
          before: { status: found.status },
          after: input,
        });
      });
      return this.checklistTps(pemilihan, found.kode_wilayah, found.tps_id, found.phase as Phase);
    },

    /** One TPS of a checklist with its observations. */
    async checklistTps(
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
    },

    /** Saves a kelurahan's checklist for a phase in one transaction; a retried submission is a no-op. */
    async submit(
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
      if (problems.length > 0)
        throw new DomainError('validation', 'Daftar periksa tidak valid', { problems });

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
    },

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

    /** A planner sets (or withdraws, kategori null) a category beside the suggestion, with a reason. */
    async override(
      actor: Actor,
      pemilihan: PemilihanContext,
      tpsId: string,
      input: OverrideInput,
    ): Promise<ChecklistTps> {
      const tps = await findTpsRef(db, tpsId);
      if (!tps || !isInScope(actor, tps.kode_wilayah)) throw notFound('TPS');
      authorize(actor, 'kerawanan:override', tps.kode_wilayah);
      // A TPS that does not vote in this election (outside a PSU's list) has no category in it.
      const current = await findOneTpsWithKerawanan(db, pemilihan.id, tpsId, input.phase);
      if (!current) throw notFound('TPS');
      if (input.kategori === null && current.override_kategori === null) {
        throw new DomainError('invalid_state', 'Tidak ada penetapan kategori yang dapat dicabut');
      }
      await db.transaction().execute(async (trx) => {
        await replaceOverride(trx, {
          pemilihan_id: pemilihan.id,
          tps_id: tpsId,
          phase: input.phase,
          kategori: input.kategori,
          reason: input.reason,
          decided_by: actor.userId,
        });
        await deps.audit.record(trx, actor, {
          action: input.kategori === null ? 'override_withdraw' : 'override',
          entity: 'kerawanan_override',
          entityId: tpsId,
          kodeWilayah: tps.kode_wilayah,
          before: { suggested: current.kategori, override: current.override_kategori },
          after: {
            pemilihanId: pemilihan.id,
            phase: input.phase,
            override: input.kategori,
            reason: input.reason,
          },
        });
      });
      return this.checklistTps(pemilihan, tps.kode_wilayah, tpsId, input.phase);
    },

    /** Counts per category and per indicator, in total and per kecamatan (in Bawaslu's published form). */
    async summary(
      actor: Actor,
      pemilihan: PemilihanContext,
      wilayah: string | undefined,
      phase: Phase,
    ): Promise<SummaryResponse> {
      const scope = scopeFor(actor, wilayah);
      authorize(actor, 'kerawanan:read', scope);
      const { catalogue } = await regionFor(scope ?? '');
      // Below a kecamatan the few TPS are scanned; from a kecamatan up the kept figures are read.
      const read = scope !== null && scope.split('.').length > 3 ? summaryFromScan : summaryFromRollup;
      return read(db, pemilihan.id, scope, phase, catalogue);
    },

    /** TPS points coloured by their effective category, optionally only those holding an indicator. */
    async map(
      actor: Actor,
      pemilihan: PemilihanContext,
      wilayah: string | undefined,
      phase: Phase,
      indicator: string | undefined,
    ): Promise<MapResponse> {
      const scope = scopeFor(actor, wilayah);
      authorize(actor, 'kerawanan:read', scope);
      if (scope === null)
        throw new DomainError('validation', 'Pilih wilayah (provinsi, kab/kota atau kecamatan)');
      const { known } = await regionFor(scope);
      if (indicator !== undefined && !known.has(indicator)) {
        throw new DomainError('validation', 'Indikator tidak dikenal', { field: 'indicator' });
      }
      const rows = (await findTpsWithKerawanan(db, pemilihan.id, scope, phase)).filter(
        (r) =>
          r.lat !== null &&
          r.lon !== null &&
          (indicator === undefined || (r.indicators ?? []).includes(indicator)),
      );
      if (rows.length > MAP_POINT_LIMIT) {
        throw new DomainError(
          'too_many_results',
          `Lebih dari ${MAP_POINT_LIMIT} TPS; pilih wilayah yang lebih kecil`,
        );
      }
      return {
        mode: 'tps',
        bbox: boundingBox(rows.map((r) => [r.lon!, r.lat!] as const)),
        geojson: {
          type: 'FeatureCollection',
          features: rows.map((r) => ({
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [r.lon!, r.lat!] },
            properties: {
              id: r.id,
              kode: r.kode,
              nomor: r.nomor,
              kelurahan: r.nama_kelurahan,
              kategori: kategoriOf(r) ?? 'belum',
              score: r.score,
              lokasiKhusus: r.lokasi_khusus,
            },
          })),
        },
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
        ...((current.notes ?? {}) as Record<string, string>),
        [input.indicator]: `Dari catatan ${input.sourceId}`,
      };
      return this.submit(actor, pemilihan, tps.kode_wilayah, {
        phase: 'pra',
        submissionId: `source:${input.sourceId}`,
        entries: [{ tpsId: input.tpsId, indicators, notes }],
      });
    },

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
      const sha = createHash('sha256').update(input.file.data).digest('hex');
      const submissionId = input.idempotencyKey ?? `import:${sha}:${input.wilayah}:${input.phase}`;
      const cells = await readSheet(input.file);
      const tps = await findTpsWithKerawanan(db, pemilihan.id, input.wilayah, input.phase);
      const { catalogue, scoring } = await regionFor(input.wilayah);
      const { rows, errors } = parseMappingSheet(cells, new Map(tps.map((t) => [t.kode, t.id])), catalogue);
      if (errors.length > 0) {
        throw new DomainError(
          'import_invalid',
          `${errors.length} kesalahan di berkas; tidak ada data yang disimpan`,
          {
            errors: errors.slice(0, 1000),
            totalErrors: errors.length,
          },
        );
      }
      if (rows.length === 0)
        throw new DomainError('import_invalid', 'Berkas tidak berisi baris TPS', { errors: [] });
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
        await deps.audit.record(trx, actor, {
          action: 'import',
          entity: 'kerawanan',
          entityId: input.wilayah,
          kodeWilayah: input.wilayah,
          before: null,
          after: {
            pemilihanId: pemilihan.id,
            phase: input.phase,
            fileName: input.file.fileName,
            sha256: sha,
            rows: rows.length,
          },
        });
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
      if (errors.length > 0) {
        throw new DomainError(
          'import_invalid',
          `${errors.length} kesalahan di berkas; tidak ada data yang disimpan`,
          { errors: errors.slice(0, 1000), totalErrors: errors.length },
        );
      }
      if (rows.length === 0)
        throw new DomainError('import_invalid', 'Berkas tidak berisi baris TPS', { errors: [] });
      const current = new Map(tps.map((t) => [t.id, t]));
      const changed = rows.filter((r) => {
        const now = current.get(r.tpsId);
        return now?.override_kategori !== r.kategori || now.override_reason !== r.alasan;
      });
      if (changed.length === 0) return { rows: rows.length, replayed: true };
      const sha = createHash('sha256').update(input.file.data).digest('hex');
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
        await deps.audit.record(trx, actor, {
          action: 'import',
          entity: 'kerawanan_override',
          entityId: input.wilayah,
          kodeWilayah: input.wilayah,
          before: null,
          after: {
            pemilihanId: pemilihan.id,
            phase: input.phase,
            fileName: input.file.fileName,
            sha256: sha,
            rows: rows.length,
            changed: changed.length,
          },
        });
      });
      return { rows: rows.length, replayed: false };
    },

    /**
     * Active area factors of the given kinds at, below and above a wilayah, for another module's rule
     * (logistics: flood season, river or sea access on a leg's route). The caller has checked access.
     */
    async faktorAktif(kode: string, factors: readonly string[]) {
      const parsed = parseKodeWilayah(kode);
      const ancestors = parsed.ok ? parsed.value.ancestorKodes : [];
      const rows = await findAreaFactors(db, kode, ancestors);
      return rows
        .filter((f) => factors.includes(f.factor))
        .map((f) => ({ kodeWilayah: f.kode_wilayah, factor: f.factor, note: f.note }));
    },

    /** Area factors at, below and above a wilayah, and the IKP scores of the provinsi and kab/kota. */
    async areaFactors(actor: Actor, kode: string) {
      authorize(actor, 'kerawanan:read', kode);
      await deps.wilayah.require(kode);
      const parsed = parseKodeWilayah(kode);
      const ancestors = parsed.ok ? parsed.value.ancestorKodes : [];
      const labels = new Map<string, string>(AREA_FACTORS.map((f) => [f.kode, f.label]));
      const [factors, ikp] = await Promise.all([
        findAreaFactors(db, kode, ancestors),
        findIkp(
          db,
          [...ancestors, kode].filter((k) => k.split('.').length <= 2),
        ),
      ]);
      return {
        items: factors.map((f): AreaFactor => ({
          id: f.id,
          kodeWilayah: f.kode_wilayah,
          namaWilayah: f.nama_wilayah,
          factor: f.factor as AreaFactor['factor'],
          label: labels.get(f.factor) ?? f.factor,
          phase: f.phase as Phase | null,
          note: f.note,
          createdAt: new Date(f.created_at).toISOString(),
          createdBy: f.username,
        })),
        ikp: ikp.map((i) => {
          const indeks = i.indeks as IndeksKerawanan;
          const { kategori, dari } = kategoriIndeks({
            indeks,
            score: Number(i.score),
            level: i.kode_wilayah.includes('.') ? 'kabkota' : 'provinsi',
            kategoriRilis: i.kategori_rilis as IkpKategori | null,
          });
          return {
            kodeWilayah: i.kode_wilayah,
            indeks,
            indeksLabel: `${INFO_INDEKS[indeks].label} (${INFO_INDEKS[indeks].terbit})`,
            score: Number(i.score),
            year: i.year,
            source: i.source,
            kategori,
            kategoriDari: dari,
          };
        }),
      };
    },

    async addAreaFactor(actor: Actor, input: AreaFactorInput) {
      authorize(actor, 'kerawanan:override', input.kodeWilayah);
      await deps.wilayah.require(input.kodeWilayah);
      await db.transaction().execute(async (trx) => {
        const { id } = await insertAreaFactor(trx, {
          kode_wilayah: input.kodeWilayah,
          factor: input.factor,
          phase: input.phase,
          note: input.note,
          created_by: actor.userId,
        });
        await deps.audit.record(trx, actor, {
          action: 'create',
          entity: 'area_factor',
          entityId: id,
          kodeWilayah: input.kodeWilayah,
          before: null,
          after: input,
        });
      });
      return this.areaFactors(actor, input.kodeWilayah);
    },

    async endAreaFactor(actor: Actor, id: string): Promise<void> {
      const factor = await findAreaFactor(db, id);
      if (!factor || !factor.is_active || !isInScope(actor, factor.kode_wilayah))
        throw notFound('Faktor wilayah');
      authorize(actor, 'kerawanan:override', factor.kode_wilayah);
      await db.transaction().execute(async (trx) => {
        await endAreaFactor(trx, id);
        await deps.audit.record(trx, actor, {
          action: 'end',
          entity: 'area_factor',
          entityId: id,
          kodeWilayah: factor.kode_wilayah,
          before: factor,
          after: null,
        });
      });
    },

    /** Records a score of one of Bawaslu's indexes for a provinsi or kab/kota, one per index. */
    async setIkp(actor: Actor, kode: string, input: IkpInput) {
      const parsed = parseKodeWilayah(kode);
      if (!parsed.ok || (parsed.value.level !== 'provinsi' && parsed.value.level !== 'kabkota')) {
        throw new DomainError('validation', 'IKP dicatat untuk provinsi atau kab/kota', { field: 'kode' });
      }
      authorize(actor, 'kerawanan:override', kode);
      await deps.wilayah.require(kode);
      await db.transaction().execute(async (trx) => {
        await upsertIkp(trx, {
          kode_wilayah: kode,
          indeks: input.indeks,
          kategori_rilis: input.kategoriRilis,
          score: input.score,
          year: input.year,
          source: input.source,
          updated_by: actor.userId,
        });
        await deps.audit.record(trx, actor, {
          action: 'set_ikp',
          entity: 'wilayah_ikp',
          entityId: kode,
          kodeWilayah: kode,
          before: null,
          after: input,
        });
      });
      return this.areaFactors(actor, kode);
    },

    /** What changed per TPS between two phases in a wilayah (pra → saat, saat → pasca). */
    async phaseChanges(actor: Actor, pemilihan: PemilihanContext, kode: string, from: Phase, to: Phase) {
      authorize(actor, 'kerawanan:read', kode);
      const [before, after] = await Promise.all([
        findTpsWithKerawanan(db, pemilihan.id, kode, from),
        findTpsWithKerawanan(db, pemilihan.id, kode, to),
      ]);
      const state = (rows: TpsKerawananRow[]) =>
        new Map(
          rows.flatMap((r) => {
            const kategori = kategoriOf(r);
            return kategori === null ? [] : [[r.id, { indicators: r.indicators ?? [], kategori }] as const];
          }),
        );
      const byId = new Map(after.map((r) => [r.id, r]));
      return {
        from,
        to,
        // A TPS not yet assessed in the later phase has not changed; it is simply pending.
        items: diffPhases(state(before), state(after))
          .filter((change) => change.to !== null)
          .map((change) => {
            const row = byId.get(change.tpsId)!;
            return {
              tpsId: change.tpsId,
              kode: row.kode,
              nama: formatNamaTps(row.nomor),
              kelurahan: row.nama_kelurahan,
              added: change.added,
              cleared: change.cleared,
              fromKategori: change.from,
              toKategori: change.to,
            };
          }),
      };
    },

    /** The mapping of a wilayah as a printable PDF (daftar TPS rawan) or as CSV, XLSX or GeoJSON. */
    async report(
      actor: Actor,
      pemilihan: PemilihanContext,
      wilayah: string | undefined,
      phase: Phase,
      format: 'pdf' | 'csv' | 'xlsx' | 'geojson',
    ): Promise<{ body: Buffer | string; fileName: string }> {
      const scope = scopeFor(actor, wilayah);
      authorize(actor, 'kerawanan:read', scope);
      if (scope === null)
        throw new DomainError('validation', 'Pilih wilayah (provinsi, kab/kota atau kecamatan)');
      const area = await deps.wilayah.require(scope);
      const { catalogue } = await regionFor(scope);
      const rows = (await findTpsWithKerawanan(db, pemilihan.id, scope, phase)).map(toReportRow);
      const base = `kerawanan-${phase}-${scope.replaceAll('.', '')}`;
      switch (format) {
        case 'pdf':
          return {
            fileName: `daftar-tps-rawan-${phase}-${scope.replaceAll('.', '')}.pdf`,
            body: await buildDaftarTpsRawanPdf({
              namaWilayah: area.nama,
              namaPemilihan: pemilihan.nama,
              phase,
              printedAt: deps.clock.now(),
              rows,
              labels: new Map(catalogue.indicators.map((i) => [i.kode, i.label])),
            }),
          };
        case 'csv':
          return { fileName: `${base}.csv`, body: mappingCsv(rows) };
        case 'xlsx':
          return { fileName: `${base}.xlsx`, body: await mappingXlsx(rows) };
        case 'geojson':
          return { fileName: `${base}.geojson`, body: mappingGeoJson(rows) };
      }
    },

    /**
     * A region's own catalogue (Bawaslu's plus its extra indicators, as Kota Kupang's 26th) and
     * thresholds. Each change makes a new catalogue version; earlier assessments keep theirs.
     */
    async configureRegion(actor: Actor, kode: string, input: RegionSettingInput) {
      const parsed = parseKodeWilayah(kode);
      if (!parsed.ok || (parsed.value.level !== 'provinsi' && parsed.value.level !== 'kabkota')) {
        throw new DomainError('validation', 'Pengaturan kerawanan dibuat untuk provinsi atau kab/kota', {
          field: 'kode',
        });
      }
      authorize(actor, 'kerawanan:configure', kode);
      const area = await deps.wilayah.require(kode);
      const id = `wilayah-${kode.replaceAll('.', '')}`;
      let catalogue: IndicatorCatalogue;
      try {
        catalogue = extendCatalogue(baseCatalogue, {
          id,
          nama: `${baseCatalogue.nama} + indikator ${area.nama}`,
          source: `${baseCatalogue.source}; tambahan ${area.nama}`,
          indicators: input.extraIndicators.map((i) => ({ ...i, nomor: null })),
        });
      } catch (error) {
        throw new DomainError(
          'validation',
          (error as Error).message.replace('already exists in', 'sudah ada di'),
        );
      }
      const scoring = { ...DEFAULT_SCORING, ...input.scoring };
      if (scoring.sangatRawanFrom <= scoring.rawanFrom) {
        throw new DomainError('validation', 'Ambang sangat rawan harus di atas ambang rawan', {
          field: 'scoring',
        });
      }
      await db.transaction().execute(async (trx) => {
        const version = (await latestCatalogueVersion(trx, id)) + 1;
        catalogue = { ...catalogue, version };
        await upsertCatalogue(trx, {
          id,
          version,
          nama: catalogue.nama,
          source: catalogue.source,
          indicators: catalogue.indicators,
        });
        await upsertRegionSetting(trx, {
          kode_wilayah: kode,
          catalogue_id: id,
          catalogue_version: version,
          scoring,
          updated_by: actor.userId,
        });
        await deps.audit.record(trx, actor, {
          action: 'configure',
          entity: 'kerawanan_setting',
          entityId: kode,
          kodeWilayah: kode,
          before: null,
          after: { catalogue: `${id}@${version}`, extraIndicators: input.extraIndicators, scoring },
        });
      });
      return this.regionSetting(actor, kode);
    },

    async regionSetting(actor: Actor, kode: string) {
      authorize(actor, 'kerawanan:read', kode);
      const { catalogue, scoring } = await regionFor(kode);
      return {
        kodeWilayah: kode,
        catalogue: toCatalogueView(catalogue),
        scoring,
      };
    },

    /**
     * For campaign and patrol planning (issue 18): the kelurahan/desa of an area whose worst TPS is
     * rawan or sangat rawan in a phase (override first), in code order. No access check: the caller's
     * own read of the area has been authorised.
     */
    async kelurahanRawan(
      pemilihan: PemilihanContext,
      kode: string,
      phase: Phase,
    ): Promise<{ kode: string; nama: string; kategori: 'rawan' | 'sangat_rawan' }[]> {
      const worst = new Map<string, { kode: string; nama: string; kategori: 'rawan' | 'sangat_rawan' }>();
      for (const row of await findTpsWithKerawanan(db, pemilihan.id, kode, phase)) {
        const kategori = kategoriOf(row);
        if (kategori !== 'rawan' && kategori !== 'sangat_rawan') continue;
        const known = worst.get(row.kode_wilayah);
        if (known?.kategori === 'sangat_rawan') continue;
        worst.set(row.kode_wilayah, { kode: row.kode_wilayah, nama: row.nama_kelurahan, kategori });
      }
      return [...worst.values()];
    },

    /** For deployment planning: a TPS's category in a phase (override first), or null if unassessed. */
    async effectiveKategoriOf(
      pemilihan: PemilihanContext,
      tpsId: string,
      phase: Phase,
    ): Promise<Kategori | null> {
      const row = await findOneTpsWithKerawanan(db, pemilihan.id, tpsId, phase);
      if (!row) throw notFound('TPS');
      return kategoriOf(row);
    },
  };
}
export type KerawananService = ReturnType<typeof createKerawananService>;
