/**
 * Recording a post (by hand or from a sheet's row): one record per normalised address and election,
 * once per client id (cross-cutting/create-once.ts: a resend or a race's loser answers with the
 * first copy); an address already recorded under another client id is refused with the record's id,
 * so the officer adds evidence to it instead.
 */
import type { MedsosDetail, MedsosPostInput } from '../../../contracts/medsos';
import type { Actor } from '../../../domain/access/scope';
import { normaliseUrl } from '../../../domain/medsos/url';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { authorize } from '../../cross-cutting/access';
import { createOnce } from '../../cross-cutting/create-once';
import { DomainError } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { notFuture, validation, type MedsosContext } from './medsos-context';
import * as repo from './medsos.repo';

export function alreadyRecorded(id: string | null): DomainError {
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

export function createCatatUseCases(
  { deps, db, step }: MedsosContext,
  get: (actor: Actor, pemilihan: PemilihanContext, id: string) => Promise<MedsosDetail>,
) {
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
    const platform = url.platform === 'lainnya' ? (input.platform ?? 'lainnya') : url.platform;
    const { made: id, replayed } = await createOnce({
      find: () => repo.findByClientId(db, pemilihan.id, input.clientId),
      replay: (first) => first.id,
      pemilihan,
      write: async () => {
        await deps.wilayah.requireKnown({ kodeWilayah: input.kodeWilayah });
        return db.transaction().execute(async (trx) => {
          const [same] = await repo.findByUrls(trx, pemilihan.id, [url.url]);
          // A copy of this very submission that landed since `find` looked: the insert's unique
          // violation sends createOnce to answer with it, as a resend is answered.
          if (same && same.client_id !== input.clientId) throw alreadyRecorded(same.id);
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
      },
      // Two officers sent the same address at once under different client ids: the first stands.
      conflict: async () => {
        const [same] = await repo.findByUrls(db, pemilihan.id, [url.url]);
        throw alreadyRecorded(same?.id ?? null);
      },
    });
    return { id, replayed };
  }

  return {
    /** Records a post; a retry with the same clientId answers with the first copy and writes nothing. */
    async create(actor: Actor, pemilihan: PemilihanContext, input: MedsosPostInput): Promise<MedsosDetail> {
      const { id } = await record(actor, pemilihan, input);
      return get(actor, pemilihan, id);
    },
    record,
  };
}
