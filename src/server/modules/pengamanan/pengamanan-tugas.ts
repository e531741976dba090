/**
 * Duties of the plan besides the TPS (docs/decisions/0016-tugas-pengamanan.md): the API through
 * which another module registers the duty of its record (a logistics leg, a campaign event, a patrol)
 * and the Polres assigns units to it, never putting one unit at more places at one instant than it
 * has personnel (domain/pengamanan/tugas.ts). Part of the pengamanan service.
 */
import type { BentrokList, Tugas, TugasList, TugasQuery, TugaskanInput } from '../../../contracts/pengamanan';
import type { Actor } from '../../../domain/access/scope';
import { isRelated } from '../../../domain/access/scope';
import type { Force, PersonnelKind } from '../../../domain/pengamanan/unit';
import { cakupanTugas } from '../../../domain/pengamanan/cakupan-tugas';
import {
  cariBentrok,
  jendelaTpsDefault,
  penugasanEfektif,
  type Bentrok,
  type Jendela,
  type JenisTugasLain,
  type PenugasanTugas,
  type TugasPengamanan,
  type UnitKapasitas,
} from '../../../domain/pengamanan/tugas';
import { ZONA_OFFSET_HOURS, zonaOf } from '../../../domain/time/zona';
import { compactKode, isWithinWilayah } from '../../../domain/wilayah/kode-wilayah';
import type { Db } from '../../db/client';
import { DomainError, notFound } from '../../errors';
import type { AuditLog } from '../../cross-cutting/audit-log';
import { authorize } from '../../cross-cutting/access';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
import * as repo from './pengamanan-tugas.repo';
import type { UnitRow } from './pengamanan.repo';

