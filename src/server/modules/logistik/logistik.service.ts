/**
 * Distribusi logistik use cases: the legs of a kab/kota's distribution plan (KPU's operator and the
 * Polres), each leg's escort as a duty of the pengamanan plan (ADR 0016), the berita acara serah
 * terima recorded on the phone where the leg arrives (append-only, client ids, photo and signature
 * stored once by content), weather and disaster warnings, and the board with its flags.
 *
 * Access: reading needs 'logistik:read' within scope (a lurah reads the legs that arrive in or leave
 * their desa); planning 'logistik:plan' on the kab/kota; a handover 'logistik:handover' on the place
 * the leg arrives. Everything belongs to one election; a record of another reads as not found.
 */
import type {
  LegCreate,
  LegDetail,
  LegUpdate,
  LegView,
  LogistikBoard,
  Peringatan,
  PeringatanCreate,
  SerahTerima,
  SerahTerimaCreate,
} from '../../../contracts/logistik';
import { hasPermission } from '../../../domain/access/roles';
import { isInScope, isRelated, type Actor } from '../../../domain/access/scope';
import {
  FAKTOR_JALUR,
  LABEL_TITIK,
  arahOf,
  batasTibaTps,
  periksaLeg,
  peringatanUntukLeg,
  statusLeg,
  tpsBelumTiba,
  type Arah,
  type Moda,
  type Titik,
} from '../../../domain/logistik/logistik';
import { periksaRantai, serahTerimaBerlaku, type SerahTerimaRantai } from '../../../domain/logistik/rantai';
import { petaTitik } from '../../../domain/logistik/titik-peta';
import { ZONA_OFFSET_HOURS, zonaOf } from '../../../domain/time/zona';
import { isWithinWilayah, kabKotaOf } from '../../../domain/wilayah/kode-wilayah';
import type { Db } from '../../db/client';
import { DomainError, notFound } from '../../errors';
import type { AuditLog } from '../../cross-cutting/audit-log';
import { authorize } from '../../cross-cutting/access';
import type { BerkasService } from '../berkas/berkas.service';
import type { ImportFile } from '../../files/read-sheet';
import { readSheet } from '../../files/read-sheet';
import type { KerawananService } from '../kerawanan/kerawanan.service';
import { sameElection, type PemilihanContext } from '../pemilihan/pemilihan.service';
import type { PengamananService } from '../pengamanan/pengamanan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
import { buildLaporanPdf, buildLaporanXlsx } from './logistik-report';
import { parseRencana } from './logistik-import';
import * as repo from './logistik.repo';

const iso = (d: Date | string) => new Date(d).toISOString();
const ms = (d: Date | string) => new Date(d).getTime();

function kabOf(wilayah: string): string {
  const kab = kabKotaOf(wilayah);
  if (kab === null)
    throw new DomainError(
      'validation',
      'Pilih kabupaten/kota: distribusi logistik direncanakan per kab/kota',
      {
        field: 'wilayah',
      },
    );
  return kab;
}

/** A leg concerns an area when it leaves or arrives in it (or the area holds both ends). */
const legInArea = (leg: Pick<repo.LegRow, 'dari_kode' | 'ke_kode'>, area: string) =>
  isWithinWilayah(leg.dari_kode, area) || isWithinWilayah(leg.ke_kode, area);

