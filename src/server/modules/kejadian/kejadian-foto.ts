/**
 * The photo of an incident, sent after the text (a phone on a weak signal gets the report through
 * first) as the raw image body of PUT /api/kejadian/:id/foto. The declared type must be JPEG, PNG or
 * WebP and the bytes must say so too; PUT replaces, so a retry is harmless.
 */
import type { FotoMime } from '../../../contracts/kejadian';
import { hasPermission } from '../../../domain/access/roles';
import type { Actor } from '../../../domain/access/scope';
import { forbidden, notFound } from '../../errors';
import { checkGambar } from '../../files/gambar';
import { canSee } from './kejadian-access';
import { recordChange, type KejadianContext } from './kejadian-change';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import * as repo from './kejadian.repo';
import { toDomain } from './kejadian.view';

export function createFotoUseCases(ctx: KejadianContext) {
  const { db } = ctx;
  return {
    async putFoto(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      upload: { contentType: string | undefined; bytes: Buffer },
    ): Promise<{ mime: FotoMime; bytes: number }> {
      const mime = checkGambar(upload);
      const now = ctx.clock.now();
      await db.transaction().execute(async (trx) => {
        const row = await ctx.lockVisible(trx, actor, pemilihan, id);
        if (row.reported_by !== actor.userId && !hasPermission(actor.role, 'kejadian:triage')) {
          throw forbidden('Hanya pelapor atau petugas triase yang dapat mengirim foto kejadian ini');
        }
        await repo.upsertFoto(trx, { kejadian_id: id, mime, bytes: upload.bytes });
        const incident = toDomain(row);
        await recordChange(
          { trx, audit: ctx.audit, actor, row, now },
          {
            aksi: 'foto',
            before: incident,
            after: incident,
            catatan: `${mime}, ${upload.bytes.length} bita`,
            audit: { mime, bytes: upload.bytes.length },
          },
        );
      });
      return { mime, bytes: upload.bytes.length };
    },

    async getFoto(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
    ): Promise<{ mime: string; bytes: Buffer }> {
      const row = await repo.findById(db, id);
      if (!row || !canSee(actor, pemilihan.id, row)) throw notFound('Kejadian');
      const foto = await repo.findFoto(db, id);
      if (!foto) throw notFound('Foto kejadian');
      return foto;
    },
  };
}
