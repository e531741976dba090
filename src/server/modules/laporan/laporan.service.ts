/**
 * Laporan berjenjang: the lurah's periodic situation report, the camat's kecamatan report written on
 * top of an automatic roll-up of its kelurahan, and the kab/kota report that Kesbangpol approves and
 * publishes. Schedules, lateness and roll-ups are pure domain rules (src/domain/laporan/); this
 * service decides the slot, checks scope, and writes durably with audit and a live event.
 */
import { isAheadOfClock } from '../../../domain/time/jam-ponsel';
import type { Laporan, LaporanSubmit } from '../../../contracts/laporan';
import { hasPermission, type Role } from '../../../domain/access/roles';
import { isInScope, isRelated, type Actor } from '../../../domain/access/scope';
import {
  jadwalBawaan,
  aturanOn,
  currentSlot,
  dueSlots,
  overdue,
  slotForReport,
  validateJadwal,
  type JadwalLaporan,
} from '../../../domain/laporan/jadwal';
import {
  checkLabelLevel,
  checkLevelAgainstRollUp,
  draftFromRollUp,
  LABEL_LEVEL_SITUASI,
  type LabelLevelSituasi,
  emptyHitungan,
  rollUp,
  validateLaporanSituasi,
  type HitunganSituasi,
  type IsiLaporanSituasi,
  type LevelSituasi,
} from '../../../domain/laporan/situasi';
import { templateOf } from '../../../domain/pemilihan/pemilihan';
import { daysBetween } from '../../../domain/time/hari';
import { ZONA_OFFSET_HOURS, todayIn, zonaOf } from '../../../domain/time/zona';
import { kabKotaOf, parseKodeWilayah, type WilayahLevel } from '../../../domain/wilayah/kode-wilayah';
import type { Db } from '../../db/client';
import { notifyLive } from '../../db/notify';
import { isUniqueViolation } from '../../db/pg-errors';
import { DomainError, forbidden, notFound } from '../../errors';
import type { Clock } from '../../cross-cutting/clock';
import { sameElection, type PemilihanContext } from '../pemilihan/pemilihan.service';
import type { AuditLog } from '../../cross-cutting/audit-log';
import { authorize } from '../../cross-cutting/access';
import type { WilayahService } from '../wilayah/wilayah.service';
import * as repo from './laporan.repo';

/** A report written more than this after its slot is late (Siaga's default). */
export const GRACE_MINUTES = 30;
const DAY_MS = 86_400_000;

/** Who writes the report of each level: the lurah, the camat, Kesbangpol (docs/domain/laporan.md). */
const REPORTER_ROLES: Record<Exclude<WilayahLevel, 'provinsi'>, readonly Role[]> = {
  desa: ['lurah'],
  kecamatan: ['camat'],
  kabkota: ['operator', 'forkopimda', 'admin'],
};

const iso = (d: Date | string) => new Date(d).toISOString();

export function isLate(slotAt: Date, writtenAt: Date): boolean {
  return writtenAt.getTime() > slotAt.getTime() + GRACE_MINUTES * 60_000;
}

function toLaporan(row: repo.LaporanRow): Laporan {
  return {
    id: row.id,
    kodeWilayah: row.kode_wilayah,
    namaWilayah: row.nama_wilayah,
    slotAt: iso(row.slot_at),
    level: row.situasi as LevelSituasi,
    narasi: row.uraian,
    hitungan: row.jumlah as Record<string, number>,
    status: row.status as Laporan['status'],
    via: row.via as Laporan['via'],
    dibuatAt: iso(row.dibuat_at),
    diterimaAt: iso(row.diterima_at),
    pelapor: row.pelapor,
    terlambat: isLate(new Date(row.slot_at), new Date(row.dibuat_at)),
    versi: row.versi,
    dikoreksiAt: row.dikoreksi_at === null ? null : iso(row.dikoreksi_at),
    diganti: row.diganti_at !== null,
  };
}

function isiOf(row: repo.LaporanRow): IsiLaporanSituasi {
  return {
    level: row.situasi as LevelSituasi,
    narasi: row.uraian,
    hitungan: { ...emptyHitungan(), ...(row.jumlah as Partial<HitunganSituasi>) },
  };
}

