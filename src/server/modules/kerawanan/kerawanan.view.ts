/**
 * Kerawanan rows as the API answers them: a TPS of a checklist (assessment, override, observations),
 * the catalogue a checklist offers, a row of the printed and exported mapping, and the area factors
 * and IKP scores of a wilayah.
 */
import type { AreaFactor, ChecklistTps } from '../../../contracts/kerawanan';
import type { IndicatorCatalogue } from '../../../domain/kerawanan/catalogue';
import { INFO_INDEKS, kategoriIndeks } from '../../../domain/kerawanan/area-factors';
import type { Kategori } from '../../../domain/kerawanan/score-tps';
import { formatNamaTps } from '../../../domain/tps/kode-tps';
import type { findAreaFactors, findIkp } from './kerawanan-area.repo';
import type { findPengamatanOfDesa } from './kerawanan-pengamatan.repo';
import type { ReportRow } from './kerawanan-report';
import { effectiveKategoriOf } from './kerawanan-summary';
import type { TpsKerawananRow } from './kerawanan.repo';

export const kategoriOf = (row: TpsKerawananRow): Kategori | null => effectiveKategoriOf(row);

type PengamatanRow = Awaited<ReturnType<typeof findPengamatanOfDesa>>[number];

export function toChecklistTps(
  row: TpsKerawananRow,
  pengamatan: readonly PengamatanRow[] = [],
): ChecklistTps {
  return {
    id: row.id,
    kode: row.kode,
    nomor: row.nomor,
    nama: formatNamaTps(row.nomor),
    lokasiKhusus: row.lokasi_khusus,
    assessment:
      row.kategori === null
        ? null
        : {
            indicators: row.indicators ?? [],
            notes: row.notes ?? {},
            score: row.score ?? 0,
            kategori: row.kategori,
            contributions: row.contributions ?? [],
            assessedAt: new Date(row.assessed_at!).toISOString(),
            assessedBy: row.assessed_by,
          },
    override:
      row.override_kategori === null
        ? null
        : {
            kategori: row.override_kategori,
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
        status: p.status,
        tanggapan: p.tanggapan,
        ditanggapiOleh: p.ditanggapi_oleh,
      })),
  };
}

/** The catalogue as the API shows it: the indicators a checklist offers, with their weights. */
export function toCatalogueView(catalogue: IndicatorCatalogue) {
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

export function toReportRow(row: TpsKerawananRow): ReportRow {
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
    suggested: row.kategori,
    override: row.override_kategori,
    overrideReason: row.override_reason,
    kategori: kategoriOf(row),
    score: row.score,
    indicators: row.indicators ?? [],
  };
}

type AreaFactorRow = Awaited<ReturnType<typeof findAreaFactors>>[number];
type IkpRow = Awaited<ReturnType<typeof findIkp>>[number];

export function toAreaFactor(f: AreaFactorRow, labels: ReadonlyMap<string, string>): AreaFactor {
  return {
    id: f.id,
    kodeWilayah: f.kode_wilayah,
    namaWilayah: f.nama_wilayah,
    factor: f.factor,
    label: labels.get(f.factor) ?? f.factor,
    phase: f.phase,
    note: f.note,
    createdAt: new Date(f.created_at).toISOString(),
    createdBy: f.username,
  };
}

/** An IKP score as the API shows it, with its category on its index's scale (kategoriIndeks) and where that came from. */
export function toIkp(i: IkpRow) {
  const indeks = i.indeks;
  const { kategori, dari } = kategoriIndeks({
    indeks,
    score: Number(i.score),
    level: i.kode_wilayah.includes('.') ? 'kabkota' : 'provinsi',
    kategoriRilis: i.kategori_rilis,
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
}
