/**
 * Logistik rows to answers: a leg with its points, state, escort, handover and flags (the chain of
 * custody is judged on every leg of the kab/kota at once), a berita acara, a warning.
 */
import type { LegView, Peringatan, SerahTerima } from '../../../contracts/logistik';
import {
  LABEL_TITIK,
  peringatanUntukLeg,
  statusLeg,
  tpsBelumTiba,
  type Titik,
} from '../../../domain/logistik/logistik';
import { periksaRantai, serahTerimaBerlaku, type SerahTerimaRantai } from '../../../domain/logistik/rantai';
import { petaTitik } from '../../../domain/logistik/titik-peta';
import { isWithinWilayah } from '../../../domain/wilayah/kode-wilayah';
import type { KerawananService } from '../kerawanan/kerawanan.service';
import type { PengamananService } from '../pengamanan/pengamanan.service';
import type * as repo from './logistik.repo';

export const iso = (d: Date | string) => new Date(d).toISOString();
export const ms = (d: Date | string) => new Date(d).getTime();

export function namaTitik(
  names: ReadonlyMap<string, string>,
  titik: Titik,
  kode: string,
  tps: number | null,
) {
  const area = names.get(kode) ?? kode;
  if (titik === 'gudang_kpu') return `Gudang KPU ${area}`;
  if (titik === 'tps') return `TPS ${String(tps ?? 0).padStart(3, '0')} ${area}`;
  return `${LABEL_TITIK[titik]} ${area}`;
}

export function toSerahTerima(row: repo.SerahTerimaRow, corrected: ReadonlySet<string>): SerahTerima {
  return {
    id: row.id,
    legId: row.leg_id,
    koreksiAtas: row.koreksi_atas,
    alasanKoreksi: row.alasan_koreksi,
    pemberiNama: row.pemberi_nama,
    pemberiJabatan: row.pemberi_jabatan,
    penerimaNama: row.penerima_nama,
    penerimaJabatan: row.penerima_jabatan,
    kotak: row.kotak,
    suratSuara: row.surat_suara,
    segel: row.segel,
    diterimaPada: iso(row.diterima_pada),
    tempat: row.tempat,
    lat: row.lat,
    lon: row.lon,
    hasFoto: row.foto_sha256 !== null,
    hasTtd: row.ttd_sha256 !== null,
    dicatatPada: iso(row.dicatat_pada),
    dikoreksi: corrected.has(row.id),
  };
}

export const toRantai = (row: repo.SerahTerimaRow): SerahTerimaRantai => ({
  id: row.id,
  legId: row.leg_id,
  kotak: row.kotak,
  suratSuara: row.surat_suara,
  segel: row.segel,
  koreksiAtas: row.koreksi_atas,
  waktu: ms(row.dicatat_pada),
});

export function toPeringatan(w: repo.PeringatanRow, areaNames: ReadonlyMap<string, string>): Peringatan {
  return {
    id: w.id,
    kodeWilayah: w.kode_wilayah,
    namaWilayah: areaNames.get(w.kode_wilayah) ?? w.kode_wilayah,
    jenis: w.jenis,
    tingkat: w.tingkat,
    mulai: iso(w.mulai),
    selesai: iso(w.selesai),
    sumber: w.sumber,
    keterangan: w.keterangan,
  };
}

/** What a leg's view is computed from, read once for the whole kab/kota. */
export interface LegViewData {
  now: number;
  legs: readonly repo.LegRow[];
  areaNames: ReadonlyMap<string, string>;
  handovers: readonly repo.SerahTerimaRow[];
  escorts: Awaited<ReturnType<PengamananService['tugasUntukSumber']>>;
  warnings: readonly repo.PeringatanRow[];
  factors: Awaited<ReturnType<KerawananService['faktorAktif']>>;
  tpsTitik: Parameters<typeof petaTitik>[0];
  /** When a TPS's logistics must have arrived (H-1 in the region's zone). */
  batas: number;
}