/** What a module says of the duty of one of its records. */
export interface TugasInput {
  jenis: JenisTugasLain;
  /** The record's id in its module (one duty per record and kind). */
  sumberId: string;
  /** Dotted code of the place: the kab/kota, a kecamatan or a kelurahan/desa. */
  kodeWilayah: string;
  nama: string;
  mulai: Date | string;
  selesai: Date | string;
  kebutuhan: Partial<Record<'polri' | 'tni' | 'linmas' | 'satpolPp', number>>;
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** The TPS duty's window of an election in a kab/kota (its own time zone). */
export function jendelaTpsOf(pemilihan: PemilihanContext, kodeKabKota: string): Jendela {
  return jendelaTpsDefault(pemilihan.hariPemungutan, ZONA_OFFSET_HOURS[zonaOf(kodeKabKota)]);
}

export function toDomainTugas(row: repo.TugasRow): TugasPengamanan {
  return {
    id: row.id,
    jenis: row.jenis as JenisTugasLain,
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
function windowOf(p: repo.PenugasanWithWindow): TugasPengamanan {
  return {
    id: p.tugas_id,
    jenis: p.jenis as JenisTugasLain,
    kodeWilayah: compactKode(p.kode_wilayah),
    mulai: new Date(p.mulai).getTime(),
    selesai: new Date(p.selesai).getTime(),
    kebutuhan: {},
  };
}

const kapasitasOf = (u: Pick<UnitRow, 'id' | 'kind' | 'jumlah' | 'available'>): UnitKapasitas => ({
  id: u.id,
  kind: u.kind as PersonnelKind,
  count: u.jumlah,
  available: u.available,
});

const labelOf = (u: Pick<UnitRow, 'nama' | 'jabatan'>) => (u.jabatan ? `${u.nama} (${u.jabatan})` : u.nama);

function describeBentrok(b: Bentrok, unit: string, names: ReadonlyMap<string, string>, own: string): string {
  const others = b.tugasIds.filter((id) => id !== own).map((id) => names.get(id) ?? id);
  if (b.kapasitas === 0) return `${unit} ditarik atau tidak tersedia`;
  return `${unit} (${b.kapasitas} personel) sudah bertugas di ${others.join(', ')} pada waktu yang sama: diminta ${b.dipakai}`;
}

export function createTugasService(deps: {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  polresAreaOf: (wilayah: string) => string;
  requirePolri: (actor: Actor) => void;
  findUnits: (db: Db, pemilihanId: string, kab: string) => Promise<UnitRow[]>;
}) {
  const { db } = deps;

  function checkInput(input: TugasInput): { kab: string; mulai: Date; selesai: Date } {
    const kab = deps.polresAreaOf(input.kodeWilayah);
    const mulai = new Date(input.mulai);
    const selesai = new Date(input.selesai);
    if (!Number.isFinite(mulai.getTime()) || !Number.isFinite(selesai.getTime()) || selesai <= mulai)
      throw new DomainError('validation', 'Waktu selesai tugas harus sesudah waktu mulai', {
        field: 'selesai',
      });
    return { kab, mulai, selesai };
  }

  /**
   * Refuses (double_booked) when the duty's units, at its window, would stand at more places at
   * one instant than they have personnel. `penugasan` is the duty's whole new assignment.
   */
  async function requireNoOverlap(
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

  async function viewsOf(pemilihanId: string, kab: string, rows: readonly repo.TugasRow[]): Promise<Tugas[]> {
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
        jenis: r.jenis as JenisTugasLain,
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
              force: (u?.force ?? 'polres') as Force,
              kind: (u?.kind ?? 'polri') as PersonnelKind,
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
  function readArea(actor: Actor, wilayah: string): string {
    authorize(actor, 'pengamanan:read', wilayah);
    return wilayah;
  }

  return {
    /**
     * Registers or updates the duty of a record of the calling module, inside the caller's
     * transaction (the caller has checked the actor's right to change its record). A changed window
     * that would double-book the duty's units is refused (double_booked) and the caller's change
     * rolls back with it.
     */
    async simpanTugas(
      trx: Db,
      actor: Actor,
      pemilihan: PemilihanContext,
      input: TugasInput,
    ): Promise<{ id: string }> {
      const { kab, mulai, selesai } = checkInput(input);
      const k = input.kebutuhan;
      const { before, after } = await repo.upsertTugas(trx, {
        pemilihan_id: pemilihan.id,
        kode_kabkota: kab,
        jenis: input.jenis,
        sumber_id: input.sumberId,
        kode_wilayah: input.kodeWilayah,
        nama: input.nama.slice(0, 300),
        mulai,
        selesai,
        kebutuhan_polri: k.polri ?? 0,
        kebutuhan_tni: k.tni ?? 0,
        kebutuhan_linmas: k.linmas ?? 0,
        kebutuhan_satpol_pp: k.satpolPp ?? 0,
      });
      if (before) {
        const penugasan = await repo.findPenugasan(trx, [after.id]);
        if (before.kode_kabkota !== kab && penugasan.length > 0)
          throw new DomainError(
            'validation',
            'Tugas yang sudah berpetugas tidak dapat dipindah ke kab/kota lain',
            {
              field: 'kodeWilayah',
            },
          );
        const units = await repo.lockUnits(
          trx,
          penugasan.map((p) => p.unit_id),
        );
        await requireNoOverlap(trx, { ...toDomainTugas(after), nama: after.nama }, penugasan, units);
      }
      await deps.audit.record(trx, actor, {
        action: before ? 'update' : 'create',
        entity: 'pam_tugas',
        entityId: after.id,
        kodeWilayah: input.kodeWilayah,
        before: before ?? null,
        after,
      });
      return { id: after.id };
    },

    /** Removes the duty of a record (its assignments go with it), inside the caller's transaction. */
    async hapusTugas(
      trx: Db,
      actor: Actor,
      pemilihan: PemilihanContext,
      jenis: JenisTugasLain,
      sumberId: string,
    ): Promise<void> {
      const removed = await repo.deleteTugas(trx, pemilihan.id, jenis, sumberId);
      if (!removed) return;
      await deps.audit.record(trx, actor, {
        action: 'delete',
        entity: 'pam_tugas',
        entityId: removed.id,
        kodeWilayah: removed.kode_wilayah,
        before: removed,
        after: null,
      });
    },

    /** The duties of the given records of one kind, by record id (for the owning module's lists). */
    async tugasUntukSumber(
      pemilihan: PemilihanContext,
      jenis: JenisTugasLain,
      sumberIds: readonly string[],
    ): Promise<Map<string, Tugas>> {
      const rows = await repo.findTugasBySumber(db, pemilihan.id, jenis, sumberIds);
      const byKab = new Map<string, repo.TugasRow[]>();
      for (const r of rows) byKab.set(r.kode_kabkota, [...(byKab.get(r.kode_kabkota) ?? []), r]);
      const out = new Map<string, Tugas>();
      for (const [kab, list] of byKab)
        for (const v of await viewsOf(pemilihan.id, kab, list)) out.set(v.sumberId, v);
      return out;
    },

    /** Duties at or below a wilayah, in time order, with their units, shortfall and overlaps. */
    async daftarTugas(actor: Actor, pemilihan: PemilihanContext, query: TugasQuery): Promise<TugasList> {
      const area = readArea(actor, query.wilayah);
      const kab = deps.polresAreaOf(area);
      const rows = (await repo.findTugasOfKabKota(db, pemilihan.id, kab)).filter(
        (r) =>
          isWithinWilayah(r.kode_wilayah, area) && (query.jenis === undefined || r.jenis === query.jenis),
      );
      return { items: await viewsOf(pemilihan.id, kab, rows) };
    },

    /**
     * Replaces the units of a duty (the Polres: Kabag Ops). Units of the duty's kab/kota and election
     * only; refused (double_booked) when a unit would stand at more places at one instant than it has.
     */
    async tugaskan(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: TugaskanInput,
    ): Promise<Tugas> {
      authorize(actor, 'pengamanan:read', actor.kodeWilayah);
      const row = await repo.findTugas(db, id);
      if (!row || row.pemilihan_id !== pemilihan.id || !isRelated(actor, row.kode_kabkota))
        throw notFound('Tugas');
      authorize(actor, 'pengamanan:plan', row.kode_kabkota);
      deps.requirePolri(actor);
      const wanted = input.petugas.map((p) => ({ unit_id: p.unitId, jumlah: p.jumlah }));
      await db.transaction().execute(async (trx) => {
        const bumped = await repo.bumpTugasVersion(trx, id, input.version);
        if (!bumped)
          throw new DomainError('conflict', 'Tugas ini sudah diubah orang lain; muat ulang lalu ulangi', {
            version: row.version,
          });
        const units = await repo.lockUnits(
          trx,
          wanted.map((p) => p.unit_id),
        );
        const unitById = new Map(units.map((u) => [u.id, u]));
        wanted.forEach((p, i) => {
          const u = unitById.get(p.unit_id);
          if (!u || u.pemilihan_id !== pemilihan.id || u.kode_kabkota !== row.kode_kabkota)
            throw new DomainError('validation', 'Unit tidak ada di kekuatan kab/kota ini', {
              field: `petugas.${i}.unitId`,
            });
          if (p.jumlah > u.jumlah)
            throw new DomainError('validation', `${labelOf(u)} hanya ${u.jumlah} personel`, {
              field: `petugas.${i}.jumlah`,
            });
        });
        await requireNoOverlap(trx, { ...toDomainTugas(row), nama: row.nama }, wanted, units);
        const before = await repo.findPenugasan(trx, [id]);
        await repo.replacePenugasan(trx, id, wanted);
        await deps.audit.record(trx, actor, {
          action: 'assign',
          entity: 'pam_tugas',
          entityId: id,
          kodeWilayah: row.kode_wilayah,
          before: { petugas: before.map((p) => ({ unitId: p.unit_id, jumlah: p.jumlah })) },
          after: { petugas: input.petugas },
        });
      });
      const fresh = await repo.findTugas(db, id);
      const [view] = await viewsOf(pemilihan.id, row.kode_kabkota, [fresh!]);
      return view!;
    },

    /** Units asked for at more places at once than they have (after a unit shrank or was withdrawn). */
    async bentrokTugas(actor: Actor, pemilihan: PemilihanContext, wilayah: string): Promise<BentrokList> {
      const area = readArea(actor, wilayah);
      const kab = deps.polresAreaOf(area);
      const [rows, units] = await Promise.all([
        repo.findTugasOfKabKota(db, pemilihan.id, kab),
        deps.findUnits(db, pemilihan.id, kab),
      ]);
      const penugasan = await repo.findPenugasan(
        db,
        rows.map((r) => r.id),
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      const unitById = new Map(units.map((u) => [u.id, u]));
      const conflicts = cariBentrok(
        units.map(kapasitasOf),
        rows.map(toDomainTugas),
        penugasan.map((p) => ({ tugasId: p.tugas_id, unitId: p.unit_id, count: p.jumlah })),
      );
      return {
        items: conflicts
          .filter((b) => b.tugasIds.some((t) => isWithinWilayah(byId.get(t)?.kode_wilayah ?? '', area)))
          .map((b) => ({
            unitId: b.unitId,
            unitNama: unitById.has(b.unitId) ? labelOf(unitById.get(b.unitId)!) : b.unitId,
            mulai: iso(new Date(b.mulai)),
            selesai: iso(new Date(b.selesai)),
            dipakai: b.dipakai,
            kapasitas: b.kapasitas,
            tugas: b.tugasIds.map((t) => ({
              id: t,
              jenis: (byId.get(t)?.jenis ?? 'logistik') as JenisTugasLain,
              nama: byId.get(t)?.nama ?? t,
            })),
          })),
      };
    },

    /** Duties and assignments of a kab/kota for the planner input. */
    async tugasUntukRencana(pemilihan: PemilihanContext, kab: string) {
      const rows = await repo.findTugasOfKabKota(db, pemilihan.id, kab);
      const penugasan = await repo.findPenugasan(
        db,
        rows.map((r) => r.id),
      );
      return { rows, penugasan, jendelaTps: jendelaTpsOf(pemilihan, kab) };
    },
  };
}
export type TugasService = ReturnType<typeof createTugasService>;
