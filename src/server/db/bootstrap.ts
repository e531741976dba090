/** Brings a database to a working state: migrations, the national wilayah, and optionally demo data. */
import { BAWASLU_TPS_2024 } from '../../domain/kerawanan/catalogue';
import { HARI_LIBUR_RESMI } from '../../domain/time/hari-libur';
import { addDays } from '../../domain/time/hari';
import { todayIn } from '../../domain/time/zona';
import { upsertCatalogue } from '../modules/kerawanan/kerawanan-setting.repo';
import { seedHariLibur } from '../modules/pemilihan/pemilihan.repo';
import type { DatabaseHandle, Db } from './client';
import { migrate } from './migrate';
import { seedDemo } from './seeds/demo-seed';
import { loadWilayah } from './seeds/wilayah-seed';

/** The default kerawanan catalogue is data; assessments reference the version they were scored with. */
export async function ensureKerawananCatalogue(db: Db): Promise<void> {
  await upsertCatalogue(db, {
    id: BAWASLU_TPS_2024.id,
    version: BAWASLU_TPS_2024.version,
    nama: BAWASLU_TPS_2024.nama,
    source: BAWASLU_TPS_2024.source,
    indicators: BAWASLU_TPS_2024.indicators,
  });
}

export async function bootstrapDatabase(
  handle: DatabaseHandle,
  options: {
    demoData: boolean;
    /** Voting day of the demo election; undefined: ten days after today in Palopo (WITA). */
    demoVotingDayOn?: string | undefined;
    log?: (message: string) => void;
  },
): Promise<void> {
  const log = options.log ?? (() => undefined);
  const applied = await migrate(handle);
  if (applied.length > 0) log(`migrasi diterapkan: ${applied.join(', ')}`);
  await ensureKerawananCatalogue(handle.db);
  let lastPercent = -1;
  const wilayah = await loadWilayah(handle.db, {
    onProgress: (done, total) => {
      const percent = Math.floor((done / total) * 10) * 10;
      if (percent !== lastPercent) log(`memuat wilayah Kemendagri: ${percent}%`);
      lastPercent = percent;
    },
  });
  if (wilayah.loaded) {
    const c = wilayah.counts;
    log(
      `wilayah dimuat: ${c.provinsi} provinsi, ${c.kabkota} kab/kota, ${c.kecamatan} kecamatan, ${c.desa} kelurahan/desa`,
    );
  }
  const libur = await seedHariLibur(handle.db, HARI_LIBUR_RESMI);
  if (libur > 0) log(`hari libur resmi ditambahkan: ${libur}`);
  if (options.demoData) {
    // A voting day counted from today gets the day's live state too; a fixed one (tests,
    // reproducible screenshots) keeps the live screens empty.
    const now = new Date();
    const votingDayOn = options.demoVotingDayOn ?? addDays(todayIn('73.73', now), 10);
    const demo = await seedDemo(handle.db, {
      votingDayOn,
      ...(options.demoVotingDayOn === undefined ? { liveAt: now } : {}),
    });
    if (demo.seeded) log(`data demo: ${demo.tps} TPS, ${demo.users} akun`);
  }
  // The embedded engine has no autovacuum: give the planner statistics after loading.
  if (wilayah.loaded || options.demoData) await handle.execScript('ANALYZE');
}