function toSerahTerima(row: repo.SerahTerimaRow, corrected: ReadonlySet<string>): SerahTerima {
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

const toRantai = (row: repo.SerahTerimaRow): SerahTerimaRantai => ({
  id: row.id,
  legId: row.leg_id,
  kotak: row.kotak,
  suratSuara: row.surat_suara,
  segel: row.segel,
  koreksiAtas: row.koreksi_atas,
  waktu: ms(row.dicatat_pada),
});

export function createLogistikService(deps: {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  clock: { now(): Date };
  pengamanan: PengamananService;
  kerawanan: KerawananService;
  /** The evidence store the handovers' photos and signatures are kept in (ADR 0017). */
  berkas: BerkasService;
}) {
  const { db } = deps;

  async function names(kab: string): Promise<Map<string, string>> {
    return new Map((await repo.findAreas(db, kab)).map((r) => [r.kode, r.nama]));
  }

  function namaTitik(names: ReadonlyMap<string, string>, titik: string, kode: string, tps: number | null) {
    const area = names.get(kode) ?? kode;
    if (titik === 'gudang_kpu') return `Gudang KPU ${area}`;
    if (titik === 'tps') return `TPS ${String(tps ?? 0).padStart(3, '0')} ${area}`;
    return `${LABEL_TITIK[titik as Titik]} ${area}`;
  }

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
    const letak = petaTitik(tpsTitik);
    const titikView = (titik: string, kode: string, tps: number | null) => {
      const at = letak({ titik: titik as Titik, kodeWilayah: kode, tpsNomor: tps });
      return {
        titik: titik as Titik,
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
    const batas = batasTibaTps(pemilihan.hariPemungutan, ZONA_OFFSET_HOURS[zonaOf(kab)]);
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
      if (
        tpsBelumTiba(
          { arah: l.arah as Arah, keTitik: l.ke_titik as Titik, tiba: ms(l.tiba) },
          diterima,
          batas,
          now,
        )
      )
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
        arah: l.arah as Arah,
        dari: titikView(l.dari_titik, l.dari_kode, l.dari_tps_nomor),
        ke: titikView(l.ke_titik, l.ke_kode, l.ke_tps_nomor),
        sebelumnyaId: l.sebelumnya_id,
        berangkat: iso(l.berangkat),
        tiba: iso(l.tiba),
        moda: l.moda as Moda,
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
    return { view, handovers, corrected, areaNames };
  }

  async function requireLeg(actor: Actor, pemilihan: PemilihanContext, id: string) {
    authorize(actor, 'logistik:read', actor.kodeWilayah);
    const leg = await repo.findLeg(db, id);
    if (!leg || leg.pemilihan_id !== pemilihan.id || !isRelated(actor, leg.kode_kabkota))
      throw notFound('Perjalanan logistik');
    if (
      actor.kodeWilayah !== null &&
      !isInScope(actor, leg.kode_kabkota) &&
      !legInArea(leg, actor.kodeWilayah)
    )
      throw notFound('Perjalanan logistik');
    return leg;
  }

  /** Checks a leg's points, times, TPS and chain; answers the columns to store. */
  async function checkLeg(
    trx: Db,
    pemilihan: PemilihanContext,
    kab: string,
    input: Omit<LegCreate, 'clientId' | 'wilayah'>,
    selfId: string | null,
    known: ReadonlyMap<string, string>,
  ) {
    const problems = periksaLeg(
      {
        dari: input.dari,
        ke: { ...input.ke, tpsNomor: input.ke.tpsNomor },
        berangkat: ms(input.berangkat),
        tiba: ms(input.tiba),
      },
      kab,
    );
    if (problems.length > 0)
      throw new DomainError('validation', problems.map((p) => p.message).join('; '), {
        field: problems[0]!.field,
        problems,
      });
    // Known areas come from the kab/kota's list read before the transaction (one connection on the
    // embedded engine: nothing outside `trx` may run inside it).
    for (const [side, p] of [
      ['dari', input.dari],
      ['ke', input.ke],
    ] as const)
      if (!known.has(p.kodeWilayah))
        throw new DomainError('validation', `Wilayah ${p.kodeWilayah} tidak dikenal`, {
          field: `${side}.kodeWilayah`,
        });
    for (const [side, p] of [
      ['ke', input.ke],
      ['dari', input.dari],
    ] as const)
      if (p.titik === 'tps') {
        if (p.tpsNomor === null)
          throw new DomainError('validation', 'Nomor TPS wajib diisi', { field: `${side}.tpsNomor` });
        if (!(await repo.findTps(trx, p.kodeWilayah, p.tpsNomor)))
          throw new DomainError('validation', `TPS ${p.tpsNomor} tidak ada di ${p.kodeWilayah}`, {
            field: `${side}.tpsNomor`,
          });
      }
    if (input.sebelumnyaId !== null) {
      const prev = await repo.findLeg(trx, input.sebelumnyaId);
      if (!prev || prev.pemilihan_id !== pemilihan.id || prev.kode_kabkota !== kab || prev.id === selfId)
        throw new DomainError('validation', 'Perjalanan sebelumnya tidak ada di rencana ini', {
          field: 'sebelumnyaId',
        });
      if (prev.ke_titik !== input.dari.titik || prev.ke_kode !== input.dari.kodeWilayah)
        throw new DomainError(
          'validation',
          'Perjalanan ini harus berangkat dari tujuan perjalanan sebelumnya',
          {
            field: 'sebelumnyaId',
          },
        );
    }
    return {
      arah: arahOf(input.dari.titik, input.ke.titik)!,
      dari_titik: input.dari.titik,
      dari_kode: input.dari.kodeWilayah,
      dari_tps_nomor: input.dari.titik === 'tps' ? input.dari.tpsNomor : null,
      ke_titik: input.ke.titik,
      ke_kode: input.ke.kodeWilayah,
      ke_tps_nomor: input.ke.titik === 'tps' ? input.ke.tpsNomor : null,
      sebelumnya_id: input.sebelumnyaId,
      berangkat: new Date(input.berangkat),
      tiba: new Date(input.tiba),
      moda: input.moda,
      jarak_km: input.jarakKm,
      waktu_tempuh_menit: input.waktuTempuhMenit,
      kotak: input.kotak,
      surat_suara: input.suratSuara,
      kebutuhan_pengawal: input.kebutuhanPengawal,
      keterangan: input.keterangan,
    };
  }

  /** The leg's escort duty in the pengamanan plan (inside the leg's transaction). */
  async function simpanPengawal(
    trx: Db,
    actor: Actor,
    pemilihan: PemilihanContext,
    leg: repo.LegRow,
    areaNames: ReadonlyMap<string, string>,
  ) {
    await deps.pengamanan.simpanTugas(trx, actor, pemilihan, {
      jenis: 'logistik',
      sumberId: leg.id,
      kodeWilayah: leg.ke_kode,
      nama: `Pengawalan logistik ${namaTitik(areaNames, leg.dari_titik, leg.dari_kode, leg.dari_tps_nomor)} → ${namaTitik(areaNames, leg.ke_titik, leg.ke_kode, leg.ke_tps_nomor)}`,
      mulai: leg.berangkat,
      selesai: leg.tiba,
      kebutuhan: { polri: leg.kebutuhan_pengawal },
    });
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

  return {
    board,

    async getLeg(actor: Actor, pemilihan: PemilihanContext, id: string): Promise<LegDetail> {
      const leg = await requireLeg(actor, pemilihan, id);
      const legs = await repo.findLegs(db, pemilihan.id, leg.kode_kabkota);
      const { view, handovers, corrected } = await views(pemilihan, leg.kode_kabkota, legs);
      return {
        ...view(leg),
        riwayat: handovers.filter((h) => h.leg_id === id).map((h) => toSerahTerima(h, corrected)),
      };
    },

    async createLeg(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: LegCreate,
    ): Promise<{ id: string; replayed: boolean }> {
      const kab = kabOf(input.wilayah);
      authorize(actor, 'logistik:plan', kab);
      const existing = await repo.findLegByClientId(db, input.clientId);
      if (existing) return { id: sameElection(existing, pemilihan).id, replayed: true };
      const areaNames = await names(kab);
      return db.transaction().execute(async (trx) => {
        const fields = await checkLeg(trx, pemilihan, kab, input, null, areaNames);
        const row = await repo.insertLeg(trx, {
          ...fields,
          pemilihan_id: pemilihan.id,
          client_id: input.clientId,
          kode_kabkota: kab,
          created_by: actor.userId,
        });
        if (!row) {
          const winner = await repo.findLegByClientId(trx, input.clientId);
          return { id: sameElection(winner!, pemilihan).id, replayed: true };
        }
        await simpanPengawal(trx, actor, pemilihan, row, areaNames);
        await deps.audit.record(trx, actor, {
          action: 'create',
          entity: 'logistik_leg',
          entityId: row.id,
          kodeWilayah: row.ke_kode,
          before: null,
          after: { ...input, pemilihanId: pemilihan.id },
        });
        return { id: row.id, replayed: false };
      });
    },

    async updateLeg(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: LegUpdate,
    ): Promise<LegDetail> {
      const before = await requireLeg(actor, pemilihan, id);
      authorize(actor, 'logistik:plan', before.kode_kabkota);
      const areaNames = await names(before.kode_kabkota);
      await db.transaction().execute(async (trx) => {
        const fields = await checkLeg(trx, pemilihan, before.kode_kabkota, input, id, areaNames);
        const after = await repo.updateLeg(trx, id, input.version, fields);
        if (!after)
          throw new DomainError(
            'conflict',
            'Perjalanan ini sudah diubah orang lain; muat ulang lalu ulangi',
            {
              version: before.version,
            },
          );
        await simpanPengawal(trx, actor, pemilihan, after, areaNames);
        await deps.audit.record(trx, actor, {
          action: 'update',
          entity: 'logistik_leg',
          entityId: id,
          kodeWilayah: after.ke_kode,
          before,
          after,
        });
      });
      return this.getLeg(actor, pemilihan, id);
    },

    async deleteLeg(actor: Actor, pemilihan: PemilihanContext, id: string, version: number): Promise<void> {
      const leg = await requireLeg(actor, pemilihan, id);
      authorize(actor, 'logistik:plan', leg.kode_kabkota);
      await db.transaction().execute(async (trx) => {
        if (await repo.legInUse(trx, id))
          throw new DomainError(
            'invalid_state',
            'Perjalanan yang sudah berita acara atau diteruskan perjalanan lain tidak dapat dihapus',
          );
        await deps.pengamanan.hapusTugas(trx, actor, pemilihan, 'logistik', id);
        const removed = await repo.deleteLeg(trx, id, version);
        if (!removed)
          throw new DomainError(
            'conflict',
            'Perjalanan ini sudah diubah orang lain; muat ulang lalu ulangi',
            {
              version: leg.version,
            },
          );
        await deps.audit.record(trx, actor, {
          action: 'delete',
          entity: 'logistik_leg',
          entityId: id,
          kodeWilayah: leg.ke_kode,
          before: leg,
          after: null,
        });
      });
    },

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
      const importError = (list: typeof errors) =>
        new DomainError(
          'import_invalid',
          `${list.length} kesalahan di berkas; tidak ada data yang disimpan`,
          {
            errors: list.slice(0, 1000),
            totalErrors: list.length,
          },
        );
      if (errors.length > 0) throw importError(errors);
      if (rows.length === 0)
        throw new DomainError('import_invalid', 'Berkas tidak berisi baris perjalanan', { errors: [] });
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
        if (late.length > 0) throw importError(late);
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

    /**
     * Records a berita acara serah terima (once per client id). The receiver's side: the place the
     * leg arrives must be in the actor's scope. A correction names the record it corrects, on the same
     * leg, with a reason; the corrected record stays.
     */
    async serahTerima(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: SerahTerimaCreate,
    ): Promise<{ id: string; replayed: boolean }> {
      const existing = await repo.findSerahTerimaByClientId(db, input.clientId);
      if (existing) return { id: sameElection(existing, pemilihan).id, replayed: true };
      const leg = await requireLeg(actor, pemilihan, input.legId);
      authorize(actor, 'logistik:handover', leg.ke_kode);
      if (ms(input.diterimaPada) > deps.clock.now().getTime() + 10 * 60_000)
        throw new DomainError('validation', 'Waktu serah terima tidak boleh di masa depan', {
          field: 'diterimaPada',
        });
      if ((input.koreksiAtas === null) !== (input.alasanKoreksi === null))
        throw new DomainError(
          'validation',
          'Koreksi harus menyebut berita acara yang dikoreksi dan alasannya',
          {
            field: input.koreksiAtas === null ? 'koreksiAtas' : 'alasanKoreksi',
          },
        );
      return db.transaction().execute(async (trx) => {
        if (input.koreksiAtas !== null) {
          const target = await repo.findSerahTerima(trx, input.koreksiAtas);
          if (!target || target.leg_id !== leg.id)
            throw new DomainError('validation', 'Berita acara yang dikoreksi tidak ada pada perjalanan ini', {
              field: 'koreksiAtas',
            });
          const all = await repo.findSerahTerimaOfLegs(trx, [leg.id]);
          if (all.some((h) => h.koreksi_atas === target.id))
            throw new DomainError(
              'invalid_state',
              'Berita acara ini sudah dikoreksi; koreksi yang terakhir',
              {
                field: 'koreksiAtas',
              },
            );
        }
        const row = await repo.insertSerahTerima(trx, {
          pemilihan_id: pemilihan.id,
          client_id: input.clientId,
          leg_id: leg.id,
          koreksi_atas: input.koreksiAtas,
          alasan_koreksi: input.alasanKoreksi,
          pemberi_nama: input.pemberiNama,
          pemberi_jabatan: input.pemberiJabatan,
          penerima_nama: input.penerimaNama,
          penerima_jabatan: input.penerimaJabatan,
          kotak: input.kotak,
          surat_suara: input.suratSuara,
          segel: input.segel,
          diterima_pada: new Date(input.diterimaPada),
          tempat: input.tempat,
          lat: input.lat,
          lon: input.lon,
          dicatat_oleh: actor.userId,
        });
        if (!row) {
          const winner = await repo.findSerahTerimaByClientId(trx, input.clientId);
          return { id: sameElection(winner!, pemilihan).id, replayed: true };
        }
        await deps.audit.record(trx, actor, {
          action: input.koreksiAtas === null ? 'create' : 'correct',
          entity: 'logistik_serah_terima',
          entityId: row.id,
          kodeWilayah: leg.ke_kode,
          before: null,
          after: { ...input, pemilihanId: pemilihan.id },
        });
        return { id: row.id, replayed: false };
      });
    },

    /** The photo or drawn signature of a handover, once; the same file again is a harmless retry. */
    async putBerkas(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      kind: 'foto' | 'ttd',
      upload: { contentType: string | undefined; bytes: Buffer },
    ): Promise<{ sha256: string; mime: string; bytes: number }> {
      const st = await repo.findSerahTerima(db, id);
      if (!st || st.pemilihan_id !== pemilihan.id) throw notFound('Berita acara');
      const leg = await requireLeg(actor, pemilihan, st.leg_id);
      authorize(actor, 'logistik:handover', leg.ke_kode);
      const file = await deps.berkas.periksaGambar(
        upload,
        kind === 'foto' ? { field: 'foto', nama: 'Foto' } : { field: 'ttd', nama: 'Tanda tangan' },
      );
      const { sha256, mime } = file;
      await db.transaction().execute(async (trx) => {
        await deps.berkas.simpan(trx, file);
        const attached = await repo.attachBerkas(trx, id, kind, sha256);
        if (!attached) {
          const current = await repo.findSerahTerima(trx, id);
          const had = kind === 'foto' ? current?.foto_sha256 : current?.ttd_sha256;
          if (had === sha256) return;
          throw new DomainError(
            'conflict',
            kind === 'foto'
              ? 'Berita acara ini sudah berfoto; catat koreksi untuk menggantinya'
              : 'Berita acara ini sudah bertanda tangan; catat koreksi untuk menggantinya',
          );
        }
        await deps.audit.record(trx, actor, {
          action: kind,
          entity: 'logistik_serah_terima',
          entityId: id,
          kodeWilayah: leg.ke_kode,
          before: null,
          after: { sha256, mime, bytes: upload.bytes.length },
        });
      });
      return { sha256, mime, bytes: upload.bytes.length };
    },

    async getBerkas(actor: Actor, pemilihan: PemilihanContext, id: string, kind: 'foto' | 'ttd') {
      const st = await repo.findSerahTerima(db, id);
      if (!st || st.pemilihan_id !== pemilihan.id) throw notFound('Berita acara');
      const leg = await requireLeg(actor, pemilihan, st.leg_id);
      const sha = kind === 'foto' ? st.foto_sha256 : st.ttd_sha256;
      const file =
        sha === null
          ? undefined
          : await deps.berkas.unduh(actor, sha, {
              action: `logistik.${kind}.unduh`,
              entity: 'logistik_serah_terima',
              entityId: id,
              kodeWilayah: leg.ke_kode,
              keterangan: { jenis: kind },
            });
      if (!file) throw notFound(kind === 'foto' ? 'Foto' : 'Tanda tangan');
      return file;
    },

    async createPeringatan(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: PeringatanCreate,
    ): Promise<{ id: string; replayed: boolean }> {
      const kab = kabOf(input.kodeWilayah);
      authorize(actor, 'logistik:plan', kab);
      await deps.wilayah.requireKnown({ kodeWilayah: input.kodeWilayah });
      if (ms(input.selesai) <= ms(input.mulai))
        throw new DomainError('validation', 'Waktu selesai harus sesudah waktu mulai', { field: 'selesai' });
      const existing = await repo.findPeringatanByClientId(db, input.clientId);
      if (existing) return { id: sameElection(existing, pemilihan).id, replayed: true };
      return db.transaction().execute(async (trx) => {
        const row = await repo.insertPeringatan(trx, {
          pemilihan_id: pemilihan.id,
          client_id: input.clientId,
          kode_kabkota: kab,
          kode_wilayah: input.kodeWilayah,
          jenis: input.jenis,
          tingkat: input.tingkat,
          mulai: new Date(input.mulai),
          selesai: new Date(input.selesai),
          sumber: input.sumber,
          keterangan: input.keterangan,
          created_by: actor.userId,
        });
        if (!row) {
          const winner = await repo.findPeringatanByClientId(trx, input.clientId);
          return { id: sameElection(winner!, pemilihan).id, replayed: true };
        }
        await deps.audit.record(trx, actor, {
          action: 'create',
          entity: 'logistik_peringatan',
          entityId: row.id,
          kodeWilayah: input.kodeWilayah,
          before: null,
          after: { ...input, pemilihanId: pemilihan.id },
        });
        return { id: row.id, replayed: false };
      });
    },

    async listPeringatan(
      actor: Actor,
      pemilihan: PemilihanContext,
      wilayah: string,
    ): Promise<{ items: Peringatan[] }> {
      authorize(actor, 'logistik:read', wilayah);
      const kab = kabOf(wilayah);
      const [rows, areaNames] = await Promise.all([repo.findPeringatan(db, pemilihan.id, kab), names(kab)]);
      return {
        items: rows
          .filter((w) => isWithinWilayah(w.kode_wilayah, wilayah) || isWithinWilayah(wilayah, w.kode_wilayah))
          .map((w) => ({
            id: w.id,
            kodeWilayah: w.kode_wilayah,
            namaWilayah: areaNames.get(w.kode_wilayah) ?? w.kode_wilayah,
            jenis: w.jenis as Peringatan['jenis'],
            tingkat: w.tingkat as Peringatan['tingkat'],
            mulai: iso(w.mulai),
            selesai: iso(w.selesai),
            sumber: w.sumber,
            keterangan: w.keterangan,
          })),
      };
    },

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
export type LogistikService = ReturnType<typeof createLogistikService>;
