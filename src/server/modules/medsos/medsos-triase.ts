/** Triage of a post: verify, merge (duplicate or re-share), dismiss, escalate, reclassify (domain/medsos/medsos.ts). */
import type { MedsosAksiInput, MedsosDetail } from '../../../contracts/medsos';
import { isInScope, type Actor } from '../../../domain/access/scope';
import { isFinal, nextStatus } from '../../../domain/medsos/medsos';
import { authorize } from '../../cross-cutting/access';
import { DomainError } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { invalidState, validation, type MedsosContext } from './medsos-context';
import * as repo from './medsos.repo';

export function createTriaseUseCase(
  { deps, db, lockVisible, step }: MedsosContext,
  get: (actor: Actor, pemilihan: PemilihanContext, id: string) => Promise<MedsosDetail>,
) {
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
      const next = nextStatus(row.status, input.aksi);
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
          if (isFinal(target.status))
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

  return { act };
}
