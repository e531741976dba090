/**
 * Reading situation reports: an area's status for a period (its own report, its children's, who is
 * late, the roll-up and a draft), the list of reports in scope, and every version of one report.
 */
import { hasPermission } from '../../../domain/access/roles';
import { isRelated, type Actor } from '../../../domain/access/scope';
import { aturanOn, currentSlot, GRACE_MINUTES } from '../../../domain/laporan/jadwal';
import { draftFromRollUp, emptyHitungan } from '../../../domain/laporan/situasi';
import { daysBetween } from '../../../domain/time/hari';
import { ZONA_OFFSET_HOURS, todayIn, zonaOf } from '../../../domain/time/zona';
import { kabKotaOf } from '../../../domain/wilayah/kode-wilayah';
import { authorize } from '../../cross-cutting/access';
import { DomainError, forbidden, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { jadwalOf, type LaporanDeps } from './laporan-context';
import { childrenFor } from './laporan-rollup';
import * as repo from './laporan.repo';
import { iso, isiOf, toLaporan } from './laporan.view';

/** Every version of the report a version belongs to (its area and period), newest first. */
export async function laporanVersions(
  deps: LaporanDeps,
  actor: Actor,
  pemilihan: PemilihanContext,
  id: string,
) {
  const row = await repo.findLaporan(deps.db, pemilihan.id, id);
  if (!row || !isRelated(actor, row.kode_wilayah)) throw notFound('Laporan');
  authorize(actor, 'laporan:read', actor.kodeWilayah);
  const rows = await repo.findVersions(deps.db, pemilihan.id, row.kode_wilayah, new Date(row.slot_at));
  return { items: rows.map(toLaporan) };
}

/** For an area: its own report for a slot, its children's, who is late, and the roll-up. */
export async function laporanStatus(
  deps: LaporanDeps,
  actor: Actor,
  pemilihan: PemilihanContext,
  kode: string,
  slot: string | undefined,
) {
  authorize(actor, 'laporan:read', kode);
  const wilayah = await deps.wilayah.require(kode);
  if (wilayah.level === 1)
    throw new DomainError('validation', 'Pilih kabupaten/kota atau di bawahnya', { field: 'kode' });
  const now = deps.clock.now();
  const jadwal = await jadwalOf(deps.db, pemilihan, kabKotaOf(kode)!);
  const current = currentSlot(jadwal, pemilihan.hariPemungutan, ZONA_OFFSET_HOURS[zonaOf(kode)], now);
  // The period being reported now: the deadline just passed while still within grace, else the
  // next one (the same rule a new report follows), else the last one of the schedule.
  const withinGrace =
    current.previous !== null && now.getTime() <= current.previous.getTime() + GRACE_MINUTES * 60_000;
  const slotAt =
    slot !== undefined ? new Date(slot) : withinGrace ? current.previous : (current.next ?? current.previous);
  const base = {
    kodeWilayah: kode,
    namaWilayah: wilayah.nama,
    slotAt: slotAt === null ? null : iso(slotAt),
    nextSlotAt: current.next === null ? null : iso(current.next),
    fase: aturanOn(jadwal, daysBetween(pemilihan.hariPemungutan, todayIn(kode, now)))?.phase ?? null,
    graceMinutes: GRACE_MINUTES,
    canApprove: wilayah.level === 2 && hasPermission(actor.role, 'laporan:approve'),
  };
  if (slotAt === null) {
    return {
      ...base,
      own: null,
      children: [],
      rollup: null,
      draft: { level: null, narasi: '', hitungan: emptyHitungan() },
    };
  }
  const [own, { rows, rollup }] = await Promise.all([
    repo.findLaporanForSlot(deps.db, pemilihan.id, kode, slotAt),
    childrenFor(deps.db, pemilihan, kode, slotAt, now),
  ]);
  return {
    ...base,
    own: own ? toLaporan(own) : null,
    children: rows,
    rollup,
    draft: own
      ? isiOf(own)
      : rollup
        ? draftFromRollUp(rollup)
        : { level: null, narasi: '', hitungan: emptyHitungan() },
  };
}

export async function laporanList(
  deps: LaporanDeps,
  actor: Actor,
  pemilihan: PemilihanContext,
  query: { kode?: string | undefined; page: number; pageSize: number },
) {
  authorize(actor, 'laporan:read', actor.kodeWilayah);
  if (query.kode !== undefined && !isRelated(actor, query.kode)) {
    throw forbidden('Wilayah ini di luar cakupan Anda');
  }
  const { items, total } = await repo.findLaporanPage(
    deps.db,
    pemilihan.id,
    query.kode ?? actor.kodeWilayah,
    query,
  );
  return { items: items.map(toLaporan), page: query.page, pageSize: query.pageSize, total };
}
