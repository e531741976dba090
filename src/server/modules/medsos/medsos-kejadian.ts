/**
 * A verified post and the incidents it causes: link one the reader may see, or make one through the
 * kejadian service in a step (once per client id) and link it.
 */
import type { BuatKejadianInput, MedsosDetail } from '../../../contracts/medsos';
import type { z } from 'zod';
import { isInScope, type Actor } from '../../../domain/access/scope';
import { isVerified, KATEGORI_KEJADIAN_OF } from '../../../domain/medsos/medsos';
import { authorize } from '../../cross-cutting/access';
import { DomainError, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { invalidState, validation, type MedsosContext } from './medsos-context';
import * as repo from './medsos.repo';

/** The text of an incident made from a post: what was seen, where, by whom (the post keeps the rest). */
function uraianOf(post: repo.PostRow): string {
  const teks = post.teks.replace(/\s+/g, ' ').trim();
  const kutipan = teks === '' ? '' : `: "${teks.length > 600 ? `${teks.slice(0, 597)}…` : teks}"`;
  return `Unggahan media sosial (${post.platform}) oleh akun ${post.akun}, ${post.url}${kutipan}`;
}

export function createKejadianUseCases(
  { deps, db, lockVisible, step }: MedsosContext,
  get: (actor: Actor, pemilihan: PemilihanContext, id: string) => Promise<MedsosDetail>,
) {
  async function checkLinkable(actor: Actor, pemilihan: PemilihanContext, id: string): Promise<repo.PostRow> {
    authorize(actor, 'medsos:read', actor.kodeWilayah);
    const post = await repo.findById(db, id);
    if (!post || post.pemilihan_id !== pemilihan.id || !isInScope(actor, post.kode_wilayah))
      throw notFound('Unggahan');
    authorize(actor, 'medsos:triage', post.kode_wilayah);
    if (!isVerified(post.status))
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
      if (!isVerified(row.status))
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

  return {
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
        kategori: KATEGORI_KEJADIAN_OF[post.kategori],
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
  };
}
