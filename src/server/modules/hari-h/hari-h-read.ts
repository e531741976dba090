/** Reading voting day: a wilayah's counters from the maintained roll-up, and its TPS for the board. */
import type { Actor } from '../../../domain/access/scope';
import { readWithSnapshot } from '../../db/snapshot';
import { authorize } from '../../cross-cutting/access';
import { forbidden, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { HariHDeps } from './hari-h.service';
import * as repo from './hari-h.repo';
import { toRollup, toTpsOnBoard } from './hari-h.view';

/** The board's map and list stop here; a wider area is read through its children. */
const MAP_LIMIT = 20_000;

/** A wilayah's counters and its children's, from the maintained roll-up (no TPS scan). */
export async function rekap(deps: HariHDeps, actor: Actor, pemilihan: PemilihanContext, kode: string | null) {
  authorize(actor, 'laporan:read', kode);
  const nama = kode === null ? 'Indonesia' : (await deps.wilayah.require(kode)).nama;
  // The board applies later events to this answer: it needs the snapshot it was read in.
  return readWithSnapshot(deps.db, async (trx) => {
    const [self, children] = await Promise.all([
      repo.findRollup(trx, pemilihan.id, kode ?? ''),
      repo.findChildRollups(trx, pemilihan.id, kode),
    ]);
    return {
      kode,
      nama,
      rollup: toRollup(self),
      children: children.map((c) => ({ kode: c.kode, nama: c.nama, rollup: toRollup(c) })),
    };
  });
}

/** Every TPS of a wilayah with its status, for the board's list and map. */
export async function tpsStatus(deps: HariHDeps, actor: Actor, pemilihan: PemilihanContext, kode: string) {
  authorize(actor, 'laporan:read', kode);
  const { rows, snapshot } = await readWithSnapshot(deps.db, async (trx) => ({
    rows: await repo.findTpsStatusWithin(trx, pemilihan.id, kode, MAP_LIMIT),
  }));
  if (rows.length === 0 && !(await deps.wilayah.require(kode))) throw notFound('Wilayah');
  return {
    snapshot,
    items: rows.slice(0, MAP_LIMIT).map(toTpsOnBoard),
    truncated: rows.length > MAP_LIMIT,
  };
}

/** The roll-up recomputed by a scan: for consistency checks and the benchmark's ratio. */
export async function scan(deps: HariHDeps, actor: Actor, pemilihan: PemilihanContext, kode: string | null) {
  if (actor.role !== 'admin') throw forbidden();
  return toRollup(await repo.scanRollup(deps.db, pemilihan.id, kode));
}
