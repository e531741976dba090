/**
 * Laporan berjenjang: the lurah's periodic situation report, the camat's kecamatan report written on
 * top of an automatic roll-up of its kelurahan, and the kab/kota report that Kesbangpol approves and
 * publishes. Schedules, lateness and roll-ups are pure domain rules (src/domain/laporan/); each use
 * case lives in its own file (laporan-submit, -read, -kabkota) and this factory wires them.
 */
import type { LaporanSubmit } from '../../../contracts/laporan';
import type { Actor } from '../../../domain/access/scope';
import type { JadwalLaporan } from '../../../domain/laporan/jadwal';
import type { LabelLevelSituasi } from '../../../domain/laporan/situasi';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { jadwalOf, type LaporanDeps } from './laporan-context';
import {
  advanceLaporan,
  dayOf,
  getJadwal,
  getSebutanLevel,
  putJadwal,
  putSebutanLevel,
} from './laporan-kabkota';
import { laporanList, laporanStatus, laporanVersions } from './laporan-read';
import { submitLaporan } from './laporan-submit';

export function createLaporanService(deps: LaporanDeps) {
  type P = PemilihanContext;
  return {
    jadwalOf: (pemilihan: P, kabKota: string) => jadwalOf(deps.db, pemilihan, kabKota),
    submit: (actor: Actor, pemilihan: P, input: LaporanSubmit, via: 'web' | 'sms' = 'web') =>
      submitLaporan(deps, actor, pemilihan, input, via),
    versions: (actor: Actor, pemilihan: P, id: string) => laporanVersions(deps, actor, pemilihan, id),
    status: (actor: Actor, pemilihan: P, kode: string, slot: string | undefined) =>
      laporanStatus(deps, actor, pemilihan, kode, slot),
    list: (
      actor: Actor,
      pemilihan: P,
      query: { kode?: string | undefined; page: number; pageSize: number },
    ) => laporanList(deps, actor, pemilihan, query),
    advance: (actor: Actor, pemilihan: P, id: string, to: 'disetujui' | 'diterbitkan') =>
      advanceLaporan(deps, actor, pemilihan, id, to),
    getJadwal: (actor: Actor, pemilihan: P, kabKota: string) => getJadwal(deps, actor, pemilihan, kabKota),
    putJadwal: (actor: Actor, pemilihan: P, kabKota: string, jadwal: JadwalLaporan) =>
      putJadwal(deps, actor, pemilihan, kabKota, jadwal),
    getSebutanLevel: (actor: Actor, kode: string) => getSebutanLevel(deps, actor, kode),
    putSebutanLevel: (actor: Actor, kabKota: string, words: LabelLevelSituasi | null) =>
      putSebutanLevel(deps, actor, kabKota, words),
    dayOf: (actor: Actor, pemilihan: P, kabKota: string, tanggal: string) =>
      dayOf(deps, actor, pemilihan, kabKota, tanggal),
  };
}
export type LaporanService = ReturnType<typeof createLaporanService>;
