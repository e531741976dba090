/**
 * Joint patrols (issue 18): the Forkopimda plans them per area and time; the forces run them from a
 * phone (start, places passed, findings, end), each entry once per client id; a finding becomes an
 * incident in one tap through the kejadian service, and keeps its id. The route and the log are
 * need-to-know (domain/access/rute-patroli.ts). Rules: src/domain/patroli/, docs/domain/patroli.md.
 */
import type { Tugas } from '../../../contracts/pengamanan';
import type {
  Cakupan,
  Patroli,
  PatroliInput,
  PatroliList,
  PatroliLogInput,
  PatroliLogResult,
} from '../../../contracts/patroli';
import type { KejadianReportInput } from '../../../contracts/kejadian';
import { hasPermission } from '../../../domain/access/roles';
import { aksesRutePatroli } from '../../../domain/access/rute-patroli';
import { isInScope, isRelated, type Actor } from '../../../domain/access/scope';
import {
  cakupanRawan,
  checkUnsur,
  mingguDari,
  nextStatus,
  type StatusPatroli,
  type TujuanPatroli,
  type UnsurPatroli,
} from '../../../domain/patroli/patroli';
import { isAheadOfClock } from '../../../domain/time/jam-ponsel';
import { todayIn, ZONA_OFFSET_HOURS, zonaOf } from '../../../domain/time/zona';
import { isWithinWilayah, parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import type { AuditLog } from '../../cross-cutting/audit-log';
import { authorize, scopeFor } from '../../cross-cutting/access';
import type { Clock } from '../../cross-cutting/clock';
import { createOnce } from '../../cross-cutting/create-once';
import type { Db } from '../../db/client';
import { isUniqueViolation } from '../../db/pg-errors';
import { DomainError, forbidden, notFound } from '../../errors';
import type { KejadianService } from '../kejadian/kejadian.service';
import type { KerawananService } from '../kerawanan/kerawanan.service';
import type { PengamananService } from '../pengamanan/pengamanan.service';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
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
function kebutuhanPatroli(unsur: readonly string[]) {
  return {
    polri: unsur.includes('polri') ? 2 : 0,
    tni: unsur.includes('tni') ? 2 : 0,
    satpolPp: unsur.includes('satpol_pp') ? 2 : 0,
  };
}

const validation = (message: string, field: string, code: string) =>
  new DomainError('validation', message, { field, code });

const STATUS_CODE: Record<string, string> = {
  mulai: 'Patroli sudah dimulai atau sudah berakhir',
  titik: 'Patroli belum dimulai atau sudah berakhir',
  temuan: 'Patroli belum dimulai atau sudah berakhir',
  selesai: 'Patroli belum dimulai atau sudah berakhir',
};

export function createPatroliService(deps: PatroliDeps) {
  const { db } = deps;

  /** May the actor run this patrol from a phone: the permission, the area, and the route's need-to-know. */
  function canRun(actor: Actor, row: { kode_wilayah: string; unsur: string[] }): boolean {
    return (
      hasPermission(actor.role, 'patroli:run') &&
      isRelated(actor, row.kode_wilayah) &&
      aksesRutePatroli(actor, { unsur: row.unsur as UnsurPatroli[] }) === 'penuh'
    );
  }

  async function view(
    actor: Actor,
    row: repo.PatroliRow,
    withLog: boolean,
    tugas: ReadonlyMap<string, Tugas>,
  ): Promise<Patroli> {
    const akses = aksesRutePatroli(actor, { unsur: row.unsur as UnsurPatroli[] });
    const penuh = akses === 'penuh';
    const names: ReadonlyMap<string, { nama: string }> = penuh
      ? await deps.wilayah.findMany(row.sasaran)
      : new Map<string, { nama: string }>();
    const log = penuh && withLog ? await repo.findLog(db, row.id) : null;
    return {
      id: row.id,
      nama: row.nama,
      kodeWilayah: row.kode_wilayah,
      namaWilayah: row.nama_wilayah,
      unsur: row.unsur as UnsurPatroli[],
      tujuan: row.tujuan as TujuanPatroli,
      mulaiAt: row.mulai_at.toISOString(),
      selesaiAt: row.selesai_at.toISOString(),
      status: row.status as StatusPatroli,
      akses,
      jumlahTitik: Number(row.jumlah_titik ?? 0),
      jumlahTemuan: Number(row.jumlah_temuan ?? 0),
      sasaran: penuh ? row.sasaran.map((kode) => ({ kode, nama: names.get(kode)?.nama ?? kode })) : null,
      log:
        log?.map((l) => ({
          id: l.id,
          aksi: l.aksi as 'mulai' | 'titik' | 'temuan' | 'selesai',
          dicatatAt: l.dicatat_at.toISOString(),
          kodeWilayah: l.kode_wilayah,
          namaWilayah: l.nama_wilayah,
          lat: l.lat,
          lon: l.lon,
          uraian: l.uraian,
          kategori: l.kategori,
          kejadianId: l.kejadian_id,
        })) ?? null,
      bisaJalankan: canRun(actor, row),
      // Who escorts it is part of the route's need-to-know.
      tugas: penuh ? (tugas.get(row.id) ?? null) : null,
    };
  }

  async function visible(actor: Actor, pemilihan: PemilihanContext, id: string) {
    authorize(actor, 'patroli:read', actor.kodeWilayah);
    const row = await repo.findPatroli(db, pemilihan.id, id);
    if (!row || !isRelated(actor, row.kode_wilayah)) throw notFound('Patroli');
    return row;
  }

  /** The incident a finding becomes: reported by the officer, under the finding's own client id. */
  function kejadianOf(
    patroli: { nama: string },
    entry: {
      clientId: string;
      kategori: string;
      kodeWilayah: string;
      lat: number | null;
      lon: number | null;
      dicatatAt: Date;
      uraian: string;
    },
  ): KejadianReportInput {
    return {
      clientId: entry.clientId,
      kategori: entry.kategori as KejadianReportInput['kategori'],
      kodeWilayah: entry.kodeWilayah,
      lat: entry.lat,
      lon: entry.lon,
      terjadiAt: entry.dicatatAt.toISOString(),
      uraian: `Temuan patroli "${patroli.nama}": ${entry.uraian}`,
      terbatas: false,
      pelaporRahasia: false,
    };
  }

  return {
    async list(actor: Actor, pemilihan: PemilihanContext, wilayah: string | undefined): Promise<PatroliList> {
      const scope = scopeFor(actor, wilayah);
      authorize(actor, 'patroli:read', scope);
      const rows = await repo.findPatroliRelated(db, pemilihan.id, scope);
      const tugas = await deps.pengamanan.tugasUntukSumber(
        pemilihan,
        'patroli',
        rows.map((r) => r.id),
      );
      const items = await Promise.all(rows.map((r) => view(actor, r, false, tugas)));
      return { items: items.map(({ log: _log, ...rest }) => rest) };
    },

    async get(actor: Actor, pemilihan: PemilihanContext, id: string): Promise<Patroli> {
      const row = await visible(actor, pemilihan, id);
      return view(actor, row, true, await deps.pengamanan.tugasUntukSumber(pemilihan, 'patroli', [id]));
    },

    async create(actor: Actor, pemilihan: PemilihanContext, input: PatroliInput): Promise<Patroli> {
      authorize(actor, 'patroli:plan', input.kodeWilayah);
      const parsed = parseKodeWilayah(input.kodeWilayah);
      if (!parsed.ok || parsed.value.level === 'provinsi') {
        throw validation(
          'Pilih kabupaten/kota, kecamatan atau kelurahan/desa',
          'kodeWilayah',
          'wilayah_terlalu_luas',
        );
      }
      const unsurError = checkUnsur(input.unsur, input.tujuan);
      if (unsurError === 'unsur_kurang')
        throw validation('Patroli bersama melibatkan sedikitnya dua unsur', 'unsur', unsurError);
      if (unsurError === 'tanpa_bawaslu')
        throw validation('Patroli politik uang melibatkan Bawaslu', 'unsur', unsurError);
      const sasaran = [...new Set(input.sasaran)];
      for (const [i, kode] of sasaran.entries()) {
        const level = parseKodeWilayah(kode);
        if (!level.ok || level.value.level !== 'desa' || !isWithinWilayah(kode, input.kodeWilayah)) {
          throw validation(
            `${kode} bukan kelurahan/desa di wilayah patroli`,
            `sasaran.${i}`,
            'sasaran_di_luar_wilayah',
          );
        }
      }
      await deps.wilayah.requireKnown({
        kodeWilayah: input.kodeWilayah,
        ...Object.fromEntries(sasaran.map((k, i) => [`sasaran.${i}`, k])),
      });
      const { made: created } = await createOnce({
        find: () => repo.findPatroliByClientId(db, actor.userId, input.clientId),
        pemilihan,
        replay: (first) => first.id,
        write: () =>
          db.transaction().execute(async (trx) => {
            const id = await repo.insertPatroli(trx, {
              client_id: input.clientId,
              pemilihan_id: pemilihan.id,
              nama: input.nama,
              kode_wilayah: input.kodeWilayah,
              unsur: [...new Set(input.unsur)],
              tujuan: input.tujuan,
              sasaran,
              mulai_at: input.mulaiAt,
              selesai_at: input.selesaiAt,
              created_by: actor.userId,
            });
            await deps.pengamanan.simpanTugas(trx, actor, pemilihan, {
              jenis: 'patroli',
              sumberId: id,
              kodeWilayah: input.kodeWilayah,
              nama: input.nama,
              mulai: input.mulaiAt,
              selesai: input.selesaiAt,
              kebutuhan: kebutuhanPatroli(input.unsur),
            });
            await deps.audit.record(trx, actor, {
              action: 'patroli.create',
              entity: 'patroli',
              entityId: id,
              kodeWilayah: input.kodeWilayah,
              before: null,
              after: { ...input, pemilihanId: pemilihan.id },
            });
            return id;
          }),
      });
      return this.get(actor, pemilihan, created);
    },

    /**
     * One entry of the phone's log, once per client id: the status moves (start, end) under the
     * patrol's row lock; a finding asked to become an incident is reported first, under its own
     * client id, so a retry after a lost answer finds both and writes neither again.
     */
    async log(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: PatroliLogInput,
    ): Promise<PatroliLogResult> {
      const row = await visible(actor, pemilihan, id);
      if (!canRun(actor, row)) throw forbidden('Anda tidak termasuk unsur yang menjalankan patroli ini');
      const replay = await repo.findLogByClientId(db, actor.userId, input.clientId);
      if (replay) {
        if (replay.patroli_id !== id)
          throw new DomainError('conflict', 'clientId ini sudah dipakai untuk catatan lain', {
            field: 'clientId',
            code: 'client_id_dipakai',
          });
        return {
          id: replay.id,
          replayed: true,
          status: row.status as StatusPatroli,
          kejadianId: replay.kejadian_id,
        };
      }
      const dicatatAt = new Date(input.dicatatAt);
      if (isAheadOfClock(dicatatAt, deps.clock.now()))
        throw validation('Waktu catatan tidak boleh di masa depan', 'dicatatAt', 'waktu_di_masa_depan');
      if (input.kodeWilayah) {
        const level = parseKodeWilayah(input.kodeWilayah);
        if (
          !level.ok ||
          level.value.level !== 'desa' ||
          !isWithinWilayah(input.kodeWilayah, row.kode_wilayah.split('.').slice(0, 2).join('.'))
        )
          throw validation('Pilih kelurahan/desa di wilayah patroli', 'kodeWilayah', 'di_luar_wilayah');
        await deps.wilayah.requireKnown({ kodeWilayah: input.kodeWilayah });
      }
      if (nextStatus(row.status as StatusPatroli, input.aksi) === null)
        throw new DomainError('invalid_state', STATUS_CODE[input.aksi]!, { status: row.status });
      const kejadianId =
        input.jadikanKejadian && input.kodeWilayah && input.kategori
          ? (
              await deps.kejadian.report(
                actor,
                pemilihan,
                kejadianOf(row, {
                  clientId: input.clientId,
                  kategori: input.kategori,
                  kodeWilayah: input.kodeWilayah,
                  lat: input.lat ?? null,
                  lon: input.lon ?? null,
                  dicatatAt,
                  uraian: input.uraian ?? '',
                }),
              )
            ).id
          : null;
      try {
        return await db.transaction().execute(async (trx) => {
          const locked = await repo.findPatroliForUpdate(trx, id);
          const next = nextStatus(locked!.status as StatusPatroli, input.aksi);
          if (next === null)
            throw new DomainError('invalid_state', STATUS_CODE[input.aksi]!, { status: locked!.status });
          const logId = await repo.insertLog(trx, {
            client_id: input.clientId,
            patroli_id: id,
            aksi: input.aksi,
            dicatat_at: dicatatAt,
            kode_wilayah: input.kodeWilayah ?? null,
            lat: input.lat ?? null,
            lon: input.lon ?? null,
            uraian: input.uraian ?? null,
            kategori: input.kategori ?? null,
            kejadian_id: kejadianId,
            created_by: actor.userId,
          });
          if (next !== locked!.status) await repo.setStatus(trx, id, next);
          await deps.audit.record(trx, actor, {
            action: `patroli.log.${input.aksi}`,
            entity: 'patroli',
            entityId: id,
            kodeWilayah: input.kodeWilayah ?? row.kode_wilayah,
            before: { status: locked!.status },
            after: { ...input, status: next, logId, kejadianId },
          });
          return { id: logId, replayed: false, status: next, kejadianId };
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const first = await repo.findLogByClientId(db, actor.userId, input.clientId);
        if (!first) throw error;
        const now = await repo.findPatroli(db, pemilihan.id, id);
        return {
          id: first.id,
          replayed: true,
          status: now!.status as StatusPatroli,
          kejadianId: first.kejadian_id,
        };
      }
    },

    /** A finding logged earlier becomes an incident (one tap); idempotent by the finding's client id. */
    async jadikanKejadian(actor: Actor, pemilihan: PemilihanContext, id: string, logId: string) {
      const row = await visible(actor, pemilihan, id);
      if (!canRun(actor, row)) throw forbidden('Anda tidak termasuk unsur yang menjalankan patroli ini');
      const entry = (await repo.findLog(db, id)).find((l) => l.id === logId);
      if (!entry) throw notFound('Catatan patroli');
      if (entry.aksi !== 'temuan')
        throw new DomainError('invalid_state', 'Hanya temuan yang dijadikan kejadian');
      if (entry.kejadian_id !== null) return { kejadianId: entry.kejadian_id };
      if (!entry.kategori || !entry.kode_wilayah)
        throw new DomainError(
          'invalid_state',
          'Temuan ini belum punya kategori dan kelurahan; catat temuan baru',
        );
      const reported = await deps.kejadian.report(
        actor,
        pemilihan,
        kejadianOf(row, {
          clientId: entry.client_id,
          kategori: entry.kategori,
          kodeWilayah: entry.kode_wilayah,
          lat: entry.lat,
          lon: entry.lon,
          dicatatAt: entry.dicatat_at,
          uraian: entry.uraian ?? '',
        }),
      );
      await db.transaction().execute(async (trx) => {
        const locked = await repo.findLogEntryForUpdate(trx, id, logId);
        if (locked?.kejadian_id !== null) return;
        await repo.linkKejadian(trx, logId, reported.id);
        await deps.audit.record(trx, actor, {
          action: 'patroli.temuan.kejadian',
          entity: 'patroli',
          entityId: id,
          kodeWilayah: entry.kode_wilayah,
          before: { kejadianId: null },
          after: { logId, kejadianId: reported.id },
        });
      });
      return { kejadianId: reported.id };
    },

    /** Which rawan kelurahan of the area the patrols passed in the week holding `minggu`. */
    async cakupan(
      actor: Actor,
      pemilihan: PemilihanContext,
      wilayah: string | undefined,
      minggu: string | undefined,
    ): Promise<Cakupan> {
      const scope = scopeFor(actor, wilayah);
      authorize(actor, 'patroli:read', scope);
      if (scope === null) throw validation('Pilih provinsi atau kabupaten/kota', 'wilayah', 'wilayah_wajib');
      const { mulaiOn, selesaiOn } = mingguDari(minggu ?? todayIn(scope, deps.clock.now()));
      const offset = ZONA_OFFSET_HOURS[zonaOf(scope)];
      const at = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - offset * 3_600_000);
      const [from, to] = [at(mulaiOn), at(selesaiOn)];
      const [rawan, lintasan] = await Promise.all([
        deps.kerawanan.kelurahanRawan(pemilihan, scope, 'pra'),
        repo.findLintasan(db, pemilihan.id, scope, from, to),
      ]);
      const c = cakupanRawan(
        rawan.filter((k) => isInScope(actor, k.kode)),
        lintasan.map((l) => ({ kodeWilayah: l.kode_wilayah!, at: l.dicatat_at, patroliId: l.patroli_id })),
        from,
        to,
      );
      return {
        mulaiOn,
        selesaiOn,
        dilewati: c.dilewati,
        total: c.total,
        kelurahan: c.kelurahan.map((k) => ({ ...k, terakhirAt: k.terakhirAt?.toISOString() ?? null })),
      };
    },
  };
}
export type PatroliService = ReturnType<typeof createPatroliService>;
