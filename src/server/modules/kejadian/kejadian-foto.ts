/**
 * The photo of an incident, sent after the text (a phone on a weak signal gets the report through
 * first) as the raw image body of PUT /api/kejadian/:id/foto. The declared type must be JPEG, PNG or
 * WebP and the bytes must say so too; PUT replaces, so a retry is harmless.
 */
import { FOTO_MAX_BYTES, FOTO_MIME, type FotoMime } from '../../../contracts/kejadian';
import { hasPermission } from '../../../domain/access/roles';
import type { Actor } from '../../../domain/access/scope';
import { DomainError, forbidden, notFound } from '../../errors';
import { canSee } from './kejadian-access';
import { recordChange, type KejadianContext } from './kejadian-change';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import * as repo from './kejadian.repo';
import { toDomain } from './kejadian.view';

const MAX_MB = FOTO_MAX_BYTES / (1024 * 1024);

export function fotoTooLarge(): DomainError {
  return new DomainError('payload_too_large', `Foto terlalu besar; paling besar ${MAX_MB} MB`, {
    field: 'foto',
    code: 'foto_terlalu_besar',
    maxBytes: FOTO_MAX_BYTES,
  });
}

function unsupported(message: string): DomainError {
  return new DomainError('unsupported_media_type', message, {
    field: 'foto',
    code: 'jenis_foto_tidak_didukung',
  });
}

/** The image type the first bytes announce (magic numbers), or null. */
export function sniffImage(bytes: Buffer): FotoMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  return null;
}

export function createFotoUseCases(ctx: KejadianContext) {
  const { db } = ctx;
  return {
    async putFoto(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      upload: { contentType: string | undefined; bytes: Buffer },
    ): Promise<{ mime: FotoMime; bytes: number }> {
      const declared = (upload.contentType ?? '').split(';')[0]!.trim().toLowerCase();
      if (!(FOTO_MIME as readonly string[]).includes(declared)) {
        throw unsupported('Foto harus berformat JPEG, PNG atau WebP');
      }
      if (upload.bytes.length === 0) {
        throw new DomainError('validation', 'Foto kosong', { field: 'foto', code: 'foto_kosong' });
      }
      if (upload.bytes.length > FOTO_MAX_BYTES) throw fotoTooLarge();
      const mime = sniffImage(upload.bytes);
      if (mime !== declared) throw unsupported('Isi berkas bukan gambar JPEG, PNG atau WebP yang sah');
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
