/**
 * What the petugas use cases share: the deps, a reader's access to personal data at a TPS, a
 * region's rule, the TPS a KPPS chair chairs, a TPS or an officer read within the actor's scope, and
 * everything a summary of an area needs.
 */
import { hasPermission } from '../../../domain/access/roles';
import { isInScope, type Actor } from '../../../domain/access/scope';
import { aksesDataPribadi, type AksesDataPribadi } from '../../../domain/petugas/data-pribadi';
import { jamBertugas, shiftsOf, tingkatKelelahan } from '../../../domain/petugas/kelelahan';
import { kabKotaOf } from '../../../domain/wilayah/kode-wilayah';
import type { Db } from '../../db/client';
import { authorize } from '../../cross-cutting/access';
import type { AuditLog } from '../../cross-cutting/audit-log';
import type { Clock } from '../../cross-cutting/clock';
import { notFound } from '../../errors';
import type { KejadianService } from '../kejadian/kejadian.service';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
import * as hadirRepo from './petugas-hadir.repo';
import * as kesehatanRepo from './petugas-kesehatan.repo';
import * as repo from './petugas.repo';
import { eventsByPetugas, toAturan, type Aturan } from './petugas.view';

/** What a reader may see and do at one TPS (or, for a KPPS chair, whether it is their own). */
export function aksesOf(actor: Actor, ownTps: ReadonlySet<string>, tpsId: string | null): AksesDataPribadi {
  return aksesDataPribadi(
    {
      role: actor.role,
      agency: actor.agency,
      bolehIdentitas: hasPermission(actor.role, 'petugas:identitas'),
      bolehKesehatan: hasPermission(actor.role, 'petugas:kesehatan'),
    },
    { isTpsSendiri: tpsId !== null && ownTps.has(tpsId) },
  );
}

export interface PetugasDeps {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  clock: Clock;
  kejadian: KejadianService;
}

export type PetugasContext = ReturnType<typeof createPetugasContext>;

export function createPetugasContext(deps: PetugasDeps) {
  const { db } = deps;

  /** A kab/kota's rule (its row, else Siaga's defaults), for an area at or below it. */
  async function aturanOf(q: Db, kode: string): Promise<Aturan> {
    const kabKota = kabKotaOf(kode);
    return toAturan(kabKota === null ? undefined : (await kesehatanRepo.findAturan(q, [kabKota]))[0]);
  }

  /** The TPS this actor chairs in the election (a KPPS chair); empty for everyone else. */
  async function ownTpsOf(q: Db, actor: Actor, pemilihan: PemilihanContext): Promise<Set<string>> {
    if (actor.role !== 'kpps') return new Set();
    const rows = await repo.findTpsChairedBy(q, pemilihan.id, [actor.userId]);
    return new Set(rows.map((r) => r.tps_id).filter((id): id is string => id !== null));
  }

  /** A TPS of the election that the actor may read; a KPPS chair reads only their own. */
  async function readableTps(actor: Actor, pemilihan: PemilihanContext, tpsId: string) {
    const tps = await repo.findTps(db, pemilihan.id, tpsId);
    if (!tps || !isInScope(actor, tps.kode_wilayah) || !tps.dalam_pemilihan) throw notFound('TPS');
    authorize(actor, 'petugas:read', tps.kode_wilayah);
    const own = await ownTpsOf(db, actor, pemilihan);
    if (actor.role === 'kpps' && !own.has(tps.id)) throw notFound('TPS');
    return { tps, own };
  }

  /** An officer of the election the actor may act on (404 outside scope, election or own TPS). */
  async function actionable(q: Db, actor: Actor, pemilihan: PemilihanContext, petugasId: string) {
    const row = await repo.findPetugas(q, petugasId);
    if (!row || row.pemilihan_id !== pemilihan.id || !isInScope(actor, row.kode_wilayah)) {
      throw notFound('Petugas');
    }
    const own = await ownTpsOf(q, actor, pemilihan);
    if (actor.role === 'kpps' && (row.tps_id === null || !own.has(row.tps_id))) throw notFound('Petugas');
    return { row, akses: aksesOf(actor, own, row.tps_id) };
  }

  /** Everything a summary of an area needs, read once: TPS, officers, check-ins, incidents. */
  async function loadArea(pemilihan: PemilihanContext, kode: string) {
    const [tps, petugas, hadir, insiden, aturan] = await Promise.all([
      repo.findTpsOfPemilihanWithin(db, pemilihan.id, kode),
      repo.findPetugasSummaryWithin(db, pemilihan.id, kode),
      hadirRepo.findHadirWithin(db, pemilihan.id, kode),
      kesehatanRepo.findInsidenWithin(db, pemilihan.id, kode),
      aturanOf(db, kode),
    ]);
    const now = deps.clock.now().getTime();
    const events = eventsByPetugas(hadir);
    const perPetugas = petugas.map((p) => {
      const shifts = shiftsOf(events.get(p.id) ?? []);
      const jam = jamBertugas(shifts, now);
      return {
        ...p,
        bertugas: shifts.some((s) => s.keluar === null),
        kelelahan: tingkatKelelahan(jam, aturan),
      };
    });
    return { tps, petugas: perPetugas, insiden, aturan };
  }

  return { deps, db, aturanOf, ownTpsOf, readableTps, actionable, loadArea };
}
