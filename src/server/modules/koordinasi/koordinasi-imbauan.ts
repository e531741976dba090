/**
 * Imbauan and instruksi as their sender sees them: sent once per client id to every account of the
 * target roles at or below the wilayah, listed with how many received, read and acknowledged,
 * read per recipient with whose reminder is due, reminded, and a public one exported as CAP 1.2.
 * The recipient's side is koordinasi-kotak-masuk.ts. Rules: src/domain/koordinasi/imbauan.ts.
 */
import type { ImbauanCreate } from '../../../contracts/koordinasi';
import { isInScope, type Actor } from '../../../domain/access/scope';
import { capFields } from '../../../domain/koordinasi/imbauan';
import { authorize } from '../../cross-cutting/access';
import { createOnce } from '../../cross-cutting/create-once';
import { DomainError, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { KoordinasiContext } from './koordinasi-context';
import * as repo from './koordinasi-imbauan.repo';
import { reminderDueFor, toImbauanSummary, toPenerima } from './koordinasi.view';
import { buildCapAlert } from './koordinasi-cap';

export function createImbauanUseCases(ctx: KoordinasiContext) {
  const { db, deps, now } = ctx;

  /** An imbauan the actor sent or could have (at or below their scope); another election's is 404. */
  async function requireImbauan(actor: Actor, pemilihan: PemilihanContext, id: string) {
    authorize(actor, 'imbauan:send', actor.kodeWilayah);
    const i = await repo.findImbauan(db, pemilihan.id, id);
    if (!i || !isInScope(actor, i.kode_wilayah)) throw notFound('Imbauan');
    return i;
  }

  async function sendImbauan(
    actor: Actor,
    pemilihan: PemilihanContext,
    input: ImbauanCreate,
  ): Promise<{ id: string; penerima: number; replayed: boolean }> {
    authorize(actor, 'imbauan:send', input.kodeWilayah);
    await deps.wilayah.require(input.kodeWilayah);
    const { made, replayed } = await createOnce({
      find: () => repo.findImbauanIdByClientId(db, input.clientId),
      pemilihan,
      // A resend says nobody new was reached: the first copy reached them.
      replay: (first) => ({ id: first.id, penerima: 0 }),
      write: async () => {
        const recipients = await repo.findRecipients(db, input.kodeWilayah, input.targetRoles, actor.userId);
        if (recipients.length === 0) {
          throw new DomainError('validation', 'Tidak ada pengguna dengan peran itu di wilayah tujuan', {
            field: 'targetRoles',
          });
        }
        return db.transaction().execute(async (trx) => {
          const inserted = await repo.insertImbauan(trx, {
            client_id: input.clientId,
            pemilihan_id: pemilihan.id,
            kode_wilayah: input.kodeWilayah,
            jenis: input.jenis,
            prioritas: input.prioritas,
            judul: input.judul,
            isi: input.isi,
            target_roles: input.targetRoles,
            teruskan_rt_rw: input.teruskanRtRw,
            is_publik: input.publik,
            is_latihan: input.latihan,
            created_by: actor.userId,
            sent_at: now(),
          });
          await repo.insertPenerima(
            trx,
            inserted.id,
            recipients.map((r) => r.id),
          );
          await deps.audit.record(trx, actor, {
            action: 'send',
            entity: 'imbauan',
            entityId: inserted.id,
            kodeWilayah: input.kodeWilayah,
            before: null,
            after: { ...input, penerima: recipients.length },
          });
          return { id: inserted.id, penerima: recipients.length };
        });
      },
    });
    return { ...made, replayed };
  }

  async function listImbauan(
    actor: Actor,
    pemilihan: PemilihanContext,
    query: { page: number; pageSize: number },
  ) {
    authorize(actor, 'imbauan:send', actor.kodeWilayah);
    const { items, total } = await repo.findImbauanPage(db, pemilihan.id, actor.kodeWilayah, query);
    const penerima = await repo.findPenerimaOf(
      db,
      items.map((i) => i.id),
    );
    return {
      items: items.map((i) =>
        toImbauanSummary(
          i,
          penerima.filter((p) => p.imbauan_id === i.id),
        ),
      ),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  async function getImbauan(actor: Actor, pemilihan: PemilihanContext, id: string) {
    const i = await requireImbauan(actor, pemilihan, id);
    const penerima = await repo.findPenerimaOf(db, [id]);
    const at = now();
    return { ...toImbauanSummary(i, penerima), penerima: penerima.map((p) => toPenerima(p, i, at)) };
  }

  /** Sends a reminder to every recipient whose reminder is due; returns how many were reminded. */
  async function remind(
    actor: Actor,
    pemilihan: PemilihanContext,
    id: string,
  ): Promise<{ reminded: number }> {
    const i = await requireImbauan(actor, pemilihan, id);
    const at = now();
    const due = (await repo.findPenerimaOf(db, [id])).filter((p) => reminderDueFor(p, i, at));
    if (due.length === 0) return { reminded: 0 };
    await db.transaction().execute(async (trx) => {
      await repo.markReminded(
        trx,
        id,
        due.map((p) => p.user_id),
        at,
      );
      await deps.audit.record(trx, actor, {
        action: 'remind',
        entity: 'imbauan',
        entityId: id,
        kodeWilayah: i.kode_wilayah,
        before: null,
        after: { usernames: due.map((p) => p.username) },
      });
    });
    return { reminded: due.length };
  }

  /** CAP 1.2 XML of a public imbauan (status Exercise for a drill). */
  async function capXml(actor: Actor, pemilihan: PemilihanContext, id: string): Promise<string> {
    const detail = await getImbauan(actor, pemilihan, id);
    if (!detail.publik)
      throw new DomainError('invalid_state', 'Hanya imbauan publik yang diekspor sebagai CAP');
    return buildCapAlert({
      id: detail.id,
      sentAt: new Date(detail.sentAt),
      judul: detail.judul,
      isi: detail.isi,
      namaWilayah: detail.namaWilayah,
      kodeWilayah: detail.kodeWilayah,
      latihan: detail.latihan,
      jenis: detail.jenis,
      ...capFields(detail.prioritas),
      pengirim: detail.sentBy,
    });
  }

  return { sendImbauan, listImbauan, getImbauan, remind, capXml };
}
