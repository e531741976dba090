/**
 * What every laporan use case needs: its dependencies, and the kab/kota's settings they all read
 * (its reporting schedule in the election, its own words for the situation levels).
 */
import { jadwalBawaan, type JadwalLaporan } from '../../../domain/laporan/jadwal';
import { LABEL_LEVEL_SITUASI, type LabelLevelSituasi } from '../../../domain/laporan/situasi';
import { templateOf } from '../../../domain/pemilihan/pemilihan';
import type { Db } from '../../db/client';
import type { AuditLog } from '../../cross-cutting/audit-log';
import type { Clock } from '../../cross-cutting/clock';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
import * as repo from './laporan.repo';

export interface LaporanDeps {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  clock: Clock;
}

/** The kab/kota's schedule in this election, or the default that follows the election's stages. */
export async function jadwalOf(db: Db, pemilihan: PemilihanContext, kabKota: string): Promise<JadwalLaporan> {
  const row = await repo.findJadwal(db, pemilihan.id, kabKota);
  return row ? row.jadwal : jadwalBawaan(templateOf(pemilihan.tahapan, pemilihan.hariPemungutan));
}

/** A kab/kota's own words for the situation levels, or null when it uses Siaga's. */
export async function sebutanLevelOf(db: Db, kabKota: string): Promise<LabelLevelSituasi | null> {
  return (await repo.findSebutanLevel(db, kabKota)) ?? null;
}

export async function sebutanLevelAnswer(db: Db, kabKota: string) {
  const own = await sebutanLevelOf(db, kabKota);
  return { kodeWilayah: kabKota, sebutan: own ?? LABEL_LEVEL_SITUASI, isDefault: own === null };
}
