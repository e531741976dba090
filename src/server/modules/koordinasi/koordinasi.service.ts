/**
 * Koordinasi use cases: rakor (schedule, attendance, minutes, decisions), tindak lanjut tracked to
 * done, the region's tahapan and readiness checklist with the H-minus countdown, imbauan with
 * per-recipient acknowledgement, NPHD, and the success indicators. The rules are pure domain code in
 * src/domain/koordinasi/; this service loads, checks scope, writes with audit in one transaction.
 *
 * Visibility: a record "concerns" a wilayah; an actor sees what concerns their own wilayah, anything
 * below it, and what concerns its ancestors (a lurah sees the kab/kota's decisions), never a
 * neighbour's. Writing needs the record's wilayah inside the actor's scope.
 */
import type {
  ImbauanCreate,
  KeputusanInput,
  RakorCreate,
  RakorDetail,
  Ringkasan,
  TindakLanjut,
} from '../../../contracts/koordinasi';
import { hasPermission, type Agency } from '../../../domain/access/roles';
import { isInScope, isRelated, type Actor } from '../../../domain/access/scope';
import { checklistFor } from '../../../domain/koordinasi/checklist-template';
import {
  capFields,
  reminderDue,
  rekapPenerimaan,
  statusPenerima,
  type Penerimaan,
  type Prioritas,
} from '../../../domain/koordinasi/imbauan';
import { indikatorKeberhasilan } from '../../../domain/koordinasi/indikator';
import { PENERIMA_NPHD, nphdStatus } from '../../../domain/koordinasi/nphd';
import {
  defaultPeserta,
  DEFAULT_FORKOPIMDA,
  type ForkopimdaSetting as ForkopimdaSettingDomain,
  checkKehadiran,
  levelsForJenis,
  rekapKehadiran,
  type Kehadiran,
} from '../../../domain/koordinasi/rakor';
import {
  countdown,
  formatHari,
  itemState,
  materializeTahapan,
  readiness,
  type TahapanTemplate,
} from '../../../domain/koordinasi/tahapan';
import { templateOf } from '../../../domain/pemilihan/pemilihan';
import { agendaCarryOver, tindakLanjutState } from '../../../domain/koordinasi/tindak-lanjut';
import { addDays, daysBetween } from '../../../domain/time/hari';
import { todayIn } from '../../../domain/time/zona';
import { kabKotaOf, parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import type { Clock } from '../../cross-cutting/clock';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { createOnce, sameElection } from '../../cross-cutting/create-once';
import type { Db } from '../../db/client';
import { DomainError, forbidden, notFound } from '../../errors';
import type { AuditLog } from '../../cross-cutting/audit-log';
import { authorize } from '../../cross-cutting/access';
import type { WilayahService } from '../wilayah/wilayah.service';
import * as repo from './koordinasi.repo';
import { buildCapAlert } from './cap';
import { buildNotulenPdf } from './notulen-pdf';

const iso = (d: Date | string) => new Date(d).toISOString();

function toTindakLanjut(row: repo.TindakLanjutRow, today: string): TindakLanjut {
  const status = row.status as TindakLanjut['status'];
  return {
    id: row.id,
    rakorId: row.rakor_id,
    rakorJudul: row.rakor_judul,
    kodeWilayah: row.kode_wilayah,
    namaWilayah: row.nama_wilayah,
    keputusan: row.keputusan,
    ownerAgency: row.owner_agency as Agency,
    dueOn: row.due_on,
    status,
    state: tindakLanjutState({ status, dueOn: row.due_on }, today),
    catatanSelesai: row.catatan_selesai,
    selesaiAt: row.selesai_at === null ? null : iso(row.selesai_at),
    selesaiBy: row.selesai_by,
    version: row.version,
  };
}

function penerimaan(row: {
  delivered_at: Date | null;
  read_at: Date | null;
  acknowledged_at: Date | null;
  last_reminded_at: Date | null;
  reminder_count: number;
}): Penerimaan {
  const d = (v: Date | null) => (v === null ? null : new Date(v));
  return {
    deliveredAt: d(row.delivered_at),
    readAt: d(row.read_at),
    acknowledgedAt: d(row.acknowledged_at),
    lastRemindedAt: d(row.last_reminded_at),
    reminderCount: row.reminder_count,
  };
}

export function createKoordinasiService(deps: {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  clock: Clock;
  /** The incident module, when present, feeds the "aman" and "tanpa konflik" indicators. */
  // The election is passed along for a module that counts per election; one that takes only the
  // kab/kota still fits this shape.
  kejadian?: {
    countForIndicators: (
      kabKota: string,
      pemilihan: PemilihanContext,
    ) => Promise<{ berat: number; konflik: number }>;
  };
}) {
  const { db } = deps;
  const now = () => deps.clock.now();
  const today = (kode: string | null) => todayIn(kode, now());

  /** A rakor of the named election within the actor's reach; another election's answers 404. */
  async function requireRakor(actor: Actor, pemilihan: PemilihanContext, id: string) {
    const rakor = await repo.findRakor(db, pemilihan.id, id);
    if (!rakor || !isRelated(actor, rakor.kode_wilayah)) throw notFound('Rakor');
    return rakor;
  }

  async function requireManageableRakor(actor: Actor, pemilihan: PemilihanContext, id: string) {
    const rakor = await requireRakor(actor, pemilihan, id);
    authorize(actor, 'koordinasi:manage', rakor.kode_wilayah);
    return rakor;
  }

  /** The region's own stage offsets, else the election's stages (its schedule or its kind's template). */
  async function tahapanOf(
    kabKota: string,
    pemilihan: PemilihanContext,
  ): Promise<{ template: readonly TahapanTemplate[]; adjusted: boolean }> {
    const region = await repo.findRegion(db, pemilihan.id, kabKota);
    const adjusted = region?.tahapan !== null && region?.tahapan !== undefined;
    return {
      template: adjusted
        ? (region.tahapan as TahapanTemplate[])
        : templateOf(pemilihan.tahapan, pemilihan.hariPemungutan),
      adjusted,
    };
  }

  /** The region's Forkopimda setting, or the defaults (definitive head, Polres, no Lanal). */
  async function forkopimdaOf(kode: string | null): Promise<ForkopimdaSettingDomain> {
    if (kode === null) return DEFAULT_FORKOPIMDA;
    const region = await repo.findForkopimda(db, kode);
    if (!region) return DEFAULT_FORKOPIMDA;
    return {
      statusKepalaDaerah: region.status_kepala_daerah as ForkopimdaSettingDomain['statusKepalaDaerah'],
      satuanPolri: region.satuan_polri as ForkopimdaSettingDomain['satuanPolri'],
      adaLanal: region.ada_lanal,
    };
  }

  function requireProvinsiOrKabkota(kode: string) {
    const parsed = parseKodeWilayah(kode);
    if (!parsed.ok || (parsed.value.level !== 'provinsi' && parsed.value.level !== 'kabkota')) {
      throw new DomainError('validation', 'Forkopimda diatur per provinsi atau kabupaten/kota', {
        field: 'kode',
      });
    }
  }

  return {
    // ── forkopimda of a region ──

    async forkopimda(actor: Actor, kode: string) {
      authorize(actor, 'koordinasi:read', kode);
      requireProvinsiOrKabkota(kode);
      await deps.wilayah.require(kode);
      const setting = await forkopimdaOf(kode);
      return { kodeWilayah: kode, ...setting, undangan: [...defaultPeserta('forkopimda', kode, setting)] };
    },

    async setForkopimda(actor: Actor, kode: string, input: ForkopimdaSettingDomain) {
      authorize(actor, 'koordinasi:manage', kode);
      requireProvinsiOrKabkota(kode);
      await deps.wilayah.require(kode);
      const before = await forkopimdaOf(kode);
      await db.transaction().execute(async (trx) => {
        await repo.upsertForkopimda(trx, kode, {
          status_kepala_daerah: input.statusKepalaDaerah,
          satuan_polri: input.satuanPolri,
          ada_lanal: input.adaLanal,
          updated_by: actor.userId,
        });
        await deps.audit.record(trx, actor, {
          action: 'update',
          entity: 'forkopimda',
          entityId: kode,
          kodeWilayah: kode,
          before,
          after: input,
        });
      });
      return this.forkopimda(actor, kode);
    },

    // ── rakor ──────────────────────────────────────────────────────────────────────────────────

    async createRakor(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: RakorCreate,
    ): Promise<{ id: string; replayed: boolean }> {
      authorize(actor, 'koordinasi:manage', input.kodeWilayah);
      const parsed = parseKodeWilayah(input.kodeWilayah);
      const levels: readonly string[] = levelsForJenis(input.jenis);
      if (!parsed.ok || !levels.includes(parsed.value.level)) {
        throw new DomainError(
          'validation',
          input.jenis === 'forkopimcam'
            ? 'Rakor Forkopimcam diadakan untuk satu kecamatan'
            : 'Rakor ini diadakan untuk satu provinsi atau kabupaten/kota',
          { field: 'kodeWilayah' },
        );
      }
      await deps.wilayah.require(input.kodeWilayah);
      // A resend answers with its first copy before anything is checked again (createOnce).
      const { made, replayed } = await createOnce({
        find: () => repo.findRakorIdByClientId(db, input.clientId),
        pemilihan,
        replay: (first) => first.id,
        write: async () => {
          const peserta =
            input.peserta.length > 0
              ? input.peserta
              : defaultPeserta(
                  input.jenis,
                  input.kodeWilayah,
                  await forkopimdaOf(input.jenis === 'forkopimcam' ? null : input.kodeWilayah),
                );
          const jabatan = peserta.map((p) => p.jabatan.toLowerCase());
          if (new Set(jabatan).size !== jabatan.length) {
            throw new DomainError('validation', 'Ada jabatan peserta yang tercantum dua kali', {
              field: 'peserta',
            });
          }
          return db.transaction().execute(async (trx) => {
            const inserted = await repo.insertRakor(trx, {
              client_id: input.clientId,
              pemilihan_id: pemilihan.id,
              kode_wilayah: input.kodeWilayah,
              jenis: input.jenis,
              judul: input.judul,
              tempat: input.tempat,
              mulai_at: new Date(input.mulaiAt),
              created_by: actor.userId,
            });
            await repo.insertPeserta(
              trx,
              peserta.map((p, i) => ({
                rakor_id: inserted.id,
                urutan: i + 1,
                jabatan: p.jabatan,
                agency: p.agency,
              })),
            );
            await deps.audit.record(trx, actor, {
              action: 'create',
              entity: 'rakor',
              entityId: inserted.id,
              kodeWilayah: input.kodeWilayah,
              before: null,
              after: { ...input, peserta },
            });
            return inserted.id;
          });
        },
      });
      return { id: made, replayed };
    },

    async listRakor(
      actor: Actor,
      pemilihan: PemilihanContext,
      query: { kode?: string | undefined; page: number; pageSize: number },
    ) {
      authorize(actor, 'koordinasi:read', actor.kodeWilayah);
      if (query.kode !== undefined && !isRelated(actor, query.kode))
        throw forbidden('Wilayah ini di luar cakupan Anda');
      const scope = query.kode ?? actor.kodeWilayah;
      const { items, total } = await repo.findRakorPage(db, pemilihan.id, scope, query);
      return {
        items: items.map((r) => ({
          id: r.id,
          kodeWilayah: r.kode_wilayah,
          namaWilayah: r.nama_wilayah,
          jenis: r.jenis as RakorDetail['jenis'],
          judul: r.judul,
          tempat: r.tempat,
          mulaiAt: iso(r.mulai_at),
          status: r.status as RakorDetail['status'],
        })),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    async getRakor(actor: Actor, pemilihan: PemilihanContext, id: string): Promise<RakorDetail> {
      authorize(actor, 'koordinasi:read', actor.kodeWilayah);
      const rakor = await requireRakor(actor, pemilihan, id);
      const day = today(rakor.kode_wilayah);
      const [peserta, catatan, keputusan, open] = await Promise.all([
        repo.findPeserta(db, id),
        repo.findCatatan(db, id),
        repo.findKeputusanOf(db, id),
        repo.findOpenTindakLanjutWithin(db, pemilihan.id, rakor.kode_wilayah, id),
      ]);
      const lanjutan = agendaCarryOver(
        open.map((row) => ({ ...toTindakLanjut(row, day), status: 'terbuka' as const })),
        day,
      );
      return {
        id: rakor.id,
        kodeWilayah: rakor.kode_wilayah,
        namaWilayah: rakor.nama_wilayah,
        jenis: rakor.jenis as RakorDetail['jenis'],
        judul: rakor.judul,
        tempat: rakor.tempat,
        mulaiAt: iso(rakor.mulai_at),
        status: rakor.status as RakorDetail['status'],
        version: rakor.version,
        peserta: peserta.map((p) => ({
          id: p.id,
          jabatan: p.jabatan,
          agency: p.agency as Agency,
          kehadiran: p.kehadiran as Kehadiran,
          diwakiliOleh: p.diwakili_oleh,
        })),
        kehadiran: rekapKehadiran(peserta.map((p) => ({ kehadiran: p.kehadiran as Kehadiran }))),
        catatan: catatan.map((c) => ({
          id: c.id,
          pembicara: c.pembicara,
          pokok: c.pokok,
          createdAt: iso(c.created_at),
        })),
        keputusan: keputusan.map((row) => toTindakLanjut(row, day)),
        agendaLanjutan: lanjutan,
        canManage:
          !pemilihan.ditutup && (actor.kodeWilayah === null || isInScope(actor, rakor.kode_wilayah))
            ? hasPermission(actor.role, 'koordinasi:manage')
            : false,
      };
    },

    async recordKehadiran(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: {
        version: number;
        entries: { pesertaId: string; kehadiran: Kehadiran; diwakiliOleh: string | null }[];
      },
    ): Promise<RakorDetail> {
      const rakor = await requireManageableRakor(actor, pemilihan, id);
      const problems = input.entries.flatMap((entry, index) => {
        const problem = checkKehadiran(entry.kehadiran, entry.diwakiliOleh);
        return problem === null ? [] : [{ index, pesertaId: entry.pesertaId, ...problem }];
      });
      if (problems.length > 0) throw new DomainError('validation', problems[0]!.message, { problems });
      await db.transaction().execute(async (trx) => {
        if ((await repo.bumpRakor(trx, id, input.version)) === 0) {
          throw new DomainError('conflict', 'Rakor ini baru saja diubah orang lain; muat ulang lalu ulangi');
        }
        for (const entry of input.entries) {
          const wakil = entry.kehadiran === 'diwakili' ? entry.diwakiliOleh!.trim() : null;
          const updated = await repo.updateKehadiran(trx, id, { ...entry, diwakiliOleh: wakil });
          if (updated === 0)
            throw new DomainError('validation', 'Peserta tidak terdaftar di rakor ini', {
              pesertaId: entry.pesertaId,
            });
        }
        await deps.audit.record(trx, actor, {
          action: 'kehadiran',
          entity: 'rakor',
          entityId: id,
          kodeWilayah: rakor.kode_wilayah,
          before: null,
          after: input.entries,
        });
      });
      return this.getRakor(actor, pemilihan, id);
    },

    async addCatatan(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: { clientId: string; pembicara: string; pokok: string },
    ) {
      const rakor = await requireManageableRakor(actor, pemilihan, id);
      await db.transaction().execute(async (trx) => {
        const inserted = await repo.insertCatatan(trx, {
          client_id: input.clientId,
          rakor_id: id,
          pembicara: input.pembicara,
          pokok: input.pokok,
          created_by: actor.userId,
        });
        if (inserted) {
          await deps.audit.record(trx, actor, {
            action: 'catatan',
            entity: 'rakor',
            entityId: id,
            kodeWilayah: rakor.kode_wilayah,
            before: null,
            after: input,
          });
        }
      });
      return this.getRakor(actor, pemilihan, id);
    },

    async addKeputusan(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string | null,
      input: KeputusanInput,
    ): Promise<TindakLanjut> {
      const rakor = id === null ? null : await requireManageableRakor(actor, pemilihan, id);
      authorize(actor, 'koordinasi:manage', input.kodeWilayah);
      if (rakor !== null && !isInScope({ kodeWilayah: rakor.kode_wilayah }, input.kodeWilayah)) {
        throw new DomainError('validation', 'Wilayah tindak lanjut harus di dalam wilayah rakor', {
          field: 'kodeWilayah',
        });
      }
      await deps.wilayah.require(input.kodeWilayah);
      const day = today(input.kodeWilayah);
      const existing = await repo.findTindakLanjutByClientId(db, input.clientId);
      if (existing) return toTindakLanjut(sameElection(existing, pemilihan), day);
      const created = await db.transaction().execute(async (trx) => {
        const inserted = await repo.insertTindakLanjut(trx, {
          client_id: input.clientId,
          pemilihan_id: pemilihan.id,
          rakor_id: id,
          kode_wilayah: input.kodeWilayah,
          keputusan: input.keputusan,
          owner_agency: input.ownerAgency,
          due_on: input.dueOn,
          created_by: actor.userId,
        });
        if (inserted) {
          await deps.audit.record(trx, actor, {
            action: 'create',
            entity: 'tindak_lanjut',
            entityId: inserted.id,
            kodeWilayah: input.kodeWilayah,
            before: null,
            after: { ...input, rakorId: id },
          });
        }
        return repo.findTindakLanjutByClientId(trx, input.clientId);
      });
      return toTindakLanjut(sameElection(created!, pemilihan), day);
    },

    async setRakorStatus(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: { status: 'selesai' | 'batal'; version: number },
    ) {
      const rakor = await requireManageableRakor(actor, pemilihan, id);
      if (rakor.status !== 'terjadwal') {
        throw new DomainError('invalid_state', 'Rakor ini sudah ditutup');
      }
      await db.transaction().execute(async (trx) => {
        if ((await repo.bumpRakor(trx, id, input.version, input.status)) === 0) {
          throw new DomainError('conflict', 'Rakor ini baru saja diubah orang lain; muat ulang lalu ulangi');
        }
        await deps.audit.record(trx, actor, {
          action: input.status,
          entity: 'rakor',
          entityId: id,
          kodeWilayah: rakor.kode_wilayah,
          before: { status: rakor.status },
          after: { status: input.status },
        });
      });
      return this.getRakor(actor, pemilihan, id);
    },

    async notulenPdf(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
    ): Promise<{ filename: string; body: Buffer }> {
      const detail = await this.getRakor(actor, pemilihan, id);
      const body = await buildNotulenPdf(detail, now());
      return { filename: `notulen-${detail.mulaiAt.slice(0, 10)}-${detail.kodeWilayah}.pdf`, body };
    },

    // ── tindak lanjut ──────────────────────────────────────────────────────────────────────────

    async listTindakLanjut(
      actor: Actor,
      pemilihan: PemilihanContext,
      query: {
        kode?: string | undefined;
        agency?: Agency | undefined;
        state: 'terbuka' | 'terlambat' | 'selesai' | 'semua';
        page: number;
        pageSize: number;
      },
    ) {
      authorize(actor, 'koordinasi:read', actor.kodeWilayah);
      if (query.kode !== undefined && !isInScope(actor, query.kode))
        throw forbidden('Wilayah ini di luar cakupan Anda');
      const day = today(query.kode ?? actor.kodeWilayah);
      const { items, total } = await repo.findTindakLanjutPage(
        db,
        {
          pemilihanId: pemilihan.id,
          scope: actor.kodeWilayah,
          kode: query.kode,
          agency: query.agency,
          state: query.state,
          today: day,
        },
        query,
      );
      return {
        items: items.map((row) => toTindakLanjut(row, day)),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    /** Tick an action item done (or cancel it): its owner agency, or whoever manages koordinasi there. */
    async closeTindakLanjut(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: { status: 'selesai' | 'batal'; catatan: string; version: number },
    ): Promise<TindakLanjut> {
      const row = await repo.findTindakLanjut(db, pemilihan.id, id);
      if (!row || !isRelated(actor, row.kode_wilayah)) throw notFound('Tindak lanjut');
      const manages = isInScope(actor, row.kode_wilayah) && hasPermission(actor.role, 'koordinasi:manage');
      if (!manages) {
        authorize(actor, 'koordinasi:act', actor.kodeWilayah);
        if (!isInScope(actor, row.kode_wilayah)) {
          throw forbidden('Tindak lanjut ini diurus di tingkat wilayah di atas Anda');
        }
        if (actor.agency !== row.owner_agency) {
          throw forbidden('Hanya instansi penanggung jawab yang dapat menandai tindak lanjut ini');
        }
        if (input.status === 'batal') throw forbidden('Pembatalan hanya oleh penyelenggara rakor');
      }
      if (row.status !== 'terbuka') throw new DomainError('invalid_state', 'Tindak lanjut ini sudah ditutup');
      await db.transaction().execute(async (trx) => {
        const updated = await repo.closeTindakLanjut(trx, id, input.version, {
          status: input.status,
          catatan: input.catatan,
          by: actor.userId,
          at: now(),
        });
        if (updated === 0)
          throw new DomainError('conflict', 'Tindak lanjut ini baru saja diubah; muat ulang lalu ulangi');
        await deps.audit.record(trx, actor, {
          action: input.status,
          entity: 'tindak_lanjut',
          entityId: id,
          kodeWilayah: row.kode_wilayah,
          before: { status: row.status },
          after: { status: input.status, catatan: input.catatan },
        });
      });
      return toTindakLanjut((await repo.findTindakLanjut(db, pemilihan.id, id))!, today(row.kode_wilayah));
    },

    // ── tahapan, countdown, kesiapan ─────────────────────────────────────────────────────────

    /** The dashboard of a kab/kota (or of the actor's own area inside it). */
    async ringkasan(actor: Actor, pemilihan: PemilihanContext, kode: string): Promise<Ringkasan> {
      authorize(actor, 'koordinasi:read', actor.kodeWilayah);
      if (!isRelated(actor, kode)) throw forbidden('Wilayah ini di luar cakupan Anda');
      const parsed = parseKodeWilayah(kode);
      if (!parsed.ok || parsed.value.level === 'provinsi') {
        throw new DomainError('validation', 'Pilih kabupaten/kota atau wilayah di bawahnya', {
          field: 'kode',
        });
      }
      const kabKota = kabKotaOf(kode)!;
      const wilayah = await deps.wilayah.require(kabKota);
      const day = today(kabKota);
      const votingDayOn = pemilihan.hariPemungutan;
      const [{ template, adjusted }, items, actions, mine, unacked] = await Promise.all([
        tahapanOf(kabKota, pemilihan),
        repo.findKesiapan(db, pemilihan.id, kabKota),
        repo.findTindakLanjutForReadiness(db, pemilihan.id, kabKota),
        repo.countTindakLanjutFor(db, pemilihan.id, actor.kodeWilayah, actor.agency, day),
        repo.countUnacknowledged(db, pemilihan.id, actor.userId),
      ]);
      // Readiness counts the checklist and the rakor's action items alike: both are work an agency
      // promised by a date (an action item's date becomes its offset from voting day).
      const checklist = [
        ...items.map((item) => ({
          id: item.id,
          agency: item.agency,
          dueOffset: item.due_offset,
          doneOn: item.done_on,
        })),
        ...actions.map((a) => ({
          id: a.id,
          agency: a.owner_agency,
          dueOffset: daysBetween(votingDayOn, a.due_on),
          doneOn:
            a.status === 'selesai' && a.selesai_at !== null ? todayIn(kabKota, new Date(a.selesai_at)) : null,
        })),
      ];
      const agencies = [...new Set(checklist.map((i) => i.agency))].sort();
      return {
        kodeWilayah: kabKota,
        namaWilayah: wilayah.nama,
        today: day,
        votingDayOn,
        countdown: countdown(votingDayOn, day),
        tahapan: materializeTahapan(template, votingDayOn, day),
        tahapanDisesuaikan: adjusted,
        kesiapan: {
          materialised: items.length > 0,
          region: readiness(checklist, votingDayOn, day),
          perAgency: agencies.map((agency) => ({
            agency: agency as Agency,
            ...readiness(
              checklist.filter((c) => c.agency === agency),
              votingDayOn,
              day,
            ),
          })),
          items: items.map((item) => ({
            id: item.id,
            kode: item.kode,
            judul: item.judul,
            agency: item.agency as Agency,
            dueOffset: item.due_offset,
            dueLabel: formatHari(item.due_offset),
            dueOn: addDays(votingDayOn, item.due_offset),
            state: itemState(
              { id: item.id, agency: item.agency, dueOffset: item.due_offset, doneOn: item.done_on },
              votingDayOn,
              day,
            ),
            doneOn: item.done_on,
            catatan: item.catatan,
          })),
        },
        tindakLanjutSaya: { terbuka: mine.terbuka, terlambat: Number(mine.terlambat ?? 0) },
        imbauanBelumDikonfirmasi: unacked,
      };
    },

    /** Creates the region's checklist from the default template; items already there are kept. */
    async materialiseKesiapan(
      actor: Actor,
      pemilihan: PemilihanContext,
      kode: string,
    ): Promise<{ created: number }> {
      authorize(actor, 'koordinasi:manage', kode);
      const parsed = parseKodeWilayah(kode);
      if (!parsed.ok || parsed.value.level !== 'kabkota') {
        throw new DomainError('validation', 'Daftar kesiapan dibuat untuk satu kabupaten/kota', {
          field: 'kode',
        });
      }
      await deps.wilayah.require(kode);
      const { template: tahapan } = await tahapanOf(kode, pemilihan);
      const checklist = checklistFor({ ...pemilihan, tahapan });
      return db.transaction().execute(async (trx) => {
        const created = await repo.insertKesiapanItems(
          trx,
          checklist.map((item) => ({
            pemilihan_id: pemilihan.id,
            kode_wilayah: kode,
            kode: item.kode,
            judul: item.judul,
            agency: item.agency,
            due_offset: item.dueOffset,
          })),
        );
        await deps.audit.record(trx, actor, {
          action: 'materialise',
          entity: 'kesiapan',
          entityId: null,
          kodeWilayah: kode,
          before: null,
          after: { template: pemilihan.jenis, created },
        });
        return { created };
      });
    },

    async updateKesiapan(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: { done: boolean; catatan: string },
    ) {
      const item = await repo.findKesiapanItem(db, pemilihan.id, id);
      if (!item || !isRelated(actor, item.kode_wilayah)) throw notFound('Butir kesiapan');
      const manages = isInScope(actor, item.kode_wilayah) && hasPermission(actor.role, 'koordinasi:manage');
      if (!manages) {
        authorize(actor, 'koordinasi:act', actor.kodeWilayah);
        if (!isInScope(actor, item.kode_wilayah))
          throw forbidden('Butir ini diurus di tingkat kabupaten/kota');
        if (actor.agency !== item.agency) throw forbidden('Butir ini milik instansi lain');
      }
      const change = {
        done_on: input.done ? today(item.kode_wilayah) : null,
        done_by: input.done ? actor.userId : null,
        catatan: input.catatan === '' ? null : input.catatan,
      };
      await db.transaction().execute(async (trx) => {
        await repo.updateKesiapanItem(trx, id, change);
        await deps.audit.record(trx, actor, {
          action: input.done ? 'selesai' : 'dibuka_kembali',
          entity: 'kesiapan_item',
          entityId: id,
          kodeWilayah: item.kode_wilayah,
          before: { doneOn: item.done_on },
          after: { doneOn: change.done_on, catatan: change.catatan },
        });
      });
      return this.ringkasan(actor, pemilihan, item.kode_wilayah);
    },

    async updateTahapan(
      actor: Actor,
      pemilihan: PemilihanContext,
      kode: string,
      tahapan: TahapanTemplate[] | null,
    ) {
      authorize(actor, 'koordinasi:manage', kode);
      const parsed = parseKodeWilayah(kode);
      if (!parsed.ok || parsed.value.level !== 'kabkota') {
        throw new DomainError('validation', 'Tahapan diatur per kabupaten/kota', { field: 'kode' });
      }
      await deps.wilayah.requireKnown({ kode });
      const problems = (tahapan ?? []).flatMap((t, index) =>
        t.fromOffset > t.toOffset
          ? [{ index, kode: t.kode, message: 'Tanggal mulai setelah tanggal selesai' }]
          : [],
      );
      if (problems.length > 0)
        throw new DomainError('validation', `Tahapan "${problems[0]!.kode}": ${problems[0]!.message}`, {
          problems,
        });
      const kodes = (tahapan ?? []).map((t) => t.kode);
      if (new Set(kodes).size !== kodes.length) throw new DomainError('validation', 'Kode tahapan ganda');
      const before = await tahapanOf(kode, pemilihan);
      await db.transaction().execute(async (trx) => {
        await repo.upsertRegion(trx, pemilihan.id, kode, { tahapan, updated_by: actor.userId });
        await deps.audit.record(trx, actor, {
          action: tahapan === null ? 'reset' : 'update',
          entity: 'tahapan',
          entityId: null,
          kodeWilayah: kode,
          before: before.adjusted ? before.template : null,
          after: tahapan,
        });
      });
      return this.ringkasan(actor, pemilihan, kode);
    },

    // ── imbauan ──────────────────────────────────────────────────────────────────────────────

    async sendImbauan(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: ImbauanCreate,
    ): Promise<{ id: string; penerima: number; replayed: boolean }> {
      authorize(actor, 'imbauan:send', input.kodeWilayah);
      await deps.wilayah.require(input.kodeWilayah);
      const { made, replayed } = await createOnce({
        find: () => repo.findImbauanIdByClientId(db, input.clientId),
        pemilihan,
        // A resend says nobody new was reached: the first copy reached them.
        replay: (first) => ({ id: first.id, penerima: 0 }),
        write: async () => {
          const recipients = await repo.findRecipients(
            db,
            input.kodeWilayah,
            input.targetRoles,
            actor.userId,
          );
          if (recipients.length === 0) {
            throw new DomainError('validation', 'Tidak ada pengguna dengan peran itu di wilayah tujuan', {
              field: 'targetRoles',
            });
          }
          return db.transaction().execute(async (trx) => {
            const inserted = await repo.insertImbauan(trx, {
              client_id: input.clientId,
              pemilihan_id: pemilihan.id,
              kode_wilayah: input.kodeWilayah,
              jenis: input.jenis,
              prioritas: input.prioritas,
              judul: input.judul,
              isi: input.isi,
              target_roles: input.targetRoles,
              teruskan_rt_rw: input.teruskanRtRw,
              is_publik: input.publik,
              is_latihan: input.latihan,
              created_by: actor.userId,
              sent_at: now(),
            });
            await repo.insertPenerima(
              trx,
              inserted.id,
              recipients.map((r) => r.id),
            );
            await deps.audit.record(trx, actor, {
              action: 'send',
              entity: 'imbauan',
              entityId: inserted.id,
              kodeWilayah: input.kodeWilayah,
              before: null,
              after: { ...input, penerima: recipients.length },
            });
            return { id: inserted.id, penerima: recipients.length };
          });
        },
      });
      return { ...made, replayed };
    },

    async listImbauan(actor: Actor, pemilihan: PemilihanContext, query: { page: number; pageSize: number }) {
      authorize(actor, 'imbauan:send', actor.kodeWilayah);
      const { items, total } = await repo.findImbauanPage(db, pemilihan.id, actor.kodeWilayah, query);
      const penerima = await repo.findPenerimaOf(
        db,
        items.map((i) => i.id),
      );
      return {
        items: items.map((i) =>
          this.toImbauanSummary(
            i,
            penerima.filter((p) => p.imbauan_id === i.id),
          ),
        ),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    toImbauanSummary(
      i: NonNullable<Awaited<ReturnType<typeof repo.findImbauan>>>,
      penerima: Awaited<ReturnType<typeof repo.findPenerimaOf>>,
    ) {
      return {
        id: i.id,
        kodeWilayah: i.kode_wilayah,
        namaWilayah: i.nama_wilayah,
        jenis: i.jenis as 'instruksi' | 'imbauan',
        prioritas: i.prioritas as Prioritas,
        judul: i.judul,
        isi: i.isi,
        targetRoles: i.target_roles as Actor['role'][],
        teruskanRtRw: i.teruskan_rt_rw,
        publik: i.is_publik,
        latihan: i.is_latihan,
        sentAt: iso(i.sent_at),
        sentBy: i.sent_by,
        rekap: rekapPenerimaan(penerima.map(penerimaan)),
      };
    },

    async getImbauan(actor: Actor, pemilihan: PemilihanContext, id: string) {
      authorize(actor, 'imbauan:send', actor.kodeWilayah);
      const i = await repo.findImbauan(db, pemilihan.id, id);
      if (!i || !isInScope(actor, i.kode_wilayah)) throw notFound('Imbauan');
      const penerima = await repo.findPenerimaOf(db, [id]);
      const at = now();
      return {
        ...this.toImbauanSummary(i, penerima),
        penerima: penerima.map((p) => {
          const state = penerimaan(p);
          return {
            username: p.username,
            nama: p.nama,
            role: p.role as Actor['role'],
            kodeWilayah: p.kode_wilayah,
            status: statusPenerima(state),
            catatan: p.catatan,
            diteruskanRtRw: p.diteruskan_rt_rw,
            reminderCount: p.reminder_count,
            reminderDue: reminderDue(state, new Date(i.sent_at), i.prioritas as Prioritas, at),
          };
        }),
      };
    },

    /** Sends a reminder to every recipient whose reminder is due; returns how many were reminded. */
    async remind(actor: Actor, pemilihan: PemilihanContext, id: string): Promise<{ reminded: number }> {
      authorize(actor, 'imbauan:send', actor.kodeWilayah);
      const i = await repo.findImbauan(db, pemilihan.id, id);
      if (!i || !isInScope(actor, i.kode_wilayah)) throw notFound('Imbauan');
      const at = now();
      const due = (await repo.findPenerimaOf(db, [id])).filter((p) =>
        reminderDue(penerimaan(p), new Date(i.sent_at), i.prioritas as Prioritas, at),
      );
      if (due.length === 0) return { reminded: 0 };
      await db.transaction().execute(async (trx) => {
        await repo.markReminded(
          trx,
          id,
          due.map((p) => p.user_id),
          at,
        );
        await deps.audit.record(trx, actor, {
          action: 'remind',
          entity: 'imbauan',
          entityId: id,
          kodeWilayah: i.kode_wilayah,
          before: null,
          after: { usernames: due.map((p) => p.username) },
        });
      });
      return { reminded: due.length };
    },

    /** The actor's inbox; listing it is delivery (the recipient's device has the text now). */
    async kotakMasuk(actor: Actor, pemilihan: PemilihanContext, query: { page: number; pageSize: number }) {
      const { items, total } = await repo.findKotakMasuk(db, pemilihan.id, actor.userId, query);
      const at = now();
      const fresh = items.filter((i) => i.delivered_at === null).map((i) => i.id);
      await repo.markDelivered(db, actor.userId, fresh, at);
      return {
        items: items.map((i) => ({
          id: i.id,
          jenis: i.jenis as 'instruksi' | 'imbauan',
          prioritas: i.prioritas as Prioritas,
          judul: i.judul,
          isi: i.isi,
          dari: i.dari,
          namaWilayah: i.nama_wilayah,
          sentAt: iso(i.sent_at),
          teruskanRtRw: i.teruskan_rt_rw,
          status: statusPenerima(penerimaan({ ...i, delivered_at: i.delivered_at ?? at })),
          reminderCount: i.reminder_count,
        })),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },

    async markRead(actor: Actor, pemilihan: PemilihanContext, id: string): Promise<void> {
      const p = await repo.findPenerima(db, pemilihan.id, id, actor.userId);
      if (!p) throw notFound('Imbauan');
      if (p.read_at !== null) return;
      const at = now();
      await repo.updatePenerima(db, id, actor.userId, {
        read_at: at,
        ...(p.delivered_at === null ? { delivered_at: at } : {}),
      });
    },

    async acknowledge(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: { catatan: string; diteruskanRtRw: boolean },
    ) {
      const p = await repo.findPenerima(db, pemilihan.id, id, actor.userId);
      const i = await repo.findImbauan(db, pemilihan.id, id);
      if (!p || !i) throw notFound('Imbauan');
      // Acknowledging twice keeps the first time: the sender sees when it was first confirmed.
      if (p.acknowledged_at !== null) return { acknowledgedAt: iso(p.acknowledged_at), replayed: true };
      if (i.teruskan_rt_rw && !input.diteruskanRtRw && actor.role === 'lurah') {
        throw new DomainError(
          'validation',
          'Imbauan ini diminta diteruskan ke RT/RW; centang bila sudah diteruskan',
          {
            field: 'diteruskanRtRw',
          },
        );
      }
      const at = now();
      await db.transaction().execute(async (trx) => {
        await repo.updatePenerima(trx, id, actor.userId, {
          acknowledged_at: at,
          read_at: p.read_at ?? at,
          delivered_at: p.delivered_at ?? at,
          catatan: input.catatan === '' ? null : input.catatan,
          diteruskan_rt_rw: input.diteruskanRtRw,
        });
        await deps.audit.record(trx, actor, {
          action: 'acknowledge',
          entity: 'imbauan',
          entityId: id,
          kodeWilayah: actor.kodeWilayah,
          before: null,
          after: input,
        });
      });
      return { acknowledgedAt: iso(at), replayed: false };
    },

    /** CAP 1.2 XML of a public imbauan (status Exercise for a drill). */
    async capXml(actor: Actor, pemilihan: PemilihanContext, id: string): Promise<string> {
      const detail = await this.getImbauan(actor, pemilihan, id);
      if (!detail.publik)
        throw new DomainError('invalid_state', 'Hanya imbauan publik yang diekspor sebagai CAP');
      return buildCapAlert({
        id: detail.id,
        sentAt: new Date(detail.sentAt),
        judul: detail.judul,
        isi: detail.isi,
        namaWilayah: detail.namaWilayah,
        kodeWilayah: detail.kodeWilayah,
        latihan: detail.latihan,
        jenis: detail.jenis,
        ...capFields(detail.prioritas),
        pengirim: detail.sentBy,
      });
    },

    // ── NPHD ─────────────────────────────────────────────────────────────────────────────────

    async nphd(actor: Actor, pemilihan: PemilihanContext, kode: string) {
      authorize(actor, 'koordinasi:read', actor.kodeWilayah);
      if (!isRelated(actor, kode)) throw forbidden('Wilayah ini di luar cakupan Anda');
      const parsed = parseKodeWilayah(kode);
      if (!parsed.ok || parsed.value.level !== 'kabkota') {
        throw new DomainError('validation', 'NPHD dicatat per kabupaten/kota', { field: 'kode' });
      }
      const wilayah = await deps.wilayah.require(kode);
      const day = today(kode);
      const rows = await repo.findNphdOf(db, pemilihan.id, kode);
      const transaksi = await repo.findNphdTransaksi(
        db,
        rows.map((r) => r.id),
      );
      return {
        kodeWilayah: kode,
        namaWilayah: wilayah.nama,
        canManage: !pemilihan.ditutup && isInScope(actor, kode) && hasPermission(actor.role, 'nphd:manage'),
        rows: PENERIMA_NPHD.map((penerima) => {
          const row = rows.find((r) => r.penerima === penerima);
          const tx = row === undefined ? [] : transaksi.filter((t) => t.nphd_id === row.id);
          const status =
            row === undefined
              ? null
              : nphdStatus(
                  {
                    penerima,
                    nilai: row.nilai,
                    ditandatanganiOn: row.ditandatangani_on,
                    pencairan: tx
                      .filter((t) => t.jenis === 'pencairan')
                      .map((t) => ({ nilai: t.nilai, cairOn: t.tanggal })),
                    realisasi: tx
                      .filter((t) => t.jenis === 'realisasi')
                      .map((t) => ({ nilai: t.nilai, tanggal: t.tanggal })),
                  },
                  pemilihan.hariPemungutan,
                  day,
                );
          return {
            id: row?.id ?? null,
            penerima,
            nomor: row?.nomor ?? '',
            nilai: row?.nilai ?? null,
            ditandatanganiOn: row?.ditandatangani_on ?? null,
            disalurkan: status?.disalurkan ?? 0,
            direalisasi: status?.direalisasi ?? 0,
            persenDisalurkan: status?.persenDisalurkan ?? 0,
            persenSerapan: status?.persenSerapan ?? 0,
            persenSerapanDiharapkan: status?.persenSerapanDiharapkan ?? 0,
            alerts: status?.alerts ?? [{ code: 'belum_ada_nphd', message: 'NPHD belum dicatat' }],
            transaksi: tx.map((t) => ({
              id: t.id,
              jenis: t.jenis as 'pencairan' | 'realisasi',
              nilai: t.nilai,
              tanggal: t.tanggal,
              keterangan: t.keterangan,
            })),
          };
        }),
      };
    },

    async upsertNphd(
      actor: Actor,
      pemilihan: PemilihanContext,
      kode: string,
      penerima: (typeof PENERIMA_NPHD)[number],
      input: { nomor: string; nilai: number; ditandatanganiOn: string | null },
    ) {
      authorize(actor, 'nphd:manage', kode);
      const parsed = parseKodeWilayah(kode);
      if (!parsed.ok || parsed.value.level !== 'kabkota') {
        throw new DomainError('validation', 'NPHD dicatat per kabupaten/kota', { field: 'kode' });
      }
      await deps.wilayah.require(kode);
      await db.transaction().execute(async (trx) => {
        const { id } = await repo.upsertNphd(trx, {
          pemilihan_id: pemilihan.id,
          kode_wilayah: kode,
          penerima,
          nomor: input.nomor,
          nilai: input.nilai,
          ditandatangani_on: input.ditandatanganiOn,
          updated_by: actor.userId,
        });
        await deps.audit.record(trx, actor, {
          action: 'upsert',
          entity: 'nphd',
          entityId: id,
          kodeWilayah: kode,
          before: null,
          after: { penerima, ...input },
        });
      });
      return this.nphd(actor, pemilihan, kode);
    },

    async addNphdTransaksi(
      actor: Actor,
      pemilihan: PemilihanContext,
      nphdId: string,
      input: {
        clientId: string;
        jenis: 'pencairan' | 'realisasi';
        nilai: number;
        tanggal: string;
        keterangan: string;
      },
    ) {
      const nphd = await repo.findNphdById(db, pemilihan.id, nphdId);
      if (!nphd || !isRelated(actor, nphd.kode_wilayah)) throw notFound('NPHD');
      authorize(actor, 'nphd:manage', nphd.kode_wilayah);
      if (input.tanggal > today(nphd.kode_wilayah)) {
        throw new DomainError('validation', 'Tanggal transaksi tidak boleh di masa depan', {
          field: 'tanggal',
        });
      }
      await db.transaction().execute(async (trx) => {
        const inserted = await repo.insertNphdTransaksi(trx, {
          client_id: input.clientId,
          nphd_id: nphdId,
          jenis: input.jenis,
          nilai: input.nilai,
          tanggal: input.tanggal,
          keterangan: input.keterangan,
          created_by: actor.userId,
        });
        if (inserted) {
          await deps.audit.record(trx, actor, {
            action: input.jenis,
            entity: 'nphd',
            entityId: nphdId,
            kodeWilayah: nphd.kode_wilayah,
            before: null,
            after: input,
          });
        }
      });
      return this.nphd(actor, pemilihan, nphd.kode_wilayah);
    },

    // ── success indicators ───────────────────────────────────────────────────────────────────

    async indikator(actor: Actor, pemilihan: PemilihanContext, kode: string) {
      const summary = await this.ringkasan(actor, pemilihan, kode);
      const kabKota = summary.kodeWilayah;
      const [region, late, rakorSelesai, insiden] = await Promise.all([
        repo.findRegion(db, pemilihan.id, kabKota),
        repo.countLateTindakLanjutWithin(db, pemilihan.id, kabKota, summary.today),
        repo.countRakorSelesai(db, pemilihan.id, kabKota),
        deps.kejadian?.countForIndicators(kabKota, pemilihan) ?? Promise.resolve(null),
      ]);
      const target = {
        targetPartisipasi: region?.target_partisipasi ?? null,
        partisipasi: region?.partisipasi ?? null,
        psuCount: region?.psu_count ?? null,
      };
      return {
        kodeWilayah: kabKota,
        namaWilayah: summary.namaWilayah,
        indikator: indikatorKeberhasilan({
          readinessPercent: summary.kesiapan.region.due > 0 ? summary.kesiapan.region.percent : null,
          tindakLanjutTerlambat: late,
          rakorSelesai,
          partisipasiPersen: target.partisipasi,
          targetPartisipasiPersen: target.targetPartisipasi,
          insidenBerat: insiden?.berat ?? null,
          insidenKonflik: insiden?.konflik ?? null,
          psuCount: target.psuCount,
        }),
        target,
      };
    },

    async updateTarget(
      actor: Actor,
      pemilihan: PemilihanContext,
      kode: string,
      input: { targetPartisipasi: number | null; partisipasi: number | null; psuCount: number | null },
    ) {
      authorize(actor, 'koordinasi:manage', kode);
      const parsed = parseKodeWilayah(kode);
      if (!parsed.ok || parsed.value.level !== 'kabkota') {
        throw new DomainError('validation', 'Target diatur per kabupaten/kota', { field: 'kode' });
      }
      await deps.wilayah.requireKnown({ kode });
      await db.transaction().execute(async (trx) => {
        await repo.upsertRegion(trx, pemilihan.id, kode, {
          target_partisipasi: input.targetPartisipasi,
          partisipasi: input.partisipasi,
          psu_count: input.psuCount,
          updated_by: actor.userId,
        });
        await deps.audit.record(trx, actor, {
          action: 'update',
          entity: 'target_keberhasilan',
          entityId: null,
          kodeWilayah: kode,
          before: null,
          after: input,
        });
      });
      return this.indikator(actor, pemilihan, kode);
    },
  };
}
export type KoordinasiService = ReturnType<typeof createKoordinasiService>;
