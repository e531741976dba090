/**
 * Media sosial (issue 19): a monitoring officer records a post (idempotent by client id, one record
 * per normalised address and election) with its screenshots as evidence; posts are triaged like
 * incidents, linked to the incidents they cause (through the kejadian service, which also makes one
 * in a step) and followed through takedown requests. Visibility is need-to-know: the medsos
 * permissions and the wilayah scope. Rules: src/domain/medsos/, docs/domain/medsos.md.
 */
import type {
  BuatKejadianInput,
  BuktiQuery,
  MedsosAksiInput,
  MedsosDetail,
  MedsosImportResult,
  MedsosListQuery,
  MedsosPostInput,
  TakedownInput,
  TakedownUpdateInput,
} from '../../../contracts/medsos';
import type { z } from 'zod';
import { hasPermission } from '../../../domain/access/roles';
import { isInScope, type Actor } from '../../../domain/access/scope';
import { planBukti, CLOCK_SKEW_MINUTES } from '../../../domain/medsos/bukti';
import {
  aksiTersedia,
  canMoveTakedown,
  isFinal,
  isVerified,
  KATEGORI_KEJADIAN_OF,
  nextStatus,
  type StatusMedsos,
  type StatusTakedown,
} from '../../../domain/medsos/medsos';
import { normaliseUrl } from '../../../domain/medsos/url';
import { parseImporMedsos } from '../../../domain/medsos/impor';
import { ZONA_OFFSET_HOURS, zonaOf } from '../../../domain/time/zona';
import { kabKotaOf, parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { readSheet, type ImportFile } from '../../files/read-sheet';
import { authorize } from '../../cross-cutting/access';
import type { AuditLog } from '../../cross-cutting/audit-log';
import type { Clock } from '../../cross-cutting/clock';
import type { Db } from '../../db/client';
import { isUniqueViolation } from '../../db/pg-errors';
import { DomainError, notFound } from '../../errors';
import type { BerkasService } from '../berkas/berkas.service';
import type { KejadianService } from '../kejadian/kejadian.service';
import { sameElection, type PemilihanContext } from '../pemilihan/pemilihan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
import { createRingkasanUseCases } from './medsos-ringkasan';
import * as repo from './medsos.repo';
import { toBukti, toListItem, toTakedown } from './medsos.view';

export interface MedsosDeps {
  db: Db;
  audit: AuditLog;
  clock: Clock;
  wilayah: WilayahService;
  kejadian: KejadianService;
  berkas: BerkasService;
}

const SCREENSHOT = { field: 'bukti', nama: 'Tangkapan layar' };

function validation(message: string, field: string, code: string): DomainError {
  return new DomainError('validation', message, { field, code });
}

function invalidState(message: string, code: string): DomainError {
  return new DomainError('invalid_state', message, { code });
}

const notFuture = (at: Date, now: Date): boolean =>
  at.getTime() <= now.getTime() + CLOCK_SKEW_MINUTES * 60_000;

/** The text of an incident made from a post: what was seen, where, by whom (the post keeps the rest). */
function uraianOf(post: repo.PostRow): string {
  const teks = post.teks.replace(/\s+/g, ' ').trim();
  const kutipan = teks === '' ? '' : `: "${teks.length > 600 ? `${teks.slice(0, 597)}…` : teks}"`;
  return `Unggahan media sosial (${post.platform}) oleh akun ${post.akun}, ${post.url}${kutipan}`;
}

export function createMedsosService(deps: MedsosDeps) {
  const { db } = deps;

  function readerOf(actor: Actor, pemilihan: PemilihanContext): repo.PostReader {
    return { pemilihanId: pemilihan.id, scope: actor.kodeWilayah };
  }

  /** A post under its row lock for a change: 404 when the actor may not see it (scope, election). */
  async function lockVisible(trx: Db, actor: Actor, pemilihan: PemilihanContext, id: string) {
    authorize(actor, 'medsos:read', actor.kodeWilayah);
    const row = await repo.findForUpdate(trx, id);
    if (!row || row.pemilihan_id !== pemilihan.id || !isInScope(actor, row.kode_wilayah))
      throw notFound('Unggahan');
    return row;
  }

  async function step(
    trx: Db,
    actor: Actor,
    post: repo.PostRow,
    aksi: string,
    catatan: string,
    after: unknown,
    now: Date,
  ): Promise<void> {
    await repo.insertLangkah(trx, { post_id: post.id, aksi, catatan, actor_id: actor.userId, at: now });
    await deps.audit.record(trx, actor, {
      action: `medsos.${aksi}`,
      entity: 'medsos_post',
      entityId: post.id,
      kodeWilayah: post.kode_wilayah,
      before: { status: post.status, kategori: post.kategori, version: post.version },
      after,
    });
  }

  async function kejadianTerkait(actor: Actor, pemilihan: PemilihanContext, id: string) {
    try {
      const k = await deps.kejadian.get(actor, pemilihan, id);
      return {
        id,
        terlihat: true,
        kategori: k.kategori,
        status: k.status,
        ringkasan: k.ringkasan,
        rujukan:
          k.rujukan === null
            ? null
            : { lembaga: k.rujukan.lembaga, tenggatBerikut: k.rujukan.tenggatBerikut?.dueAt ?? null },
      };
    } catch (error) {
      // A restricted incident, or one outside the reader's scope: the link shows, its content does not.
      if (error instanceof DomainError && (error.code === 'not_found' || error.code === 'forbidden'))
        return { id, terlihat: false, kategori: null, status: null, ringkasan: null, rujukan: null };
      throw error;
    }
  }

  async function get(actor: Actor, pemilihan: PemilihanContext, id: string): Promise<MedsosDetail> {
    authorize(actor, 'medsos:read', actor.kodeWilayah);
    const row = await repo.findVisible(db, readerOf(actor, pemilihan), id);
    if (!row) throw notFound('Unggahan');
    const [bukti, langkah, duplikat, kejadianIds, takedowns] = await Promise.all([
      repo.findBukti(db, id),
      repo.findLangkah(db, id),
      repo.findDuplikat(db, id),
      repo.findKejadianIds(db, id),
      repo.findTakedowns(db, id),
    ]);
    const kejadian = await Promise.all(kejadianIds.map((k) => kejadianTerkait(actor, pemilihan, k)));
    const now = deps.clock.now();
    const status = row.status as StatusMedsos;
    const can = (p: 'medsos:record' | 'medsos:triage' | 'medsos:takedown') => hasPermission(actor.role, p);
    return {
      ...toListItem(row),
      teks: row.teks,
      alasan: row.alasan,
      mergedInto: row.merged_into,
      duplikat,
      pencatat: row.pencatat,
      recordedAt: new Date(row.recorded_at).toISOString(),
      bukti: bukti.map(toBukti),
      kejadian,
      takedowns: takedowns.map((t) => toTakedown(t, now)),
      langkah: langkah.map((l) => ({
        aksi: l.aksi,
        catatan: l.catatan,
        aktor: l.actor_nama,
        at: new Date(l.at).toISOString(),
      })),
      aksiTersedia: can('medsos:triage') ? aksiTersedia(status) : [],
      bisaUnggahBukti: can('medsos:record') && !isFinal(status),
      bisaKaitkan: can('medsos:triage') && isVerified(status),
      bisaTakedown: can('medsos:takedown') && isVerified(status),
    };
  }

  async function record(
    actor: Actor,
    pemilihan: PemilihanContext,
    input: MedsosPostInput,
    via: 'web' | 'impor' = 'web',
  ): Promise<{ id: string; replayed: boolean }> {
    authorize(actor, 'medsos:record', input.kodeWilayah);
    const parsed = parseKodeWilayah(input.kodeWilayah);
    if (!parsed.ok || parsed.value.level === 'provinsi')
      throw validation(
        'Pilih kab/kota, kecamatan atau kelurahan yang dituju unggahan',
        'kodeWilayah',
        'wilayah_terlalu_luas',
      );
    const url = normaliseUrl(input.url);
    if (!url.ok) throw validation(`Alamat unggahan tidak valid: ${url.reason}`, 'url', 'url_tidak_valid');
    const now = deps.clock.now();
    const dilihatAt = new Date(input.dilihatAt);
    if (!notFuture(dilihatAt, now))
      throw validation('Waktu dilihat tidak boleh di masa depan', 'dilihatAt', 'waktu_di_masa_depan');
    const known = await repo.findByClientId(db, pemilihan.id, input.clientId);
    if (known) return { id: sameElection(known, pemilihan).id, replayed: true };
    await deps.wilayah.requireKnown({ kodeWilayah: input.kodeWilayah });
    const platform = url.platform === 'lainnya' ? (input.platform ?? 'lainnya') : url.platform;
    try {
      const id = await db.transaction().execute(async (trx) => {
        const [same] = await repo.findByUrls(trx, pemilihan.id, [url.url]);
        if (same) throw alreadyRecorded(same.id);
        const id = await repo.insertPost(trx, {
          pemilihan_id: pemilihan.id,
          client_id: input.clientId,
          platform,
          akun: input.akun,
          url: input.url,
          url_normal: url.url,
          teks: input.teks,
          dilihat_at: dilihatAt,
          kode_wilayah: input.kodeWilayah,
          kategori: input.kategori,
          recorded_by: actor.userId,
          recorded_at: now,
          via,
        });
        const row = (await repo.findById(trx, id))!;
        await step(
          trx,
          actor,
          row,
          'catat',
          via === 'impor' ? 'impor' : '',
          { ...input, platform, urlNormal: url.url },
          now,
        );
        return id;
      });
      return { id, replayed: false };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Two officers sent the same post at once (or a retry raced its first copy): the first stands.
      const again = await repo.findByClientId(db, pemilihan.id, input.clientId);
      if (again) return { id: again.id, replayed: true };
      const [same] = await repo.findByUrls(db, pemilihan.id, [url.url]);
      throw alreadyRecorded(same?.id ?? null);
    }
  }

  function alreadyRecorded(id: string | null): DomainError {
    return new DomainError(
      'conflict',
      'Unggahan dengan alamat ini sudah tercatat; tambahkan bukti ke catatan itu',
      {
        field: 'url',
        code: 'url_sudah_tercatat',
        id,
      },
    );
  }

  /** A triage action on an unlocked post, or the error that says why not (domain/medsos/medsos.ts). */
  async function act(
    actor: Actor,
    pemilihan: PemilihanContext,
    id: string,
    input: MedsosAksiInput,
  ): Promise<MedsosDetail> {
    const now = deps.clock.now();
    await db.transaction().execute(async (trx) => {
      const row = await lockVisible(trx, actor, pemilihan, id);
      authorize(actor, 'medsos:triage', row.kode_wilayah);
      if (input.version !== undefined && input.version !== row.version)
        throw new DomainError('conflict', 'Unggahan sudah diubah orang lain; muat ulang lalu coba lagi', {
          code: 'versi_berubah',
          version: row.version,
        });
      const next = nextStatus(row.status as StatusMedsos, input.aksi);
      if (!next.ok)
        throw invalidState(`Unggahan berstatus ${row.status} tidak dapat di-${input.aksi}`, next.code);
      const change: Parameters<typeof repo.updatePost>[2] = { status: next.status };
      let catatan = '';
      switch (input.aksi) {
        case 'verifikasi':
          break;
        case 'gabung': {
          if (input.intoId === id)
            throw validation(
              'Unggahan tidak dapat digabung ke dirinya sendiri',
              'intoId',
              'gabung_ke_diri_sendiri',
            );
          const target = await repo.findById(trx, input.intoId);
          if (!target || target.pemilihan_id !== pemilihan.id || !isInScope(actor, target.kode_wilayah))
            throw validation('Unggahan induk tidak ditemukan', 'intoId', 'unggahan_induk_tidak_ditemukan');
          if (isFinal(target.status as StatusMedsos))
            throw validation(
              'Unggahan induk sudah digabung atau diabaikan; pilih yang masih berlaku',
              'intoId',
              'unggahan_induk_tidak_berlaku',
            );
          change.merged_into = input.intoId;
          catatan = `duplikat/sebaran ulang dari ${target.url}`;
          break;
        }
        case 'abaikan':
          change.alasan = input.alasan;
          catatan = input.alasan;
          break;
        case 'eskalasi':
          catatan = input.catatan ?? '';
          break;
        case 'klasifikasi':
          change.kategori = input.kategori;
          catatan = `${row.kategori} → ${input.kategori}`;
          break;
      }
      await repo.updatePost(trx, id, change);
      await step(trx, actor, row, input.aksi, catatan, { ...change, version: row.version + 1 }, now);
    });
    return get(actor, pemilihan, id);
  }

  return {
    /** Records a post; a retry with the same clientId answers with the first copy and writes nothing. */
    async create(actor: Actor, pemilihan: PemilihanContext, input: MedsosPostInput): Promise<MedsosDetail> {
      const { id } = await record(actor, pemilihan, input);
      return get(actor, pemilihan, id);
    },

    record,

    /** A page of the posts the actor may see. */
    async list(actor: Actor, pemilihan: PemilihanContext, query: MedsosListQuery) {
      authorize(actor, 'medsos:read', query.kode ?? actor.kodeWilayah);
      const { rows, total } = await repo.findPostPage(
        db,
        { pemilihanId: pemilihan.id, scope: query.kode ?? actor.kodeWilayah },
        { status: query.status, kategori: query.kategori, platform: query.platform },
        { page: query.page, pageSize: query.pageSize },
      );
      return { items: rows.map(toListItem), page: query.page, pageSize: query.pageSize, total };
    },

    get,
    act,

    /**
     * Adds a screenshot to a post's evidence: checked (type, size, magic numbers), hashed, stored
     * once by its SHA-256 and never changed. The same file again answers with its first record.
     */
    async addBukti(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      upload: { contentType: string | undefined; bytes: Buffer },
      query: BuktiQuery,
    ) {
      const file = await deps.berkas.periksaGambar(upload, SCREENSHOT);
      const now = deps.clock.now();
      const diambilAt = query.diambilAt === undefined ? now : new Date(query.diambilAt);
      return db.transaction().execute(async (trx) => {
        const row = await lockVisible(trx, actor, pemilihan, id);
        authorize(actor, 'medsos:record', row.kode_wilayah);
        if (isFinal(row.status as StatusMedsos))
          throw invalidState(
            'Unggahan ini sudah digabung atau diabaikan; tambahkan bukti ke unggahan induknya',
            'status_tidak_sesuai',
          );
        const existing = await repo.findBuktiBySha(trx, id, file.sha256);
        const plan = planBukti(existing ? [existing] : [], { sha256: file.sha256, diambilAt }, now);
        if (!plan.ok) throw validation('Waktu pengambilan tidak boleh di masa depan', 'diambilAt', plan.code);
        if (existing) return { ...toBukti(existing), replayed: true };
        await deps.berkas.simpan(trx, file);
        const buktiId = await repo.insertBukti(trx, {
          post_id: id,
          sha256: file.sha256,
          nama_berkas: query.nama ?? '',
          diambil_by: actor.userId,
          diambil_at: diambilAt,
          uploaded_at: now,
        });
        await step(
          trx,
          actor,
          row,
          'bukti',
          `${file.mime}, ${file.sizeBytes} bita, SHA-256 ${file.sha256}`,
          {
            buktiId,
            sha256: file.sha256,
            mime: file.mime,
            sizeBytes: file.sizeBytes,
            diambilAt: diambilAt.toISOString(),
          },
          now,
        );
        return { ...toBukti((await repo.findBuktiOne(trx, id, buktiId!))!), replayed: false };
      });
    },

    /** One evidence file's bytes; every download is audited (who read which evidence, when). */
    async getBukti(actor: Actor, pemilihan: PemilihanContext, id: string, buktiId: string) {
      authorize(actor, 'medsos:read', actor.kodeWilayah);
      const row = await repo.findVisible(db, readerOf(actor, pemilihan), id);
      if (!row) throw notFound('Unggahan');
      const bukti = await repo.findBuktiOne(db, id, buktiId);
      if (!bukti) throw notFound('Bukti');
      const file = await deps.berkas.unduh(actor, bukti.sha256, {
        action: 'medsos.bukti.unduh',
        entity: 'medsos_bukti',
        entityId: buktiId,
        kodeWilayah: row.kode_wilayah,
        keterangan: { postId: id },
      });
      if (!file) throw notFound('Bukti');
      return { mime: file.mime, bytes: file.bytes, sha256: bukti.sha256, nama: bukti.nama_berkas };
    },

    /** Links an incident of the same election the actor may see. */
    async kaitKejadian(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      kejadianId: string,
    ): Promise<MedsosDetail> {
      try {
        await deps.kejadian.get(actor, pemilihan, kejadianId);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'not_found')
          throw validation('Kejadian tidak ditemukan', 'kejadianId', 'kejadian_tidak_ditemukan');
        throw error;
      }
      await link(actor, pemilihan, id, kejadianId, 'kait_kejadian');
      return get(actor, pemilihan, id);
    },

    /** Makes an incident of a verified post in one step (once per clientId) and links it. */
    async buatKejadian(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: z.infer<typeof BuatKejadianInput>,
    ): Promise<MedsosDetail> {
      const post = await checkLinkable(actor, pemilihan, id);
      const dilihat = new Date(post.dilihat_at).toISOString();
      const report = await deps.kejadian.report(actor, pemilihan, {
        clientId: input.clientId,
        kategori: KATEGORI_KEJADIAN_OF[post.kategori as keyof typeof KATEGORI_KEJADIAN_OF],
        kodeWilayah: post.kode_wilayah,
        terjadiAt: dilihat,
        diketahuiAt: dilihat,
        uraian: input.uraian ?? uraianOf(post),
        terbatas: false,
        pelaporRahasia: false,
      });
      await link(actor, pemilihan, id, report.id, 'buat_kejadian');
      return get(actor, pemilihan, id);
    },

    async ajukanTakedown(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: TakedownInput,
    ): Promise<MedsosDetail> {
      const now = deps.clock.now();
      const diajukanAt = input.diajukanAt === undefined ? now : new Date(input.diajukanAt);
      await db.transaction().execute(async (trx) => {
        const row = await lockVisible(trx, actor, pemilihan, id);
        authorize(actor, 'medsos:takedown', row.kode_wilayah);
        if (!isVerified(row.status as StatusMedsos))
          throw invalidState('Verifikasi unggahan sebelum meminta penurunan', 'belum_diverifikasi');
        if (!notFuture(diajukanAt, now))
          throw validation('Waktu pengajuan tidak boleh di masa depan', 'diajukanAt', 'waktu_di_masa_depan');
        if (diajukanAt < new Date(row.dilihat_at))
          throw validation(
            'Waktu pengajuan tidak boleh sebelum unggahan dilihat',
            'diajukanAt',
            'sebelum_dilihat',
          );
        const takedownId = await repo.insertTakedown(trx, {
          post_id: id,
          tujuan: input.tujuan,
          nomor: input.nomor,
          catatan: input.catatan,
          diajukan_at: diajukanAt,
          created_by: actor.userId,
        });
        await step(
          trx,
          actor,
          row,
          'takedown',
          `${input.tujuan}${input.nomor ? ` ${input.nomor}` : ''}`,
          { takedownId, ...input },
          now,
        );
      });
      return get(actor, pemilihan, id);
    },

    async ubahTakedown(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      takedownId: string,
      input: TakedownUpdateInput,
    ): Promise<MedsosDetail> {
      const now = deps.clock.now();
      const at = input.at === undefined ? now : new Date(input.at);
      await db.transaction().execute(async (trx) => {
        const row = await lockVisible(trx, actor, pemilihan, id);
        authorize(actor, 'medsos:takedown', row.kode_wilayah);
        const takedown = await repo.findTakedownForUpdate(trx, id, takedownId);
        if (!takedown) throw notFound('Permintaan takedown');
        if (input.version !== undefined && input.version !== takedown.version)
          throw new DomainError(
            'conflict',
            'Permintaan ini sudah diubah orang lain; muat ulang lalu coba lagi',
            {
              code: 'versi_berubah',
              version: takedown.version,
            },
          );
        if (!canMoveTakedown(takedown.status as StatusTakedown, input.status))
          throw invalidState(
            `Permintaan berstatus ${takedown.status} tidak dapat menjadi ${input.status}`,
            'status_tidak_sesuai',
          );
        if (!notFuture(at, now))
          throw validation('Waktu tidak boleh di masa depan', 'at', 'waktu_di_masa_depan');
        if (at < new Date(takedown.diajukan_at))
          throw validation('Waktu tidak boleh sebelum permintaan diajukan', 'at', 'sebelum_diajukan');
        const change = {
          status: input.status,
          ...(input.status === 'diproses' ? { diproses_at: at } : { selesai_at: at }),
          ...(input.nomor === undefined ? {} : { nomor: input.nomor }),
          ...(input.catatan === undefined ? {} : { catatan: input.catatan }),
        };
        await repo.updateTakedown(trx, takedownId, change);
        await step(
          trx,
          actor,
          row,
          `takedown_${input.status}`,
          input.catatan ? `${takedown.tujuan}: ${input.catatan}` : takedown.tujuan,
          { takedownId, ...change },
          now,
        );
      });
      return get(actor, pemilihan, id);
    },

    /**
     * Imports a monitoring team's sheet into a kab/kota, all or nothing: every bad row is named and
     * nothing is written; addresses already recorded (or repeated in the file) are skipped and listed.
     */
    async importSheet(
      actor: Actor,
      pemilihan: PemilihanContext,
      wilayah: string,
      file: ImportFile,
    ): Promise<MedsosImportResult> {
      authorize(actor, 'medsos:record', wilayah);
      const kab = kabKotaOf(wilayah);
      if (kab !== wilayah)
        throw validation('Impor dilakukan per kabupaten/kota', 'wilayah', 'wilayah_bukan_kabkota');
      const desa = await deps.wilayah.desaDirectory(kab);
      const kecamatan = new Map(desa.map((d) => [d.kode.split('.').slice(0, 3).join('.'), d.nama_kecamatan]));
      const byName = new Map<string, string[]>();
      const named = (nama: string, kode: string) => {
        const list = byName.get(nama.toLowerCase()) ?? [];
        if (!list.includes(kode)) byName.set(nama.toLowerCase(), [...list, kode]);
      };
      for (const [kode, nama] of kecamatan) named(nama, kode);
      for (const d of desa) named(d.nama, d.kode);
      const now = deps.clock.now();
      const { rows, errors } = parseImporMedsos(
        await readSheet(file),
        {
          kodeKabKota: kab,
          kecamatan,
          kelurahanOf: new Map(desa.map((d) => [d.kode, d.kode.split('.').slice(0, 3).join('.')])),
          byName,
        },
        { offsetHours: ZONA_OFFSET_HOURS[zonaOf(kab)], now },
      );
      if (errors.length > 0)
        throw new DomainError(
          'import_invalid',
          `${errors.length} kesalahan di berkas; tidak ada data yang disimpan`,
          {
            errors: errors.slice(0, 1000),
            totalErrors: errors.length,
          },
        );
      if (rows.length === 0)
        throw new DomainError('import_invalid', 'Berkas tidak berisi baris unggahan', { errors: [] });
      try {
        return await db.transaction().execute(async (trx) => {
          const known = new Map(
            (await repo.findByUrls(trx, pemilihan.id, [...new Set(rows.map((r) => r.urlNormal))])).map(
              (r) => [r.url_normal, r.id],
            ),
          );
          const dilewati: MedsosImportResult['dilewati'] = [];
          const seen = new Map<string, string | null>();
          let dicatat = 0;
          for (const r of rows) {
            const existing = known.get(r.urlNormal) ?? seen.get(r.urlNormal);
            if (existing !== undefined) {
              dilewati.push({ row: r.row, url: r.url, id: existing });
              continue;
            }
            const id = await repo.insertPost(trx, {
              pemilihan_id: pemilihan.id,
              client_id: crypto.randomUUID(),
              platform: r.platform,
              akun: r.akun,
              url: r.url,
              url_normal: r.urlNormal,
              teks: r.teks,
              dilihat_at: r.dilihatAt,
              kode_wilayah: r.kodeWilayah,
              kategori: r.kategori,
              recorded_by: actor.userId,
              recorded_at: now,
              via: 'impor',
            });
            seen.set(r.urlNormal, id);
            await repo.insertLangkah(trx, {
              post_id: id,
              aksi: 'catat',
              catatan: `impor ${file.fileName}, baris ${r.row}`,
              actor_id: actor.userId,
              at: now,
            });
            dicatat += 1;
          }
          await deps.audit.record(trx, actor, {
            action: 'medsos.impor',
            entity: 'medsos_post',
            entityId: null,
            kodeWilayah: kab,
            before: null,
            after: { berkas: file.fileName, dicatat, dilewati: dilewati.length },
          });
          return { dicatat, dilewati };
        });
      } catch (error) {
        // Another officer recorded one of these addresses meanwhile: nothing of the file was written.
        if (isUniqueViolation(error))
          throw new DomainError(
            'conflict',
            'Sebagian unggahan baru saja dicatat orang lain; impor ulang berkas',
            {
              code: 'url_sudah_tercatat',
            },
          );
        throw error;
      }
    },

    ...createRingkasanUseCases(deps),
  };

  async function checkLinkable(actor: Actor, pemilihan: PemilihanContext, id: string): Promise<repo.PostRow> {
    authorize(actor, 'medsos:read', actor.kodeWilayah);
    const post = await repo.findById(db, id);
    if (!post || post.pemilihan_id !== pemilihan.id || !isInScope(actor, post.kode_wilayah))
      throw notFound('Unggahan');
    authorize(actor, 'medsos:triage', post.kode_wilayah);
    if (!isVerified(post.status as StatusMedsos))
      throw invalidState('Verifikasi unggahan sebelum mengaitkannya dengan kejadian', 'belum_diverifikasi');
    return post;
  }

  async function link(
    actor: Actor,
    pemilihan: PemilihanContext,
    id: string,
    kejadianId: string,
    aksi: string,
  ) {
    await checkLinkable(actor, pemilihan, id);
    const now = deps.clock.now();
    await db.transaction().execute(async (trx) => {
      const row = await lockVisible(trx, actor, pemilihan, id);
      if (!isVerified(row.status as StatusMedsos))
        throw invalidState('Verifikasi unggahan sebelum mengaitkannya dengan kejadian', 'belum_diverifikasi');
      const added = await repo.linkKejadian(trx, {
        post_id: id,
        kejadian_id: kejadianId,
        linked_by: actor.userId,
        linked_at: now,
      });
      if (added) await step(trx, actor, row, aksi, kejadianId, { kejadianId }, now);
    });
  }
}
export type MedsosService = ReturnType<typeof createMedsosService>;
