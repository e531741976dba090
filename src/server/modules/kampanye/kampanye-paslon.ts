/** The paslon of an election: listed for an area, registered once per client id with a unique nomor urut. */
import type { Paslon, PaslonInput } from '../../../contracts/kampanye';
import type { Actor } from '../../../domain/access/scope';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { authorize, scopeFor } from '../../cross-cutting/access';
import { isUniqueViolation } from '../../db/pg-errors';
import { DomainError } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { validation, type KampanyeContext } from './kampanye-context';
import { toPaslon } from './kampanye.view';
import * as repo from './kampanye.repo';

export function createPaslonUseCases(ctx: KampanyeContext) {
  const { db, deps, once } = ctx;
  return {
    async listPaslon(actor: Actor, pemilihan: PemilihanContext, wilayah: string | undefined) {
      const scope = scopeFor(actor, wilayah);
      authorize(actor, 'kampanye:read', scope);
      return { items: (await repo.findPaslonRelated(db, pemilihan.id, scope)).map(toPaslon) };
    },

    async createPaslon(actor: Actor, pemilihan: PemilihanContext, input: PaslonInput): Promise<Paslon> {
      authorize(actor, 'kampanye:manage', input.kodeWilayah);
      const parsed = parseKodeWilayah(input.kodeWilayah);
      if (!parsed.ok || (parsed.value.level !== 'provinsi' && parsed.value.level !== 'kabkota')) {
        throw validation(
          'Wilayah pemilihan paslon adalah provinsi atau kabupaten/kota',
          'kodeWilayah',
          'wilayah_paslon',
        );
      }
      await deps.wilayah.requireKnown({ kodeWilayah: input.kodeWilayah });
      const { id } = await once(
        () => repo.findPaslonByClientId(db, actor.userId, input.clientId),
        pemilihan,
        () =>
          db.transaction().execute(async (trx) => {
            const id = await repo.insertPaslon(trx, {
              client_id: input.clientId,
              pemilihan_id: pemilihan.id,
              kode_wilayah: input.kodeWilayah,
              nomor_urut: input.nomorUrut,
              nama: input.nama,
              created_by: actor.userId,
            });
            await deps.audit.record(trx, actor, {
              action: 'paslon.create',
              entity: 'paslon',
              entityId: id,
              kodeWilayah: input.kodeWilayah,
              before: null,
              after: { ...input, pemilihanId: pemilihan.id },
            });
            return id;
          }),
      ).catch((error: unknown) => {
        if (isUniqueViolation(error)) {
          throw new DomainError('conflict', `Nomor urut ${input.nomorUrut} sudah dipakai di wilayah ini`, {
            field: 'nomorUrut',
            code: 'nomor_urut_dipakai',
          });
        }
        throw error;
      });
      return toPaslon((await repo.findPaslon(db, pemilihan.id, id))!);
    },
  };
}
