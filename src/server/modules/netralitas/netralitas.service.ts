/**
 * Neutrality complaints (issue 18): Bawaslu registers a complaint about an ASN, lurah, kepala desa,
 * Polri or TNI member, studies it within the statutory window and sends it down its route (BKN, the
 * bupati, Propam, the POM, or Gakkumdu) until an outcome is recorded; every step is audited and its
 * deadlines shown. Rules: src/domain/netralitas/, docs/domain/netralitas.md.
 */
import type { Tenggat } from '../../../contracts/kejadian';
import type {
  Netralitas,
  NetralitasAksiInput,
  NetralitasInput,
  NetralitasList,
} from '../../../contracts/netralitas';
import type { Actor } from '../../../domain/access/scope';
import { isInScope } from '../../../domain/access/scope';
import { deadlineStatus, type MilestoneGakkumdu } from '../../../domain/kejadian/gakkumdu';
import {
  applyAksi,
  JALUR_ETIK,
  JALUR_LABEL,
  tenggatNetralitas,
  type AksiNetralitas,
  type Jalur,
  type Netralitas as NetralitasState,
  type StatusNetralitas,
  type Terlapor,
} from '../../../domain/netralitas/netralitas';
import { isAheadOfClock } from '../../../domain/time/jam-ponsel';
import { ZONA_OFFSET_HOURS, zonaOf } from '../../../domain/time/zona';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import type { AuditLog } from '../../cross-cutting/audit-log';
import { authorize, scopeFor } from '../../cross-cutting/access';
import type { Clock } from '../../cross-cutting/clock';
import { createOnce } from '../../cross-cutting/create-once';
import type { Db } from '../../db/client';
import { DomainError, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
import * as repo from './netralitas.repo';

export interface NetralitasDeps {
  db: Db;
  audit: AuditLog;
  clock: Clock;
  wilayah: WilayahService;
  /** Holidays and joint leave days that working-day deadlines skip. */
  libur?: () => Promise<readonly string[]>;
}

const validation = (message: string, field: string, code: string) =>
  new DomainError('validation', message, { field, code });

/** Warn a day before a day-counted deadline, 6 hours before 1×24 jam (as kejadian does). */
const warnBeforeHours = (basis: string) => (basis === 'jam' ? 6 : 24);

function minutesUntil(at: Date, now: Date): number {
  const ms = at.getTime() - now.getTime();
  return ms >= 0 ? Math.floor(ms / 60_000) : -Math.ceil(-ms / 60_000);
}

function stateOf(row: repo.NetralitasRow): NetralitasState {
  const raw = (row.milestones ?? {}) as Record<string, string>;
  const milestones = Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [k, new Date(v)]),
  ) as Partial<MilestoneGakkumdu>;
  return {
    terlapor: row.terlapor as Terlapor,
    status: row.status as StatusNetralitas,
    jalur: row.jalur as Jalur | null,
    milestones: { ...milestones, diketahuiAt: row.diketahui_at, dilaporkanAt: row.dilaporkan_at },
    diteruskanAt: row.diteruskan_at,
    putusanAt: row.putusan_at,
    amar: row.amar,
  };
}

function toAksi(input: NetralitasAksiInput, at: Date): AksiNetralitas {
  switch (input.aksi) {
    case 'putus_kajian':
      return { type: 'putus_kajian', hasil: input.hasil, at };
    case 'putusan':
      return { type: 'putusan', amar: input.amar, at };
    case 'minta_keterangan':
    case 'teruskan_penyidik':
    case 'limpah_penuntut':
    case 'limpah_pengadilan':
      return { type: input.aksi, at };
  }
}

