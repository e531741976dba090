/**
 * What the use cases of joint patrols share: who may run a patrol from a phone, the patrol a reader
 * may see, the answer for a patrol (its route and log only to those who need to know), and the
 * incident a finding becomes.
 */
import type { KejadianReportInput } from '../../../contracts/kejadian';
import type { Patroli } from '../../../contracts/patroli';
import type { Tugas } from '../../../contracts/pengamanan';
import { hasPermission } from '../../../domain/access/roles';
import { aksesRutePatroli } from '../../../domain/access/rute-patroli';
import { isRelated, type Actor } from '../../../domain/access/scope';
import type { UnsurPatroli } from '../../../domain/patroli/patroli';
import type { AuditLog } from '../../cross-cutting/audit-log';
import { authorize } from '../../cross-cutting/access';
import type { Clock } from '../../cross-cutting/clock';
import type { Db } from '../../db/client';
import { DomainError, notFound } from '../../errors';
import type { KejadianService } from '../kejadian/kejadian.service';
import type { KerawananService } from '../kerawanan/kerawanan.service';
import type { PengamananService } from '../pengamanan/pengamanan.service';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
import { toPatroli } from './patroli.view';
import * as repo from './patroli.repo';

export interface PatroliDeps {
  db: Db;
  audit: AuditLog;
  clock: Clock;
  wilayah: WilayahService;
  kerawanan: Pick<KerawananService, 'kelurahanRawan'>;
  kejadian: Pick<KejadianService, 'report'>;
  /** The duty model of the plan (ADR 0016): each patrol is a duty the Polres staffs. */
  pengamanan: Pick<PengamananService, 'simpanTugas' | 'tugasUntukSumber'>;
}

/**
 * What a patrol asks of the plan (Siaga default, configurable): two of each force named, Bawaslu
 * being no force of the plan.
 */
export function kebutuhanPatroli(unsur: readonly string[]) {
  return {
    polri: unsur.includes('polri') ? 2 : 0,
    tni: unsur.includes('tni') ? 2 : 0,
    satpolPp: unsur.includes('satpol_pp') ? 2 : 0,
  };
}

export const validation = (message: string, field: string, code: string) =>
  new DomainError('validation', message, { field, code });

export const STATUS_CODE: Record<string, string> = {
  mulai: 'Patroli sudah dimulai atau sudah berakhir',
  titik: 'Patroli belum dimulai atau sudah berakhir',
  temuan: 'Patroli belum dimulai atau sudah berakhir',
  selesai: 'Patroli belum dimulai atau sudah berakhir',
};

/** May the actor run this patrol from a phone: the permission, the area, and the route's need-to-know. */
export function canRun(actor: Actor, row: { kode_wilayah: string; unsur: UnsurPatroli[] }): boolean {
  return (
    hasPermission(actor.role, 'patroli:run') &&
    isRelated(actor, row.kode_wilayah) &&
    aksesRutePatroli(actor, { unsur: row.unsur }) === 'penuh'
  );
}

/** The incident a finding becomes: reported by the officer, under the finding's own client id. */
export function kejadianOf(
  patroli: { nama: string },
  entry: {
    clientId: string;
    kategori: KejadianReportInput['kategori'];
    kodeWilayah: string;
    lat: number | null;
    lon: number | null;
    dicatatAt: Date;
    uraian: string;
  },
): KejadianReportInput {
  return {
    clientId: entry.clientId,
    kategori: entry.kategori,
    kodeWilayah: entry.kodeWilayah,
    lat: entry.lat,
    lon: entry.lon,
    terjadiAt: entry.dicatatAt.toISOString(),
    uraian: `Temuan patroli "${patroli.nama}": ${entry.uraian}`,
    terbatas: false,
    pelaporRahasia: false,
  };
}

export function createPatroliContext(deps: PatroliDeps) {
  const { db } = deps;

  /** A patrol as the actor may see it; the route, targets, escort and log only to those who need to know. */
  async function view(
    actor: Actor,
    row: repo.PatroliRow,
    withLog: boolean,
    tugas: ReadonlyMap<string, Tugas>,
  ): Promise<Patroli> {
    const penuh = aksesRutePatroli(actor, { unsur: row.unsur }) === 'penuh';
    const names: ReadonlyMap<string, { nama: string }> = penuh
      ? await deps.wilayah.findMany(row.sasaran)
      : new Map<string, { nama: string }>();
    const log = penuh && withLog ? await repo.findLog(db, row.id) : null;
    return toPatroli(actor, row, { names, log, tugas, bisaJalankan: canRun(actor, row) });
  }

  async function visible(actor: Actor, pemilihan: PemilihanContext, id: string) {
    authorize(actor, 'patroli:read', actor.kodeWilayah);
    const row = await repo.findPatroli(db, pemilihan.id, id);
    if (!row || !isRelated(actor, row.kode_wilayah)) throw notFound('Patroli');
    return row;
  }

  return { db, deps, view, visible };
}
export type PatroliContext = ReturnType<typeof createPatroliContext>;
