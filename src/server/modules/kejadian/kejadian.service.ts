/**
 * Incidents (kejadian), issue #5: a field officer reports (idempotent by client id, committed before
 * the answer); Forkopimda, Kesbangpol and the camat triage; the escalation clock runs on read and a
 * timer (escalateDue) writes what fell due; violations are referred with their statutory deadlines.
 * Visibility is need-to-know: wilayah scope, restricted incidents and confidential reporters.
 * Rules: src/domain/kejadian/, docs/domain/laporan.md.
 */
import type {
  AksesInput,
  AksiKejadianType,
  KejadianAksiInput,
  KejadianDetail,
  KejadianListQuery,
} from '../../../contracts/kejadian';
import { AKSI_KEJADIAN } from '../../../contracts/kejadian';
import { hasPermission, type Permission } from '../../../domain/access/roles';
import type { Actor } from '../../../domain/access/scope';
import {
  DEFAULT_ESCALATION_POLICY,
  transition,
  type AksiKejadian,
  type EscalationPolicy,
} from '../../../domain/kejadian/alur';
import { KATEGORI, PENANGANAN_PELANGGARAN } from '../../../domain/kejadian/kategori';
import type { Db } from '../../db/client';
import { DomainError, notFound } from '../../errors';
import type { AuditLog } from '../../cross-cutting/audit-log';
import type { Clock } from '../../cross-cutting/clock';
import { authorize, scopeFor } from '../../cross-cutting/access';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
import { actorLevel, canSee, readerOf } from './kejadian-access';
import {
  alurError,
  columnsOf,
  persistDueEscalation,
  recordChange,
  validation,
  type KejadianContext,
} from './kejadian-change';
import { createFotoUseCases, toFoto } from './kejadian-foto';
import type { BerkasService } from '../berkas/berkas.service';
import { createLaporUseCase } from './kejadian-lapor';
import { createRujukanUseCases } from './kejadian-rujukan';
import * as fotoRepo from './kejadian-foto.repo';
import * as repo from './kejadian.repo';
import { effectiveState, rujukanOf, toDomain, toDuplikat, toListItem } from './kejadian.view';

/** Incidents escalated per timer batch; the timer runs again within a minute. */
const ESCALATION_BATCH = 500;

export interface KejadianDeps {
  db: Db;
  audit: AuditLog;
  wilayah: WilayahService;
  clock: Clock;
  /** The evidence store incident photos are kept in (ADR 0017). */
  berkas: BerkasService;
  policy?: EscalationPolicy;
  /** Holidays and joint leave days (YYYY-MM-DD) that working-day deadlines skip (the hari_libur list). */
  libur?: () => Promise<readonly string[]>;
}

const PERMISSION_OF: Record<AksiKejadianType, Permission> = {
  verifikasi: 'kejadian:triage',
  gabung: 'kejadian:triage',
  tolak: 'kejadian:triage',
  tangani: 'kejadian:triage',
  selesaikan: 'kejadian:triage',
  // Anyone on the chain may raise an incident by hand (alur.ts); it is audited.
  eskalasi: 'kejadian:report',
};

/** Placeholder data for asking the domain whether an action is possible now. */
const PROBE: Record<AksiKejadianType, AksiKejadian> = {
  verifikasi: { type: 'verifikasi' },
  gabung: { type: 'gabung', intoId: 'x' },
  tolak: { type: 'tolak', alasan: 'x' },
  tangani: { type: 'tangani', penanggungJawab: 'x' },
  selesaikan: { type: 'selesaikan', catatan: 'x' },
  eskalasi: { type: 'eskalasi' },
};

function toAksi(input: KejadianAksiInput): AksiKejadian {
  switch (input.aksi) {
    case 'verifikasi':
      return input.keparahan === undefined
        ? { type: 'verifikasi' }
        : { type: 'verifikasi', keparahan: input.keparahan };
    case 'gabung':
      return { type: 'gabung', intoId: input.intoId };
    case 'tolak':
      return { type: 'tolak', alasan: input.alasan };
    case 'tangani':
      return { type: 'tangani', penanggungJawab: input.penanggungJawab };
    case 'selesaikan':
      return { type: 'selesaikan', catatan: input.catatan };
    case 'eskalasi':
      return { type: 'eskalasi' };
  }
}

function catatanOf(input: KejadianAksiInput): string {
  switch (input.aksi) {
    case 'verifikasi':
      return input.keparahan === undefined ? '' : `keparahan: ${input.keparahan}`;
    case 'gabung':
      return `duplikat dari ${input.intoId}`;
    case 'tolak':
      return input.alasan;
    case 'tangani':
      return input.penanggungJawab;
    case 'selesaikan':
      return input.catatan;
    case 'eskalasi':
      return input.catatan ?? '';
  }
}

