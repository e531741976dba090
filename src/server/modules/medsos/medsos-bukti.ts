/**
 * A post's evidence: screenshots checked (type, size, magic numbers), hashed and stored once by their
 * SHA-256 in the evidence store (ADR 0017), never changed; every download audited.
 */
import type { BuktiQuery } from '../../../contracts/medsos';
import type { Actor } from '../../../domain/access/scope';
import { planBukti } from '../../../domain/medsos/bukti';
import { isFinal } from '../../../domain/medsos/medsos';
import { authorize } from '../../cross-cutting/access';
import { notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { invalidState, readerOf, validation, type MedsosContext } from './medsos-context';
import * as repo from './medsos.repo';
import { toBukti } from './medsos.view';

const SCREENSHOT = { field: 'bukti', nama: 'Tangkapan layar' };

export function createBuktiUseCases({ deps, db, lockVisible, step }: MedsosContext) {
  return {
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
        if (isFinal(row.status))
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
  };
}
