/**
 * Check-ins and check-outs on voting day, from the KPPS chair's phone (often through its outbox, hours
 * late). Each is written once per client id; concurrent ones are group-committed as the voting-day
 * status reports are (db/group-commit.ts, docs/decisions/0008-ingest-group-commit.md): one lookup of
 * the officers with their kab/kota's fatigue rule, one statement that inserts the new check-ins,
 * appends them to each officer's kept list (petugas_jam) and returns it with the copies of retries,
 * one statement of audit rows, one commit; the hours are never read again after the insert. Each
 * answer carries the hours on duty and the fatigue level, and a suggested relief when the officer is
 * past the warning.
 */
import type { HadirInput } from '../../../contracts/petugas';
import { hasPermission } from '../../../domain/access/roles';
import { isInScope, type Actor } from '../../../domain/access/scope';
import { type JabatanPetugas } from '../../../domain/petugas/petugas';
import {
  jamBertugas,
  sarankanPengganti,
  shiftsOf,
  tingkatKelelahan,
  type KejadianHadir,
  type TingkatKelelahan,
} from '../../../domain/petugas/kelelahan';
import { isAheadOfClock } from '../../../domain/time/jam-ponsel';
import type { Db } from '../../db/client';
import { createGroupCommit, type Outcome } from '../../db/group-commit';
import { writeAsOneStatement } from '../../db/one-statement';
import { authorize } from '../../cross-cutting/access';
import type { AuditEntry, AuditLog } from '../../cross-cutting/audit-log';
import type { Clock } from '../../cross-cutting/clock';
import { DomainError, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import * as hadirRepo from './petugas-hadir.repo';
import * as repo from './petugas.repo';
import { toAturan, type Aturan } from './petugas.view';

/** Check-ins per batch: enough to amortise a commit, few enough to keep lock spans short. */
const MAX_BATCH = 200;

type HadirItem = { actor: Actor; pemilihan: PemilihanContext; input: HadirInput; now: Date };
export type HadirAnswer = {
  petugasId: string;
  replayed: boolean;
  jam: number;
  sedangBertugas: boolean;
  kelelahan: TingkatKelelahan;
  pengganti: { id: string; nama: string; jabatan: JabatanPetugas; jam: number }[];
};
type Officer = Awaited<ReturnType<typeof hadirRepo.findPetugasMany>>[number];

/** The officer's kab/kota rule as the officers' read joined it, else Siaga's defaults. */
function aturanOfRow(officer: Officer): Aturan {
  return toAturan(
    officer.aturan_kode === null
      ? undefined
      : {
          kode_wilayah: officer.aturan_kode,
          jam_peringatan: officer.jam_peringatan!,
          jam_bahaya: officer.jam_bahaya!,
          retensi_hari: officer.retensi_hari!,
        },
  );
}

function toEvents(peristiwa: hadirRepo.Peristiwa): KejadianHadir[] {
  return peristiwa.map((p) => ({ jenis: p.jenis, pada: Number(p.pada) }));
}

/** The checks of one check-in against what the batch read. */
function check(item: HadirItem, officer: Officer | undefined, ownTps: ReadonlySet<string>): Officer {
  const { actor, pemilihan, input, now } = item;
  if (!officer || officer.pemilihan_id !== pemilihan.id || !isInScope(actor, officer.kode_wilayah)) {
    throw notFound('Petugas');
  }
  if (actor.role === 'kpps' && (officer.tps_id === null || !ownTps.has(officer.tps_id)))
    throw notFound('Petugas');
  authorize(actor, 'petugas:hadir', officer.kode_wilayah);
  // The KPU's operator keeps the roster; Kesbangpol's operators do not check KPU officers in.
  if (actor.role === 'operator' && actor.agency !== 'kpu') {
    throw new DomainError('forbidden', 'Kehadiran petugas dicatat ketua KPPS atau operator KPU');
  }
  if (isAheadOfClock(new Date(input.pada), now)) {
    throw new DomainError('validation', 'Waktu kehadiran ada di masa depan; periksa jam ponsel', {
      field: 'pada',
    });
  }
  return officer;
}

export function createHadirIngest(deps: { db: Db; audit: AuditLog; clock: Clock; concurrency?: number }) {
  const { db } = deps;

  async function writeBatch(items: readonly HadirItem[]): Promise<Outcome<HadirAnswer>[]> {
    const outcomes = new Array<Outcome<HadirAnswer>>(items.length);
    await db.transaction().execute(async (trx) => {
      const officers = new Map(
        (
          await hadirRepo.findPetugasMany(
            trx,
            items.map((i) => i.input.petugasId),
          )
        ).map((o) => [o.id, o]),
      );
      const chairs = items.filter((i) => i.actor.role === 'kpps');
      const ownTps = new Map<string, Set<string>>();
      for (const [pemilihanId, userIds] of groupBy(
        chairs,
        (i) => i.pemilihan.id,
        (i) => i.actor.userId,
      )) {
        for (const r of await repo.findTpsChairedBy(trx, pemilihanId, userIds)) {
          if (r.user_id === null || r.tps_id === null) continue;
          const key = `${pemilihanId}|${r.user_id}`;
          ownTps.set(key, (ownTps.get(key) ?? new Set()).add(r.tps_id));
        }
      }
      const accepted: { index: number; item: HadirItem; officer: Officer }[] = [];
      items.forEach((item, index) => {
        try {
          const own = ownTps.get(`${item.pemilihan.id}|${item.actor.userId}`) ?? new Set<string>();
          accepted.push({ index, item, officer: check(item, officers.get(item.input.petugasId), own) });
        } catch (error) {
          outcomes[index] = { ok: false, error };
        }
      });
      if (accepted.length === 0) return;

      const { fresh, known, peristiwa } = await hadirRepo.insertHadirBatch(
        trx,
        accepted.map(({ item, officer }) => ({
          client_id: item.input.clientId,
          pemilihan_id: item.pemilihan.id,
          petugas_id: officer.id,
          jenis: item.input.jenis,
          pada: new Date(item.input.pada),
          created_by: item.actor.userId,
        })),
      );
      // One audit row per new check-in (a retried client id writes none), in one statement.
      const audits: AuditEntry[] = accepted
        .filter(({ item }) => fresh.has(item.input.clientId))
        .map(({ item, officer }) => ({
          actor: item.actor,
          record: {
            action: item.input.jenis === 'masuk' ? 'hadir_masuk' : 'hadir_keluar',
            entity: 'petugas',
            entityId: officer.id,
            kodeWilayah: officer.kode_wilayah,
            before: null,
            after: { clientId: item.input.clientId, pada: item.input.pada, pemilihanId: item.pemilihan.id },
          },
        }));
      await writeAsOneStatement(trx, [deps.audit.insertSql(audits)]);
      for (const { index, item, officer } of accepted) {
        const earlier = known.get(item.input.clientId);
        if (!fresh.has(item.input.clientId) && earlier !== undefined) {
          if (earlier.pemilihan_id !== item.pemilihan.id || earlier.petugas_id !== officer.id) {
            outcomes[index] = {
              ok: false,
              error: new DomainError('conflict', 'clientId ini sudah dipakai untuk catatan lain', {
                field: 'clientId',
              }),
            };
            continue;
          }
        }
        const aturan = aturanOfRow(officer);
        const now = item.now.getTime();
        const shifts = shiftsOf(toEvents(peristiwa.get(officer.id) ?? []));
        const jam = jamBertugas(shifts, now);
        const kelelahan = tingkatKelelahan(jam, aturan);
        outcomes[index] = {
          ok: true,
          value: {
            petugasId: officer.id,
            replayed: !fresh.has(item.input.clientId),
            jam,
            sedangBertugas: shifts.some((s) => s.keluar === null),
            kelelahan,
            pengganti: kelelahan === 'normal' ? [] : await relief(trx, item.pemilihan, officer, aturan, now),
          },
        };
      }
    });
    return outcomes;
  }

  /** Screened, rested members of the same TPS and reserves of the desa: the domain's suggestion. */
  async function relief(trx: Db, pemilihan: PemilihanContext, officer: Officer, aturan: Aturan, now: number) {
    const [team, cadangan] = await Promise.all([
      officer.tps_id === null
        ? Promise.resolve([])
        : repo.findPetugasOfTps(trx, pemilihan.id, officer.tps_id),
      repo.findCadanganOfDesa(trx, pemilihan.id, officer.kode_wilayah),
    ]);
    const people = [...team, ...cadangan];
    const kept = new Map(
      (
        await hadirRepo.findJamOf(
          trx,
          people.map((p) => p.id),
        )
      ).map((j) => [j.petugas_id, j.peristiwa]),
    );
    const calon = people.map((p) => {
      const shifts = shiftsOf(toEvents(kept.get(p.id) ?? []));
      return {
        id: p.id,
        nama: p.nama,
        jenis: p.jenis,
        jabatan: p.jabatan,
        tpsId: p.tps_id,
        kodeWilayah: p.kode_wilayah,
        hasilSkrining: p.hasil,
        jam: jamBertugas(shifts, now),
        sedangBertugas: shifts.some((s) => s.keluar === null),
      };
    });
    return sarankanPengganti(
      {
        id: officer.id,
        jenis: officer.jenis,
        tpsId: officer.tps_id,
        kodeWilayah: officer.kode_wilayah,
      },
      calon,
      aturan,
    ).map((c) => ({
      id: c.id,
      nama: calon.find((x) => x.id === c.id)!.nama,
      jabatan: c.jabatan,
      jam: c.jam,
    }));
  }

  const ingest = createGroupCommit<HadirItem, HadirAnswer>({
    run: writeBatch,
    maxBatch: MAX_BATCH,
    concurrency: deps.concurrency ?? 1,
  });

  return {
    /** One check-in or check-out, answered after the commit that holds it. */
    submit(actor: Actor, pemilihan: PemilihanContext, input: HadirInput): Promise<HadirAnswer> {
      if (!hasPermission(actor.role, 'petugas:hadir')) {
        return Promise.reject(new DomainError('forbidden', 'Peran Anda tidak berwenang untuk tindakan ini'));
      }
      return ingest.submit({ actor, pemilihan, input, now: deps.clock.now() });
    },
    drain: ingest.drain,
  };
}

function groupBy<T>(
  items: readonly T[],
  key: (t: T) => string,
  value: (t: T) => string,
): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), value(item)]);
  return map;
}
