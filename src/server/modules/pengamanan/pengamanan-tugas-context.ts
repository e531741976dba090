/**
 * What the duty use cases share (ADR 0016; the rule in domain/pengamanan/tugas.ts): their deps, a
 * stored duty and unit as the pure rule reads them, the TPS window of an election, the check that
 * refuses (double_booked) an assignment putting a unit at more places at one instant than it has
 * personnel, and the duties' answers.
 */
import type { Tugas } from '../../../contracts/pengamanan';
import type { Actor } from '../../../domain/access/scope';
import { cakupanTugas } from '../../../domain/pengamanan/cakupan-tugas';
import {
  cariBentrok,
  jendelaTpsDefault,
  penugasanEfektif,
  type Bentrok,
  type Jendela,
  type PenugasanTugas,
  type TugasPengamanan,
  type UnitKapasitas,
} from '../../../domain/pengamanan/tugas';
import { ZONA_OFFSET_HOURS, zonaOf } from '../../../domain/time/zona';
import { compactKode } from '../../../domain/wilayah/kode-wilayah';
import type { Db } from '../../db/client';
import { DomainError } from '../../errors';
import type { AuditLog } from '../../cross-cutting/audit-log';
import { authorize } from '../../cross-cutting/access';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
import * as repo from './pengamanan-tugas.repo';
import type { UnitRow } from './pengamanan.repo';

export interface TugasDeps {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  polresAreaOf: (wilayah: string) => string;
  requirePolri: (actor: Actor) => void;
  findUnits: (db: Db, pemilihanId: string, kab: string) => Promise<UnitRow[]>;
}

export const iso = (d: Date | string) => new Date(d).toISOString();

/** The TPS duty's window of an election in a kab/kota (its own time zone). */
export function jendelaTpsOf(pemilihan: PemilihanContext, kodeKabKota: string): Jendela {
  return jendelaTpsDefault(pemilihan.hariPemungutan, ZONA_OFFSET_HOURS[zonaOf(kodeKabKota)]);
}

export function toDomainTugas(row: repo.TugasRow): TugasPengamanan {
  return {
    id: row.id,
    jenis: row.jenis,
    kodeWilayah: compactKode(row.kode_wilayah),
    mulai: new Date(row.mulai).getTime(),
    selesai: new Date(row.selesai).getTime(),
    kebutuhan: {
      polri: row.kebutuhan_polri,
      tni: row.kebutuhan_tni,
      linmas: row.kebutuhan_linmas,
      satpol_pp: row.kebutuhan_satpol_pp,
    },
  };
}

/** Another duty of a unit as the overlap rule needs it: its window (its need is not in question). */
export function windowOf(p: repo.PenugasanWithWindow): TugasPengamanan {
  return {
    id: p.tugas_id,
    jenis: p.jenis,
    kodeWilayah: compactKode(p.kode_wilayah),
    mulai: new Date(p.mulai).getTime(),
    selesai: new Date(p.selesai).getTime(),
    kebutuhan: {},
  };
}

export const kapasitasOf = (u: Pick<UnitRow, 'id' | 'kind' | 'jumlah' | 'available'>): UnitKapasitas => ({
  id: u.id,
  kind: u.kind,
  count: u.jumlah,
  available: u.available,
});

export const labelOf = (u: Pick<UnitRow, 'nama' | 'jabatan'>) =>
  u.jabatan ? `${u.nama} (${u.jabatan})` : u.nama;

function describeBentrok(b: Bentrok, unit: string, names: ReadonlyMap<string, string>, own: string): string {
  const others = b.tugasIds.filter((id) => id !== own).map((id) => names.get(id) ?? id);
  if (b.kapasitas === 0) return `${unit} ditarik atau tidak tersedia`;
  return `${unit} (${b.kapasitas} personel) sudah bertugas di ${others.join(', ')} pada waktu yang sama: diminta ${b.dipakai}`;
}

/**
 * Refuses (double_booked) when the duty's units, at its window, would stand at more places at
 * one instant than they have personnel. `penugasan` is the duty's whole new assignment.
 */