/** The view of each leg of the kab/kota, and which handovers were corrected. */
export function legViews(data: LegViewData) {
  const { now, legs, areaNames, handovers, escorts, warnings, factors, tpsTitik, batas } = data;
  const letak = petaTitik(tpsTitik);
  const titikView = (titik: Titik, kode: string, tps: number | null) => {
    const at = letak({ titik, kodeWilayah: kode, tpsNomor: tps });
    return {
      titik,
      kodeWilayah: kode,
      nama: namaTitik(areaNames, titik, kode, tps),
      tpsNomor: tps,
      lat: at?.lat ?? null,
      lon: at?.lon ?? null,
    };
  };
  const berlaku = serahTerimaBerlaku(handovers.map(toRantai));
  const byId = new Map(handovers.map((h) => [h.id, h]));
  const corrected = new Set(handovers.flatMap((h) => (h.koreksi_atas ? [h.koreksi_atas] : [])));
  const rantai = periksaRantai(
    legs.map((l) => ({
      id: l.id,
      sebelumnyaId: l.sebelumnya_id,
      muatan: { kotak: l.kotak, suratSuara: l.surat_suara },
    })),
    handovers.map(toRantai),
  );
  const peringatan = warnings.map((w) => ({
    kodeWilayah: w.kode_wilayah,
    mulai: ms(w.mulai),
    selesai: ms(w.selesai),
    jenis: w.jenis,
    tingkat: w.tingkat,
  }));
  const view = (l: repo.LegRow): LegView => {
    const st = berlaku.get(l.id);
    const stRow = st ? byId.get(st.id) : undefined;
    const diterima = stRow ? ms(stRow.diterima_pada) : null;
    const status = statusLeg({ berangkat: ms(l.berangkat), tiba: ms(l.tiba) }, diterima, now);
    const escort = escorts.get(l.id);
    const bendera: LegView['bendera'] = [];
    if (l.kebutuhan_pengawal > 0 && (escort?.petugas.length ?? 0) === 0)
      bendera.push({
        kode: 'tanpa_pengawal',
        message: `Belum ada pengawal (perlu ${l.kebutuhan_pengawal} personel)`,
      });
    if (status === 'terlambat' || status === 'tiba_terlambat')
      bendera.push({
        kode: 'terlambat',
        message: status === 'terlambat' ? 'Belum tiba lewat dari jadwal' : 'Tiba lebih lambat dari jadwal',
      });
    const masalah = rantai.filter((m) => m.legId === l.id);
    if (masalah.length > 0)
      bendera.push({ kode: 'rantai_tidak_cocok', message: masalah.map((m) => m.message).join('; ') });
    if (tpsBelumTiba({ arah: l.arah, keTitik: l.ke_titik, tiba: ms(l.tiba) }, diterima, batas, now))
      bendera.push({ kode: 'tps_belum_tiba_h1', message: 'Logistik TPS belum tiba pada H-1' });
    const w = peringatanUntukLeg(
      { dariKode: l.dari_kode, keKode: l.ke_kode, berangkat: ms(l.berangkat), tiba: ms(l.tiba) },
      peringatan,
    );
    if (w.length > 0 && diterima === null)
      bendera.push({
        kode: 'risiko_cuaca',
        message: `Peringatan ${w.map((x) => `${x.jenis.replace(/_/g, ' ')} (${areaNames.get(x.kodeWilayah) ?? x.kodeWilayah})`).join(', ')}`,
      });
    const f = factors.filter(
      (x) => isWithinWilayah(l.dari_kode, x.kodeWilayah) || isWithinWilayah(l.ke_kode, x.kodeWilayah),
    );
    if (f.length > 0 && diterima === null)
      bendera.push({ kode: 'rawan_jalur', message: f.map((x) => x.note).join('; ') });
    return {
      id: l.id,
      arah: l.arah,
      dari: titikView(l.dari_titik, l.dari_kode, l.dari_tps_nomor),
      ke: titikView(l.ke_titik, l.ke_kode, l.ke_tps_nomor),
      sebelumnyaId: l.sebelumnya_id,
      berangkat: iso(l.berangkat),
      tiba: iso(l.tiba),
      moda: l.moda,
      jarakKm: Number(l.jarak_km),
      waktuTempuhMenit: l.waktu_tempuh_menit,
      kotak: l.kotak,
      suratSuara: l.surat_suara,
      kebutuhanPengawal: l.kebutuhan_pengawal,
      keterangan: l.keterangan,
      status,
      bendera,
      serahTerima: stRow ? toSerahTerima(stRow, corrected) : null,
      pengawal: {
        tugasId: escort?.id ?? null,
        tugasVersion: escort?.version ?? null,
        petugas: (escort?.petugas ?? []).map((p) => ({ unitId: p.unitId, nama: p.nama, jumlah: p.jumlah })),
        kurang: escort?.kurang.polri ?? l.kebutuhan_pengawal,
      },
      version: l.version,
    };
  };
  return { view, corrected };
}