export function createLaporanService(deps: {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  clock: Clock;
}) {
  const { db } = deps;
  const zone = (kode: string) => ZONA_OFFSET_HOURS[zonaOf(kode)];

  /** A kab/kota's own words for the situation levels, or null when it uses Siaga's. */
  async function sebutanLevelOf(kabKota: string): Promise<LabelLevelSituasi | null> {
    return (await repo.findSebutanLevel(db, kabKota)) ?? null;
  }

  async function sebutanLevelAnswer(kabKota: string) {
    const own = await sebutanLevelOf(kabKota);
    return { kodeWilayah: kabKota, sebutan: own ?? LABEL_LEVEL_SITUASI, isDefault: own === null };
  }

  async function jadwalOf(pemilihan: PemilihanContext, kabKota: string): Promise<JadwalLaporan> {
    const row = await repo.findJadwal(db, pemilihan.id, kabKota);
    return row
      ? (row.jadwal as JadwalLaporan)
      : jadwalBawaan(templateOf(pemilihan.tahapan, pemilihan.hariPemungutan));
  }

  /** The roll-up of an area's children for one slot, with lateness decided by the schedule. */
  async function childrenFor(pemilihan: PemilihanContext, kode: string, slotAt: Date, now: Date) {
    const children = await repo.findChildrenWithReport(db, pemilihan.id, kode, slotAt);
    const late = (c: (typeof children)[number]) =>
      c.laporan === null
        ? overdue({ slots: [slotAt], submittedFor: [], now, graceMinutes: GRACE_MINUTES }).length > 0
        : isLate(slotAt, new Date(c.laporan.dibuat_at));
    const rows = children.map((c) => ({
      kodeWilayah: c.kode,
      nama: c.nama,
      laporan: c.laporan === null ? null : toLaporan(c.laporan),
      terlambat: late(c),
    }));
    const rollup =
      children.length === 0
        ? null
        : rollUp(
            children.map((c) => ({
              kodeWilayah: c.kode,
              laporan: c.laporan === null ? null : isiOf(c.laporan),
              terlambat: late(c),
            })),
          );
    return { rows, rollup };
  }

  /** The stored row of a report version (without its times and version number). */
  function rowOf(
    actor: Actor,
    pemilihan: PemilihanContext,
    input: LaporanSubmit,
    v: { isi: IsiLaporanSituasi; slotAt: Date; rollup: unknown; via: 'web' | 'sms' },
  ) {
    return {
      client_id: input.clientId,
      pemilihan_id: pemilihan.id,
      kode_wilayah: input.kodeWilayah,
      slot_at: v.slotAt,
      situasi: v.isi.level,
      uraian: v.isi.narasi,
      jumlah: v.isi.hitungan,
      rollup: v.rollup,
      via: v.via,
      submitted_by: actor.userId,
    };
  }

  /**
   * For a kecamatan or kab/kota report: the roll-up of the level below for the period, and the
   * check that the level written does not understate it (refused with the domain's message).
   */
  async function rollUpChecked(
    pemilihan: PemilihanContext,
    kode: string,
    slotAt: Date,
    now: Date,
    isi: IsiLaporanSituasi,
  ) {
    const parsed = parseKodeWilayah(kode);
    if (parsed.ok && parsed.value.level === 'desa') return null;
    const { rollup } = await childrenFor(pemilihan, kode, slotAt, now);
    if (rollup === null) return null;
    const problem = checkLevelAgainstRollUp(rollup, isi);
    if (problem)
      throw new DomainError('validation', problem.message, { field: problem.field, problems: [problem] });
    return rollup;
  }

  /**
   * A correction or escalation of a report already sent for its period: a new version that counts
   * from now on, written while the period is still open on the phone (by its deadline plus the grace;
   * docs/domain/laporan.md). It must name the version that counts now; naming an older one means
   * someone corrected it meanwhile, answered as a conflict, never applied over their version.
   */
  async function correct(
    actor: Actor,
    pemilihan: PemilihanContext,
    input: LaporanSubmit & { menggantikan: string },
    at: { isi: IsiLaporanSituasi; writtenAt: Date; now: Date; via: 'web' | 'sms' },
  ): Promise<Laporan & { replayed: boolean }> {
    const { isi, writtenAt, now, via } = at;
    // Only a version of the same election can be corrected: another election's is not found.
    const replaced = await repo.findLaporanByIdOrClientId(db, pemilihan.id, input.menggantikan);
    if (!replaced || replaced.kode_wilayah !== input.kodeWilayah) {
      throw new DomainError('validation', 'Laporan yang dikoreksi tidak ditemukan untuk wilayah ini', {
        field: 'menggantikan',
      });
    }
    const slotAt = new Date(replaced.slot_at);
    if (isLate(slotAt, writtenAt)) {
      throw new DomainError(
        'conflict',
        'Periode laporan ini sudah ditutup; sampaikan perubahan situasi di laporan periode berikutnya',
        { slotAt: iso(slotAt) },
      );
    }
    const rollupValue = await rollUpChecked(pemilihan, input.kodeWilayah, slotAt, now, isi);
    try {
      const created = await db.transaction().execute(async (trx) => {
        const current = await repo.lockCurrentVersion(trx, pemilihan.id, input.kodeWilayah, slotAt);
        if (!current || current.id !== replaced.id) {
          throw new DomainError(
            'conflict',
            `Laporan ini sudah dikoreksi (versi ${current?.versi ?? '?'}); buka versi terakhir lalu koreksi lagi`,
            { slotAt: iso(slotAt), versi: current?.versi ?? null },
          );
        }
        await repo.markReplaced(trx, current.id, now);
        const inserted = await repo.insertLaporan(trx, {
          ...rowOf(actor, pemilihan, input, { isi, slotAt, rollup: rollupValue, via }),
          // The first version's time decides lateness; this version's own time is dikoreksi_at.
          dibuat_at: new Date(current.dibuat_at),
          versi: current.versi + 1,
          dikoreksi_at: writtenAt,
        });
        await deps.audit.record(trx, actor, {
          action: 'correct',
          entity: 'laporan_situasi',
          entityId: inserted!.id,
          kodeWilayah: input.kodeWilayah,
          before: { ...isiOf(replaced), versi: replaced.versi, id: replaced.id },
          after: { ...isi, versi: current.versi + 1, slotAt: iso(slotAt), via },
        });
        await notifyLive(trx, {
          type: 'laporan',
          pemilihanId: pemilihan.id,
          kodeWilayah: input.kodeWilayah,
          id: inserted!.id,
          at: now.toISOString(),
          data: { level: isi.level, slotAt: iso(slotAt), versi: current.versi + 1 },
        });
        return (await repo.findLaporanByClientId(trx, input.clientId))!;
      });
      return { ...toLaporan(created), replayed: false };
    } catch (error) {
      // The same correction sent twice at once (a resend after a lost answer): the first one stands.
      if (isUniqueViolation(error)) {
        const same = await repo.findLaporanByClientId(db, input.clientId);
        if (same) return { ...toLaporan(sameElection(same, pemilihan)), replayed: true };
        throw new DomainError(
          'conflict',
          'Laporan ini baru saja dikoreksi; buka versi terakhir lalu koreksi lagi',
          {
            slotAt: iso(slotAt),
          },
        );
      }
      throw error;
    }
  }

  return {
    jadwalOf,

    /** Every version of the report a version belongs to (its area and period), newest first. */
    async versions(actor: Actor, pemilihan: PemilihanContext, id: string) {
      const row = await repo.findLaporan(db, pemilihan.id, id);
      if (!row || !isRelated(actor, row.kode_wilayah)) throw notFound('Laporan');
      authorize(actor, 'laporan:read', actor.kodeWilayah);
      const rows = await repo.findVersions(db, pemilihan.id, row.kode_wilayah, new Date(row.slot_at));
      return { items: rows.map(toLaporan) };
    },

    async submit(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: LaporanSubmit,
      via: 'web' | 'sms' = 'web',
    ): Promise<Laporan & { replayed: boolean }> {
      const parsed = parseKodeWilayah(input.kodeWilayah);
      if (!parsed.ok || parsed.value.level === 'provinsi') {
        throw new DomainError(
          'validation',
          'Laporan situasi dibuat untuk kelurahan/desa, kecamatan atau kabupaten/kota',
          {
            field: 'kodeWilayah',
          },
        );
      }
      authorize(actor, 'laporan:submit', input.kodeWilayah);
      const level = parsed.value.level;
      if (actor.kodeWilayah !== input.kodeWilayah || !REPORTER_ROLES[level].includes(actor.role)) {
        throw forbidden(
          'Laporan wilayah ini dikirim oleh pejabatnya sendiri (lurah, camat, atau Kesbangpol)',
        );
      }
      const existing = await repo.findLaporanByClientId(db, input.clientId);
      if (existing) return { ...toLaporan(sameElection(existing, pemilihan)), replayed: true };

      const now = deps.clock.now();
      const writtenAt = input.dibuatAt === undefined ? now : new Date(input.dibuatAt);
      if (isAheadOfClock(writtenAt, now)) {
        throw new DomainError('validation', 'Waktu pembuatan laporan ada di masa depan; periksa jam ponsel', {
          field: 'dibuatAt',
        });
      }
      const isi: IsiLaporanSituasi = {
        level: input.level,
        narasi: input.narasi,
        hitungan: { ...emptyHitungan(), ...input.hitungan },
      };
      const problems = validateLaporanSituasi(isi);
      // The content first: a bad report is refused before anything about its period is decided.
      if (problems.length > 0) {
        throw new DomainError('validation', problems[0]!.message, { field: problems[0]!.field, problems });
      }
      if (input.menggantikan !== undefined) {
        return correct(
          actor,
          pemilihan,
          { ...input, menggantikan: input.menggantikan },
          { isi, writtenAt, now, via },
        );
      }
      const jadwal = await jadwalOf(pemilihan, kabKotaOf(input.kodeWilayah)!);
      const offset = zone(input.kodeWilayah);
      let slotAt: Date | null;
      if (input.slotAt !== undefined) {
        slotAt = new Date(input.slotAt);
        if (dueSlots(jadwal, pemilihan.hariPemungutan, offset, slotAt, slotAt).length !== 1) {
          throw new DomainError('validation', 'Waktu itu bukan jadwal laporan', { field: 'slotAt' });
        }
      } else {
        const current = currentSlot(jadwal, pemilihan.hariPemungutan, offset, writtenAt);
        const submitted = await repo.findSubmittedSlots(
          db,
          pemilihan.id,
          input.kodeWilayah,
          new Date(writtenAt.getTime() - 2 * DAY_MS),
          new Date(writtenAt.getTime() + 2 * DAY_MS),
        );
        slotAt = slotForReport(current, submitted, writtenAt, GRACE_MINUTES);
        if (slotAt === null) {
          throw new DomainError(
            current.previous === null && current.next === null ? 'validation' : 'invalid_state',
            current.previous === null && current.next === null
              ? 'Tidak ada jadwal laporan situasi pada waktu ini'
              : 'Laporan periode ini dan berikutnya sudah dikirim',
          );
        }
      }
      const rollupValue = await rollUpChecked(pemilihan, input.kodeWilayah, slotAt, now, isi);
      try {
        const created = await db.transaction().execute(async (trx) => {
          const inserted = await repo.insertLaporan(trx, {
            ...rowOf(actor, pemilihan, input, { isi, slotAt, rollup: rollupValue, via }),
            dibuat_at: writtenAt,
          });
          const row = await repo.findLaporanByClientId(trx, input.clientId);
          if (inserted) {
            await deps.audit.record(trx, actor, {
              action: 'submit',
              entity: 'laporan_situasi',
              entityId: inserted.id,
              kodeWilayah: input.kodeWilayah,
              before: null,
              after: { ...isi, slotAt: iso(slotAt), via },
            });
            await notifyLive(trx, {
              type: 'laporan',
              pemilihanId: pemilihan.id,
              kodeWilayah: input.kodeWilayah,
              id: inserted.id,
              at: now.toISOString(),
              data: { level: isi.level, slotAt: iso(slotAt) },
            });
          }
          return { row: row!, replayed: !inserted };
        });
        return { ...toLaporan(created.row), replayed: created.replayed };
      } catch (error) {
        if (isUniqueViolation(error)) {
          const same = await repo.findLaporanByClientId(db, input.clientId);
          if (same) return { ...toLaporan(sameElection(same, pemilihan)), replayed: true };
          const other = await repo.findLaporanForSlot(db, pemilihan.id, input.kodeWilayah, slotAt);
          throw new DomainError(
            'conflict',
            `Laporan periode ini sudah dikirim${other ? ` oleh ${other.pelapor}` : ''}`,
            { slotAt: iso(slotAt) },
          );
        }
        throw error;
      }
    },

    /** For an area: its own report for a slot, its children's, who is late, and the roll-up. */
    async status(actor: Actor, pemilihan: PemilihanContext, kode: string, slot: string | undefined) {
      authorize(actor, 'laporan:read', kode);
      const wilayah = await deps.wilayah.require(kode);
      if (wilayah.level === 1)
        throw new DomainError('validation', 'Pilih kabupaten/kota atau di bawahnya', { field: 'kode' });
      const now = deps.clock.now();
      const jadwal = await jadwalOf(pemilihan, kabKotaOf(kode)!);
      const offset = zone(kode);
      const current = currentSlot(jadwal, pemilihan.hariPemungutan, offset, now);
      // The period being reported now: the deadline just passed while still within grace, else the
      // next one (the same rule a new report follows), else the last one of the schedule.
      const withinGrace =
        current.previous !== null && now.getTime() <= current.previous.getTime() + GRACE_MINUTES * 60_000;
      const slotAt =
        slot !== undefined
          ? new Date(slot)
          : withinGrace
            ? current.previous
            : (current.next ?? current.previous);
      const base = {
        kodeWilayah: kode,
        namaWilayah: wilayah.nama,
        slotAt: slotAt === null ? null : iso(slotAt),
        nextSlotAt: current.next === null ? null : iso(current.next),
        fase: aturanOn(jadwal, daysBetween(pemilihan.hariPemungutan, todayIn(kode, now)))?.phase ?? null,
        graceMinutes: GRACE_MINUTES,
        canApprove: wilayah.level === 2 && hasPermission(actor.role, 'laporan:approve'),
      };
      if (slotAt === null) {
        return {
          ...base,
          own: null,
          children: [],
          rollup: null,
          draft: { level: null, narasi: '', hitungan: emptyHitungan() },
        };
      }
      const [own, { rows, rollup }] = await Promise.all([
        repo.findLaporanForSlot(db, pemilihan.id, kode, slotAt),
        childrenFor(pemilihan, kode, slotAt, now),
      ]);
      return {
        ...base,
        own: own ? toLaporan(own) : null,
        children: rows,
        rollup,
        draft: own
          ? isiOf(own)
          : rollup
            ? draftFromRollUp(rollup)
            : { level: null, narasi: '', hitungan: emptyHitungan() },
      };
    },

    async list(
      actor: Actor,
      pemilihan: PemilihanContext,
      query: { kode?: string | undefined; page: number; pageSize: number },
    ) {
      authorize(actor, 'laporan:read', actor.kodeWilayah);
      if (query.kode !== undefined && !isRelated(actor, query.kode)) {
        throw forbidden('Wilayah ini di luar cakupan Anda');
      }
      const { items, total } = await repo.findLaporanPage(
        db,
        pemilihan.id,
        query.kode ?? actor.kodeWilayah,
        query,
      );
      return { items: items.map(toLaporan), page: query.page, pageSize: query.pageSize, total };
    },

    /** Kesbangpol approves, then publishes, the consolidated kab/kota report. */
    async advance(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      to: 'disetujui' | 'diterbitkan',
    ): Promise<Laporan> {
      // A report of another election than the one named is not found here.
      const row = await repo.findLaporan(db, pemilihan.id, id);
      if (!row || !isInScope(actor, row.kode_wilayah)) throw notFound('Laporan');
      authorize(actor, 'laporan:approve', row.kode_wilayah);
      if (row.kode_wilayah.split('.').length !== 2) {
        throw new DomainError('invalid_state', 'Hanya laporan kabupaten/kota yang disetujui dan diterbitkan');
      }
      const from = to === 'disetujui' ? 'dikirim' : 'disetujui';
      const now = deps.clock.now();
      await db.transaction().execute(async (trx) => {
        const changed = await repo.setLaporanStatus(
          trx,
          id,
          from,
          to === 'disetujui'
            ? { status: to, approved_by: actor.userId, approved_at: now }
            : { status: to, published_at: now },
        );
        if (changed === 0) {
          throw new DomainError(
            'invalid_state',
            to === 'disetujui' ? 'Laporan ini sudah disetujui' : 'Setujui laporan sebelum diterbitkan',
          );
        }
        await deps.audit.record(trx, actor, {
          action: to,
          entity: 'laporan_situasi',
          entityId: id,
          kodeWilayah: row.kode_wilayah,
          before: { status: row.status },
          after: { status: to },
        });
        await notifyLive(trx, {
          type: 'laporan',
          pemilihanId: pemilihan.id,
          kodeWilayah: row.kode_wilayah,
          id,
          scope: 'related',
          at: now.toISOString(),
          data: { status: to },
        });
      });
      return toLaporan((await repo.findLaporan(db, pemilihan.id, id))!);
    },

    async getJadwal(actor: Actor, pemilihan: PemilihanContext, kabKota: string) {
      authorize(actor, 'laporan:read', actor.kodeWilayah);
      if (!isRelated(actor, kabKota)) throw forbidden('Wilayah ini di luar cakupan Anda');
      return {
        kodeWilayah: kabKota,
        jadwal: [...(await jadwalOf(pemilihan, kabKota))],
        isDefault: (await repo.findJadwal(db, pemilihan.id, kabKota)) === undefined,
      };
    },

    async putJadwal(actor: Actor, pemilihan: PemilihanContext, kabKota: string, jadwal: JadwalLaporan) {
      authorize(actor, 'laporan:approve', kabKota);
      const parsed = parseKodeWilayah(kabKota);
      if (!parsed.ok || parsed.value.level !== 'kabkota') {
        throw new DomainError('validation', 'Jadwal laporan diatur per kabupaten/kota', { field: 'kode' });
      }
      await deps.wilayah.requireKnown({ kode: kabKota });
      const problems = validateJadwal(jadwal);
      if (problems.length > 0) throw new DomainError('validation', problems[0]!.message, { problems });
      const before = await jadwalOf(pemilihan, kabKota);
      await db.transaction().execute(async (trx) => {
        await repo.upsertJadwal(trx, pemilihan.id, kabKota, jadwal, actor.userId);
        await deps.audit.record(trx, actor, {
          action: 'update',
          entity: 'laporan_jadwal',
          entityId: null,
          kodeWilayah: kabKota,
          before,
          after: { pemilihanId: pemilihan.id, jadwal },
        });
      });
      return this.getJadwal(actor, pemilihan, kabKota);
    },

    /** The words a kab/kota's SOP uses for the levels, for any area in it (Siaga's when none). */
    async getSebutanLevel(actor: Actor, kode: string) {
      authorize(actor, 'laporan:read', actor.kodeWilayah);
      if (!isRelated(actor, kode)) throw forbidden('Wilayah ini di luar cakupan Anda');
      const kabKota = kabKotaOf(kode);
      if (kabKota === null) {
        throw new DomainError('validation', 'Sebutan level diatur per kabupaten/kota', { field: 'kode' });
      }
      return sebutanLevelAnswer(kabKota);
    },

    /** Sets a kab/kota's own words (audited); null returns it to Siaga's words. */
    async putSebutanLevel(actor: Actor, kabKota: string, words: LabelLevelSituasi | null) {
      authorize(actor, 'laporan:approve', kabKota);
      const parsed = parseKodeWilayah(kabKota);
      if (!parsed.ok || parsed.value.level !== 'kabkota') {
        throw new DomainError('validation', 'Sebutan level diatur per kabupaten/kota', { field: 'kode' });
      }
      const trimmed =
        words === null
          ? null
          : { kondusif: words.kondusif.trim(), waspada: words.waspada.trim(), genting: words.genting.trim() };
      if (trimmed !== null) {
        const problems = checkLabelLevel(trimmed);
        if (problems.length > 0) {
          throw new DomainError('validation', problems[0]!.message, { field: problems[0]!.level, problems });
        }
      }
      const before = await sebutanLevelOf(kabKota);
      await db.transaction().execute(async (trx) => {
        if (trimmed === null) await repo.deleteSebutanLevel(trx, kabKota);
        else await repo.upsertSebutanLevel(trx, kabKota, trimmed, actor.userId);
        await deps.audit.record(trx, actor, {
          action: 'update',
          entity: 'laporan_sebutan_level',
          entityId: null,
          kodeWilayah: kabKota,
          before,
          after: trimmed,
        });
      });
      return sebutanLevelAnswer(kabKota);
    },

    /** Everything the daily situation report prints: reports of the region's day, incidents. */
    async dayOf(actor: Actor, pemilihan: PemilihanContext, kabKota: string, tanggal: string) {
      authorize(actor, 'laporan:read', kabKota);
      const wilayah = await deps.wilayah.require(kabKota);
      const offset = zone(kabKota);
      const from = new Date(Date.parse(`${tanggal}T00:00:00Z`) - offset * 3_600_000);
      const to = new Date(from.getTime() + DAY_MS);
      const [reports, kejadian] = await Promise.all([
        repo.findReportsOfDay(db, pemilihan.id, kabKota, from, to),
        repo.countKejadianByKategori(db, pemilihan.id, kabKota, from, to),
      ]);
      return {
        kodeWilayah: kabKota,
        namaWilayah: wilayah.nama,
        tanggal,
        sebutanLevel: (await sebutanLevelOf(kabKota)) ?? LABEL_LEVEL_SITUASI,
        reports: reports.map(toLaporan),
        kejadian,
      };
    },
  };
}
export type LaporanService = ReturnType<typeof createLaporanService>;