export function createNetralitasService(deps: NetralitasDeps) {
  const { db } = deps;
  const liburOf = deps.libur ?? (async () => []);

  async function toView(
    row: repo.NetralitasRow,
    pemilihan: PemilihanContext,
    langkah: Netralitas['langkah'],
  ): Promise<Netralitas> {
    const state = stateOf(row);
    const now = deps.clock.now();
    const ruleSet = pemilihan.aturanPelanggaran === 'pemilu' ? 'pemilu' : 'pilkada';
    const tenggat: Tenggat[] = tenggatNetralitas(
      state,
      ruleSet,
      ZONA_OFFSET_HOURS[zonaOf(row.kode_wilayah)],
      await liburOf(),
    ).map((d) => ({
      step: d.step,
      label: d.label,
      startAt: d.startAt.toISOString(),
      dueAt: d.dueAt.toISOString(),
      basis: d.basis,
      jumlah: d.jumlah,
      doneAt: d.doneAt?.toISOString() ?? null,
      status: deadlineStatus(d, now, warnBeforeHours(d.basis)),
      minutesLeft: d.doneAt === null ? minutesUntil(d.dueAt, now) : null,
      source: d.source,
    }));
    const open = tenggat
      .filter((t) => t.doneAt === null)
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
    const jalur = state.jalur ?? JALUR_ETIK[state.terlapor];
    return {
      id: row.id,
      kodeWilayah: row.kode_wilayah,
      namaWilayah: row.nama_wilayah,
      terlapor: state.terlapor,
      namaTerlapor: row.nama_terlapor,
      jabatan: row.jabatan,
      sumber: row.sumber as 'laporan' | 'temuan',
      pelapor: row.pelapor,
      uraian: row.uraian,
      kejadianId: row.kejadian_id,
      status: state.status,
      jalur: state.jalur,
      jalurLabel: JALUR_LABEL[jalur],
      diketahuiAt: row.diketahui_at.toISOString(),
      dilaporkanAt: row.dilaporkan_at.toISOString(),
      amar: row.amar,
      tenggat,
      tenggatBerikut: open[0] ?? null,
      langkah,
      version: row.version,
    };
  }

  async function get(actor: Actor, pemilihan: PemilihanContext, id: string): Promise<Netralitas> {
    authorize(actor, 'netralitas:read', actor.kodeWilayah);
    const row = await repo.findNetralitas(db, pemilihan.id, id);
    if (!row || !isInScope(actor, row.kode_wilayah)) throw notFound('Aduan netralitas');
    const langkah = await repo.findLangkah(db, id);
    return toView(
      row,
      pemilihan,
      langkah.map((l) => ({ aksi: l.aksi, at: l.at.toISOString(), catatan: l.catatan, oleh: l.oleh })),
    );
  }

  /** A step's instant: given or now, never ahead of the clock. */
  function instantOf(value: string | undefined, field: string): Date {
    const now = deps.clock.now();
    const at = value === undefined ? now : new Date(value);
    if (isAheadOfClock(at, now))
      throw validation('Waktu tidak boleh di masa depan', field, 'waktu_di_masa_depan');
    return at;
  }

  return {
    async list(
      actor: Actor,
      pemilihan: PemilihanContext,
      wilayah: string | undefined,
    ): Promise<NetralitasList> {
      const scope = scopeFor(actor, wilayah);
      authorize(actor, 'netralitas:read', scope);
      const rows = await repo.findNetralitasWithin(db, pemilihan.id, scope);
      const items = await Promise.all(rows.map((r) => toView(r, pemilihan, [])));
      return { items: items.map(({ langkah: _l, ...rest }) => rest) };
    },

    get,

    async create(actor: Actor, pemilihan: PemilihanContext, input: NetralitasInput): Promise<Netralitas> {
      authorize(actor, 'netralitas:handle', input.kodeWilayah);
      if (pemilihan.aturanPelanggaran === 'pilkades') {
        throw validation('Pemilihan kepala desa tidak diawasi Bawaslu', 'pemilihan', 'tanpa_bawaslu');
      }
      const parsed = parseKodeWilayah(input.kodeWilayah);
      if (!parsed.ok || parsed.value.level === 'provinsi')
        throw validation(
          'Pilih kabupaten/kota, kecamatan atau kelurahan/desa',
          'kodeWilayah',
          'wilayah_terlalu_luas',
        );
      await deps.wilayah.requireKnown({ kodeWilayah: input.kodeWilayah });
      const diketahuiAt = instantOf(input.diketahuiAt, 'diketahuiAt');
      const dilaporkanAt = instantOf(input.dilaporkanAt, 'dilaporkanAt');
      if (dilaporkanAt < diketahuiAt)
        throw validation('Laporan diterima tidak boleh sebelum diketahui', 'dilaporkanAt', 'urutan_waktu');
      const { made: created } = await createOnce({
        find: () => repo.findNetralitasByClientId(db, actor.userId, input.clientId),
        pemilihan,
        replay: (first) => first.id,
        write: () =>
          db.transaction().execute(async (trx) => {
            const id = await repo.insertNetralitas(trx, {
              client_id: input.clientId,
              pemilihan_id: pemilihan.id,
              kode_wilayah: input.kodeWilayah,
              terlapor: input.terlapor,
              nama_terlapor: input.namaTerlapor,
              jabatan: input.jabatan ?? null,
              sumber: input.sumber,
              pelapor: input.pelapor ?? null,
              uraian: input.uraian,
              kejadian_id: null,
              diketahui_at: diketahuiAt,
              dilaporkan_at: dilaporkanAt,
              created_by: actor.userId,
            });
            await repo.insertLangkah(trx, {
              netralitas_id: id,
              aksi: 'terima',
              at: dilaporkanAt,
              catatan: '',
              oleh: actor.userId,
            });
            await deps.audit.record(trx, actor, {
              action: 'netralitas.create',
              entity: 'netralitas',
              entityId: id,
              kodeWilayah: input.kodeWilayah,
              before: null,
              after: { ...input, pemilihanId: pemilihan.id },
            });
            return id;
          }),
      });
      return get(actor, pemilihan, created);
    },

    async act(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: NetralitasAksiInput,
    ): Promise<Netralitas> {
      const at = instantOf(input.at, 'at');
      await db.transaction().execute(async (trx) => {
        const row = await repo.findNetralitasForUpdate(trx, id);
        if (!row || row.pemilihan_id !== pemilihan.id || !isInScope(actor, row.kode_wilayah))
          throw notFound('Aduan netralitas');
        authorize(actor, 'netralitas:handle', row.kode_wilayah);
        if (row.version !== input.version)
          throw new DomainError('conflict', 'Aduan telah diubah orang lain; muat ulang lalu coba lagi', {
            version: row.version,
          });
        const before = stateOf({ ...row, nama_wilayah: '' });
        const result = applyAksi(before, toAksi(input, at));
        if (!result.ok) throw new DomainError('invalid_state', result.message, { code: result.code });
        const next = result.value;
        const { diketahuiAt: _d, dilaporkanAt: _l, ...rest } = next.milestones;
        await repo.updateNetralitas(trx, id, {
          status: next.status,
          jalur: next.jalur,
          milestones: JSON.stringify(
            Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v.toISOString()])),
          ),
          diteruskan_at: next.diteruskanAt,
          putusan_at: next.putusanAt,
          amar: next.amar,
        });
        const catatan =
          input.aksi === 'putus_kajian'
            ? `${input.hasil}${input.catatan ? `: ${input.catatan}` : ''}`
            : input.aksi === 'putusan'
              ? input.amar
              : '';
        await repo.insertLangkah(trx, {
          netralitas_id: id,
          aksi: input.aksi,
          at,
          catatan,
          oleh: actor.userId,
        });
        await deps.audit.record(trx, actor, {
          action: `netralitas.${input.aksi}`,
          entity: 'netralitas',
          entityId: id,
          kodeWilayah: row.kode_wilayah,
          before: { status: before.status, jalur: before.jalur },
          after: { status: next.status, jalur: next.jalur, at: at.toISOString(), catatan },
        });
      });
      return get(actor, pemilihan, id);
    },
  };
}
export type NetralitasService = ReturnType<typeof createNetralitasService>;
