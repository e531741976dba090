/** Weather and disaster warnings per area of a kab/kota; a leg that crosses one while under way is flagged. */
import type { Peringatan, PeringatanCreate } from '../../../contracts/logistik';
import type { Actor } from '../../../domain/access/scope';
import { isWithinWilayah } from '../../../domain/wilayah/kode-wilayah';
import { DomainError } from '../../errors';
import { authorize } from '../../cross-cutting/access';
import { sameElection } from '../../cross-cutting/create-once';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { kabOf, type LogistikContext } from './logistik-context';
import * as repo from './logistik.repo';
import { ms, toPeringatan } from './logistik.view';

export function createPeringatanUseCases(ctx: LogistikContext) {
  const { deps, db, names } = ctx;
  return {
    async createPeringatan(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: PeringatanCreate,
    ): Promise<{ id: string; replayed: boolean }> {
      const kab = kabOf(input.kodeWilayah);
      authorize(actor, 'logistik:plan', kab);
      await deps.wilayah.requireKnown({ kodeWilayah: input.kodeWilayah });
      if (ms(input.selesai) <= ms(input.mulai))
        throw new DomainError('validation', 'Waktu selesai harus sesudah waktu mulai', { field: 'selesai' });
      const existing = await repo.findPeringatanByClientId(db, input.clientId);
      if (existing) return { id: sameElection(existing, pemilihan).id, replayed: true };
      return db.transaction().execute(async (trx) => {
        const row = await repo.insertPeringatan(trx, {
          pemilihan_id: pemilihan.id,
          client_id: input.clientId,
          kode_kabkota: kab,
          kode_wilayah: input.kodeWilayah,
          jenis: input.jenis,
          tingkat: input.tingkat,
          mulai: new Date(input.mulai),
          selesai: new Date(input.selesai),
          sumber: input.sumber,
          keterangan: input.keterangan,
          created_by: actor.userId,
        });
        if (!row) {
          const winner = await repo.findPeringatanByClientId(trx, input.clientId);
          return { id: sameElection(winner!, pemilihan).id, replayed: true };
        }
        await deps.audit.record(trx, actor, {
          action: 'create',
          entity: 'logistik_peringatan',
          entityId: row.id,
          kodeWilayah: input.kodeWilayah,
          before: null,
          after: { ...input, pemilihanId: pemilihan.id },
        });
        return { id: row.id, replayed: false };
      });
    },

    async listPeringatan(
      actor: Actor,
      pemilihan: PemilihanContext,
      wilayah: string,
    ): Promise<{ items: Peringatan[] }> {
      authorize(actor, 'logistik:read', wilayah);
      const kab = kabOf(wilayah);
      const [rows, areaNames] = await Promise.all([repo.findPeringatan(db, pemilihan.id, kab), names(kab)]);
      return {
        items: rows
          .filter((w) => isWithinWilayah(w.kode_wilayah, wilayah) || isWithinWilayah(wilayah, w.kode_wilayah))
          .map((w) => toPeringatan(w, areaNames)),
      };
    },
  };
}
