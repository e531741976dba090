/**
 * The kab/kota's part of laporan berjenjang: Kesbangpol approves and publishes the consolidated
 * report, sets the reporting schedule of the election and the SOP's words for the situation levels,
 * and prints the day (docs/domain/laporan.md).
 */
import type { Laporan } from '../../../contracts/laporan';
import { isInScope, isRelated, type Actor } from '../../../domain/access/scope';
import { validateJadwal, type JadwalLaporan } from '../../../domain/laporan/jadwal';
import {
  checkLabelLevel,
  LABEL_LEVEL_SITUASI,
  type LabelLevelSituasi,
} from '../../../domain/laporan/situasi';
import { awalHariSetempat } from '../../../domain/time/zona';
import { kabKotaOf, parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { notifyLive } from '../../db/notify';
import { authorize } from '../../cross-cutting/access';
import { DomainError, forbidden, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { jadwalOf, sebutanLevelAnswer, sebutanLevelOf, type LaporanDeps } from './laporan-context';
import * as repo from './laporan.repo';
import { toLaporan } from './laporan.view';

const DAY_MS = 86_400_000;

function requireKabKota(kode: string, message: string): void {
  const parsed = parseKodeWilayah(kode);
  if (!parsed.ok || parsed.value.level !== 'kabkota') {
    throw new DomainError('validation', message, { field: 'kode' });
  }
}

/** Kesbangpol approves, then publishes, the consolidated kab/kota report. */
export async function advanceLaporan(
  deps: LaporanDeps,
  actor: Actor,
  pemilihan: PemilihanContext,
  id: string,
  to: 'disetujui' | 'diterbitkan',
): Promise<Laporan> {
  const { db } = deps;
  // A report of another election than the one named is not found here.
  const row = await repo.findLaporan(db, pemilihan.id, id);
  if (!row || !isInScope(actor, row.kode_wilayah)) throw notFound('Laporan');
  authorize(actor, 'laporan:approve', row.kode_wilayah);
  if (row.kode_wilayah.split('.').length !== 2) {
    throw new DomainError('invalid_state', 'Hanya laporan kabupaten/kota yang disetujui dan diterbitkan');
  }
  const from = to === 'disetujui' ? 'dikirim' : 'disetujui';
  const now = deps.clock.now();
  await db.transaction().execute(async (trx) => {
    const changed = await repo.setLaporanStatus(
      trx,
      id,
      from,
      to === 'disetujui'
        ? { status: to, approved_by: actor.userId, approved_at: now }
        : { status: to, published_at: now },
    );
    if (changed === 0) {
      throw new DomainError(
        'invalid_state',
        to === 'disetujui' ? 'Laporan ini sudah disetujui' : 'Setujui laporan sebelum diterbitkan',
      );
    }
    await deps.audit.record(trx, actor, {
      action: to,
      entity: 'laporan_situasi',
      entityId: id,
      kodeWilayah: row.kode_wilayah,
      before: { status: row.status },
      after: { status: to },
    });
    await notifyLive(trx, {
      type: 'laporan',
      pemilihanId: pemilihan.id,
      kodeWilayah: row.kode_wilayah,
      id,
      scope: 'related',
      at: now.toISOString(),
      data: { status: to },
    });
  });
  return toLaporan((await repo.findLaporan(db, pemilihan.id, id))!);
}

export async function getJadwal(
  deps: LaporanDeps,
  actor: Actor,
  pemilihan: PemilihanContext,
  kabKota: string,
) {
  authorize(actor, 'laporan:read', actor.kodeWilayah);
  if (!isRelated(actor, kabKota)) throw forbidden('Wilayah ini di luar cakupan Anda');
  return {
    kodeWilayah: kabKota,
    jadwal: [...(await jadwalOf(deps.db, pemilihan, kabKota))],
    isDefault: (await repo.findJadwal(deps.db, pemilihan.id, kabKota)) === undefined,
  };
}

export async function putJadwal(
  deps: LaporanDeps,
  actor: Actor,
  pemilihan: PemilihanContext,
  kabKota: string,
  jadwal: JadwalLaporan,
) {
  authorize(actor, 'laporan:approve', kabKota);
  requireKabKota(kabKota, 'Jadwal laporan diatur per kabupaten/kota');
  await deps.wilayah.requireKnown({ kode: kabKota });
  const problems = validateJadwal(jadwal);
  if (problems.length > 0) throw new DomainError('validation', problems[0]!.message, { problems });
  const before = await jadwalOf(deps.db, pemilihan, kabKota);
  await deps.db.transaction().execute(async (trx) => {
    await repo.upsertJadwal(trx, pemilihan.id, kabKota, jadwal, actor.userId);
    await deps.audit.record(trx, actor, {
      action: 'update',
      entity: 'laporan_jadwal',
      entityId: null,
      kodeWilayah: kabKota,
      before,
      after: { pemilihanId: pemilihan.id, jadwal },
    });
  });
  return getJadwal(deps, actor, pemilihan, kabKota);
}

/** The words a kab/kota's SOP uses for the levels, for any area in it (Siaga's when none). */
export async function getSebutanLevel(deps: LaporanDeps, actor: Actor, kode: string) {
  authorize(actor, 'laporan:read', actor.kodeWilayah);
  if (!isRelated(actor, kode)) throw forbidden('Wilayah ini di luar cakupan Anda');
  const kabKota = kabKotaOf(kode);
  if (kabKota === null) {
    throw new DomainError('validation', 'Sebutan level diatur per kabupaten/kota', { field: 'kode' });
  }
  return sebutanLevelAnswer(deps.db, kabKota);
}

/** Sets a kab/kota's own words (audited); null returns it to Siaga's words. */
export async function putSebutanLevel(
  deps: LaporanDeps,
  actor: Actor,
  kabKota: string,
  words: LabelLevelSituasi | null,
) {
  authorize(actor, 'laporan:approve', kabKota);
  requireKabKota(kabKota, 'Sebutan level diatur per kabupaten/kota');
  const trimmed =
    words === null
      ? null
      : { kondusif: words.kondusif.trim(), waspada: words.waspada.trim(), genting: words.genting.trim() };
  if (trimmed !== null) {
    const problems = checkLabelLevel(trimmed);
    if (problems.length > 0) {
      throw new DomainError('validation', problems[0]!.message, { field: problems[0]!.level, problems });
    }
  }
  const before = await sebutanLevelOf(deps.db, kabKota);
  await deps.db.transaction().execute(async (trx) => {
    if (trimmed === null) await repo.deleteSebutanLevel(trx, kabKota);
    else await repo.upsertSebutanLevel(trx, kabKota, trimmed, actor.userId);
    await deps.audit.record(trx, actor, {
      action: 'update',
      entity: 'laporan_sebutan_level',
      entityId: null,
      kodeWilayah: kabKota,
      before,
      after: trimmed,
    });
  });
  return sebutanLevelAnswer(deps.db, kabKota);
}

/** Everything the daily situation report prints: reports of the region's day, incidents. */
export async function dayOf(
  deps: LaporanDeps,
  actor: Actor,
  pemilihan: PemilihanContext,
  kabKota: string,
  tanggal: string,
) {
  authorize(actor, 'laporan:read', kabKota);
  const wilayah = await deps.wilayah.require(kabKota);
  const from = awalHariSetempat(tanggal, kabKota);
  const to = new Date(from.getTime() + DAY_MS);
  const [reports, kejadian] = await Promise.all([
    repo.findReportsOfDay(deps.db, pemilihan.id, kabKota, from, to),
    repo.countKejadianByKategori(deps.db, pemilihan.id, kabKota, from, to),
  ]);
  return {
    kodeWilayah: kabKota,
    namaWilayah: wilayah.nama,
    tanggal,
    sebutanLevel: (await sebutanLevelOf(deps.db, kabKota)) ?? LABEL_LEVEL_SITUASI,
    reports: reports.map(toLaporan),
    kejadian,
  };
}
