/**
 * Petugas (issue 19): rosters per TPS with their completeness, health screening, the fatigue warning
 * and relief, officer incidents through the kejadian service, the dashboard per kecamatan, a region's
 * rule and the retention of health data. Personal data (NIK, phone, birth date, health) is shown
 * only to those who need it and every read of it is audited (domain/petugas/petugas.ts,
 * docs/domain/petugas.md §Privacy).
 */
import type {
  Dasbor,
  DasborRow,
  InsidenInput,
  InsidenUpdateInput,
  PetugasCreateInput,
  PetugasUpdateInput,
  PetugasView,
  SkriningInput,
  TpsRoster,
} from '../../../contracts/petugas';
import { hasPermission } from '../../../domain/access/roles';
import { isInScope, type Actor } from '../../../domain/access/scope';
import {
  ATURAN_KELELAHAN_DEFAULT,
  RETENSI_HARI_DEFAULT,
  SANTUNAN,
  SUSUNAN_KOSONG,
  aksesDataPribadi,
  checkHasilSkrining,
  checkNik,
  faktorRisikoSkrining,
  isPerTps,
  jamBertugas,
  kekuranganTps,
  levelOf,
  maskNik,
  maskTelepon,
  melebihiDengan,
  normalizeTelepon,
  santunanDisarankan,
  sarankanPengganti,
  shiftsOf,
  tambahSusunan,
  tingkatKelelahan,
  usiaPada,
  type AksesDataPribadi,
  type AturanKelelahan,
  type FaktorRisiko,
  type HasilSkrining,
  type JabatanPetugas,
  type JenisPetugas,
  type JenisSantunan,
  type KejadianHadir,
  type KondisiInsiden,
  type PenangananInsiden,
  type StatusSantunan,
  type SusunanTps,
} from '../../../domain/petugas/petugas';
import { formatNamaTps } from '../../../domain/tps/kode-tps';
import { kabKotaOf, parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import type { Db } from '../../db/client';
import { isUniqueViolation } from '../../db/pg-errors';
import { authorize, scopeFor } from '../../cross-cutting/access';
import type { AuditLog } from '../../cross-cutting/audit-log';
import type { Clock } from '../../cross-cutting/clock';
import { DomainError, forbidden, notFound } from '../../errors';
import type { KejadianService } from '../kejadian/kejadian.service';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
import * as repo from './petugas.repo';

export type Aturan = AturanKelelahan & { kodeWilayah: string | null; retensiHari: number };

/** A kab/kota's rule from its row, else Siaga's defaults. */
export function toAturan(
  row: { kode_wilayah: string; jam_peringatan: number; jam_bahaya: number; retensi_hari: number } | undefined,
): Aturan {
  return row
    ? {
        kodeWilayah: row.kode_wilayah,
        jamPeringatan: row.jam_peringatan,
        jamBahaya: row.jam_bahaya,
        retensiHari: row.retensi_hari,
      }
    : { kodeWilayah: null, ...ATURAN_KELELAHAN_DEFAULT, retensiHari: RETENSI_HARI_DEFAULT };
}

/** Rows a TPS list answers at most (a kecamatan has far fewer). */
const TPS_LIST_LIMIT = 2000;

const LABEL_JENIS: Record<JenisPetugas, string> = {
  kpps: 'KPPS',
  pps: 'PPS',
  ppk: 'PPK',
  linmas: 'Linmas',
  pengawas_tps: 'Pengawas TPS',
};
const LABEL_KONDISI: Record<KondisiInsiden, string> = {
  sakit: 'jatuh sakit',
  cedera: 'cedera',
  meninggal: 'meninggal dunia',
};
const LABEL_PENANGANAN: Record<PenangananInsiden, string> = {
  di_tempat: 'ditangani di tempat',
  puskesmas: 'dirujuk ke Puskesmas',
  rumah_sakit: 'dibawa ke rumah sakit',
  pulang: 'dipulangkan',
  meninggal: 'meninggal dunia',
};

/** What a reader may see and do at one TPS (or, for a KPPS chair, whether it is their own). */
function aksesOf(actor: Actor, ownTps: ReadonlySet<string>, tpsId: string | null): AksesDataPribadi {
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

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

function eventsByPetugas(rows: readonly { petugas_id: string; jenis: string; pada: Date | string }[]) {
  const map = new Map<string, KejadianHadir[]>();
  for (const r of rows) {
    const list = map.get(r.petugas_id) ?? [];
    list.push({ jenis: r.jenis as 'masuk' | 'keluar', pada: toDate(r.pada).getTime() });
    map.set(r.petugas_id, list);
  }
  return map;
}

/** A phone number as Siaga keeps it (08…), null when none was given; refuses one of the wrong shape. */
function teleponOf(input: string | null): string | null {
  if (input === null || input === '') return null;
  const telepon = normalizeTelepon(input);
  if (telepon === null) {
    throw new DomainError('validation', 'Nomor HP harus 08… atau +628…, 10 sampai 13 angka', {
      field: 'telepon',
    });
  }
  return telepon;
}

function requireNik(nik: string): void {
  const checked = checkNik(nik);
  if (!checked.ok) throw new DomainError('validation', checked.reason, { field: 'nik' });
}

/** Linmas and pengawas TPS have no chair (KEBUTUHAN_TPS, docs/domain/petugas.md). */
function requireJabatanOf(jenis: JenisPetugas, jabatan: JabatanPetugas): void {
  if ((jenis === 'linmas' || jenis === 'pengawas_tps') && jabatan === 'ketua') {
    throw new DomainError('validation', 'Linmas dan pengawas TPS tidak punya ketua', { field: 'jabatan' });
  }
}

/** A NIK already serving in the election: a person serves once. */
function nikTerdaftar(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new DomainError('conflict', 'NIK ini sudah terdaftar sebagai petugas pada pemilihan ini', {
      field: 'nik',
    });
  }
  throw error;
}

/** NIK, phone and birth date are entered and changed only by those who may see them (UU 27/2022). */
const IDENTITAS_TERLARANG =
  'NIK, nomor HP dan tanggal lahir petugas hanya diisi oleh yang berwenang melihatnya (KPU)';

export interface PetugasDeps {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  clock: Clock;
  kejadian: KejadianService;
}

export function createPetugasService(deps: PetugasDeps) {
  const { db } = deps;

  /** A kab/kota's rule (its row, else Siaga's defaults), for an area at or below it. */
  async function aturanOf(q: Db, kode: string): Promise<Aturan> {
    const kabKota = kabKotaOf(kode);
    return toAturan(kabKota === null ? undefined : (await repo.findAturan(q, [kabKota]))[0]);
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

  function viewOf(
    row: repo.PetugasRosterRow,
    akses: AksesDataPribadi,
    events: readonly KejadianHadir[],
    aturan: AturanKelelahan,
    now: number,
    hariPemungutan: string,
  ): PetugasView {
    const shifts = shiftsOf(events);
    const jam = jamBertugas(shifts, now);
    const tanggalLahir = row.tanggal_lahir === null ? null : String(row.tanggal_lahir).slice(0, 10);
    const skriningStatus =
      row.hasil !== null ? 'sudah' : row.kesehatan_dihapus_at !== null ? 'dihapus' : 'belum';
    return {
      id: row.id,
      jenis: row.jenis as JenisPetugas,
      jabatan: row.jabatan as JabatanPetugas,
      kodeWilayah: row.kode_wilayah,
      tpsId: row.tps_id,
      nama: row.nama,
      nik: akses.identitas ? row.nik : maskNik(row.nik)!,
      telepon: akses.identitas ? row.telepon : maskTelepon(row.telepon),
      tanggalLahir: akses.identitas ? tanggalLahir : null,
      usia: akses.identitas && tanggalLahir !== null ? usiaPada(tanggalLahir, hariPemungutan) : null,
      jenisKelamin: row.jenis_kelamin as 'L' | 'P' | null,
      identitasTersamar: !akses.identitas,
      skriningStatus,
      skrining:
        akses.kesehatan && row.hasil !== null
          ? {
              diperiksaOn: String(row.diperiksa_on).slice(0, 10),
              fasilitas: row.fasilitas ?? '',
              sistolik: row.sistolik,
              diastolik: row.diastolik,
              gulaDarah: row.gula_darah,
              faktorRisiko: (row.faktor_risiko ?? []) as FaktorRisiko[],
              hasil: row.hasil as HasilSkrining,
              catatan: row.catatan ?? '',
            }
          : null,
      shifts: shifts.map((s) => ({
        masuk: new Date(s.masuk).toISOString(),
        keluar: s.keluar === null ? null : new Date(s.keluar).toISOString(),
      })),
      jam,
      sedangBertugas: shifts.some((s) => s.keluar === null),
      kelelahan: tingkatKelelahan(jam, aturan),
      version: row.version,
    };
  }

  /** Everything a summary of an area needs, read once: TPS, officers, check-ins, incidents. */
  async function loadArea(pemilihan: PemilihanContext, kode: string) {
    const [tps, petugas, hadir, insiden, aturan] = await Promise.all([
      repo.findTpsOfPemilihanWithin(db, pemilihan.id, kode),
      repo.findPetugasSummaryWithin(db, pemilihan.id, kode),
      repo.findHadirWithin(db, pemilihan.id, kode),
      repo.findInsidenWithin(db, pemilihan.id, kode),
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

  /**
   * The retention rule, run by the timer on one node at a time (db/run-alone.ts) and by an admin on
   * demand: health data of officers of elections closed longer than their kab/kota's retention ago
   * is deleted, one audit row per kab/kota touched.
   */
  async function hapusKesehatanLewatRetensi(now: Date = deps.clock.now()): Promise<{ petugas: number }> {
    return db.transaction().execute(async (trx) => {
      const gone = await repo.deleteKesehatanLewatRetensi(trx, now, RETENSI_HARI_DEFAULT);
      const perArea = new Map<string, number>();
      for (const g of gone) {
        const key = `${g.pemilihan_id}|${kabKotaOf(g.kode_wilayah) ?? g.kode_wilayah}`;
        perArea.set(key, (perArea.get(key) ?? 0) + 1);
      }
      for (const [key, count] of perArea) {
        const [pemilihanId, kode] = key.split('|') as [string, string];
        await deps.audit.record(trx, null, {
          action: 'retensi',
          entity: 'petugas_kesehatan',
          entityId: pemilihanId,
          kodeWilayah: kode,
          before: null,
          after: { petugas: count },
        });
      }
      return { petugas: gone.length };
    });
  }

  return {
    aturanOf,
    hapusKesehatanLewatRetensi,

    /** A TPS's people: completeness, each officer (masked as the reader's access says), warnings. */
    async roster(
      actor: Actor,
      pemilihan: PemilihanContext,
      tpsId: string,
      options: { luring?: boolean } = {},
    ): Promise<TpsRoster> {
      const { tps, own } = await readableTps(actor, pemilihan, tpsId);
      // The copy a phone keeps for offline check-in (docs/domain/petugas.md §Data di ponsel): what
      // check-in needs and nothing more, as anyone without identity or health access sees it.
      const akses = options.luring ? { identitas: false, kesehatan: false } : aksesOf(actor, own, tps.id);
      const [rows, aturan, insiden, cadangan] = await Promise.all([
        repo.findPetugasOfTps(db, pemilihan.id, tps.id),
        aturanOf(db, tps.kode_wilayah),
        repo.findInsidenOfTps(db, pemilihan.id, tps.id),
        repo.findCadanganOfDesa(db, pemilihan.id, tps.kode_wilayah),
      ]);
      const hadir = await repo.findHadirOf(
        db,
        pemilihan.id,
        [...rows, ...cadangan].map((r) => r.id),
      );
      const events = eventsByPetugas(hadir);
      const now = deps.clock.now().getTime();
      const petugas = rows
        .map((r) => viewOf(r, akses, events.get(r.id) ?? [], aturan, now, pemilihan.hariPemungutan))
        .map((p) => (options.luring ? { ...p, jenisKelamin: null } : p));
      let susunan: SusunanTps = SUSUNAN_KOSONG;
      for (const p of petugas) susunan = tambahSusunan(susunan, p);
      const calon = [
        ...petugas.map((p) => ({
          id: p.id,
          nama: p.nama,
          jenis: p.jenis,
          jabatan: p.jabatan,
          tpsId: p.tpsId,
          kodeWilayah: p.kodeWilayah,
          hasilSkrining: rows.find((r) => r.id === p.id)?.hasil as HasilSkrining | null,
          jam: p.jam,
          sedangBertugas: p.sedangBertugas,
        })),
        ...cadangan.map((c) => {
          const shifts = shiftsOf(events.get(c.id) ?? []);
          return {
            id: c.id,
            nama: c.nama,
            jenis: c.jenis as JenisPetugas,
            jabatan: c.jabatan as JabatanPetugas,
            tpsId: null,
            kodeWilayah: c.kode_wilayah,
            hasilSkrining: c.hasil as HasilSkrining | null,
            jam: jamBertugas(shifts, now),
            sedangBertugas: shifts.some((s) => s.keluar === null),
          };
        }),
      ];
      const peringatan = petugas
        .filter((p) => p.kelelahan !== 'normal')
        .map((p) => ({
          petugasId: p.id,
          nama: p.nama,
          tingkat: p.kelelahan as 'peringatan' | 'bahaya',
          jam: p.jam,
          pengganti: sarankanPengganti(p, calon, aturan).map((c) => ({
            id: c.id,
            nama: calon.find((x) => x.id === c.id)!.nama,
            jabatan: c.jabatan,
            jam: c.jam,
          })),
        }));
      // UU 27/2022: every read of unmasked personal data leaves a trace of who read whose, when.
      if ((akses.identitas || akses.kesehatan) && rows.length > 0) {
        await deps.audit.record(db, actor, {
          action: 'baca_data_pribadi',
          entity: 'petugas_tps',
          entityId: tps.id,
          kodeWilayah: tps.kode_wilayah,
          before: null,
          after: {
            pemilihanId: pemilihan.id,
            petugas: rows.length,
            identitas: akses.identitas,
            kesehatan: akses.kesehatan,
          },
        });
      }
      return {
        tps: {
          id: tps.id,
          kode: tps.kode,
          nama: formatNamaTps(tps.nomor),
          kodeWilayah: tps.kode_wilayah,
          namaDesa: tps.nama_desa,
        },
        susunan,
        lengkap: kekuranganTps(susunan).length === 0,
        kekurangan: kekuranganTps(susunan),
        petugas,
        peringatan,
        insiden: insiden.map((i) => ({
          id: i.id,
          petugasId: i.petugas_id,
          kejadianId: i.kejadian_id,
          kondisi: akses.kesehatan ? (i.kondisi as KondisiInsiden) : null,
          penanganan: akses.kesehatan ? (i.penanganan as PenangananInsiden) : null,
          fasilitas: akses.kesehatan ? i.fasilitas : null,
          santunanJenis: i.santunan_jenis as JenisSantunan | null,
          santunanStatus: i.santunan_status as StatusSantunan,
          santunanRupiah: i.santunan_jenis === null ? null : SANTUNAN[i.santunan_jenis as JenisSantunan],
          terjadiAt: toDate(i.terjadi_at).toISOString(),
          version: i.version,
        })),
        aturan,
        akses: {
          ...akses,
          hadir:
            hasPermission(actor.role, 'petugas:hadir') &&
            (actor.role !== 'operator' || actor.agency === 'kpu') &&
            (actor.role !== 'kpps' || own.has(tps.id)),
          kelola: hasPermission(actor.role, 'petugas:manage'),
          insiden: hasPermission(actor.role, 'kejadian:report'),
        },
      };
    },

    /** The TPS of an area with their completeness, screened, on duty and warning counts. */
    async tpsList(actor: Actor, pemilihan: PemilihanContext, kode: string) {
      authorize(actor, 'petugas:read', kode);
      const area = await loadArea(pemilihan, kode);
      const own = await ownTpsOf(db, actor, pemilihan);
      const perTps = new Map<
        string,
        { susunan: SusunanTps; diskrining: number; bertugas: number; peringatan: number }
      >();
      for (const p of area.petugas) {
        if (p.tps_id === null) continue;
        const acc = perTps.get(p.tps_id) ?? {
          susunan: SUSUNAN_KOSONG,
          diskrining: 0,
          bertugas: 0,
          peringatan: 0,
        };
        acc.susunan = tambahSusunan(acc.susunan, {
          jenis: p.jenis as JenisPetugas,
          jabatan: p.jabatan as JabatanPetugas,
        });
        if (p.hasil !== null) acc.diskrining++;
        if (p.bertugas) acc.bertugas++;
        if (p.kelelahan !== 'normal') acc.peringatan++;
        perTps.set(p.tps_id, acc);
      }
      const visible = actor.role === 'kpps' ? area.tps.filter((t) => own.has(t.id)) : area.tps;
      return {
        items: visible.slice(0, TPS_LIST_LIMIT).map((t) => {
          const acc = perTps.get(t.id) ?? {
            susunan: SUSUNAN_KOSONG,
            diskrining: 0,
            bertugas: 0,
            peringatan: 0,
          };
          const kekurangan = kekuranganTps(acc.susunan);
          return {
            tpsId: t.id,
            kode: t.kode,
            nama: formatNamaTps(t.nomor),
            kodeWilayah: t.kode_wilayah,
            namaDesa: t.nama_desa,
            susunan: acc.susunan,
            lengkap: kekurangan.length === 0,
            kekurangan,
            diskrining: acc.diskrining,
            bertugas: acc.bertugas,
            peringatan: acc.peringatan,
          };
        }),
        truncated: visible.length > TPS_LIST_LIMIT,
      };
    },

    /**
     * The camat's and the Dinas Kesehatan's dashboard: per kecamatan of a kab/kota (or per
     * kelurahan of a kecamatan), completeness, screened, unfit, on duty, warnings and incidents.
     * Counts only: no personal data.
     */
    async dasbor(actor: Actor, pemilihan: PemilihanContext, kode: string): Promise<Dasbor> {
      authorize(actor, 'petugas:read', kode);
      const parsed = parseKodeWilayah(kode);
      if (!parsed.ok || parsed.value.level === 'provinsi' || parsed.value.level === 'desa') {
        throw new DomainError('validation', 'Dasbor petugas untuk kabupaten/kota atau kecamatan', {
          field: 'wilayah',
        });
      }
      const wilayah = await deps.wilayah.require(kode);
      const area = await loadArea(pemilihan, kode);
      const depth = kode.split('.').length + 1;
      const childOf = (k: string) => k.split('.').slice(0, depth).join('.');
      const empty = (k: string): DasborRow => ({
        kode: k,
        nama: k,
        tps: 0,
        tpsLengkap: 0,
        petugas: 0,
        diskrining: 0,
        tidakLayak: 0,
        bertugas: 0,
        peringatan: 0,
        bahaya: 0,
        insiden: 0,
      });
      const rows = new Map<string, DasborRow>();
      const row = (k: string) => {
        const key = childOf(k);
        const r = rows.get(key) ?? empty(key);
        rows.set(key, r);
        return r;
      };
      const susunanPerTps = new Map<string, SusunanTps>();
      for (const p of area.petugas) {
        const r = row(p.kode_wilayah);
        r.petugas++;
        if (p.hasil !== null) r.diskrining++;
        if (p.hasil === 'tidak_layak') r.tidakLayak++;
        if (p.bertugas) r.bertugas++;
        if (p.kelelahan === 'peringatan') r.peringatan++;
        if (p.kelelahan === 'bahaya') r.bahaya++;
        if (p.tps_id !== null) {
          susunanPerTps.set(
            p.tps_id,
            tambahSusunan(susunanPerTps.get(p.tps_id) ?? SUSUNAN_KOSONG, {
              jenis: p.jenis as JenisPetugas,
              jabatan: p.jabatan as JabatanPetugas,
            }),
          );
        }
      }
      for (const t of area.tps) {
        const r = row(t.kode_wilayah);
        r.tps++;
        if (kekuranganTps(susunanPerTps.get(t.id) ?? SUSUNAN_KOSONG).length === 0) r.tpsLengkap++;
      }
      for (const i of area.insiden) row(i.kode_wilayah).insiden++;
      const names = await deps.wilayah.findMany([...rows.keys()]);
      const list = [...rows.values()]
        .map((r) => ({ ...r, nama: names.get(r.kode)?.nama ?? r.kode }))
        .sort((a, b) => a.kode.localeCompare(b.kode));
      const total = list.reduce<DasborRow>(
        (sum, r) => {
          for (const key of Object.keys(sum) as (keyof DasborRow)[]) {
            if (key !== 'kode' && key !== 'nama') sum[key] += r[key];
          }
          return sum;
        },
        { ...empty(kode), nama: wilayah.nama },
      );
      return { kode, nama: wilayah.nama, aturan: area.aturan, rows: list, total };
    },

    /** Enters one officer (audited without the NIK). */
    async create(actor: Actor, pemilihan: PemilihanContext, input: PetugasCreateInput) {
      authorize(actor, 'petugas:manage', input.kodeWilayah);
      if (!aksesOf(actor, new Set(), input.tpsId).identitas) throw forbidden(IDENTITAS_TERLARANG);
      requireNik(input.nik);
      const telepon = teleponOf(input.telepon);
      const parsed = parseKodeWilayah(input.kodeWilayah);
      if (!parsed.ok || parsed.value.level !== levelOf(input.jenis)) {
        throw new DomainError(
          'validation',
          input.jenis === 'ppk'
            ? 'PPK bertugas di satu kecamatan'
            : 'Pilih kelurahan/desa tempat petugas bertugas',
          { field: 'kodeWilayah' },
        );
      }
      await deps.wilayah.requireKnown({ kodeWilayah: input.kodeWilayah });
      if (isPerTps(input.jenis) && input.tpsId === null && input.jabatan !== 'cadangan') {
        throw new DomainError('validation', 'Pilih TPS tempat petugas bertugas', { field: 'tpsId' });
      }
      if (!isPerTps(input.jenis) && input.tpsId !== null) {
        throw new DomainError('validation', 'PPS dan PPK tidak bertugas di satu TPS', { field: 'tpsId' });
      }
      requireJabatanOf(input.jenis, input.jabatan);
      return db.transaction().execute(async (trx) => {
        if (input.tpsId !== null) {
          const tps = await repo.findTps(trx, pemilihan.id, input.tpsId);
          if (!tps || !tps.dalam_pemilihan || tps.kode_wilayah !== input.kodeWilayah) {
            throw new DomainError(
              'validation',
              'TPS ini tidak ada di kelurahan/desa itu pada pemilihan ini',
              {
                field: 'tpsId',
              },
            );
          }
          let susunan = SUSUNAN_KOSONG;
          for (const p of await repo.findPetugasOfTps(trx, pemilihan.id, input.tpsId)) {
            susunan = tambahSusunan(susunan, {
              jenis: p.jenis as JenisPetugas,
              jabatan: p.jabatan as JabatanPetugas,
            });
          }
          if (melebihiDengan(susunan, input) !== null) {
            throw new DomainError('invalid_state', 'TPS ini sudah lengkap untuk jabatan itu', {
              field: 'jabatan',
            });
          }
        }
        let id: string;
        try {
          ({ id } = await repo.insertPetugas(trx, {
            pemilihan_id: pemilihan.id,
            jenis: input.jenis,
            jabatan: input.jabatan,
            kode_wilayah: input.kodeWilayah,
            tps_id: input.tpsId,
            nama: input.nama,
            nik: input.nik,
            telepon,
            tanggal_lahir: input.tanggalLahir,
            jenis_kelamin: input.jenisKelamin,
            created_by: actor.userId,
          }));
        } catch (error) {
          nikTerdaftar(error);
        }
        await deps.audit.record(trx, actor, {
          action: 'create',
          entity: 'petugas',
          entityId: id,
          kodeWilayah: input.kodeWilayah,
          before: null,
          // Personal data stays out of the audit trail: who, what duty, where.
          after: {
            jenis: input.jenis,
            jabatan: input.jabatan,
            tpsId: input.tpsId,
            pemilihanId: pemilihan.id,
          },
        });
        return { id };
      });
    },

    /**
     * Changes one officer (the KPU's operator correcting a name, a NIK, a chair): the fields given,
     * against the version read; identity only by those who see it. Audited with the names of the
     * fields changed, never their values.
     */
    async ubah(actor: Actor, pemilihan: PemilihanContext, petugasId: string, input: PetugasUpdateInput) {
      return db.transaction().execute(async (trx) => {
        const { row, akses } = await actionable(trx, actor, pemilihan, petugasId);
        authorize(actor, 'petugas:manage', row.kode_wilayah);
        const identitas =
          input.nik !== undefined || input.telepon !== undefined || input.tanggalLahir !== undefined;
        if (identitas && !akses.identitas) throw forbidden(IDENTITAS_TERLARANG);
        if (input.nik !== undefined) requireNik(input.nik);
        const jenis = row.jenis as JenisPetugas;
        const jabatan = input.jabatan ?? (row.jabatan as JabatanPetugas);
        requireJabatanOf(jenis, jabatan);
        if (row.tps_id !== null && jabatan !== row.jabatan) {
          let susunan = SUSUNAN_KOSONG;
          for (const p of await repo.findPetugasOfTps(trx, pemilihan.id, row.tps_id)) {
            if (p.id === row.id) continue;
            susunan = tambahSusunan(susunan, {
              jenis: p.jenis as JenisPetugas,
              jabatan: p.jabatan as JabatanPetugas,
            });
          }
          if (melebihiDengan(susunan, { jenis, jabatan }) !== null) {
            throw new DomainError('invalid_state', 'TPS ini sudah lengkap untuk jabatan itu', {
              field: 'jabatan',
            });
          }
        }
        const values = {
          jabatan,
          nama: input.nama ?? row.nama,
          nik: input.nik ?? row.nik,
          telepon: input.telepon === undefined ? row.telepon : teleponOf(input.telepon),
          tanggal_lahir:
            input.tanggalLahir === undefined
              ? row.tanggal_lahir === null
                ? null
                : String(row.tanggal_lahir).slice(0, 10)
              : input.tanggalLahir,
          jenis_kelamin: input.jenisKelamin === undefined ? row.jenis_kelamin : input.jenisKelamin,
        };
        let updated: { version: number } | undefined;
        try {
          updated = await repo.updatePetugas(trx, row.id, input.version, values);
        } catch (error) {
          nikTerdaftar(error);
        }
        if (!updated) {
          throw new DomainError('conflict', 'Petugas ini sudah diubah orang lain; muat ulang', {
            field: 'version',
          });
        }
        const diubah = (Object.keys(input) as (keyof PetugasUpdateInput)[]).filter((k) => k !== 'version');
        await deps.audit.record(trx, actor, {
          action: 'update',
          entity: 'petugas',
          entityId: row.id,
          kodeWilayah: row.kode_wilayah,
          // Personal data stays out of the audit trail: which fields changed, and the duty.
          before: { jabatan: row.jabatan },
          after: { jabatan, diubah, pemilihanId: pemilihan.id },
        });
        return { id: row.id, version: updated.version };
      });
    },

    /** Records the Puskesmas check; the audit row says that it happened, never what it found. */
    async skrining(actor: Actor, pemilihan: PemilihanContext, petugasId: string, input: SkriningInput) {
      return db.transaction().execute(async (trx) => {
        const { row, akses } = await actionable(trx, actor, pemilihan, petugasId);
        authorize(actor, 'petugas:kesehatan', row.kode_wilayah);
        if (!akses.kesehatan)
          throw forbidden('Data kesehatan petugas hanya untuk KPU, Dinas Kesehatan dan ketua KPPS');
        const problem = checkHasilSkrining(input);
        if (problem) throw new DomainError('validation', problem, { field: 'hasil' });
        if (input.diperiksaOn > pemilihan.hariPemungutan) {
          throw new DomainError('validation', 'Skrining dilakukan sebelum hari pemungutan', {
            field: 'diperiksaOn',
          });
        }
        const tanggalLahir = row.tanggal_lahir === null ? null : String(row.tanggal_lahir).slice(0, 10);
        const usia = tanggalLahir === null ? null : usiaPada(tanggalLahir, pemilihan.hariPemungutan);
        const faktor = faktorRisikoSkrining(input.faktorRisiko, usia);
        await repo.upsertSkrining(trx, {
          petugas_id: row.id,
          diperiksa_on: input.diperiksaOn,
          fasilitas: input.fasilitas,
          sistolik: input.sistolik,
          diastolik: input.diastolik,
          gula_darah: input.gulaDarah,
          faktor_risiko: faktor,
          hasil: input.hasil,
          catatan: input.catatan,
          dicatat_oleh: actor.userId,
          dicatat_at: deps.clock.now(),
        });
        await repo.markKesehatanAda(trx, row.id);
        await deps.audit.record(trx, actor, {
          action: 'skrining',
          entity: 'petugas',
          entityId: row.id,
          kodeWilayah: row.kode_wilayah,
          before: null,
          after: { skrining: 'dicatat', pemilihanId: pemilihan.id },
        });
        return { petugasId: row.id, faktorRisiko: faktor, hasil: input.hasil };
      });
    },

    /**
     * An officer who fell ill, was injured or died: reported as a kejadian (kesehatan_petugas) through
     * the kejadian service, without name or NIK (incidents are read widely), then kept here with the
     * follow-up. A retry with the same client id answers with the first copy.
     */
    async laporInsiden(actor: Actor, pemilihan: PemilihanContext, input: InsidenInput) {
      const previous = await repo.findInsidenByClientId(db, input.clientId);
      if (previous) {
        if (previous.pemilihan_id !== pemilihan.id || previous.petugas_id !== input.petugasId) {
          throw new DomainError('conflict', 'clientId ini sudah dipakai untuk laporan lain', {
            field: 'clientId',
          });
        }
        return { id: previous.id, kejadianId: previous.kejadian_id, replayed: true };
      }
      const { row } = await actionable(db, actor, pemilihan, input.petugasId);
      authorize(actor, 'kejadian:report', row.kode_wilayah);
      const jabatan = row.jabatan === 'ketua' ? 'Ketua' : row.jabatan === 'cadangan' ? 'Cadangan' : 'Anggota';
      let tempat = '';
      if (row.tps_id !== null) {
        const tps = await repo.findTps(db, pemilihan.id, row.tps_id);
        if (tps) tempat = ` ${formatNamaTps(tps.nomor)}`;
      }
      const kejadian = await deps.kejadian.report(actor, pemilihan, {
        clientId: input.clientId,
        kategori: 'kesehatan_petugas',
        kodeWilayah: row.kode_wilayah,
        tpsId: row.tps_id,
        terjadiAt: input.terjadiAt,
        uraian: `${jabatan} ${LABEL_JENIS[row.jenis as JenisPetugas]}${tempat} ${LABEL_KONDISI[input.kondisi]}, ${LABEL_PENANGANAN[input.penanganan]}.`,
        keparahan: input.kondisi === 'meninggal' ? 'kritis' : undefined,
        terbatas: false,
        pelaporRahasia: false,
      });
      return db.transaction().execute(async (trx) => {
        const inserted = await repo.insertInsiden(trx, {
          client_id: input.clientId,
          pemilihan_id: pemilihan.id,
          petugas_id: row.id,
          kejadian_id: kejadian.id,
          kondisi: input.kondisi,
          penanganan: input.penanganan,
          fasilitas: input.fasilitas,
          santunan_jenis: santunanDisarankan(input.kondisi),
          catatan: input.catatan,
          terjadi_at: input.terjadiAt,
          created_by: actor.userId,
        });
        if (!inserted) {
          const first = await repo.findInsidenByClientId(trx, input.clientId);
          return { id: first!.id, kejadianId: first!.kejadian_id, replayed: true };
        }
        await deps.audit.record(trx, actor, {
          action: 'insiden',
          entity: 'petugas',
          entityId: row.id,
          kodeWilayah: row.kode_wilayah,
          before: null,
          after: { insidenId: inserted.id, kejadianId: kejadian.id, pemilihanId: pemilihan.id },
        });
        return { id: inserted.id, kejadianId: kejadian.id, replayed: false };
      });
    },

    /** Follow-up of an officer incident: where they were taken, compensation (health access only). */
    async ubahInsiden(actor: Actor, pemilihan: PemilihanContext, id: string, input: InsidenUpdateInput) {
      return db.transaction().execute(async (trx) => {
        const found = await repo.findInsiden(trx, id);
        if (!found || found.pemilihan_id !== pemilihan.id || !isInScope(actor, found.kode_wilayah)) {
          throw notFound('Insiden petugas');
        }
        const { akses } = await actionable(trx, actor, pemilihan, found.petugas_id);
        authorize(actor, 'petugas:kesehatan', found.kode_wilayah);
        if (!akses.kesehatan)
          throw forbidden('Tindak lanjut insiden petugas hanya untuk KPU, Dinas Kesehatan dan ketua KPPS');
        const next = {
          penanganan: input.penanganan ?? found.penanganan,
          fasilitas: input.fasilitas ?? found.fasilitas,
          santunan_jenis: input.santunanJenis === undefined ? found.santunan_jenis : input.santunanJenis,
          santunan_status: input.santunanStatus ?? found.santunan_status,
          catatan: input.catatan ?? found.catatan,
        };
        if (next.santunan_status !== 'belum' && next.santunan_jenis === null) {
          throw new DomainError('validation', 'Pilih jenis santunan sebelum mengajukannya', {
            field: 'santunanJenis',
          });
        }
        const updated = await repo.updateInsiden(trx, id, input.version, next);
        if (!updated)
          throw new DomainError('conflict', 'Insiden ini sudah diubah orang lain; muat ulang', {
            field: 'version',
          });
        await deps.audit.record(trx, actor, {
          action: 'update',
          entity: 'petugas_insiden',
          entityId: id,
          kodeWilayah: found.kode_wilayah,
          // Compensation and its status are not health data; where they were treated is.
          before: { santunanJenis: found.santunan_jenis, santunanStatus: found.santunan_status },
          after: { santunanJenis: next.santunan_jenis, santunanStatus: next.santunan_status },
        });
        return { id, version: updated.version };
      });
    },

    /** A region's rule (read by everyone who reads petugas there). */
    async aturan(actor: Actor, kode: string): Promise<Aturan> {
      authorize(actor, 'petugas:read', kode);
      return aturanOf(db, kode);
    },

    /** Sets a kab/kota's fatigue thresholds and retention (an admin; audited). */
    async setAturan(
      actor: Actor,
      kode: string,
      input: { jamPeringatan: number; jamBahaya: number; retensiHari: number },
    ): Promise<Aturan> {
      authorize(actor, 'petugas:configure', kode);
      const parsed = parseKodeWilayah(kode);
      if (!parsed.ok || parsed.value.level !== 'kabkota') {
        throw new DomainError('validation', 'Aturan petugas ditetapkan per kabupaten/kota', {
          field: 'kode',
        });
      }
      await deps.wilayah.require(kode);
      return db.transaction().execute(async (trx) => {
        const before = await aturanOf(trx, kode);
        await repo.upsertAturan(trx, {
          kode_wilayah: kode,
          jam_peringatan: input.jamPeringatan,
          jam_bahaya: input.jamBahaya,
          retensi_hari: input.retensiHari,
          updated_by: actor.userId,
        });
        await deps.audit.record(trx, actor, {
          action: 'aturan',
          entity: 'petugas_aturan',
          entityId: null,
          kodeWilayah: kode,
          before,
          after: input,
        });
        return { kodeWilayah: kode, ...input };
      });
    },

    /** An admin runs the retention rule now (for their scope it changes nothing else). */
    async jalankanRetensi(actor: Actor): Promise<{ petugas: number }> {
      authorize(actor, 'petugas:configure', actor.kodeWilayah);
      return hapusKesehatanLewatRetensi();
    },

    /** The scope a read of `requested` may cover (for the export's route). */
    scope(actor: Actor, requested: string): string {
      const scope = scopeFor(actor, requested);
      if (scope === null) throw new DomainError('validation', 'Pilih wilayah', { field: 'wilayah' });
      authorize(actor, 'petugas:read', scope);
      return scope;
    },

    /** Export rows, always masked: a file leaves Siaga, so it never carries identity or health. */
    async *exportRows(actor: Actor, pemilihan: PemilihanContext, kode: string) {
      authorize(actor, 'petugas:read', kode);
      if (actor.role === 'kpps') throw forbidden('Ekspor petugas untuk KPU, Pemda dan pengawas');
      for await (const chunk of repo.streamPetugas(db, pemilihan.id, kode)) {
        yield chunk.map((p) => ({
          jenis: p.jenis,
          jabatan: p.jabatan,
          kode_wilayah: p.kode_wilayah,
          tps: p.nomor_tps === null ? '' : String(p.nomor_tps).padStart(3, '0'),
          nama: p.nama,
          nik: maskNik(p.nik) ?? '',
          telepon: maskTelepon(p.telepon) ?? '',
          jenis_kelamin: p.jenis_kelamin ?? '',
          diskrining: p.diskrining ? 'ya' : 'tidak',
        }));
      }
    },
  };
}
export type PetugasService = ReturnType<typeof createPetugasService>;
