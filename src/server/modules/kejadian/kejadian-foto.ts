/**
 * The photos of an incident, sent after the text (a phone on a weak signal gets the report through
 * first) as the raw image body of PUT /api/kejadian/:id/foto. Each photo is evidence (ADR 0017): the
 * file is checked by its bytes and kept once by its SHA-256 in the evidence store (modules/berkas),
 * and its link to the incident is append-only, so a later change to the incident never alters it.
 * Sending another photo adds one (the incident shows its newest); sending the same bytes again is a
 * retry and answers with the photo already there. Every download is audited.
 */
import { FOTO_PER_KEJADIAN_MAKS, type FotoKejadian } from '../../../contracts/kejadian';
import { hasPermission } from '../../../domain/access/roles';
import type { Actor } from '../../../domain/access/scope';
import { DomainError, forbidden, notFound } from '../../errors';
import type { BerkasService } from '../berkas/berkas.service';
import { canSee } from './kejadian-access';
import { recordChange, type KejadianContext } from './kejadian-change';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import * as fotoRepo from './kejadian-foto.repo';
import * as repo from './kejadian.repo';
import { toDomain } from './kejadian.view';

export function toFoto(row: fotoRepo.FotoRow): FotoKejadian {
  return {
    id: row.id,
    mime: row.mime,
    bytes: row.size_bytes,
    sha256: row.sha256,
    dikirimAt: new Date(row.dikirim_at).toISOString(),
  };
}

export function createFotoUseCases(ctx: KejadianContext & { berkas: BerkasService }) {
  const { db } = ctx;

  async function visible(actor: Actor, pemilihan: PemilihanContext, id: string) {
    const row = await repo.findById(db, id);
    if (!row || !canSee(actor, pemilihan.id, row)) throw notFound('Kejadian');
    return row;
  }

  return {
    async putFoto(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      upload: { contentType: string | undefined; bytes: Buffer },
    ): Promise<FotoKejadian & { replayed: boolean }> {
      const file = await ctx.berkas.periksaGambar(upload, { field: 'foto', nama: 'Foto' });
      const now = ctx.clock.now();
      return db.transaction().execute(async (trx) => {
        const row = await ctx.lockVisible(trx, actor, pemilihan, id);
        if (row.reported_by !== actor.userId && !hasPermission(actor.role, 'kejadian:triage')) {
          throw forbidden('Hanya pelapor atau petugas triase yang dapat mengirim foto kejadian ini');
        }
        const fotos = await fotoRepo.findFotos(trx, id);
        const same = fotos.find((f) => f.sha256 === file.sha256);
        if (same) return { ...toFoto(same), replayed: true };
        if (fotos.length >= FOTO_PER_KEJADIAN_MAKS) {
          throw new DomainError(
            'conflict',
            `Kejadian ini sudah memiliki ${FOTO_PER_KEJADIAN_MAKS} foto; foto tidak dapat ditambah lagi`,
            { field: 'foto', code: 'foto_penuh', max: FOTO_PER_KEJADIAN_MAKS },
          );
        }
        await ctx.berkas.simpan(trx, file);
        const inserted = await fotoRepo.insertFoto(trx, {
          kejadian_id: id,
          sha256: file.sha256,
          dikirim_by: actor.userId,
          dikirim_at: now,
        });
        const incident = toDomain(row);
        await recordChange(
          { trx, audit: ctx.audit, actor, row, now },
          {
            aksi: 'foto',
            before: incident,
            after: incident,
            catatan: `${file.mime}, ${file.sizeBytes} bita, SHA-256 ${file.sha256}`,
            audit: { fotoId: inserted!.id, sha256: file.sha256, mime: file.mime, bytes: file.sizeBytes },
          },
        );
        const foto: FotoKejadian = {
          id: inserted!.id,
          mime: file.mime,
          bytes: file.sizeBytes,
          sha256: file.sha256,
          dikirimAt: now.toISOString(),
        };
        return { ...foto, replayed: false };
      });
    },

    /** One photo's bytes (the newest when no id is given); the read is audited. */
    async getFoto(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      fotoId?: string,
    ): Promise<{ mime: string; bytes: Buffer; sha256: string }> {
      const row = await visible(actor, pemilihan, id);
      const fotos = await fotoRepo.findFotos(db, id);
      const foto = fotoId === undefined ? fotos.at(-1) : fotos.find((f) => f.id === fotoId);
      const file =
        foto &&
        (await ctx.berkas.unduh(actor, foto.sha256, {
          action: 'kejadian.foto.unduh',
          entity: 'kejadian_bukti',
          entityId: foto.id,
          kodeWilayah: row.kode_wilayah,
          keterangan: { kejadianId: id },
        }));
      if (!file) throw notFound('Foto kejadian');
      return file;
    },
  };
}
