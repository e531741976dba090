/**
 * The Forkopimda of a provinsi or kab/kota: who heads the region (definitive or acting), which Polri
 * unit and whether a Lanal sits there, from which a Forkopimda rakor's invitation list is drawn. It
 * belongs to the region, shared by every election it holds.
 */
import type { Actor } from '../../../domain/access/scope';
import { defaultPeserta, type ForkopimdaSetting } from '../../../domain/koordinasi/rakor';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { authorize } from '../../cross-cutting/access';
import { DomainError } from '../../errors';
import type { KoordinasiContext } from './koordinasi-context';
import * as repo from './koordinasi.repo';

function requireProvinsiOrKabkota(kode: string) {
  const parsed = parseKodeWilayah(kode);
  if (!parsed.ok || (parsed.value.level !== 'provinsi' && parsed.value.level !== 'kabkota')) {
    throw new DomainError('validation', 'Forkopimda diatur per provinsi atau kabupaten/kota', {
      field: 'kode',
    });
  }
}

export function createForkopimdaUseCases(ctx: KoordinasiContext) {
  const { db, deps, forkopimdaOf } = ctx;

  async function forkopimda(actor: Actor, kode: string) {
    authorize(actor, 'koordinasi:read', kode);
    requireProvinsiOrKabkota(kode);
    await deps.wilayah.require(kode);
    const setting = await forkopimdaOf(kode);
    return { kodeWilayah: kode, ...setting, undangan: [...defaultPeserta('forkopimda', kode, setting)] };
  }

  async function setForkopimda(actor: Actor, kode: string, input: ForkopimdaSetting) {
    authorize(actor, 'koordinasi:manage', kode);
    requireProvinsiOrKabkota(kode);
    await deps.wilayah.require(kode);
    const before = await forkopimdaOf(kode);
    await db.transaction().execute(async (trx) => {
      await repo.upsertForkopimda(trx, kode, {
        status_kepala_daerah: input.statusKepalaDaerah,
        satuan_polri: input.satuanPolri,
        ada_lanal: input.adaLanal,
        updated_by: actor.userId,
      });
      await deps.audit.record(trx, actor, {
        action: 'update',
        entity: 'forkopimda',
        entityId: kode,
        kodeWilayah: kode,
        before,
        after: input,
      });
    });
    return forkopimda(actor, kode);
  }

  return { forkopimda, setForkopimda };
}
