/**
 * An imbauan as its recipient sees it: the inbox (listing it is delivery: the recipient's device has
 * the text now), read, and acknowledged once with a note and, for a lurah asked to, that it was passed
 * on to the RT/RW. The sender's side is koordinasi-imbauan.ts.
 */
import type { Actor } from '../../../domain/access/scope';
import { DomainError, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { KoordinasiContext } from './koordinasi-context';
import * as repo from './koordinasi-imbauan.repo';
import { iso, toKotakMasukItem } from './koordinasi.view';

export function createKotakMasukUseCases(ctx: KoordinasiContext) {
  const { db, deps, now } = ctx;

  /** The actor's inbox; listing it is delivery (the recipient's device has the text now). */
  async function kotakMasuk(
    actor: Actor,
    pemilihan: PemilihanContext,
    query: { page: number; pageSize: number },
  ) {
    const { items, total } = await repo.findKotakMasuk(db, pemilihan.id, actor.userId, query);
    const at = now();
    const fresh = items.filter((i) => i.delivered_at === null).map((i) => i.id);
    await repo.markDelivered(db, actor.userId, fresh, at);
    return {
      items: items.map((i) => toKotakMasukItem(i, at)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  async function markRead(actor: Actor, pemilihan: PemilihanContext, id: string): Promise<void> {
    const p = await repo.findPenerima(db, pemilihan.id, id, actor.userId);
    if (!p) throw notFound('Imbauan');
    if (p.read_at !== null) return;
    const at = now();
    await repo.updatePenerima(db, id, actor.userId, {
      read_at: at,
      ...(p.delivered_at === null ? { delivered_at: at } : {}),
    });
  }

  async function acknowledge(
    actor: Actor,
    pemilihan: PemilihanContext,
    id: string,
    input: { catatan: string; diteruskanRtRw: boolean },
  ) {
    const p = await repo.findPenerima(db, pemilihan.id, id, actor.userId);
    const i = await repo.findImbauan(db, pemilihan.id, id);
    if (!p || !i) throw notFound('Imbauan');
    // Acknowledging twice keeps the first time: the sender sees when it was first confirmed.
    if (p.acknowledged_at !== null) return { acknowledgedAt: iso(p.acknowledged_at), replayed: true };
    if (i.teruskan_rt_rw && !input.diteruskanRtRw && actor.role === 'lurah') {
      throw new DomainError(
        'validation',
        'Imbauan ini diminta diteruskan ke RT/RW; centang bila sudah diteruskan',
        {
          field: 'diteruskanRtRw',
        },
      );
    }
    const at = now();
    await db.transaction().execute(async (trx) => {
      await repo.updatePenerima(trx, id, actor.userId, {
        acknowledged_at: at,
        read_at: p.read_at ?? at,
        delivered_at: p.delivered_at ?? at,
        catatan: input.catatan === '' ? null : input.catatan,
        diteruskan_rt_rw: input.diteruskanRtRw,
      });
      await deps.audit.record(trx, actor, {
        action: 'acknowledge',
        entity: 'imbauan',
        entityId: id,
        kodeWilayah: actor.kodeWilayah,
        before: null,
        after: input,
      });
    });
    return { acknowledgedAt: iso(at), replayed: false };
  }

  return { kotakMasuk, markRead, acknowledge };
}
