/** Rencana pengamanan's rows as the API answers them (contracts/pengamanan.ts). */
import type { MapResponse } from '../../../contracts/tps';
import type { PamSetting, PamUnit, PlanListItem, PlanTpsRow } from '../../../contracts/pengamanan';
import { boundingBox } from '../../../domain/geo/bbox';
import { DEFAULT_POLA, DEFAULT_RESERVE } from '../../../domain/pengamanan/pola';
import { iso } from './pengamanan-context';
import type * as planRepo from './pengamanan-plan.repo';
import type * as repo from './pengamanan.repo';

export function toUnit(row: repo.UnitRow, names: ReadonlyMap<string, string>): PamUnit {
  return {
    id: row.id,
    force: row.force,
    kind: row.kind,
    nama: row.nama,
    jabatan: row.jabatan,
    nrp: row.nrp,
    jumlah: row.jumlah,
    homeKecamatan: row.home_kecamatan,
    homeKecamatanNama: row.home_kecamatan === null ? null : (names.get(row.home_kecamatan) ?? null),
    homeKelurahan: row.home_kelurahan,
    homeKelurahanNama: row.home_kelurahan === null ? null : (names.get(row.home_kelurahan) ?? null),
    available: row.available,
    keterangan: row.keterangan,
    source: row.source,
    isGenerated: row.is_generated,
    version: row.version,
  };
}

/** A kab/kota's pattern and reserve, or the defaults while it has set none. */
export function toSetting(kab: string, row: repo.SettingDbRow | undefined): PamSetting {
  if (!row)
    return {
      kodeKabKota: kab,
      pola: DEFAULT_POLA,
      reserve: DEFAULT_RESERVE,
      catatan: '',
      isDefault: true,
      version: null,
      updatedAt: null,
      updatedBy: null,
    };
  return {
    kodeKabKota: kab,
    pola: row.pola,
    reserve: row.reserve,
    catatan: row.catatan,
    isDefault: false,
    version: row.version,
    updatedAt: iso(row.updated_at),
    updatedBy: row.updated_by,
  };
}

/** What a plan's version and approval say, shared by its list item and its detail. */
export function planHead(p: planRepo.PlanRow) {
  return {
    id: p.id,
    kodeKabKota: p.kode_kabkota,
    nomor: p.nomor,
    status: p.status,
    createdBy: p.created_by,
    createdAt: iso(p.created_at),
    approvedBy: p.approved_by,
    approvedAt: p.approved_at === null ? null : iso(p.approved_at),
    alasan: p.alasan,
    parentId: p.parent_id,
    version: p.version,
  };
}

export function toPlanListItem(p: planRepo.PlanRow): PlanListItem {
  const s = p.summary;
  return {
    ...planHead(p),
    polriShortfall: s.coverageByKind.polri.shortfall,
    kelompok: s.kelompok,
    kelompokTerjaga: s.kelompokTerjaga,
    skenario: p.skenario.length,
  };
}

export function toPlanTpsRow(r: planRepo.PlanTpsDbRow): PlanTpsRow {
  return {
    tpsId: r.tps_id,
    kodeTps: r.kode_tps,
    kodeWilayah: r.kode_wilayah,
    kelurahan: r.kelurahan,
    kecamatan: r.kecamatan,
    nomor: r.nomor,
    kategori: r.kategori,
    kelompok: r.kelompok,
    kelompokTps: r.kelompok_tps,
    polriRequired: r.polri_required,
    polriAssigned: r.polri_assigned,
    linmasRequired: r.linmas_required,
    linmasAssigned: r.linmas_assigned,
    covered: r.covered,
    petugas: r.petugas,
  };
}

/** The plan's TPS as map points, green where covered and red where not. */
export function toCoverageMap(rows: readonly planRepo.PlanTpsPoint[]): MapResponse {
  const points = rows.map((r) => [r.lon!, r.lat!] as const);
  return {
    mode: 'tps',
    bbox: boundingBox(points),
    geojson: {
      type: 'FeatureCollection',
      features: rows.map((r) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [r.lon!, r.lat!] as [number, number] },
        properties: {
          id: r.tps_id,
          nomor: r.nomor,
          kategori: r.kategori,
          cakupan: r.covered ? 'terjaga' : 'kurang',
          polri: r.polri_assigned,
        },
      })),
    },
  };
}
