/**
 * Recording an election (once per client id) and changing, closing or reopening it, each with its
 * audit row. Rules: docs/domain/pemilihan.md.
 */
import type {
  PemilihanCreateInput,
  PemilihanDetail,
  PemilihanUpdateInput,
} from '../../../contracts/pemilihan';
import type { Actor } from '../../../domain/access/scope';
import { authorize } from '../../cross-cutting/access';
import { createOnce } from '../../cross-cutting/create-once';
import { DomainError, forbidden, notFound } from '../../errors';
import type { PemilihanDeps, PemilihanReads } from './pemilihan-baca';
import { checkPeserta, validateTahapan } from './pemilihan-peserta';
import * as repo from './pemilihan.repo';
import { canManage } from './pemilihan.view';

export function createPemilihanCatat(
  deps: PemilihanDeps,
  reads: PemilihanReads,
  /** Forgets what a node keeps of the election (its resolved context). */
  changed: (id: string) => void,
) {
  const { db } = deps;
  const { detail, findVisible } = reads;
  return {
    async create(actor: Actor, input: PemilihanCreateInput): Promise<PemilihanDetail> {
      authorize(actor, 'pemilihan:manage', input.kodeWilayah);
      // An election belongs to no election: a resend answers with its first copy as it is.
      const { made: id } = await createOnce({
        find: () => repo.findPemilihanByClientId(db, input.clientId),
        replay: (first) => first.id,
        write: async () => {
          await checkPeserta(deps, reads, actor, input);
          if (input.tahapan) validateTahapan(input.tahapan, input.hariPemungutan);
          return db.transaction().execute(async (trx) => {
            const id = await repo.insertPemilihan(
              trx,
              {
                client_id: input.clientId,
                nama: input.nama,
                jenis: input.jenis,
                hari_pemungutan: input.hariPemungutan,
                kode_wilayah: input.kodeWilayah,
                induk_id: input.indukId,
                catatan: input.catatan,
                created_by: actor.userId,
              },
              { wilayah: [...new Set(input.wilayahPeserta)], tps: input.tps },
            );
            if (input.tahapan) await repo.replaceTahapan(trx, id, input.tahapan);
            await deps.audit.record(trx, actor, {
              action: 'pemilihan.create',
              entity: 'pemilihan',
              entityId: id,
              kodeWilayah: input.kodeWilayah,
              before: null,
              after: { ...input },
            });
            return id;
          });
        },
      });
      return detail(actor, id);
    },

    async update(actor: Actor, id: string, input: PemilihanUpdateInput): Promise<PemilihanDetail> {
      const visible = await findVisible(actor, id);
      if (!canManage(actor, visible)) throw forbidden('Anda tidak berwenang mengubah pemilihan ini');
      await db.transaction().execute(async (trx) => {
        const row = await repo.findPemilihanForUpdate(trx, id);
        if (!row) throw notFound('Pemilihan');
        if (row.version !== input.version) {
          throw new DomainError('conflict', 'Pemilihan telah diubah orang lain; muat ulang lalu coba lagi', {
            version: row.version,
          });
        }
        const closing = input.ditutup;
        if (row.ditutup_at !== null && closing !== false) {
          throw new DomainError('invalid_state', 'Pemilihan sudah ditutup; buka kembali sebelum mengubahnya');
        }
        const hari = input.hariPemungutan ?? row.hari_pemungutan;
        if (input.tahapan) validateTahapan(input.tahapan, hari);
        await repo.updatePemilihan(trx, id, {
          ...(input.nama !== undefined && { nama: input.nama }),
          ...(input.hariPemungutan !== undefined && { hari_pemungutan: input.hariPemungutan }),
          ...(input.catatan !== undefined && { catatan: input.catatan }),
          ...(closing !== undefined && { ditutup_at: closing ? deps.clock.now() : null }),
        });
        if (input.tahapan !== undefined) await repo.replaceTahapan(trx, id, input.tahapan);
        await deps.audit.record(trx, actor, {
          action:
            closing === true
              ? 'pemilihan.close'
              : closing === false
                ? 'pemilihan.reopen'
                : 'pemilihan.update',
          entity: 'pemilihan',
          entityId: id,
          kodeWilayah: row.kode_wilayah,
          before: {
            nama: row.nama,
            hariPemungutan: row.hari_pemungutan,
            catatan: row.catatan,
            ditutup: row.ditutup_at !== null,
          },
          after: input,
        });
      });
      changed(id);
      return detail(actor, id);
    },
  };
}
