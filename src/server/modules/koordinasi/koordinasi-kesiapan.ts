/**
 * The readiness checklist (kesiapan) of a kab/kota: created from the election's template with due
 * days counted from voting day (domain/koordinasi/checklist-template.ts), and each item ticked done
 * (or reopened) by its agency or by whoever manages koordinasi there. Both answer with the dashboard.
 */
import { hasPermission } from '../../../domain/access/roles';
import { isInScope, isRelated, type Actor } from '../../../domain/access/scope';
import { checklistFor } from '../../../domain/koordinasi/checklist-template';
import { authorize } from '../../cross-cutting/access';
import { forbidden, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { requireKabKota, type KoordinasiContext } from './koordinasi-context';
import type { RingkasanOf } from './koordinasi-ringkasan';
import * as repo from './koordinasi.repo';

export function createKesiapanUseCases(ctx: KoordinasiContext, ringkasan: RingkasanOf) {
  const { db, deps, today, tahapanOf } = ctx;

  /** Creates the region's checklist from the default template; items already there are kept. */
  async function materialiseKesiapan(
    actor: Actor,
    pemilihan: PemilihanContext,
    kode: string,
  ): Promise<{ created: number }> {
    authorize(actor, 'koordinasi:manage', kode);
    requireKabKota(kode, 'Daftar kesiapan dibuat untuk satu kabupaten/kota');
    await deps.wilayah.require(kode);
    const { template: tahapan } = await tahapanOf(kode, pemilihan);
    const checklist = checklistFor({ ...pemilihan, tahapan });
    return db.transaction().execute(async (trx) => {
      const created = await repo.insertKesiapanItems(
        trx,
        checklist.map((item) => ({
          pemilihan_id: pemilihan.id,
          kode_wilayah: kode,
          kode: item.kode,
          judul: item.judul,
          agency: item.agency,
          due_offset: item.dueOffset,
        })),
      );
      await deps.audit.record(trx, actor, {
        action: 'materialise',
        entity: 'kesiapan',
        entityId: null,
        kodeWilayah: kode,
        before: null,
        after: { template: pemilihan.jenis, created },
      });
      return { created };
    });
  }

  async function updateKesiapan(
    actor: Actor,
    pemilihan: PemilihanContext,
    id: string,
    input: { done: boolean; catatan: string },
  ) {
    const item = await repo.findKesiapanItem(db, pemilihan.id, id);
    if (!item || !isRelated(actor, item.kode_wilayah)) throw notFound('Butir kesiapan');
    const manages = isInScope(actor, item.kode_wilayah) && hasPermission(actor.role, 'koordinasi:manage');
    if (!manages) {
      authorize(actor, 'koordinasi:act', actor.kodeWilayah);
      if (!isInScope(actor, item.kode_wilayah)) throw forbidden('Butir ini diurus di tingkat kabupaten/kota');
      if (actor.agency !== item.agency) throw forbidden('Butir ini milik instansi lain');
    }
    const change = {
      done_on: input.done ? today(item.kode_wilayah) : null,
      done_by: input.done ? actor.userId : null,
      catatan: input.catatan === '' ? null : input.catatan,
    };
    await db.transaction().execute(async (trx) => {
      await repo.updateKesiapanItem(trx, id, change);
      await deps.audit.record(trx, actor, {
        action: input.done ? 'selesai' : 'dibuka_kembali',
        entity: 'kesiapan_item',
        entityId: id,
        kodeWilayah: item.kode_wilayah,
        before: { doneOn: item.done_on },
        after: { doneOn: change.done_on, catatan: change.catatan },
      });
    });
    return ringkasan(actor, pemilihan, item.kode_wilayah);
  }

  return { materialiseKesiapan, updateKesiapan };
}
