/**
 * What the logistik use cases share: the deps, the kab/kota a plan belongs to, a leg read within the
 * actor's scope, a leg's checks before it is stored, and its escort duty in the pengamanan plan.
 */
import type { LegCreate } from '../../../contracts/logistik';
import { isInScope, isRelated, type Actor } from '../../../domain/access/scope';
import { arahOf, periksaLeg } from '../../../domain/logistik/logistik';
import { isWithinWilayah, kabKotaOf } from '../../../domain/wilayah/kode-wilayah';
import type { Db } from '../../db/client';
import { DomainError, notFound } from '../../errors';
import type { AuditLog } from '../../cross-cutting/audit-log';
import { authorize } from '../../cross-cutting/access';
import type { Clock } from '../../cross-cutting/clock';
import type { BerkasService } from '../berkas/berkas.service';
import type { KerawananService } from '../kerawanan/kerawanan.service';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { PengamananService } from '../pengamanan/pengamanan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
import { ms, namaTitik } from './logistik.view';
import * as repo from './logistik.repo';

export interface LogistikDeps {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  clock: Clock;
  pengamanan: PengamananService;
  kerawanan: KerawananService;
  /** The evidence store the handovers' photos and signatures are kept in (ADR 0017). */
  berkas: BerkasService;
}

export function kabOf(wilayah: string): string {
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
export const legInArea = (leg: Pick<repo.LegRow, 'dari_kode' | 'ke_kode'>, area: string) =>
  isWithinWilayah(leg.dari_kode, area) || isWithinWilayah(leg.ke_kode, area);

export type LogistikContext = ReturnType<typeof createLogistikContext>;

export function createLogistikContext(deps: LogistikDeps) {
  const { db } = deps;

  async function names(kab: string): Promise<Map<string, string>> {
    return new Map((await repo.findAreas(db, kab)).map((r) => [r.kode, r.nama]));
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

  return { deps, db, names, requireLeg, checkLeg, simpanPengawal };
}
