/**
 * Neutrality complaints (issue 18): Bawaslu registers a complaint about an ASN, lurah, kepala desa,
 * Polri or TNI member, studies it within the statutory window and sends it down its route (BKN, the
 * bupati, Propam, the POM, or Gakkumdu) until an outcome is recorded; every step is audited and its
 * deadlines shown. Rules: src/domain/netralitas/, docs/domain/netralitas.md.
 *
 * Reading lives here; registering in netralitas-catat.ts, the next step in netralitas-aksi.ts, rows
 * to answers in netralitas.view.ts, what they share in netralitas-context.ts.
 */
import type { Netralitas, NetralitasList } from '../../../contracts/netralitas';
import type { Actor } from '../../../domain/access/scope';
import { isInScope } from '../../../domain/access/scope';
import { authorize, scopeFor } from '../../cross-cutting/access';
import { notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { createAksiUseCase } from './netralitas-aksi';
import { createCatatUseCase } from './netralitas-catat';
import type { NetralitasDeps } from './netralitas-context';
import * as repo from './netralitas.repo';
import { toView } from './netralitas.view';

export function createNetralitasService(deps: NetralitasDeps) {
  const { db } = deps;
  const liburOf = deps.libur ?? (async () => []);
  const clockAt = async () => ({ now: deps.clock.now(), libur: await liburOf() });

  async function get(actor: Actor, pemilihan: PemilihanContext, id: string): Promise<Netralitas> {
    authorize(actor, 'netralitas:read', actor.kodeWilayah);
    const row = await repo.findNetralitas(db, pemilihan.id, id);
    if (!row || !isInScope(actor, row.kode_wilayah)) throw notFound('Aduan netralitas');
    const langkah = await repo.findLangkah(db, id);
    return toView(
      row,
      pemilihan,
      langkah.map((l) => ({ aksi: l.aksi, at: l.at.toISOString(), catatan: l.catatan, oleh: l.oleh })),
      await clockAt(),
    );
  }

  return {
    async list(
      actor: Actor,
      pemilihan: PemilihanContext,
      wilayah: string | undefined,
    ): Promise<NetralitasList> {
      const scope = scopeFor(actor, wilayah);
      authorize(actor, 'netralitas:read', scope);
      const rows = await repo.findNetralitasWithin(db, pemilihan.id, scope);
      const at = await clockAt();
      const items = rows.map((r) => toView(r, pemilihan, [], at));
      return { items: items.map(({ langkah: _l, ...rest }) => rest) };
    },

    get,
    ...createCatatUseCase(deps, get),
    ...createAksiUseCase(deps, get),
  };
}
export type NetralitasService = ReturnType<typeof createNetralitasService>;
