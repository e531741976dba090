/**
 * Rencana pengamanan use cases: the forces of a Polres area (kab/kota), its staffing pattern, the
 * tiga pilar, and versioned plans computed by the pure planner (src/domain/pengamanan/) with
 * what-if and plotting lists. Loads, checks scope, writes with audit in one transaction.
 *
 * Access: reading needs 'pengamanan:read' and the wilayah inside the actor's scope (a camat reads
 * their kecamatan's part of the kab/kota's plan); planning and approving need the permission, the
 * kab/kota in scope, and agency Polri (the Kabag Ops plans, the Kapolres approves) or an admin.
 * A plan outside the actor's concern, or of another election than the one named, reads as not found.
 *
 * Everything here belongs to one election (docs/domain/pemilihan.md): forces, tiga pilar, the
 * pattern and the plans of a kab/kota are its own in each election, and the planner reads the
 * kerawanan categories of that same election.
 */
import type {
  ForcesResponse,
  PamSetting,
  PamSettingUpdate,
  PamUnit,
  PamUnitCreate,
  PamUnitUpdate,
  PlanApprove,
  PlanCreate,
  PlanDetail,
  PlanList,
  PlanTpsQuery,
  PlanTpsRow,
  TigaPilarInput,
  TigaPilarResponse,
  WhatIfChange,
  WhatIfRequest,
  WhatIfResponse,
} from '../../../contracts/pengamanan';
import { hasPermission, type Permission } from '../../../domain/access/roles';
import { isInScope, isRelated, type Actor } from '../../../domain/access/scope';
import { jelaskanPerbandingan } from '../../../domain/pengamanan/penjelasan';
import { comparePlans, planPengamanan, type Force } from '../../../domain/pengamanan/planner';
import {
  DEFAULT_POLA,
  DEFAULT_RESERVE,
  kebutuhan,
  validatePola,
  validateReservePolicy,
  type PolaPengamanan,
  type ReservePolicy,
} from '../../../domain/pengamanan/pola';
import { isWithinWilayah, kabKotaOf, parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import type { Db } from '../../db/client';
import { isUniqueViolation } from '../../db/pg-errors';
import { DomainError, forbidden, notFound } from '../../errors';
import { readSheet, type ImportFile } from '../../files/read-sheet';
import type { AuditLog } from '../../cross-cutting/audit-log';
import { authorize } from '../../cross-cutting/access';
import { sameElection } from '../../cross-cutting/create-once';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
import {
  applyChanges,
  buildSnapshot,
  kecamatanTanpa,
  narrowSummary,
  penugasanOf,
  planTpsRows,
  summarize,
  type PetugasEntry,
  type PlanSnapshot,
  type StoredSummary,
  type UnitPenugasan,
} from './pengamanan-plan';
import { buildPlottingPdf, buildPlottingXlsx } from './pengamanan-report';
import * as repo from './pengamanan.repo';
import { boundingBox } from '../../../domain/geo/bbox';
import type { MapResponse } from '../../../contracts/tps';
import { KIND_OF_FORCE, parseRoster } from './roster-import';
import { createTugasService } from './pengamanan-tugas';

const iso = (d: Date | string) => new Date(d).toISOString();

/** The kab/kota (Polres area) a wilayah belongs to; a provinsi has many, so it is refused. */
function polresAreaOf(wilayah: string): string {
  const kab = kabKotaOf(wilayah);
  if (kab === null)
    throw new DomainError('validation', 'Pilih kabupaten/kota: rencana pengamanan disusun per Polres', {
      field: 'wilayah',
    });
  return kab;
}

const isPolri = (actor: Actor) => actor.role === 'admin' || actor.agency === 'polri';

function requirePolri(actor: Actor): void {
  if (!isPolri(actor))
    throw forbidden('Rencana pengamanan disusun dan disetujui oleh Polri (Kabag Ops dan Kapolres)');
}

function may(actor: Actor, permission: Permission, kab: string): boolean {
  return hasPermission(actor.role, permission) && isInScope(actor, kab) && isPolri(actor);
}

function toUnit(row: repo.UnitRow, names: ReadonlyMap<string, string>): PamUnit {
  return {
    id: row.id,
    force: row.force as Force,
    kind: row.kind as PamUnit['kind'],
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
    source: row.source as PamUnit['source'],
    isGenerated: row.is_generated,
    version: row.version,
  };
}

export function createPengamananService(deps: {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  clock: { now(): Date };
}) {
  const { db } = deps;

  async function areas(kab: string) {
    const rows = await repo.findAreasOfKabKota(db, kab);
    const names = new Map(rows.map((r) => [r.kode, r.nama]));
    return {
      rows,
      names,
      kecamatan: rows.filter((r) => r.level === 3),
      kelurahan: rows.filter((r) => r.level === 4),
    };
  }

  async function settingOf(
    pemilihanId: string,
    kab: string,
  ): Promise<{ pola: PolaPengamanan; reserve: ReservePolicy }> {
    const row = await repo.findSetting(db, pemilihanId, kab);
    return row
      ? { pola: row.pola as PolaPengamanan, reserve: row.reserve as ReservePolicy }
      : { pola: DEFAULT_POLA, reserve: DEFAULT_RESERVE };
  }

  const tugas = createTugasService({
    audit: deps.audit,
    db,
    wilayah: deps.wilayah,
    polresAreaOf,
    requirePolri,
    findUnits: repo.findUnits,
  });

  /** The planner input as the data is now: TPS, forces, pattern and every other duty with its units. */
  async function currentSnapshot(pemilihan: PemilihanContext, kab: string): Promise<PlanSnapshot> {
    const [tps, units, setting, duties] = await Promise.all([
      repo.findTpsForPlan(db, pemilihan.id, kab),
      repo.findUnits(db, pemilihan.id, kab),
      settingOf(pemilihan.id, kab),
      tugas.tugasUntukRencana(pemilihan, kab),
    ]);
    return buildSnapshot({ kodeKabKota: kab, tps, units, ...setting, tugas: duties });
  }

  /** Checks the home codes of a unit against its kab/kota and each other. */
  function checkHome(kab: string, input: { homeKecamatan: string | null; homeKelurahan: string | null }) {
    const kec = input.homeKecamatan;
    const kel = input.homeKelurahan;
    if (kec !== null && (parseKodeWilayah(kec).ok ? kec.split('.').length !== 3 : true))
      throw new DomainError('validation', 'Kecamatan asal harus kode kecamatan', { field: 'homeKecamatan' });
    if (kel !== null && kel.split('.').length !== 4)
      throw new DomainError('validation', 'Kelurahan asal harus kode kelurahan/desa', {
        field: 'homeKelurahan',
      });
    for (const kode of [kec, kel])
      if (kode !== null && !isWithinWilayah(kode, kab))
        throw new DomainError('validation', 'Pangkalan harus di kab/kota ini', { field: 'homeKecamatan' });
    if (kec !== null && kel !== null && !isWithinWilayah(kel, kec))
      throw new DomainError('validation', 'Kelurahan asal tidak berada di kecamatan asal', {
        field: 'homeKelurahan',
      });
    return { home_kecamatan: kel !== null ? kel.split('.').slice(0, 3).join('.') : kec, home_kelurahan: kel };
  }

  /** The plan's area and the home kecamatan of every what-if change: known, and inside the kab/kota. */
  async function requireKnownAreas(
    kab: string,
    wilayah: string,
    changes: readonly WhatIfChange[],
    field: 'skenario' | 'changes',
  ) {
    await deps.wilayah.requireKnown({ wilayah });
    const homes = changes.flatMap((c, i): [string, string][] =>
      c.kind === 'tambah_bko' && c.homeKecamatan !== null
        ? [[`${field}.${i}.homeKecamatan`, c.homeKecamatan]]
        : [],
    );
    await deps.wilayah.requireKnown(Object.fromEntries(homes), kab);
  }

  async function requirePlan(actor: Actor, pemilihan: PemilihanContext, id: string) {
    authorize(actor, 'pengamanan:read', actor.kodeWilayah);
    const plan = await repo.findPlan(db, id);
    if (!plan || plan.pemilihan_id !== pemilihan.id || !isRelated(actor, plan.kode_kabkota))
      throw notFound('Rencana pengamanan');
    return plan;
  }

  /** The area a plan is read for: the requested wilayah, else the actor's own area within the kab/kota. */
  function readArea(actor: Actor, kab: string, wilayah: string | undefined): string {
    if (wilayah !== undefined) {
      if (!isWithinWilayah(wilayah, kab))
        throw new DomainError('validation', 'Wilayah di luar kab/kota rencana ini', { field: 'wilayah' });
      authorize(actor, 'pengamanan:read', wilayah);
      return wilayah;
    }
    return actor.kodeWilayah !== null && isWithinWilayah(actor.kodeWilayah, kab) ? actor.kodeWilayah : kab;
  }

  async function computePlan(snapshot: PlanSnapshot) {
    const { kecamatan, names } = await areas(snapshot.kodeKabKota);
    const plan = planPengamanan(snapshot.planner);
    return {
      plan,
      summary: summarize(
        plan,
        snapshot,
        names,
        kecamatan.map((k) => k.kode),
      ),
      names,
    };
  }

  return {
    // ── duties besides the TPS (pengamanan-tugas.ts; ADR 0016) ──
    ...tugas,

    // ── forces ──

    async forces(actor: Actor, pemilihan: PemilihanContext, wilayah: string): Promise<ForcesResponse> {
      authorize(actor, 'pengamanan:read', wilayah);
      const kab = polresAreaOf(wilayah);
      const [area, kabRow, units, tps, setting] = await Promise.all([
        areas(kab),
        deps.wilayah.require(kab),
        repo.findUnits(db, pemilihan.id, kab),
        repo.findTpsForPlan(db, pemilihan.id, kab),
        settingOf(pemilihan.id, kab),
      ]);
      const visible = units.filter(
        (u) =>
          wilayah === kab ||
          (u.home_kecamatan !== null &&
            isWithinWilayah(u.home_kecamatan, wilayah.split('.').slice(0, 3).join('.'))),
      );
      const perForce = new Map<Force, { units: number; personel: number; tersedia: number }>();
      for (const u of visible) {
        const f = perForce.get(u.force as Force) ?? { units: 0, personel: 0, tersedia: 0 };
        f.units++;
        f.personel += u.jumlah;
        if (u.available) f.tersedia += u.jumlah;
        perForce.set(u.force as Force, f);
      }
      const tpsByKec = new Map<string, number>();
      for (const t of tps) {
        const kec = t.kode_wilayah.split('.').slice(0, 3).join('.');
        tpsByKec.set(kec, (tpsByKec.get(kec) ?? 0) + 1);
      }
      const snapshot = buildSnapshot({ kodeKabKota: kab, tps, units, ...setting });
      const tanpa = new Map(
        kecamatanTanpa(
          snapshot.planner.units,
          area.kecamatan.map((k) => k.kode),
        ).map((k) => [k.kode, k]),
      );
      const inArea = (kode: string) =>
        wilayah === kab || isWithinWilayah(kode, wilayah) || isWithinWilayah(wilayah, kode);
      const perKecamatan = area.kecamatan
        .filter((k) => inArea(k.kode))
        .map((k) => {
          const personel: Record<string, number> = {};
          for (const u of units)
            if (u.home_kecamatan === k.kode && u.available)
              personel[u.force] = (personel[u.force] ?? 0) + u.jumlah;
          return {
            kode: k.kode,
            nama: k.nama,
            tps: tpsByKec.get(k.kode) ?? 0,
            personel,
            hasPolsek: !(tanpa.get(k.kode)?.polsek ?? false),
            hasKoramil: !(tanpa.get(k.kode)?.koramil ?? false),
          };
        });
      const need = kebutuhan(
        snapshot.planner.tps.filter(
          (t) => wilayah === kab || t.kodeKelurahan.startsWith(wilayah.replace(/\./g, '')),
        ),
        setting.pola,
      ).total;
      return {
        kodeKabKota: kab,
        namaKabKota: kabRow.nama,
        wilayah,
        units: visible.map((u) => toUnit(u, area.names)),
        perForce: [...perForce].map(([force, f]) => ({ force, kind: KIND_OF_FORCE[force], ...f })),
        perKecamatan,
        kecamatanTanpa: [...tanpa.values()]
          .filter((k) => inArea(k.kode))
          .map((k) => ({
            kode: k.kode,
            nama: area.names.get(k.kode) ?? k.kode,
            polsek: k.polsek,
            koramil: k.koramil,
          })),
        kebutuhan: {
          tps: need.tps,
          kelompok: need.kelompok,
          polri: need.polri,
          linmas: need.linmas,
          tni: need.tni,
        },
        canPlan: may(actor, 'pengamanan:plan', kab),
        canApprove: may(actor, 'pengamanan:approve', kab),
      };
    },

    async createUnit(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: PamUnitCreate,
    ): Promise<{ id: string; replayed: boolean }> {
      const kab = polresAreaOf(input.wilayah);
      authorize(actor, 'pengamanan:plan', kab);
      requirePolri(actor);
      const home = checkHome(kab, input);
      await deps.wilayah.requireKnown({
        wilayah: input.wilayah,
        homeKecamatan: home.home_kecamatan,
        homeKelurahan: home.home_kelurahan,
      });
      const existing = await repo.findUnitIdByClientId(db, input.clientId);
      if (existing) return { id: existing.id, replayed: true };
      return db.transaction().execute(async (trx) => {
        const inserted = await repo.insertUnit(trx, {
          pemilihan_id: pemilihan.id,
          client_id: input.clientId,
          kode_kabkota: kab,
          force: input.force,
          kind: KIND_OF_FORCE[input.force],
          nama: input.nama,
          jabatan: input.jabatan,
          jumlah: input.jumlah,
          ...home,
          available: input.available,
          keterangan: input.keterangan,
          source: 'manual',
          created_by: actor.userId,
        });
        if (!inserted) {
          const winner = await repo.findUnitIdByClientId(trx, input.clientId);
          return { id: winner!.id, replayed: true };
        }
        await deps.audit.record(trx, actor, {
          action: 'create',
          entity: 'pam_unit',
          entityId: inserted.id,
          kodeWilayah: kab,
          before: null,
          after: { ...input, pemilihanId: pemilihan.id },
        });
        return { id: inserted.id, replayed: false };
      });
    },

    async updateUnit(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: PamUnitUpdate,
    ): Promise<PamUnit> {
      authorize(actor, 'pengamanan:read', actor.kodeWilayah);
      const before = await repo.findUnit(db, id);
      if (!before || before.pemilihan_id !== pemilihan.id || !isRelated(actor, before.kode_kabkota))
        throw notFound('Unit');
      authorize(actor, 'pengamanan:plan', before.kode_kabkota);
      requirePolri(actor);
      const home = checkHome(before.kode_kabkota, input);
      await deps.wilayah.requireKnown({
        homeKecamatan: home.home_kecamatan,
        homeKelurahan: home.home_kelurahan,
      });
      const { names } = await areas(before.kode_kabkota);
      // One connection on the embedded engine: nothing outside `trx` may run inside the transaction.
      return db.transaction().execute(async (trx) => {
        const after = await repo.updateUnit(trx, id, input.version, {
          force: input.force,
          kind: KIND_OF_FORCE[input.force],
          nama: input.nama,
          jabatan: input.jabatan,
          jumlah: input.jumlah,
          ...home,
          available: input.available,
          keterangan: input.keterangan,
        });
        if (!after)
          throw new DomainError('conflict', 'Unit ini sudah diubah orang lain; muat ulang lalu ulangi', {
            version: before.version,
          });
        await deps.audit.record(trx, actor, {
          action: 'update',
          entity: 'pam_unit',
          entityId: id,
          kodeWilayah: before.kode_kabkota,
          before,
          after: input,
        });
        return toUnit(after, names);
      });
    },

    /**
     * Replaces the kab/kota's imported roster with a sheet's rows, all or nothing; manual units stay.
     * Importing the same file twice leaves the same forces (a replacement, so idempotent).
     */
    async importRoster(actor: Actor, pemilihan: PemilihanContext, wilayah: string, file: ImportFile) {
      const kab = polresAreaOf(wilayah);
      authorize(actor, 'pengamanan:plan', kab);
      requirePolri(actor);
      const area = await areas(kab);
      const byName = new Map<string, string[]>();
      for (const r of area.rows) {
        if (r.level < 3) continue;
        const k = r.nama.toLowerCase();
        byName.set(k, [...(byName.get(k) ?? []), r.kode]);
      }
      const cells = await readSheet(file);
      const { rows, errors } = parseRoster(cells, {
        kodeKabKota: kab,
        parentOf: new Map(area.rows.map((r) => [r.kode, r.parent_kode])),
        levelOf: new Map(area.rows.map((r) => [r.kode, r.level])),
        byName,
      });
      if (errors.length > 0)
        throw new DomainError(
          'import_invalid',
          `${errors.length} kesalahan di berkas; tidak ada data yang disimpan`,
          {
            errors: errors.slice(0, 1000),
            totalErrors: errors.length,
          },
        );
      if (rows.length === 0)
        throw new DomainError('import_invalid', 'Berkas tidak berisi baris personel', { errors: [] });
      return db.transaction().execute(async (trx) => {
        const replaced = await repo.deleteImportedUnits(trx, pemilihan.id, kab);
        await repo.deleteImportedTigaPilar(trx, pemilihan.id, kab);
        const units = rows.filter((r) => r.force !== null);
        await repo.insertUnits(
          trx,
          units.map((r) => ({
            pemilihan_id: pemilihan.id,
            client_id: crypto.randomUUID(),
            kode_kabkota: kab,
            force: r.force!,
            kind: r.kind!,
            nama: r.nama,
            jabatan: r.jabatan,
            nrp: r.nrp,
            jumlah: r.jumlah,
            home_kecamatan: r.homeKecamatan,
            home_kelurahan: r.homeKelurahan,
            available: true,
            keterangan: '',
            source: 'import',
            created_by: actor.userId,
          })),
        );
        const pilar = rows.filter((r) => r.tigaPilar !== null && r.homeKelurahan !== null);
        await repo.insertTigaPilar(
          trx,
          pilar.map((r) => ({
            pemilihan_id: pemilihan.id,
            kode_kabkota: kab,
            kode_kelurahan: r.homeKelurahan!,
            peran: r.tigaPilar!,
            nama: r.nama,
            source: 'import',
            updated_by: actor.userId,
          })),
        );
        const personel = units.reduce((s, r) => s + r.jumlah, 0);
        await deps.audit.record(trx, actor, {
          action: 'import',
          entity: 'pam_unit',
          entityId: null,
          kodeWilayah: kab,
          before: { replaced },
          after: {
            pemilihanId: pemilihan.id,
            file: file.fileName,
            rows: rows.length,
            personel,
            tigaPilar: pilar.length,
          },
        });
        return { rows: rows.length, personel, tigaPilar: pilar.length, replaced };
      });
    },

    // ── pattern and reserve ──

    async setting(actor: Actor, pemilihan: PemilihanContext, wilayah: string): Promise<PamSetting> {
      authorize(actor, 'pengamanan:read', wilayah);
      const kab = polresAreaOf(wilayah);
      const row = await repo.findSetting(db, pemilihan.id, kab);
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
        pola: row.pola as PolaPengamanan,
        reserve: row.reserve as ReservePolicy,
        catatan: row.catatan,
        isDefault: false,
        version: row.version,
        updatedAt: iso(row.updated_at),
        updatedBy: row.updated_by,
      };
    },

    async updateSetting(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: PamSettingUpdate,
    ): Promise<PamSetting> {
      const kab = polresAreaOf(input.wilayah);
      authorize(actor, 'pengamanan:plan', kab);
      requirePolri(actor);
      await deps.wilayah.requireKnown({ wilayah: input.wilayah });
      const problems = [...validatePola(input.pola), ...validateReservePolicy(input.reserve)];
      if (problems.length > 0)
        throw new DomainError('validation', problems.map((p) => p.message).join('; '), { problems });
      const row = {
        pemilihan_id: pemilihan.id,
        kode_kabkota: kab,
        pola: input.pola,
        reserve: input.reserve,
        catatan: input.catatan,
        updated_by: actor.userId,
      };
      await db.transaction().execute(async (trx) => {
        const before = await repo.findSetting(trx, pemilihan.id, kab);
        const saved =
          input.version === null
            ? await repo.insertSetting(trx, row)
            : await repo.updateSetting(trx, input.version, row);
        if (!saved)
          throw new DomainError(
            'conflict',
            'Pola pengamanan sudah diubah orang lain; muat ulang lalu ulangi',
            {
              version: before?.version ?? null,
            },
          );
        await deps.audit.record(trx, actor, {
          action: 'update',
          entity: 'pam_setting',
          entityId: kab,
          kodeWilayah: kab,
          before: before ? { pola: before.pola, reserve: before.reserve } : null,
          after: {
            pemilihanId: pemilihan.id,
            pola: input.pola,
            reserve: input.reserve,
            catatan: input.catatan,
          },
        });
      });
      return this.setting(actor, pemilihan, kab);
    },

    // ── tiga pilar ──

    async tigaPilar(actor: Actor, pemilihan: PemilihanContext, wilayah: string): Promise<TigaPilarResponse> {
      authorize(actor, 'pengamanan:read', wilayah);
      const kab = polresAreaOf(wilayah);
      const [area, tps, records, accounts] = await Promise.all([
        areas(kab),
        repo.findTpsForPlan(db, pemilihan.id, kab),
        repo.findTigaPilarRecords(db, pemilihan.id, kab),
        repo.findTigaPilarAccounts(db, kab),
      ]);
      const tpsByKel = new Map<string, number>();
      for (const t of tps) tpsByKel.set(t.kode_wilayah, (tpsByKel.get(t.kode_wilayah) ?? 0) + 1);
      type Peran = 'lurah' | 'babinsa' | 'bhabinkamtibmas';
      const people = new Map<string, Record<Peran, Set<string>>>();
      const add = (kel: string, peran: Peran, nama: string) => {
        const entry = people.get(kel) ?? { lurah: new Set(), babinsa: new Set(), bhabinkamtibmas: new Set() };
        entry[peran].add(nama);
        people.set(kel, entry);
      };
      for (const r of records) add(r.kode_kelurahan, r.peran as Peran, r.nama);
      for (const a of accounts) if (a.kode_wilayah !== null) add(a.kode_wilayah, a.role as Peran, a.nama);
      // Kab/kota-wide: how many desa each named person serves (rangkap).
      const served = new Map<string, string[]>();
      for (const [kel, entry] of people)
        for (const peran of ['babinsa', 'bhabinkamtibmas'] as const)
          for (const nama of entry[peran]) {
            const k = `${peran}\u0000${nama}`;
            served.set(k, [...(served.get(k) ?? []), kel]);
          }
      const kelurahan = area.kelurahan.filter(
        (k) => (tpsByKel.get(k.kode) ?? 0) > 0 && isWithinWilayah(k.kode, wilayah),
      );
      const gaps: TigaPilarResponse['gaps'] = [];
      const LABEL: Record<Peran, string> = {
        lurah: 'Lurah/kepala desa',
        babinsa: 'Babinsa',
        bhabinkamtibmas: 'Bhabinkamtibmas',
      };
      let lengkap = 0;
      const rows = kelurahan.map((k) => {
        const entry = people.get(k.kode);
        const list = (peran: Peran) => [...(entry?.[peran] ?? [])].sort();
        let complete = true;
        for (const peran of ['lurah', 'babinsa', 'bhabinkamtibmas'] as const) {
          const names = list(peran);
          if (names.length === 0) {
            complete = false;
            gaps.push({
              kode: k.kode,
              nama: k.nama,
              peran,
              jenis: 'kosong',
              orang: null,
              desa: 0,
              message: `${LABEL[peran]} ${k.nama} belum ada (kosong)`,
            });
          } else if (peran !== 'lurah') {
            for (const nama of names) {
              const desa = served.get(`${peran}\u0000${nama}`) ?? [];
              if (desa.length > 1) {
                complete = false;
                gaps.push({
                  kode: k.kode,
                  nama: k.nama,
                  peran,
                  jenis: 'rangkap',
                  orang: nama,
                  desa: desa.length,
                  message: `Satu ${LABEL[peran]} (${nama}) untuk ${desa.length} desa/kelurahan`,
                });
              }
            }
          }
        }
        if (complete) lengkap++;
        const kec = k.parent_kode ?? '';
        return {
          kode: k.kode,
          nama: k.nama,
          kodeKecamatan: kec,
          namaKecamatan: area.names.get(kec) ?? kec,
          tps: tpsByKel.get(k.kode) ?? 0,
          lurah: list('lurah'),
          babinsa: list('babinsa'),
          bhabinkamtibmas: list('bhabinkamtibmas'),
        };
      });
      return { kelurahan: rows, gaps, lengkap };
    },

    async addTigaPilar(actor: Actor, pemilihan: PemilihanContext, input: TigaPilarInput): Promise<void> {
      if (input.wilayah.split('.').length !== 4)
        throw new DomainError('validation', 'Tiga pilar dicatat per kelurahan/desa', { field: 'wilayah' });
      const kab = polresAreaOf(input.wilayah);
      authorize(actor, 'pengamanan:plan', input.wilayah);
      await deps.wilayah.require(input.wilayah);
      await db.transaction().execute(async (trx) => {
        await repo.insertTigaPilar(trx, [
          {
            pemilihan_id: pemilihan.id,
            kode_kabkota: kab,
            kode_kelurahan: input.wilayah,
            peran: input.peran,
            nama: input.nama,
            source: 'manual',
            updated_by: actor.userId,
          },
        ]);
        await deps.audit.record(trx, actor, {
          action: 'create',
          entity: 'pam_tiga_pilar',
          entityId: null,
          kodeWilayah: input.wilayah,
          before: null,
          after: { ...input, pemilihanId: pemilihan.id },
        });
      });
    },

    // ── plans ──

    async listPlans(actor: Actor, pemilihan: PemilihanContext, wilayah: string): Promise<PlanList> {
      authorize(actor, 'pengamanan:read', wilayah);
      const kab = polresAreaOf(wilayah);
      const rows = await repo.findPlans(db, pemilihan.id, kab);
      return {
        items: rows.map((p) => {
          const s = p.summary as StoredSummary;
          return {
            id: p.id,
            kodeKabKota: p.kode_kabkota,
            nomor: p.nomor,
            status: p.status as PlanDetail['status'],
            createdBy: p.created_by,
            createdAt: iso(p.created_at),
            approvedBy: p.approved_by,
            approvedAt: p.approved_at === null ? null : iso(p.approved_at),
            alasan: p.alasan,
            parentId: p.parent_id,
            version: p.version,
            polriShortfall: s.coverageByKind.polri.shortfall,
            kelompok: s.kelompok,
            kelompokTerjaga: s.kelompokTerjaga,
            skenario: (p.skenario as unknown[]).length,
          };
        }),
      };
    },

    /** Computes a plan from the forces, pattern and TPS as they are now (plus a recorded scenario) as a new draft. */
    async createPlan(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: PlanCreate,
    ): Promise<{ id: string; replayed: boolean }> {
      const kab = polresAreaOf(input.wilayah);
      authorize(actor, 'pengamanan:plan', kab);
      requirePolri(actor);
      await requireKnownAreas(kab, input.wilayah, input.skenario, 'skenario');
      const existing = await repo.findPlanIdByClientId(db, input.clientId);
      if (existing) return { id: sameElection(existing, pemilihan).id, replayed: true };
      const snapshot = applyChanges(await currentSnapshot(pemilihan, kab), input.skenario);
      if (snapshot.planner.tps.length === 0)
        throw new DomainError('invalid_state', 'Kab/kota ini belum memiliki TPS; impor TPS lebih dahulu');
      const { plan, summary } = await computePlan(snapshot);
      try {
        return await db.transaction().execute(async (trx) => {
          await repo.lockKabKotaPlans(trx, pemilihan.id, kab);
          const nomor = await repo.nextPlanNomor(trx, pemilihan.id, kab);
          const approved = await repo.findApprovedPlanId(trx, pemilihan.id, kab);
          const { id } = await repo.insertPlan(trx, {
            pemilihan_id: pemilihan.id,
            client_id: input.clientId,
            kode_kabkota: kab,
            nomor,
            input: snapshot,
            summary,
            penugasan: penugasanOf(plan, snapshot),
            skenario: input.skenario,
            parent_id: approved?.id ?? null,
            created_by: actor.userId,
          });
          await repo.insertPlanTps(
            trx,
            planTpsRows(plan, snapshot).map((r) => ({ ...r, plan_id: id })),
          );
          await deps.audit.record(trx, actor, {
            action: 'create',
            entity: 'pam_plan',
            entityId: id,
            kodeWilayah: kab,
            before: null,
            after: {
              pemilihanId: pemilihan.id,
              nomor,
              skenario: input.skenario,
              polriShortfall: summary.coverageByKind.polri.shortfall,
              kelompokTerjaga: summary.kelompokTerjaga,
              kelompok: summary.kelompok,
            },
          });
          return { id, replayed: false };
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const winner = await repo.findPlanIdByClientId(db, input.clientId);
        if (!winner) throw error;
        return { id: sameElection(winner, pemilihan).id, replayed: true };
      }
    },

    async getPlan(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      wilayah?: string,
    ): Promise<PlanDetail> {
      const plan = await requirePlan(actor, pemilihan, id);
      const kab = plan.kode_kabkota;
      const area = readArea(actor, kab, wilayah);
      const kabRow = await deps.wilayah.require(kab);
      return {
        id: plan.id,
        kodeKabKota: kab,
        namaKabKota: kabRow.nama,
        wilayah: area,
        nomor: plan.nomor,
        status: plan.status as PlanDetail['status'],
        createdBy: plan.created_by,
        createdAt: iso(plan.created_at),
        approvedBy: plan.approved_by,
        approvedAt: plan.approved_at === null ? null : iso(plan.approved_at),
        alasan: plan.alasan,
        parentId: plan.parent_id,
        version: plan.version,
        skenario: plan.skenario as WhatIfChange[],
        summary: narrowSummary(plan.summary as StoredSummary, kab, area),
        canApprove: plan.status === 'draft' && may(actor, 'pengamanan:approve', kab),
      };
    },

    /** The plan's TPS as map points, green where covered and red where not (within the reader's area). */
    async planMap(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      wilayah: string | undefined,
    ): Promise<MapResponse> {
      const plan = await requirePlan(actor, pemilihan, id);
      const area = readArea(actor, plan.kode_kabkota, wilayah);
      const rows = await repo.findPlanTpsPoints(db, id, area);
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
    },

    async planTps(actor: Actor, pemilihan: PemilihanContext, id: string, query: PlanTpsQuery) {
      const plan = await requirePlan(actor, pemilihan, id);
      const area = readArea(actor, plan.kode_kabkota, query.wilayah);
      const { items, total } = await repo.findPlanTpsPage(
        db,
        id,
        { wilayah: area, covered: query.covered === undefined ? undefined : query.covered === 'true' },
        query,
      );
      return {
        items: items.map((r): PlanTpsRow => ({
          tpsId: r.tps_id,
          kodeTps: r.kode_tps,
          kodeWilayah: r.kode_wilayah,
          kelurahan: r.kelurahan,
          kecamatan: r.kecamatan,
          nomor: r.nomor,
          kategori: r.kategori as PlanTpsRow['kategori'],
          kelompok: r.kelompok,
          kelompokTps: r.kelompok_tps,
          polriRequired: r.polri_required,
          polriAssigned: r.polri_assigned,
          linmasRequired: r.linmas_required,
          linmasAssigned: r.linmas_assigned,
          covered: r.covered,
          petugas: r.petugas as PetugasEntry[],
        })),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    /**
     * Approves a draft (the Kapolres). The kab/kota's previously approved plan becomes superseded;
     * a change after approval must say why.
     */
    async approvePlan(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: PlanApprove,
    ): Promise<PlanDetail> {
      const plan = await requirePlan(actor, pemilihan, id);
      const kab = plan.kode_kabkota;
      authorize(actor, 'pengamanan:approve', kab);
      requirePolri(actor);
      if (plan.status !== 'draft')
        throw new DomainError('invalid_state', 'Hanya draf yang dapat disetujui', { status: plan.status });
      await db.transaction().execute(async (trx) => {
        await repo.lockKabKotaPlans(trx, pemilihan.id, kab);
        const approved = await repo.findApprovedPlanId(trx, pemilihan.id, kab);
        const alasan = input.alasan?.trim() ?? '';
        if (approved && alasan === '')
          throw new DomainError(
            'validation',
            `Rencana versi ${approved.nomor} sudah disetujui: tulis alasan perubahan`,
            { field: 'alasan' },
          );
        if (approved) await repo.supersedePlan(trx, approved.id);
        const done = await repo.approvePlan(trx, id, input.version, {
          approved_by: actor.userId,
          alasan: alasan === '' ? null : alasan,
        });
        if (!done)
          throw new DomainError('conflict', 'Rencana ini sudah diubah orang lain; muat ulang lalu ulangi', {
            version: plan.version,
          });
        await deps.audit.record(trx, actor, {
          action: 'approve',
          entity: 'pam_plan',
          entityId: id,
          kodeWilayah: kab,
          before: { status: 'draft', superseded: approved?.id ?? null },
          after: { status: 'approved', alasan: alasan === '' ? null : alasan },
        });
      });
      return this.getPlan(actor, pemilihan, id);
    },

    /** Plans before and after the changes side by side; nothing is saved. */
    async whatIf(actor: Actor, pemilihan: PemilihanContext, input: WhatIfRequest): Promise<WhatIfResponse> {
      const kab = polresAreaOf(input.wilayah);
      authorize(actor, 'pengamanan:read', kab);
      await requireKnownAreas(kab, input.wilayah, input.changes, 'changes');
      let base: PlanSnapshot;
      if (input.basePlanId !== undefined) {
        const plan = await requirePlan(actor, pemilihan, input.basePlanId);
        if (plan.kode_kabkota !== kab) throw notFound('Rencana pengamanan');
        const stored = await repo.findPlanInput(db, plan.id);
        base = stored!.input as PlanSnapshot;
      } else {
        base = await currentSnapshot(pemilihan, kab);
      }
      const before = await computePlan(base);
      const after = await computePlan(applyChanges(base, input.changes));
      const compare = comparePlans(before.plan, after.plan);
      const strip = (s: StoredSummary) => narrowSummary(s, kab, kab);
      return {
        before: strip(before.summary),
        after: strip(after.summary),
        compare: {
          kecamatan: compare.kecamatan.map((d) => {
            const kode = `${d.kodeKecamatan.slice(0, 2)}.${d.kodeKecamatan.slice(2, 4)}.${d.kodeKecamatan.slice(4)}`;
            return {
              kode,
              nama: before.names.get(kode) ?? kode,
              kelompokTerjaga: d.kelompokTerjaga,
              polriShortfall: d.polriShortfall,
              linmasShortfall: d.linmasShortfall,
            };
          }),
          total: compare.total,
          penjelasan: jelaskanPerbandingan(before.plan, after.plan),
        },
      };
    },

    /** Per-TPS or per-unit plotting list of a plan (PDF), or both in one workbook (XLSX). */
    async plotting(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      options: { format: 'pdf' | 'xlsx'; by: 'tps' | 'unit'; wilayah?: string | undefined },
    ): Promise<{ fileName: string; body: Buffer }> {
      const plan = await requirePlan(actor, pemilihan, id);
      const kab = plan.kode_kabkota;
      const area = readArea(actor, kab, options.wilayah);
      const [rows, stored, kabRow, names] = await Promise.all([
        repo.findPlanTpsAll(db, id, area),
        repo.findPlanInput(db, id),
        deps.wilayah.require(kab),
        areas(kab),
      ]);
      // A camat's or lurah's list shows only the units standing in their area.
      const units = (stored?.penugasan as UnitPenugasan[]).flatMap((u) => {
        if (area === kab) return [u];
        const tugas = u.tugas.filter((t) => isWithinWilayah(t.kodeKelurahan, area));
        const tugasLain = (u.tugasLain ?? []).filter((t) => isWithinWilayah(t.kodeWilayah, area));
        return tugas.length + tugasLain.length > 0 ? [{ ...u, tugas, tugasLain, cadangan: [] }] : [];
      });
      const namaWilayah = area === kab ? kabRow.nama : (names.names.get(area) ?? area);
      const head = {
        namaWilayah,
        nomor: plan.nomor,
        status: plan.status,
        approvedBy: plan.approved_by,
        approvedAt: plan.approved_at,
        printedAt: deps.clock.now(),
        names: names.names,
      };
      const base = `plotting-pengamanan-${area.replace(/\./g, '')}-v${plan.nomor}`;
      if (options.format === 'xlsx')
        return { fileName: `${base}.xlsx`, body: await buildPlottingXlsx({ ...head, rows, units }) };
      return {
        fileName: `${base}-${options.by === 'tps' ? 'per-tps' : 'per-unit'}.pdf`,
        body: await buildPlottingPdf({ ...head, by: options.by, rows, units }),
      };
    },
  };
}
export type PengamananService = ReturnType<typeof createPengamananService>;
