/**
 * Reading posts: a page of those the reader may see, and one with its evidence, history, takedowns
 * and the incidents it is linked to (an incident the reader may not see shows as a bare link).
 */
import type { MedsosDetail, MedsosListQuery } from '../../../contracts/medsos';
import { hasPermission } from '../../../domain/access/roles';
import type { Actor } from '../../../domain/access/scope';
import { aksiTersedia, isFinal, isVerified } from '../../../domain/medsos/medsos';
import { authorize } from '../../cross-cutting/access';
import { DomainError, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { readerOf, type MedsosContext } from './medsos-context';
import * as repo from './medsos.repo';
import { toBukti, toListItem, toTakedown } from './medsos.view';

export function createDetailUseCases({ deps, db }: MedsosContext) {
  async function kejadianTerkait(actor: Actor, pemilihan: PemilihanContext, id: string) {
    try {
      const k = await deps.kejadian.get(actor, pemilihan, id);
      return {
        id,
        terlihat: true,
        kategori: k.kategori,
        status: k.status,
        ringkasan: k.ringkasan,
        rujukan:
          k.rujukan === null
            ? null
            : { lembaga: k.rujukan.lembaga, tenggatBerikut: k.rujukan.tenggatBerikut?.dueAt ?? null },
      };
    } catch (error) {
      // A restricted incident, or one outside the reader's scope: the link shows, its content does not.
      if (error instanceof DomainError && (error.code === 'not_found' || error.code === 'forbidden'))
        return { id, terlihat: false, kategori: null, status: null, ringkasan: null, rujukan: null };
      throw error;
    }
  }

  async function get(actor: Actor, pemilihan: PemilihanContext, id: string): Promise<MedsosDetail> {
    authorize(actor, 'medsos:read', actor.kodeWilayah);
    const row = await repo.findVisible(db, readerOf(actor, pemilihan), id);
    if (!row) throw notFound('Unggahan');
    const [bukti, langkah, duplikat, kejadianIds, takedowns] = await Promise.all([
      repo.findBukti(db, id),
      repo.findLangkah(db, id),
      repo.findDuplikat(db, id),
      repo.findKejadianIds(db, id),
      repo.findTakedowns(db, id),
    ]);
    const kejadian = await Promise.all(kejadianIds.map((k) => kejadianTerkait(actor, pemilihan, k)));
    const now = deps.clock.now();
    const status = row.status;
    const can = (p: 'medsos:record' | 'medsos:triage' | 'medsos:takedown') => hasPermission(actor.role, p);
    return {
      ...toListItem(row),
      teks: row.teks,
      alasan: row.alasan,
      mergedInto: row.merged_into,
      duplikat,
      pencatat: row.pencatat,
      recordedAt: new Date(row.recorded_at).toISOString(),
      bukti: bukti.map(toBukti),
      kejadian,
      takedowns: takedowns.map((t) => toTakedown(t, now)),
      langkah: langkah.map((l) => ({
        aksi: l.aksi,
        catatan: l.catatan,
        aktor: l.actor_nama,
        at: new Date(l.at).toISOString(),
      })),
      aksiTersedia: can('medsos:triage') ? aksiTersedia(status) : [],
      bisaUnggahBukti: can('medsos:record') && !isFinal(status),
      bisaKaitkan: can('medsos:triage') && isVerified(status),
      bisaTakedown: can('medsos:takedown') && isVerified(status),
    };
  }

  /** A page of the posts the actor may see. */
  async function list(actor: Actor, pemilihan: PemilihanContext, query: MedsosListQuery) {
    authorize(actor, 'medsos:read', query.kode ?? actor.kodeWilayah);
    const { rows, total } = await repo.findPostPage(
      db,
      { pemilihanId: pemilihan.id, scope: query.kode ?? actor.kodeWilayah },
      { status: query.status, kategori: query.kategori, platform: query.platform },
      { page: query.page, pageSize: query.pageSize },
    );
    return { items: rows.map(toListItem), page: query.page, pageSize: query.pageSize, total };
  }

  return {
    get,
    list,
  };
}
