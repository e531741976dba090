/**
 * The roll-up of an area's children for one period: each child's report or its absence, who is late
 * by the schedule, and the automatic summary a kecamatan or kab/kota report is written on top of
 * (domain/laporan/situasi.ts rollUp).
 */
import { GRACE_MINUTES, isLate, overdue } from '../../../domain/laporan/jadwal';
import { checkLevelAgainstRollUp, rollUp, type IsiLaporanSituasi } from '../../../domain/laporan/situasi';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import type { Db } from '../../db/client';
import { DomainError } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import * as repo from './laporan.repo';
import { isiOf, toLaporan } from './laporan.view';

export async function childrenFor(
  db: Db,
  pemilihan: PemilihanContext,
  kode: string,
  slotAt: Date,
  now: Date,
) {
  const children = await repo.findChildrenWithReport(db, pemilihan.id, kode, slotAt);
  const late = (c: (typeof children)[number]) =>
    c.laporan === null
      ? overdue({ slots: [slotAt], submittedFor: [], now, graceMinutes: GRACE_MINUTES }).length > 0
      : isLate(slotAt, new Date(c.laporan.dibuat_at));
  const rows = children.map((c) => ({
    kodeWilayah: c.kode,
    nama: c.nama,
    laporan: c.laporan === null ? null : toLaporan(c.laporan),
    terlambat: late(c),
  }));
  const rollup =
    children.length === 0
      ? null
      : rollUp(
          children.map((c) => ({
            kodeWilayah: c.kode,
            laporan: c.laporan === null ? null : isiOf(c.laporan),
            terlambat: late(c),
          })),
        );
  return { rows, rollup };
}

/**
 * For a kecamatan or kab/kota report: the roll-up of the level below for the period, and the check
 * that the level written does not understate it (refused with the domain's message).
 */
export async function rollUpChecked(
  db: Db,
  pemilihan: PemilihanContext,
  kode: string,
  slotAt: Date,
  now: Date,
  isi: IsiLaporanSituasi,
) {
  const parsed = parseKodeWilayah(kode);
  if (parsed.ok && parsed.value.level === 'desa') return null;
  const { rollup } = await childrenFor(db, pemilihan, kode, slotAt, now);
  if (rollup === null) return null;
  const problem = checkLevelAgainstRollUp(rollup, isi);
  if (problem)
    throw new DomainError('validation', problem.message, { field: problem.field, problems: [problem] });
  return rollup;
}
