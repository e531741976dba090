/**
 * Campaign events: listed with their flags (clash, masa tenang, rawan, no forces, no STTP), read one by
 * one, recorded once per client id (refused in the masa tenang) with their duty in the plan, cancelled.
 */
import type { BatalInput, Kegiatan, KegiatanInput, KegiatanList } from '../../../contracts/kampanye';
import type { Actor } from '../../../domain/access/scope';
import {
  BATAS_RAPAT_UMUM,
  FLAG_KEGIATAN,
  findBentrok,
  flagKegiatan,
  type FlagKegiatan,
} from '../../../domain/kampanye/kampanye';
import { isWithinWilayah } from '../../../domain/wilayah/kode-wilayah';
import { authorize, scopeFor } from '../../cross-cutting/access';
import { DomainError, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { kabKotaOf, validation, type KampanyeContext } from './kampanye-context';
import { toKegiatan } from './kampanye.view';
import * as repo from './kampanye.repo';

export function createKegiatanUseCases(ctx: KampanyeContext) {
  const { db, deps, simpanTugas, masaOf, requirePlace, requirePaslon, once } = ctx;
  /** Every event of the kab/kota around `scope` with its flags; the items are those inside `scope`. */
  async function evaluate(pemilihan: PemilihanContext, scope: string): Promise<Kegiatan[]> {
    const area = scope.split('.').length > 2 ? kabKotaOf(scope) : scope;
    const rows = await repo.findKegiatanWithin(db, pemilihan.id, area);
    const live = rows.filter((r) => r.dibatalkan_at === null);
    const shown = rows.filter((r) => isWithinWilayah(r.kode_wilayah, scope));
    const bentrok = findBentrok(
      live.map((r) => ({
        id: r.id,
        jenis: r.jenis,
        paslonId: r.paslon_id,
        kodeWilayah: r.kode_wilayah,
        tempat: r.tempat,
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
        jenis: r.jenis,
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
    return shown.map((r) =>
      toKegiatan(r, {
        personel: personel.get(r.id) ?? 0,
        tugas: tugas.get(r.id) ?? null,
        flags: r.dibatalkan_at === null ? (flags.get(r.id) ?? []) : [],
        bentrokDengan: (lawan.get(r.id) ?? []).map((id) => ({ id, judul: judulOf.get(id)! })),
      }),
    );
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

  return {
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
  };
}
