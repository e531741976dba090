/**
 * Tindak lanjut: a rakor's decisions (or an action item set outside a meeting), each owned by an
 * agency with a due day, listed by state, and ticked done by its owner agency or by whoever manages
 * koordinasi there. Late is computed on read in the region's local day (domain/koordinasi/tindak-lanjut.ts).
 */
import type { KeputusanInput, TindakLanjut } from '../../../contracts/koordinasi';
import { hasPermission, type Agency } from '../../../domain/access/roles';
import { isInScope, isRelated, type Actor } from '../../../domain/access/scope';
import { authorize } from '../../cross-cutting/access';
import { sameElection } from '../../cross-cutting/create-once';
import { DomainError, forbidden, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { KoordinasiContext } from './koordinasi-context';
import * as repo from './koordinasi-tindak-lanjut.repo';
import { toTindakLanjut } from './koordinasi.view';

export function createTindakLanjutUseCases(ctx: KoordinasiContext) {
  const { db, deps, now, today, requireManageableRakor } = ctx;

  /** A decision of rakor `id` (or, with `id` null, an action item of no meeting); once per client id. */
  async function addKeputusan(
    actor: Actor,
    pemilihan: PemilihanContext,
    id: string | null,
    input: KeputusanInput,
  ): Promise<TindakLanjut> {
    const rakor = id === null ? null : await requireManageableRakor(actor, pemilihan, id);
    authorize(actor, 'koordinasi:manage', input.kodeWilayah);
    if (rakor !== null && !isInScope({ kodeWilayah: rakor.kode_wilayah }, input.kodeWilayah)) {
      throw new DomainError('validation', 'Wilayah tindak lanjut harus di dalam wilayah rakor', {
        field: 'kodeWilayah',
      });
    }
    await deps.wilayah.require(input.kodeWilayah);
    const day = today(input.kodeWilayah);
    const existing = await repo.findTindakLanjutByClientId(db, input.clientId);
    if (existing) return toTindakLanjut(sameElection(existing, pemilihan), day);
    const created = await db.transaction().execute(async (trx) => {
      const inserted = await repo.insertTindakLanjut(trx, {
        client_id: input.clientId,
        pemilihan_id: pemilihan.id,
        rakor_id: id,
        kode_wilayah: input.kodeWilayah,
        keputusan: input.keputusan,
        owner_agency: input.ownerAgency,
        due_on: input.dueOn,
        created_by: actor.userId,
      });
      if (inserted) {
        await deps.audit.record(trx, actor, {
          action: 'create',
          entity: 'tindak_lanjut',
          entityId: inserted.id,
          kodeWilayah: input.kodeWilayah,
          before: null,
          after: { ...input, rakorId: id },
        });
      }
      return repo.findTindakLanjutByClientId(trx, input.clientId);
    });
    return toTindakLanjut(sameElection(created!, pemilihan), day);
  }

  async function listTindakLanjut(
    actor: Actor,
    pemilihan: PemilihanContext,
    query: {
      kode?: string | undefined;
      agency?: Agency | undefined;
      state: 'terbuka' | 'terlambat' | 'selesai' | 'semua';
      page: number;
      pageSize: number;
    },
  ) {
    authorize(actor, 'koordinasi:read', actor.kodeWilayah);
    if (query.kode !== undefined && !isInScope(actor, query.kode))
      throw forbidden('Wilayah ini di luar cakupan Anda');
    const day = today(query.kode ?? actor.kodeWilayah);
    const { items, total } = await repo.findTindakLanjutPage(
      db,
      {
        pemilihanId: pemilihan.id,
        scope: actor.kodeWilayah,
        kode: query.kode,
        agency: query.agency,
        state: query.state,
        today: day,
      },
      query,
    );
    return {
      items: items.map((row) => toTindakLanjut(row, day)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  /** Tick an action item done (or cancel it): its owner agency, or whoever manages koordinasi there. */
  async function closeTindakLanjut(
    actor: Actor,
    pemilihan: PemilihanContext,
    id: string,
    input: { status: 'selesai' | 'batal'; catatan: string; version: number },
  ): Promise<TindakLanjut> {
    const row = await repo.findTindakLanjut(db, pemilihan.id, id);
    if (!row || !isRelated(actor, row.kode_wilayah)) throw notFound('Tindak lanjut');
    const manages = isInScope(actor, row.kode_wilayah) && hasPermission(actor.role, 'koordinasi:manage');
    if (!manages) {
      authorize(actor, 'koordinasi:act', actor.kodeWilayah);
      if (!isInScope(actor, row.kode_wilayah)) {
        throw forbidden('Tindak lanjut ini diurus di tingkat wilayah di atas Anda');
      }
      if (actor.agency !== row.owner_agency) {
        throw forbidden('Hanya instansi penanggung jawab yang dapat menandai tindak lanjut ini');
      }
      if (input.status === 'batal') throw forbidden('Pembatalan hanya oleh penyelenggara rakor');
    }
    if (row.status !== 'terbuka') throw new DomainError('invalid_state', 'Tindak lanjut ini sudah ditutup');
    await db.transaction().execute(async (trx) => {
      const updated = await repo.closeTindakLanjut(trx, id, input.version, {
        status: input.status,
        catatan: input.catatan,
        by: actor.userId,
        at: now(),
      });
      if (updated === 0)
        throw new DomainError('conflict', 'Tindak lanjut ini baru saja diubah; muat ulang lalu ulangi');
      await deps.audit.record(trx, actor, {
        action: input.status,
        entity: 'tindak_lanjut',
        entityId: id,
        kodeWilayah: row.kode_wilayah,
        before: { status: row.status },
        after: { status: input.status, catatan: input.catatan },
      });
    });
    return toTindakLanjut((await repo.findTindakLanjut(db, pemilihan.id, id))!, today(row.kode_wilayah));
  }

  return { addKeputusan, listTindakLanjut, closeTindakLanjut };
}