export async function requireNoOverlap(
  trx: Db,
  tugas: TugasPengamanan & { nama: string },
  penugasan: readonly { unit_id: string; jumlah: number }[],
  units: readonly UnitRow[],
): Promise<void> {
  if (penugasan.length === 0) return;
  const others = (
    await repo.findPenugasanOfUnits(
      trx,
      penugasan.map((p) => p.unit_id),
    )
  ).filter((p) => p.tugas_id !== tugas.id);
  const otherTugas = new Map<string, TugasPengamanan>();
  for (const p of others) otherTugas.set(p.tugas_id, windowOf(p));
  const assigned: PenugasanTugas[] = [
    ...others.map((p) => ({ tugasId: p.tugas_id, unitId: p.unit_id, count: p.jumlah })),
    ...penugasan.map((p) => ({ tugasId: tugas.id, unitId: p.unit_id, count: p.jumlah })),
  ];
  const conflicts = cariBentrok(units.map(kapasitasOf), [tugas, ...otherTugas.values()], assigned).filter(
    (b) => b.tugasIds.includes(tugas.id),
  );
  if (conflicts.length === 0) return;
  const nameOf = new Map(units.map((u) => [u.id, labelOf(u)]));
  const otherNames = await repo.findTugasNames(trx, [...otherTugas.keys()]);
  const tugasNames = new Map([...otherNames.map((t) => [t.id, t.nama] as const), [tugas.id, tugas.nama]]);
  throw new DomainError(
    'double_booked',
    conflicts
      .map((b) => describeBentrok(b, nameOf.get(b.unitId) ?? b.unitId, tugasNames, tugas.id))
      .join('; '),
    {
      bentrok: conflicts.map((b) => ({
        unitId: b.unitId,
        mulai: iso(new Date(b.mulai)),
        selesai: iso(new Date(b.selesai)),
        dipakai: b.dipakai,
        kapasitas: b.kapasitas,
        tugasIds: b.tugasIds,
      })),
    },
  );
}

/** The duties' answers: their units, what each still lacks, and whether a unit of theirs is double-booked. */
export async function viewsOf(
  deps: Pick<TugasDeps, 'db' | 'findUnits'>,
  pemilihanId: string,
  kab: string,
  rows: readonly repo.TugasRow[],
): Promise<Tugas[]> {
  const { db } = deps;
  if (rows.length === 0) return [];
  const [penugasan, units] = await Promise.all([
    repo.findPenugasan(
      db,
      rows.map((r) => r.id),
    ),
    deps.findUnits(db, pemilihanId, kab),
  ]);
  const unitById = new Map(units.map((u) => [u.id, u]));
  // Overlaps are judged against every duty of the units involved, not only the rows shown.
  const all = await repo.findPenugasanOfUnits(db, [...new Set(penugasan.map((p) => p.unit_id))]);
  const domainTugas = new Map<string, TugasPengamanan>(rows.map((r) => [r.id, toDomainTugas(r)]));
  for (const p of all) if (!domainTugas.has(p.tugas_id)) domainTugas.set(p.tugas_id, windowOf(p));
  const kapasitas = units.map(kapasitasOf);
  const raw = all.map((p) => ({ tugasId: p.tugas_id, unitId: p.unit_id, count: p.jumlah }));
  const efektif = penugasanEfektif(kapasitas, [...domainTugas.values()], raw);
  const cover = new Map(
    cakupanTugas(kapasitas, [...domainTugas.values()], efektif).map((c) => [c.tugasId, c]),
  );
  const inConflict = new Set(
    cariBentrok(kapasitas, [...domainTugas.values()], raw).flatMap((b) => b.tugasIds),
  );
  return rows.map((r): Tugas => {
    const c = cover.get(r.id);
    return {
      id: r.id,
      jenis: r.jenis,
      sumberId: r.sumber_id,
      kodeWilayah: r.kode_wilayah,
      nama: r.nama,
      mulai: iso(r.mulai),
      selesai: iso(r.selesai),
      kebutuhan: {
        polri: r.kebutuhan_polri,
        tni: r.kebutuhan_tni,
        linmas: r.kebutuhan_linmas,
        satpolPp: r.kebutuhan_satpol_pp,
      },
      petugas: penugasan
        .filter((p) => p.tugas_id === r.id)
        .map((p) => {
          const u = unitById.get(p.unit_id);
          return {
            unitId: p.unit_id,
            nama: u ? labelOf(u) : p.unit_id,
            force: u?.force ?? 'polres',
            kind: u?.kind ?? 'polri',
            jumlah: p.jumlah,
          };
        }),
      kurang: {
        polri: c?.polri.shortfall ?? r.kebutuhan_polri,
        tni: c?.tni.shortfall ?? r.kebutuhan_tni,
        linmas: c?.linmas.shortfall ?? r.kebutuhan_linmas,
        satpolPp: c?.satpol_pp.shortfall ?? r.kebutuhan_satpol_pp,
      },
      terpenuhi: c?.terpenuhi ?? false,
      bentrok: inConflict.has(r.id),
      version: r.version,
    };
  });
}

/** The area of a read: the requested wilayah inside the kab/kota, within the actor's scope. */
export function readArea(actor: Actor, wilayah: string): string {
  authorize(actor, 'pengamanan:read', wilayah);
  return wilayah;
}
