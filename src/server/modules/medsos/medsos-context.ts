/**
 * What the media sosial use cases share: their deps, the module's error shapes, a post read or locked
 * within the reader's scope and election, and one step of a post's history (with its audit record).
 */
import type { Actor } from '../../../domain/access/scope';
import { isInScope } from '../../../domain/access/scope';
import { CLOCK_SKEW_MINUTES } from '../../../domain/medsos/bukti';
import { authorize } from '../../cross-cutting/access';
import type { AuditLog } from '../../cross-cutting/audit-log';
import type { Clock } from '../../cross-cutting/clock';
import type { Db } from '../../db/client';
import { DomainError, notFound } from '../../errors';
import type { BerkasService } from '../berkas/berkas.service';
import type { KejadianService } from '../kejadian/kejadian.service';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
import * as repo from './medsos.repo';

export interface MedsosDeps {
  db: Db;
  audit: AuditLog;
  clock: Clock;
  wilayah: WilayahService;
  kejadian: KejadianService;
  berkas: BerkasService;
}

export function validation(message: string, field: string, code: string): DomainError {
  return new DomainError('validation', message, { field, code });
}

export function invalidState(message: string, code: string): DomainError {
  return new DomainError('invalid_state', message, { code });
}

export const notFuture = (at: Date, now: Date): boolean =>
  at.getTime() <= now.getTime() + CLOCK_SKEW_MINUTES * 60_000;

export function readerOf(actor: Actor, pemilihan: PemilihanContext): repo.PostReader {
  return { pemilihanId: pemilihan.id, scope: actor.kodeWilayah };
}

export type MedsosContext = ReturnType<typeof createMedsosContext>;

export function createMedsosContext(deps: MedsosDeps) {
  const { db } = deps;

  /** A post under its row lock for a change: 404 when the actor may not see it (scope, election). */
  async function lockVisible(trx: Db, actor: Actor, pemilihan: PemilihanContext, id: string) {
    authorize(actor, 'medsos:read', actor.kodeWilayah);
    const row = await repo.findForUpdate(trx, id);
    if (!row || row.pemilihan_id !== pemilihan.id || !isInScope(actor, row.kode_wilayah))
      throw notFound('Unggahan');
    return row;
  }

  async function step(
    trx: Db,
    actor: Actor,
    post: repo.PostRow,
    aksi: string,
    catatan: string,
    after: unknown,
    now: Date,
  ): Promise<void> {
    await repo.insertLangkah(trx, { post_id: post.id, aksi, catatan, actor_id: actor.userId, at: now });
    await deps.audit.record(trx, actor, {
      action: `medsos.${aksi}`,
      entity: 'medsos_post',
      entityId: post.id,
      kodeWilayah: post.kode_wilayah,
      before: { status: post.status, kategori: post.kategori, version: post.version },
      after,
    });
  }

  return { deps, db, lockVisible, step };
}
