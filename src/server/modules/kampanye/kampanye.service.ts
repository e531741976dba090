/**
 * Campaign events, paslon and posko of an election (issue 18): the Polres and Bawaslu record them,
 * Siaga flags clashes, the masa tenang, rawan kelurahan, events without forces or STTP. Forces come
 * from the duty model of the pengamanan plan (the `personel` dependency). Rules:
 * src/domain/kampanye/, docs/domain/kampanye.md.
 */
import { randomUUID } from 'node:crypto';
import type {
  BatalInput,
  Kegiatan,
  KegiatanInput,
  KegiatanList,
  Paslon,
  PaslonInput,
  Posko,
  PoskoInput,
  PoskoJagaInput,
} from '../../../contracts/kampanye';
import type { Tugas } from '../../../contracts/pengamanan';
import type { Actor } from '../../../domain/access/scope';
import { parseJadwal, type JadwalError } from '../../../domain/kampanye/jadwal-import';
import {
  BATAS_RAPAT_UMUM,
  FLAG_KEGIATAN,
  findBentrok,
  flagKegiatan,
  jendelaPoskoDefault,
  KEBUTUHAN_POLRI_POSKO,
  kebutuhanPersonel,
  masaKegiatan,
  type FlagKegiatan,
  type JenisKegiatan,
} from '../../../domain/kampanye/kampanye';
import type { Titik } from '../../../domain/geo/jarak';
import { todayIn, ZONA_OFFSET_HOURS, zonaOf } from '../../../domain/time/zona';
import { isWithinWilayah, parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import type { AuditLog } from '../../cross-cutting/audit-log';
import { authorize, scopeFor } from '../../cross-cutting/access';
import type { Clock } from '../../cross-cutting/clock';
import type { Insertable } from 'kysely';
import type { Db } from '../../db/client';
import type { KampanyeKegiatanTable } from '../../db/schema';
import { isUniqueViolation } from '../../db/pg-errors';
import { DomainError, notFound } from '../../errors';
import { readSheet, type ImportFile } from '../../files/read-sheet';
import type { KerawananService } from '../kerawanan/kerawanan.service';
import type { PengamananService } from '../pengamanan/pengamanan.service';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { createOnce } from '../../cross-cutting/create-once';
import type { WilayahService } from '../wilayah/wilayah.service';
import * as repo from './kampanye.repo';

/** Forces assigned to each event's duty in the security plan (the duty model); 0 when none. */
export type PersonelOf = (
  pemilihan: PemilihanContext,
  kegiatanIds: readonly string[],
) => Promise<Map<string, number>>;

export interface KampanyeDeps {
  db: Db;
  audit: AuditLog;
  clock: Clock;
  wilayah: WilayahService;
  kerawanan: Pick<KerawananService, 'kelurahanRawan'>;
  /** The duty model of the plan (ADR 0016): each event is a duty the Polres staffs. */
  pengamanan: Pick<PengamananService, 'simpanTugas' | 'hapusTugas' | 'tugasUntukSumber'>;
}

const validation = (message: string, field: string, code: string) =>
  new DomainError('validation', message, { field, code });

/** The kab/kota holding an area (the clash search spans it: a neighbour's rally is still a clash). */
function kabKotaOf(kode: string): string {
  return kode.split('.').slice(0, 2).join('.');
}

function paslonRef(row: { paslon_id: string | null; nomor_urut: number | null; nama_paslon: string | null }) {
  return row.paslon_id === null
    ? null
    : { id: row.paslon_id, nomorUrut: row.nomor_urut!, nama: row.nama_paslon! };
}

function toPaslon(row: repo.PaslonRow): Paslon {
  return {
    id: row.id,
    kodeWilayah: row.kode_wilayah,
    namaWilayah: row.nama_wilayah,
    nomorUrut: row.nomor_urut,
    nama: row.nama,
  };
}

function toPosko(row: repo.PoskoRow, tugas: Tugas | null): Posko {
  return {
    id: row.id,
    paslon: { id: row.paslon_id, nomorUrut: row.nomor_urut, nama: row.nama_paslon },
    nama: row.nama,
    kodeWilayah: row.kode_wilayah,
    namaWilayah: row.nama_wilayah,
    lat: row.lat,
    lon: row.lon,
    alamat: row.alamat,
    kontakNama: row.kontak_nama,
    kontakTelepon: row.kontak_telepon,
    jagaMulai: row.jaga_mulai?.toISOString() ?? null,
    jagaSelesai: row.jaga_selesai?.toISOString() ?? null,
    kebutuhanPolri: row.kebutuhan_polri,
    personel: tugas?.petugas.reduce((n, p) => n + p.jumlah, 0) ?? 0,
    tugas,
    version: row.version,
  };
}

export function createKampanyeService(deps: KampanyeDeps) {
  const { db } = deps;

  /** Registers (or updates) the event's duty in the plan, in the event's own transaction. */
  async function simpanTugas(
    trx: Db,
    actor: Actor,
    pemilihan: PemilihanContext,
    id: string,
    row: Insertable<KampanyeKegiatanTable>,
  ) {
    await deps.pengamanan.simpanTugas(trx, actor, pemilihan, {
      jenis: 'kampanye',
      sumberId: id,
      kodeWilayah: row.kode_wilayah,
      nama: row.judul,
      mulai: row.mulai_at,
      selesai: row.selesai_at,
      kebutuhan: kebutuhanPersonel(row.jenis as JenisKegiatan, row.perkiraan_massa ?? null),
    });
  }

  /** Where an event's local days fall among the election's stages. */
  function masaOf(pemilihan: PemilihanContext, kode: string, mulaiAt: Date, selesaiAt: Date) {
    return masaKegiatan(
      pemilihan.tahapan,
      todayIn(kode, mulaiAt),
      todayIn(kode, new Date(selesaiAt.getTime() - 1)),
    );
  }

  /**
   * The guard of a posko: the window entered, or the campaign stage in the posko's own time zone
   * (jendelaPoskoDefault, Siaga default), and the Polri it asks (KEBUTUHAN_POLRI_POSKO unless entered).
   */
  function jagaOf(
    pemilihan: PemilihanContext,
    kode: string,
    input: Pick<PoskoInput, 'jagaMulai' | 'jagaSelesai' | 'kebutuhanPolri'>,
  ) {
    const jendela =
      input.jagaMulai && input.jagaSelesai
        ? { mulaiAt: new Date(input.jagaMulai), selesaiAt: new Date(input.jagaSelesai) }
        : jendelaPoskoDefault(pemilihan.tahapan, ZONA_OFFSET_HOURS[zonaOf(kode)]);
    if (jendela === null) {
      throw validation(
        'Pemilihan ini tidak punya tahapan kampanye: isi waktu mulai dan selesai penjagaan posko',
        'jagaMulai',
        'jaga_posko_wajib',
      );
    }
    return {
      jaga_mulai: jendela.mulaiAt,
      jaga_selesai: jendela.selesaiAt,
      kebutuhan_polri: input.kebutuhanPolri ?? KEBUTUHAN_POLRI_POSKO,
    };
  }

  /** Registers (or moves) the posko's duty in the plan, in the posko's own transaction. */
  async function simpanTugasPosko(
    trx: Db,
    actor: Actor,
    pemilihan: PemilihanContext,
    id: string,
    posko: { nama: string; kode_wilayah: string },
    jaga: ReturnType<typeof jagaOf>,
  ) {
    await deps.pengamanan.simpanTugas(trx, actor, pemilihan, {
      jenis: 'posko',
      sumberId: id,
      kodeWilayah: posko.kode_wilayah,
      nama: posko.nama,
      mulai: jaga.jaga_mulai,
      selesai: jaga.jaga_selesai,
      kebutuhan: { polri: jaga.kebutuhan_polri },
    });
  }

  /** Posko rows as the API shows them, each with its duty. */
  async function poskoViews(pemilihan: PemilihanContext, rows: readonly repo.PoskoRow[]): Promise<Posko[]> {
    const tugas = await deps.pengamanan.tugasUntukSumber(
      pemilihan,
      'posko',
      rows.map((r) => r.id),
    );
    return rows.map((r) => toPosko(r, tugas.get(r.id) ?? null));
  }

  async function getPosko(pemilihan: PemilihanContext, id: string): Promise<Posko> {
    const row = await repo.findPosko(db, pemilihan.id, id);
    if (!row) throw notFound('Posko');
    return (await poskoViews(pemilihan, [row]))[0]!;
  }

  /** A campaign event's place: a kecamatan or a kelurahan/desa that exists. */
  async function requirePlace(kode: string, field = 'kodeWilayah') {
    const parsed = parseKodeWilayah(kode);
    if (!parsed.ok || (parsed.value.level !== 'kecamatan' && parsed.value.level !== 'desa')) {
      throw validation('Pilih kecamatan atau kelurahan/desa tempat kegiatan', field, 'wilayah_terlalu_luas');
    }
    await deps.wilayah.requireKnown({ [field]: kode });
  }

  /** The paslon of this election whose contest covers the place. */
  async function requirePaslon(pemilihan: PemilihanContext, paslonId: string, kode: string) {
    const paslon = await repo.findPaslon(db, pemilihan.id, paslonId);
    if (!paslon)
      throw validation(
        'Pasangan calon tidak ditemukan pada pemilihan ini',
        'paslonId',
        'paslon_tidak_ditemukan',
      );
    if (!isWithinWilayah(kode, paslon.kode_wilayah)) {
      throw validation(
        `Tempat kegiatan di luar wilayah pemilihan ${paslon.nama_wilayah}`,
        'kodeWilayah',
        'di_luar_wilayah_paslon',
      );
    }
    return paslon;
  }

  /** Every event of the kab/kota around `scope` with its flags; the items are those inside `scope`. */
  async function evaluate(pemilihan: PemilihanContext, scope: string): Promise<Kegiatan[]> {
    const area = scope.split('.').length > 2 ? kabKotaOf(scope) : scope;
    const rows = await repo.findKegiatanWithin(db, pemilihan.id, area);
    const live = rows.filter((r) => r.dibatalkan_at === null);
    const shown = rows.filter((r) => isWithinWilayah(r.kode_wilayah, scope));
    const bentrok = findBentrok(
      live.map((r) => ({
        id: r.id,
        jenis: r.jenis as JenisKegiatan,
        paslonId: r.paslon_id,
        kodeWilayah: r.kode_wilayah,
        tempat: r.tempat as Titik[],
        mulaiAt: r.mulai_at,
        selesaiAt: r.selesai_at,
      })),
    );
    const [rawan, tugas, paslon] = await Promise.all([
      deps.kerawanan.kelurahanRawan(pemilihan, area, 'pra'),
      deps.pengamanan.tugasUntukSumber(
        pemilihan,
        'kampanye',
        shown.map((r) => r.id),
      ),
      repo.findPaslonRelated(db, pemilihan.id, area),
    ]);
    const rawanKode = new Set(rawan.map((r) => r.kode));
    const personel = new Map([...tugas].map(([id, t]) => [id, t.petugas.reduce((n, p) => n + p.jumlah, 0)]));
    const levelOf = new Map(paslon.map((p) => [p.id, p.kode_wilayah.split('.').length]));
    const flags = flagKegiatan(
      live.map((r) => ({
        id: r.id,
        jenis: r.jenis as JenisKegiatan,
        paslonId: r.paslon_id,
        masa: masaOf(pemilihan, r.kode_wilayah, r.mulai_at, r.selesai_at),
        // An event in a kecamatan is rawan when a kelurahan of it is.
        rawan: [...rawanKode].some((k) => isWithinWilayah(k, r.kode_wilayah)),
        personel: personel.get(r.id) ?? 0,
        sttpNomor: r.sttp_nomor,
        mulaiAt: r.mulai_at,
      })),
      bentrok,
      (paslonId) => (levelOf.get(paslonId) === 1 ? BATAS_RAPAT_UMUM.provinsi : BATAS_RAPAT_UMUM.kabkota),
    );
    const judulOf = new Map(live.map((r) => [r.id, r.judul]));
    const lawan = new Map<string, string[]>();
    for (const [a, b] of bentrok) {
      lawan.set(a, [...(lawan.get(a) ?? []), b]);
      lawan.set(b, [...(lawan.get(b) ?? []), a]);
    }
    return shown.map((r) => ({
      id: r.id,
      jenis: r.jenis as JenisKegiatan,
      paslon: paslonRef(r),
      judul: r.judul,
      kodeWilayah: r.kode_wilayah,
      namaWilayah: r.nama_wilayah,
      tempat: r.tempat as [number, number][],
      alamat: r.alamat,
      mulaiAt: r.mulai_at.toISOString(),
      selesaiAt: r.selesai_at.toISOString(),
      sttpNomor: r.sttp_nomor,
      perkiraanMassa: r.perkiraan_massa,
      kontak: r.kontak,
      dibatalkan: r.dibatalkan_at !== null,
      personel: personel.get(r.id) ?? 0,
      tugas: tugas.get(r.id) ?? null,
      flags: r.dibatalkan_at === null ? (flags.get(r.id) ?? []) : [],
      bentrokDengan: (lawan.get(r.id) ?? []).map((id) => ({ id, judul: judulOf.get(id)! })),
      version: r.version,
    }));
  }

  async function getKegiatan(actor: Actor, pemilihan: PemilihanContext, id: string): Promise<Kegiatan> {
    authorize(actor, 'kampanye:read', actor.kodeWilayah);
    const row = await repo.findKegiatan(db, pemilihan.id, id);
    if (!row || (actor.kodeWilayah !== null && !isWithinWilayah(row.kode_wilayah, actor.kodeWilayah))) {
      throw notFound('Kegiatan kampanye');
    }
    const items = await evaluate(pemilihan, row.kode_wilayah);
    return items.find((k) => k.id === id)!;
  }

  /** The rows of one event checked against the election and the places; the insert row when it passes. */
  async function prepareKegiatan(actor: Actor, pemilihan: PemilihanContext, input: KegiatanInput) {
    authorize(actor, 'kampanye:manage', input.kodeWilayah);
    await requirePlace(input.kodeWilayah);
    if (input.jenis !== 'debat' && input.paslonId === null) {
      throw validation('Pilih pasangan calon (kosong hanya untuk debat KPU)', 'paslonId', 'paslon_wajib');
    }
    if (input.paslonId !== null) await requirePaslon(pemilihan, input.paslonId, input.kodeWilayah);
    const mulaiAt = new Date(input.mulaiAt);
    const selesaiAt = new Date(input.selesaiAt);
    if (masaOf(pemilihan, input.kodeWilayah, mulaiAt, selesaiAt) === 'masa_tenang') {
      throw validation(
        'Masa tenang: tidak boleh ada kegiatan kampanye dalam bentuk apa pun',
        'mulaiAt',
        'masa_tenang',
      );
    }
    return {
      client_id: input.clientId,
      pemilihan_id: pemilihan.id,
      jenis: input.jenis,
      paslon_id: input.paslonId,
      judul: input.judul,
      kode_wilayah: input.kodeWilayah,
      tempat: JSON.stringify(input.tempat),
      alamat: input.alamat ?? null,
      mulai_at: mulaiAt,
      selesai_at: selesaiAt,
      sttp_nomor: input.sttpNomor ?? null,
      perkiraan_massa: input.perkiraanMassa ?? null,
      kontak: input.kontak ?? null,
      created_by: actor.userId,
    };
  }

  /** A retried submission answers with its first copy (never one of another election). */
  async function once(
    find: () => Promise<{ id: string; pemilihan_id: string } | undefined>,
    pemilihan: PemilihanContext,
    write: () => Promise<string>,
  ): Promise<{ id: string; replayed: boolean }> {
    const { made, replayed } = await createOnce({ find, write, pemilihan, replay: (first) => first.id });
    return { id: made, replayed };
  }

  return {
    async listPaslon(actor: Actor, pemilihan: PemilihanContext, wilayah: string | undefined) {
      const scope = scopeFor(actor, wilayah);
      authorize(actor, 'kampanye:read', scope);
      return { items: (await repo.findPaslonRelated(db, pemilihan.id, scope)).map(toPaslon) };
    },

    async createPaslon(actor: Actor, pemilihan: PemilihanContext, input: PaslonInput): Promise<Paslon> {
      authorize(actor, 'kampanye:manage', input.kodeWilayah);
      const parsed = parseKodeWilayah(input.kodeWilayah);
      if (!parsed.ok || (parsed.value.level !== 'provinsi' && parsed.value.level !== 'kabkota')) {
        throw validation(
          'Wilayah pemilihan paslon adalah provinsi atau kabupaten/kota',
          'kodeWilayah',
          'wilayah_paslon',
        );
      }
      await deps.wilayah.requireKnown({ kodeWilayah: input.kodeWilayah });
      const { id } = await once(
        () => repo.findPaslonByClientId(db, actor.userId, input.clientId),
        pemilihan,
        () =>
          db.transaction().execute(async (trx) => {
            const id = await repo.insertPaslon(trx, {
              client_id: input.clientId,
              pemilihan_id: pemilihan.id,
              kode_wilayah: input.kodeWilayah,
              nomor_urut: input.nomorUrut,
              nama: input.nama,
              created_by: actor.userId,
            });
            await deps.audit.record(trx, actor, {
              action: 'paslon.create',
              entity: 'paslon',
              entityId: id,
              kodeWilayah: input.kodeWilayah,
              before: null,
              after: { ...input, pemilihanId: pemilihan.id },
            });
            return id;
          }),
      ).catch((error: unknown) => {
        if (isUniqueViolation(error)) {
          throw new DomainError('conflict', `Nomor urut ${input.nomorUrut} sudah dipakai di wilayah ini`, {
            field: 'nomorUrut',
            code: 'nomor_urut_dipakai',
          });
        }
        throw error;
      });
      return toPaslon((await repo.findPaslon(db, pemilihan.id, id))!);
    },

    async listKegiatan(
      actor: Actor,
      pemilihan: PemilihanContext,
      wilayah: string | undefined,
    ): Promise<KegiatanList> {
      const scope = scopeFor(actor, wilayah);
      authorize(actor, 'kampanye:read', scope);
      // Flags read the kerawanan of the area: a national list would scan every TPS of the nation.
      if (scope === null) throw validation('Pilih provinsi atau kabupaten/kota', 'wilayah', 'wilayah_wajib');
      const items = await evaluate(pemilihan, scope);
      const ringkasan = Object.fromEntries(FLAG_KEGIATAN.map((f) => [f, 0])) as Record<FlagKegiatan, number>;
      for (const k of items) for (const f of k.flags) ringkasan[f] += 1;
      return { items, ringkasan };
    },

    getKegiatan,

    async createKegiatan(actor: Actor, pemilihan: PemilihanContext, input: KegiatanInput) {
      const row = await prepareKegiatan(actor, pemilihan, input);
      const { id, replayed } = await once(
        () => repo.findKegiatanByClientId(db, actor.userId, input.clientId),
        pemilihan,
        () =>
          db.transaction().execute(async (trx) => {
            const [id] = await repo.insertKegiatan(trx, [row]);
            await simpanTugas(trx, actor, pemilihan, id!, row);
            await deps.audit.record(trx, actor, {
              action: 'kampanye.kegiatan.create',
              entity: 'kampanye_kegiatan',
              entityId: id!,
              kodeWilayah: input.kodeWilayah,
              before: null,
              after: { ...input, pemilihanId: pemilihan.id },
            });
            return id!;
          }),
      );
      return { ...(await getKegiatan(actor, pemilihan, id)), replayed };
    },

    async cancelKegiatan(actor: Actor, pemilihan: PemilihanContext, id: string, input: BatalInput) {
      await db.transaction().execute(async (trx) => {
        const row = await repo.findKegiatanForUpdate(trx, id);
        if (!row || row.pemilihan_id !== pemilihan.id) throw notFound('Kegiatan kampanye');
        authorize(actor, 'kampanye:manage', row.kode_wilayah);
        if (row.version !== input.version) {
          throw new DomainError('conflict', 'Kegiatan telah diubah orang lain; muat ulang lalu coba lagi', {
            version: row.version,
          });
        }
        if (row.dibatalkan_at !== null) throw new DomainError('invalid_state', 'Kegiatan sudah dibatalkan');
        await repo.cancelKegiatan(trx, id, deps.clock.now(), input.alasan);
        await deps.pengamanan.hapusTugas(trx, actor, pemilihan, 'kampanye', id);
        await deps.audit.record(trx, actor, {
          action: 'kampanye.kegiatan.cancel',
          entity: 'kampanye_kegiatan',
          entityId: id,
          kodeWilayah: row.kode_wilayah,
          before: { dibatalkan: false },
          after: { dibatalkan: true, alasan: input.alasan },
        });
      });
      return getKegiatan(actor, pemilihan, id);
    },

    /**
     * A schedule sheet for a kab/kota, all or nothing: every row's errors (cells, places, paslon,
     * masa tenang) or every row written in one transaction with one audit row.
     */
    async importJadwal(actor: Actor, pemilihan: PemilihanContext, wilayah: string, file: ImportFile) {
      authorize(actor, 'kampanye:manage', wilayah);
      await deps.wilayah.requireKnown({ wilayah });
      const cells = await readSheet(file);
      const { rows, errors } = parseJadwal(cells, ZONA_OFFSET_HOURS[zonaOf(wilayah)]);
      const paslon = await repo.findPaslonRelated(db, pemilihan.id, wilayah);
      const places = await deps.wilayah.findMany(rows.map((r) => r.kodeWilayah));
      const all: JadwalError[] = [...errors];
      const inserts: Insertable<KampanyeKegiatanTable>[] = [];
      for (const r of rows) {
        const fail = (column: string, reason: string, value: string) =>
          all.push({ row: r.row, column, value, reason });
        const before = all.length;
        const level = r.kodeWilayah.split('.').length;
        if (!places.has(r.kodeWilayah) || !isWithinWilayah(r.kodeWilayah, wilayah) || level < 3) {
          fail('kodeWilayah', `Bukan kecamatan atau kelurahan/desa di ${wilayah}`, r.kodeWilayah);
        }
        const pasangan =
          r.nomorUrut === null
            ? null
            : paslon.find(
                (p) => p.nomor_urut === r.nomorUrut && isWithinWilayah(r.kodeWilayah, p.kode_wilayah),
              );
        if (pasangan === undefined)
          fail('nomorUrut', 'Paslon dengan nomor urut ini tidak terdaftar', String(r.nomorUrut));
        if (masaOf(pemilihan, r.kodeWilayah, r.mulaiAt, r.selesaiAt) === 'masa_tenang') {
          fail('mulai', 'Masa tenang: tidak boleh ada kegiatan kampanye', r.mulaiAt.toISOString());
        }
        if (all.length > before) continue;
        inserts.push({
          client_id: randomUUID(),
          pemilihan_id: pemilihan.id,
          jenis: r.jenis,
          paslon_id: pasangan?.id ?? null,
          judul: r.judul,
          kode_wilayah: r.kodeWilayah,
          tempat: JSON.stringify(r.tempat),
          alamat: r.alamat,
          mulai_at: r.mulaiAt,
          selesai_at: r.selesaiAt,
          sttp_nomor: r.sttpNomor,
          perkiraan_massa: r.perkiraanMassa,
          kontak: r.kontak,
          created_by: actor.userId,
        });
      }
      if (all.length > 0) {
        all.sort((a, b) => a.row - b.row);
        throw new DomainError(
          'import_invalid',
          `${all.length} kesalahan di berkas; tidak ada data yang disimpan`,
          {
            errors: all.slice(0, 1000),
            totalErrors: all.length,
          },
        );
      }
      if (inserts.length === 0) {
        throw new DomainError('import_invalid', 'Berkas tidak berisi baris kegiatan', { errors: [] });
      }
      await db.transaction().execute(async (trx) => {
        const ids = await repo.insertKegiatan(trx, inserts);
        for (const [i, id] of ids.entries()) await simpanTugas(trx, actor, pemilihan, id, inserts[i]!);
        await deps.audit.record(trx, actor, {
          action: 'kampanye.kegiatan.import',
          entity: 'kampanye_kegiatan',
          entityId: null,
          kodeWilayah: wilayah,
          before: null,
          after: { fileName: file.fileName, rows: ids.length, ids, pemilihanId: pemilihan.id },
        });
      });
      return { imported: inserts.length };
    },

    async listPosko(actor: Actor, pemilihan: PemilihanContext, wilayah: string | undefined) {
      const scope = scopeFor(actor, wilayah);
      authorize(actor, 'kampanye:read', scope);
      return { items: await poskoViews(pemilihan, await repo.findPoskoWithin(db, pemilihan.id, scope)) };
    },

    async createPosko(actor: Actor, pemilihan: PemilihanContext, input: PoskoInput): Promise<Posko> {
      authorize(actor, 'kampanye:manage', input.kodeWilayah);
      await requirePlace(input.kodeWilayah);
      await requirePaslon(pemilihan, input.paslonId, input.kodeWilayah);
      const jaga = jagaOf(pemilihan, input.kodeWilayah, input);
      const { id } = await once(
        () => repo.findPoskoByClientId(db, actor.userId, input.clientId),
        pemilihan,
        () =>
          db.transaction().execute(async (trx) => {
            const id = await repo.insertPosko(trx, {
              client_id: input.clientId,
              pemilihan_id: pemilihan.id,
              paslon_id: input.paslonId,
              nama: input.nama,
              kode_wilayah: input.kodeWilayah,
              lat: input.lat ?? null,
              lon: input.lon ?? null,
              alamat: input.alamat,
              kontak_nama: input.kontakNama,
              kontak_telepon: input.kontakTelepon,
              ...jaga,
              created_by: actor.userId,
            });
            await simpanTugasPosko(
              trx,
              actor,
              pemilihan,
              id,
              { nama: input.nama, kode_wilayah: input.kodeWilayah },
              jaga,
            );
            await deps.audit.record(trx, actor, {
              action: 'kampanye.posko.create',
              entity: 'posko_paslon',
              entityId: id,
              kodeWilayah: input.kodeWilayah,
              before: null,
              after: { ...input, ...jaga, pemilihanId: pemilihan.id },
            });
            return id;
          }),
      );
      return getPosko(pemilihan, id);
    },

    /**
     * Changes a posko's guard (window, Polri asked) and moves its duty with it; a window that would put
     * an assigned unit at two places at once is refused (double_booked) and nothing changes. A posko
     * registered before guards were recorded gets its duty here.
     */
    async ubahJagaPosko(actor: Actor, pemilihan: PemilihanContext, id: string, input: PoskoJagaInput) {
      await db.transaction().execute(async (trx) => {
        const row = await repo.findPoskoForUpdate(trx, id);
        if (!row || row.pemilihan_id !== pemilihan.id) throw notFound('Posko');
        authorize(actor, 'kampanye:manage', row.kode_wilayah);
        if (row.version !== input.version) {
          throw new DomainError('conflict', 'Posko telah diubah orang lain; muat ulang lalu coba lagi', {
            version: row.version,
          });
        }
        const jaga = jagaOf(pemilihan, row.kode_wilayah, input);
        await repo.updatePoskoJaga(trx, id, jaga);
        await simpanTugasPosko(trx, actor, pemilihan, id, row, jaga);
        await deps.audit.record(trx, actor, {
          action: 'kampanye.posko.jaga',
          entity: 'posko_paslon',
          entityId: id,
          kodeWilayah: row.kode_wilayah,
          before: {
            jagaMulai: row.jaga_mulai,
            jagaSelesai: row.jaga_selesai,
            kebutuhanPolri: row.kebutuhan_polri,
          },
          after: {
            jagaMulai: jaga.jaga_mulai,
            jagaSelesai: jaga.jaga_selesai,
            kebutuhanPolri: jaga.kebutuhan_polri,
          },
        });
      });
      return getPosko(pemilihan, id);
    },
  };
}
export type KampanyeService = ReturnType<typeof createKampanyeService>;