export function createKejadianService(deps: KejadianDeps) {
  const { db } = deps;
  const policy = deps.policy ?? DEFAULT_ESCALATION_POLICY;
  const liburOf = deps.libur ?? (async () => []);

  /** Loads an incident for a change under its row lock: 404 when the actor may not see it. */
  async function lockVisible(
    trx: Db,
    actor: Actor,
    pemilihan: PemilihanContext,
    id: string,
  ): Promise<repo.KejadianRow> {
    const row = await repo.findForUpdate(trx, id);
    if (!row || !canSee(actor, pemilihan.id, row)) throw notFound('Kejadian');
    return row;
  }

  async function get(actor: Actor, pemilihan: PemilihanContext, id: string): Promise<KejadianDetail> {
    authorize(actor, 'laporan:read', actor.kodeWilayah);
    const reader = readerOf(actor, pemilihan.id);
    const row = await repo.findVisible(db, reader, id);
    if (!row) throw notFound('Kejadian');
    const [langkah, duplikat, fotos] = await Promise.all([
      repo.findLangkah(db, id),
      repo.findDuplikat(db, reader, id),
      fotoRepo.findFotos(db, id),
    ]);
    const fotoSemua = fotos.map(toFoto);
    const now = deps.clock.now();
    const libur = await liburOf();
    const item = toListItem(row, { now, policy, libur });
    const knowsReporter =
      !row.reporter_confidential || reader.canSeeRestricted || row.reported_by === actor.userId;
    const { incident } = effectiveState(toDomain(row, row.lembaga), now, policy);
    const level = actorLevel(actor);
    const aksiTersedia = AKSI_KEJADIAN.filter(
      (aksi) =>
        hasPermission(actor.role, PERMISSION_OF[aksi]) && transition(incident, PROBE[aksi], level, now).ok,
    );
    const pelanggaran = KATEGORI[item.kategori].pelanggaran;
    const canRefer = hasPermission(actor.role, 'kejadian:refer');
    return {
      ...item,
      uraian: row.uraian,
      lat: row.lat,
      lon: row.lon,
      diketahuiAt: new Date(row.diketahui_at).toISOString(),
      pelapor:
        knowsReporter && row.pelapor_nama !== null
          ? { nama: row.pelapor_nama, agency: row.pelapor_agency ?? '' }
          : null,
      pelanggaran:
        pelanggaran === null ? null : { jenis: pelanggaran, ...PENANGANAN_PELANGGARAN[pelanggaran] },
      jalurLain: KATEGORI[item.kategori].jalurLain.map((j) => ({
        jenis: j.jenis,
        bila: j.bila,
        ...PENANGANAN_PELANGGARAN[j.jenis],
      })),
      mergedInto: row.merged_into,
      duplikat: duplikat.map(toDuplikat),
      penanggungJawab: row.assigned_agency,
      verifiedAt: row.verified_at === null ? null : new Date(row.verified_at).toISOString(),
      assignedAt: row.assigned_at === null ? null : new Date(row.assigned_at).toISOString(),
      closedAt: row.closed_at === null ? null : new Date(row.closed_at).toISOString(),
      foto: fotoSemua.at(-1) ?? null,
      fotoSemua,
      langkah: langkah.map((l) => ({
        aksi: l.aksi,
        dariStatus: l.dari_status,
        keStatus: l.ke_status,
        catatan: l.catatan,
        aktor: l.actor_id !== null && l.actor_id === row.reported_by && !knowsReporter ? null : l.actor_nama,
        at: new Date(l.at).toISOString(),
      })),
      rujukanDetail: rujukanOf(row, now, libur),
      aksiTersedia,
      bisaRujuk:
        canRefer &&
        pemilihan.aturanPelanggaran !== 'pilkades' &&
        transition(incident, { type: 'rujuk', tujuan: 'bawaslu' }, level, now).ok,
      bisaUbahRujukan: canRefer && row.rule_set !== null,
      bisaUbahAkses: hasPermission(actor.role, 'kejadian:restricted'),
      bisaUnggahFoto: row.reported_by === actor.userId || hasPermission(actor.role, 'kejadian:triage'),
    };
  }

  const context: KejadianContext = { db, audit: deps.audit, clock: deps.clock, policy, lockVisible, get };
  const lapor = createLaporUseCase({
    audit: deps.audit,
    db,
    wilayah: deps.wilayah,
    clock: deps.clock,
  });

  return {
    /** A field report; a retry with the same clientId answers with the first copy and writes nothing. */
    report: lapor.report,

    /** A page of the incidents the actor may see, with each one's clock and next deadline. */
    async list(actor: Actor, pemilihan: PemilihanContext, query: KejadianListQuery) {
      authorize(actor, 'laporan:read', actor.kodeWilayah);
      const scope = scopeFor(actor, query.kode);
      const { rows, total } = await repo.findKejadianPage(
        db,
        readerOf(actor, pemilihan.id, scope),
        { status: query.status, kategori: query.kategori, level: query.level },
        { page: query.page, pageSize: query.pageSize },
      );
      const now = deps.clock.now();
      const libur = await liburOf();
      return {
        items: rows.map((r) => toListItem(r, { now, policy, libur })),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    get,

    /** A triage action; the escalation due by now is written first, so the level rule sees the truth. */
    async act(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: KejadianAksiInput,
    ): Promise<KejadianDetail> {
      const now = deps.clock.now();
      await db.transaction().execute(async (trx) => {
        const locked = await lockVisible(trx, actor, pemilihan, id);
        authorize(actor, PERMISSION_OF[input.aksi], locked.kode_wilayah);
        if (input.version !== undefined && input.version !== locked.version) {
          throw new DomainError('conflict', 'Kejadian sudah diubah orang lain; muat ulang lalu coba lagi', {
            code: 'versi_berubah',
            version: locked.version,
          });
        }
        if (input.aksi === 'gabung') {
          if (input.intoId === id) {
            throw validation(
              'Kejadian tidak dapat digabung ke dirinya sendiri',
              'intoId',
              'gabung_ke_diri_sendiri',
            );
          }
          const target = await repo.findById(trx, input.intoId);
          // A duplicate is merged only into an incident of the same election.
          if (!target || !canSee(actor, pemilihan.id, target)) {
            throw validation('Kejadian induk tidak ditemukan', 'intoId', 'kejadian_induk_tidak_ditemukan');
          }
          if (target.status === 'digabung' || target.status === 'ditolak') {
            throw validation(
              'Kejadian induk sudah digabung atau ditolak; pilih kejadian yang masih berlaku',
              'intoId',
              'kejadian_induk_tidak_berlaku',
            );
          }
        }
        const { incident, row } = await persistDueEscalation(trx, deps.audit, locked, now, policy);
        const result = transition(incident, toAksi(input), actorLevel(actor), now);
        if (!result.ok) throw alurError(result.code, incident, input.aksi);
        await repo.updateKejadian(trx, id, columnsOf(result.value));
        await recordChange(
          { trx, audit: deps.audit, actor, row, now },
          { aksi: input.aksi, before: incident, after: result.value, catatan: catatanOf(input) },
        );
      });
      return get(actor, pemilihan, id);
    },

    /** Marks an incident restricted or its reporter confidential (or lifts either); audited. */
    async setAkses(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: AksesInput,
    ): Promise<KejadianDetail> {
      const now = deps.clock.now();
      await db.transaction().execute(async (trx) => {
        const row = await lockVisible(trx, actor, pemilihan, id);
        authorize(actor, 'kejadian:restricted', row.kode_wilayah);
        const change = {
          is_restricted: input.terbatas ?? row.is_restricted,
          reporter_confidential: input.pelaporRahasia ?? row.reporter_confidential,
        };
        await repo.updateKejadian(trx, id, change);
        const incident = toDomain(row);
        await recordChange(
          // An event about an incident that is or was restricted goes only to those who may know it.
          {
            trx,
            audit: deps.audit,
            actor,
            row: { ...row, is_restricted: row.is_restricted || change.is_restricted },
            now,
          },
          {
            aksi: 'akses',
            before: incident,
            after: incident,
            catatan: `terbatas: ${change.is_restricted ? 'ya' : 'tidak'}; pelapor dirahasiakan: ${change.reporter_confidential ? 'ya' : 'tidak'}`,
            audit: change,
          },
        );
      });
      return get(actor, pemilihan, id);
    },

    /**
     * Writes every escalation due by `now` (the timer calls this every minute on every node; the row
     * lock and the recomputation make a second node's run a no-op). Returns how many climbed.
     */
    /**
     * For the koordinasi success indicators: serious incidents and clashes in a kab/kota (no scope
     * check: counts only), in the election given (every election when none is, for callers not yet
     * scoped to one).
     */
    async countForIndicators(
      kabKota: string,
      pemilihan?: Pick<PemilihanContext, 'id'>,
    ): Promise<{ berat: number; konflik: number }> {
      return repo.countForIndicators(db, kabKota, pemilihan?.id);
    },

    async escalateDue(now: Date = deps.clock.now()): Promise<{ escalated: number }> {
      let escalated = 0;
      for (let batch = 0; batch < 20; batch += 1) {
        const due = await repo.findDueForEscalation(db, now, policy, ESCALATION_BATCH);
        let climbed = 0;
        for (const { id } of due) {
          const moved = await db.transaction().execute(async (trx) => {
            const row = await repo.findForUpdate(trx, id);
            if (!row) return false;
            const { incident } = await persistDueEscalation(trx, deps.audit, row, now, policy);
            return incident.level !== row.level;
          });
          if (moved) climbed += 1;
        }
        escalated += climbed;
        if (due.length < ESCALATION_BATCH || climbed === 0) break;
      }
      return { escalated };
    },

    ...createRujukanUseCases(context),
    ...createFotoUseCases({ ...context, berkas: deps.berkas }),
  };
}
export type KejadianService = ReturnType<typeof createKejadianService>;
