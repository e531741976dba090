/**
 * The content-addressed file store for evidence (docs/domain/medsos.md §Bukti): a checked image is
 * stored once under the SHA-256 of its bytes and never changed or removed (the database refuses
 * both). Callers pass the transaction of the record that points at the file, so a file and its
 * reference are written together. Access to a file is the caller's to check: a file has no owner
 * of its own, the records that cite it do.
 */
import type { FotoMime } from '../../../contracts/kejadian';
import { sha256Hex } from '../../../domain/medsos/bukti';
import type { Db } from '../../db/client';
import { checkGambar, type JenisGambar } from '../../files/gambar';
import * as repo from './berkas.repo';

export interface BerkasTersimpan {
  sha256: string;
  mime: FotoMime;
  sizeBytes: number;
}

export function createBerkasService(deps: { db: Db }) {
  return {
    /** Checks an uploaded image (type, size, magic numbers) and hashes it; nothing is written yet. */
    async periksaGambar(
      upload: { contentType: string | undefined; bytes: Buffer },
      jenis: JenisGambar,
    ): Promise<BerkasTersimpan & { bytes: Buffer }> {
      const mime = checkGambar(upload, jenis);
      const sha256 = await sha256Hex(upload.bytes);
      return { sha256, mime, sizeBytes: upload.bytes.length, bytes: upload.bytes };
    },

    /** Stores a checked file in the caller's transaction (a no-op when the same bytes are there). */
    async simpan(trx: Db, file: BerkasTersimpan & { bytes: Buffer }): Promise<void> {
      await repo.insertBerkas(trx, { sha256: file.sha256, mime: file.mime, bytes: file.bytes });
    },

    async baca(sha256: string): Promise<{ mime: string; bytes: Buffer } | undefined> {
      const row = await repo.findBerkas(deps.db, sha256);
      return row && { mime: row.mime, bytes: row.bytes };
    },
  };
}
export type BerkasService = ReturnType<typeof createBerkasService>;
