/**
 * What the use cases of rencana pengamanan share: the Polres area of a wilayah, who may plan and
 * approve (Polri or an admin), the kab/kota's areas and pattern, the planner's input as the data is
 * now, and the checks of a plan's area. Loaded per call; nothing is kept between requests.
 *
 * Access: reading needs 'pengamanan:read' and the wilayah inside the actor's scope (a camat reads
 * their kecamatan's part of the kab/kota's plan); planning and approving need the permission, the
 * kab/kota in scope, and agency Polri (the Kabag Ops plans, the Kapolres approves) or an admin.
 * A plan outside the actor's concern, or of another election than the one named, reads as not found.
 */
import type { WhatIfChange } from '../../../contracts/pengamanan';
import { hasPermission, type Permission } from '../../../domain/access/roles';
import { isInScope, isRelated, type Actor } from '../../../domain/access/scope';
import { planPengamanan } from '../../../domain/pengamanan/planner';
import {
  DEFAULT_POLA,
  DEFAULT_RESERVE,
  type PolaPengamanan,
  type ReservePolicy,
} from '../../../domain/pengamanan/pola';
import { isWithinWilayah, kabKotaOf, parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import type { Db } from '../../db/client';
import { DomainError, forbidden, notFound } from '../../errors';
import type { AuditLog } from '../../cross-cutting/audit-log';
import { authorize } from '../../cross-cutting/access';
import type { Clock } from '../../cross-cutting/clock';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
import type { PlanSnapshot } from '../../../domain/pengamanan/rencana-tersimpan';
import { buildSnapshot } from './pengamanan-snapshot';
import { summarize } from './pengamanan-summary';
import type { TugasService } from './pengamanan-tugas';
import * as planRepo from './pengamanan-plan.repo';
import * as repo from './pengamanan.repo';

export interface PengamananDeps {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  clock: Clock;
}

export const iso = (d: Date | string) => new Date(d).toISOString();

/** The kab/kota (Polres area) a wilayah belongs to; a provinsi has many, so it is refused. */
export function polresAreaOf(wilayah: string): string {
  const kab = kabKotaOf(wilayah);
  if (kab === null)
    throw new DomainError('validation', 'Pilih kabupaten/kota: rencana pengamanan disusun per Polres', {
      field: 'wilayah',
    });
  return kab;
}

const isPolri = (actor: Actor) => actor.role === 'admin' || actor.agency === 'polri';

export function requirePolri(actor: Actor): void {
  if (!isPolri(actor))
    throw forbidden('Rencana pengamanan disusun dan disetujui oleh Polri (Kabag Ops dan Kapolres)');
}

export function may(actor: Actor, permission: Permission, kab: string): boolean {
  return hasPermission(actor.role, permission) && isInScope(actor, kab) && isPolri(actor);
}

export function createPengamananContext(
  deps: PengamananDeps,
  tugas: Pick<TugasService, 'tugasUntukRencana'>,
) {
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
    return row ? { pola: row.pola, reserve: row.reserve } : { pola: DEFAULT_POLA, reserve: DEFAULT_RESERVE };
  }

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
    const plan = await planRepo.findPlan(db, id);
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
    db,
    deps,
    areas,
    settingOf,
    currentSnapshot,
    checkHome,
    requireKnownAreas,
    requirePlan,
    readArea,
    computePlan,
  };
}
export type PengamananContext = ReturnType<typeof createPengamananContext>;
