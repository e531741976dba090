/**
 * The one content-addressed file store for evidence (ADR 0017; docs/domain/medsos.md §Bukti):
 * media-sosial screenshots, incident photos, the logistics handovers' photos and signatures. A
 * checked image is stored once under the SHA-256 of its bytes and never changed or removed (the
 * database refuses both). Callers pass the transaction of the record that points at the file, so a
 * file and its reference are written together. Access to a file is the caller's to check: a file has
 * no owner of its own, the records that cite it do. The only way to read a file's bytes is `unduh`,
 * which audits the read under the citing record.
 */
import type { FotoMime } from '../../../contracts/kejadian';
import { sha256Hex } from '../../../domain/medsos/bukti';
import type { Actor } from '../../../domain/access/scope';
import type { AuditLog } from '../../cross-cutting/audit-log';
import type { Db } from '../../db/client';
import { checkGambar, type JenisGambar } from '../../files/gambar';
import * as repo from './berkas.repo';

export interface BerkasTersimpan {
  sha256: string;
  mime: FotoMime;
  sizeBytes: number;
}

/** The record a download is read under, as its audit row names it. */
export interface Kutipan {
  /** The audit action, e.g. 'medsos.bukti.unduh'. */
  action: string;
  entity: string;
  entityId: string;
  kodeWilayah: string | null;
  /** What else the audit row says (the post or incident the file belongs to). */
  keterangan?: Record<string, unknown>;
}

export function createBerkasService(deps: { db: Db; audit: AuditLog }) {
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

    /**
     * A file's bytes for a reader the caller has already let see the citing record; every read is
     * audited (who read which evidence, when). Undefined when the store has no such file.
     */
    async unduh(
      actor: Actor,
      sha256: string,
      kutipan: Kutipan,
    ): Promise<{ mime: string; bytes: Buffer; sha256: string } | undefined> {
      const row = await repo.findBerkas(deps.db, sha256);
      if (!row) return undefined;
      await deps.audit.record(deps.db, actor, {
        action: kutipan.action,
        entity: kutipan.entity,
        entityId: kutipan.entityId,
        kodeWilayah: kutipan.kodeWilayah,
        before: null,
        after: { ...kutipan.keterangan, sha256 },
      });
      return { mime: row.mime, bytes: row.bytes, sha256 };
    },
  };
}
export type BerkasService = ReturnType<typeof createBerkasService>;
