/**
 * `npm run bench:petugas`: the KPPS roster import and the voting-day check-in ingest (issue 19).
 *
 * 1. Roster import: seven KPPS per TPS (generate-petugas.ts) for a generated national TPS set,
 *    imported through Siaga's real path (CSV parse, validation of every row, NIK and TPS lookups, the
 *    make-up check, the diff, batched recordset writes, audit; one file per provinsi), beside the
 *    engine's own bulk load (COPY) of the same rows. The national roster is 7 × 435,296 ≈ 3.05 million
 *    rows; on a shared 2-core machine the default is a tenth of the TPS (BENCH_PETUGAS_TPS=435296 for
 *    the whole nation), and the figures say which fraction they measured.
 * 2. Check-in ingest beside the status reports' ingest: the same number of concurrent submissions
 *    through each service's group commit (check-ins by the KPU operator, TPS stage reports by the
 *    admin), in this process, with the same batch concurrency. Prints figures and ratios; asserts nothing.
 *
 *   npm run bench:petugas                              embedded engine (PGlite, in memory)
 *   DATABASE_URL=postgres://… npm run bench:petugas    PostgreSQL: creates and drops its own database
 */
import { randomUUID } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import { systemClock } from '../src/server/cross-cutting/clock';
import { ensureKerawananCatalogue } from '../src/server/db/bootstrap';
import { migrate } from '../src/server/db/migrate';
import { DEMO_PEMILIHAN_ID } from '../src/server/db/seeds/demo-pemilihan';
import { seedDemo } from '../src/server/db/seeds/demo-seed';
import { generateKpps, type GeneratedPetugas } from '../src/server/db/seeds/generate-petugas';
import { generateTps } from '../src/server/db/seeds/generate-tps';
import { loadWilayah } from '../src/server/db/seeds/wilayah-seed';
import { createAuditLog } from '../src/server/modules/audit/audit.service';
import { createHariHService } from '../src/server/modules/hari-h/hari-h.service';
import { createHadirIngest } from '../src/server/modules/petugas/petugas-hadir';
import { createPetugasImportService } from '../src/server/modules/petugas/petugas-import.service';
import { createWilayahService } from '../src/server/modules/wilayah/wilayah.service';
import { pemilihanContext } from '../src/server/testing/pemilihan';
import { copyTps, fmt, loadDesa, openBenchDatabase, timed } from './support';

const NATIONAL_TPS = 435_296;
const TPS_TARGET = Number(process.env.BENCH_PETUGAS_TPS ?? Math.round(NATIONAL_TPS / 10));
const INGEST = Number(process.env.BENCH_PETUGAS_INGEST ?? 10_000);
const VOTING_DAY = '2024-11-27';

const PETUGAS_COLUMNS = [
  'pemilihan_id',
  'jenis',
  'jabatan',
  'kode_wilayah',
  'tps_id',
  'nama',
  'nik',
  'telepon',
  'tanggal_lahir',
  'jenis_kelamin',
];

function toImportCsv(rows: readonly GeneratedPetugas[], nomorOf: Map<string, number>): string {
  return stringify([
    ['kode_wilayah', 'tps', 'jenis', 'jabatan', 'nama', 'nik', 'telepon', 'tanggal_lahir', 'jenis_kelamin'],
    ...rows.map((r) => [
      r.kode_wilayah,
      nomorOf.get(r.tps_id),
      'KPPS',
      r.jabatan,
      r.nama,
      r.nik,
      r.telepon,
      r.tanggal_lahir,
      r.jenis_kelamin,
    ]),
  ]);
}

async function main(): Promise<void> {
  const engine = process.env.DATABASE_URL ? 'postgres' : 'embedded';
  const share = TPS_TARGET / NATIONAL_TPS;
  console.log(
    `Siaga petugas benchmark — engine ${engine}, ${fmt(TPS_TARGET)} TPS (${fmt(share * 100, 1)} % of the nation), ` +
      `${fmt(TPS_TARGET * 7)} KPPS, node ${process.version}`,
  );
  const { database, drop } = await openBenchDatabase();
  const { db } = database;
  try {
    await migrate(database);
    await loadWilayah(db);
    await ensureKerawananCatalogue(db);
    await seedDemo(db, { votingDayOn: VOTING_DAY });
    await db.deleteFrom('petugas_skrining').execute();
    await db.deleteFrom('petugas').execute();
    await db.deleteFrom('tps').execute();
    const desa = await loadDesa(db);
    const tpsRows = generateTps({
      desa,
      tps: TPS_TARGET,
      dpt: Math.round((203_657_354 * TPS_TARGET) / NATIONAL_TPS),
      maleShare: 0.499,
      bbox: { minLat: -10.5, maxLat: 5.5, minLon: 95.5, maxLon: 140.5 },
      seed: 435_296,
    });
    await copyTps(database, tpsRows);
    const tps = await db.selectFrom('tps').select(['id', 'kode_wilayah', 'nomor']).orderBy('kode').execute();
    const nomorOf = new Map(tps.map((t) => [t.id, t.nomor]));
    const kpps = generateKpps({ tps, hariPemungutan: VOTING_DAY, seed: 19 });

    console.log(`\n1. Baseline: the engine's own bulk load (COPY, CSV) of ${fmt(kpps.length)} KPPS`);
    const csv = stringify(
      kpps.map((r) => [
        DEMO_PEMILIHAN_ID,
        r.jenis,
        r.jabatan,
        r.kode_wilayah,
        r.tps_id,
        r.nama,
        r.nik,
        r.telepon,
        r.tanggal_lahir,
        r.jenis_kelamin,
      ]),
    );
    const copy = await timed(() => database.copyCsv('petugas', PETUGAS_COLUMNS, csv));
    const copyRate = kpps.length / (copy.ms / 1000);
    console.log(`  ${fmt(kpps.length)} rows in ${fmt(copy.ms)} ms → ${fmt(copyRate)} rows/s`);
    await db.deleteFrom('petugas').execute();
    // The import starts from the table COPY found: empty, with no dead rows left in its indexes.
    await sql`VACUUM petugas`.execute(db);

    console.log(
      '\n2. Siaga import: one CSV per provinsi through parse, validation, lookups, diff, writes and audit',
    );
    const audit = createAuditLog();
    const wilayah = createWilayahService({ db });
    const importer = createPetugasImportService({ audit, db, wilayah });
    const admin = await db
      .selectFrom('app_user')
      .select(['id', 'username'])
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const adminActor = {
      userId: admin.id,
      username: admin.username,
      role: 'admin' as const,
      agency: 'kesbangpol' as const,
      kodeWilayah: null,
    };
    const pemilihan = pemilihanContext({ hariPemungutan: VOTING_DAY });
    const byProvinsi = new Map<string, GeneratedPetugas[]>();
    for (const row of kpps) {
      const p = row.kode_wilayah.slice(0, 2);
      const list = byProvinsi.get(p) ?? [];
      list.push(row);
      byProvinsi.set(p, list);
    }
    let imported = 0;
    let csvBytes = 0;
    const phases: Record<string, number> = {};
    const run = await timed(async () => {
      for (const [provinsi, part] of byProvinsi) {
        const file = toImportCsv(part, nomorOf);
        csvBytes += file.length;
        // Where the time goes: from one phase's first report to the next's; what follows the last
        // write (statistics) is counted apart.
        let phase = 'parse';
        let since = performance.now();
        const result = await importer.run(
          adminActor,
          pemilihan,
          {
            wilayah: provinsi,
            jenis: null,
            file: { fileName: `kpps-${provinsi}.csv`, data: Buffer.from(file) },
          },
          (progress) => {
            if (progress.phase === phase) return;
            const now = performance.now();
            phases[phase] = (phases[phase] ?? 0) + now - since;
            [phase, since] = [progress.phase, now];
          },
        );
        phases[`${phase}+`] = (phases[`${phase}+`] ?? 0) + performance.now() - since;
        imported += result.inserted;
      }
    });
    const importRate = imported / (run.ms / 1000);
    console.log(
      `  ${fmt(imported)} rows (${byProvinsi.size} files, ${fmt(csvBytes / 1024 / 1024, 1)} MB) in ${fmt(run.ms)} ms → ${fmt(importRate)} rows/s`,
    );
    console.log(
      `  time by phase: read ${fmt(phases.parse ?? 0)} ms · validate and look up ${fmt(phases.validate ?? 0)} ms · ` +
        `write ${fmt(phases['write+'] ?? 0)} ms (the transaction and the statistics after it)`,
    );
    console.log(
      `  ratio import / engine bulk load: ${fmt(importRate / copyRate, 2)} (COPY is ${fmt(copyRate / importRate, 1)}× faster)`,
    );
    console.log(
      `  the national roster (${fmt(NATIONAL_TPS * 7)} rows) at this rate: about ${fmt((NATIONAL_TPS * 7) / importRate / 60, 1)} min`,
    );

    console.log(`\n3. Voting-day ingest: ${fmt(INGEST)} concurrent submissions through each group commit`);
    const concurrency = engine === 'postgres' ? 2 : 1;
    const hadir = createHadirIngest({
      audit,
      db,
      clock: systemClock,
      concurrency,
    });
    const hariH = createHariHService({
      audit,
      db,
      wilayah,
      clock: systemClock,
      ingestConcurrency: concurrency,
    });
    const kpuActor = { ...adminActor, role: 'operator' as const, agency: 'kpu' as const };
    const officers = await db.selectFrom('petugas').select('id').orderBy('id').limit(INGEST).execute();
    const pada = new Date(Date.now() - 3_600_000).toISOString();
    const checkIns = await timed(() =>
      Promise.all(
        officers.map((o) =>
          hadir.submit(kpuActor, pemilihan, {
            clientId: randomUUID(),
            petugasId: o.id,
            jenis: 'masuk',
            pada,
          }),
        ),
      ),
    );
    const statusTps = tps.slice(0, INGEST);
    const reports = await timed(() =>
      Promise.all(
        statusTps.map((t) =>
          hariH.report(adminActor, pemilihan, {
            clientId: randomUUID(),
            tpsId: t.id,
            tahap: 'petugas_hadir',
            pemilih: null,
          }),
        ),
      ),
    );
    const checkInRate = officers.length / (checkIns.ms / 1000);
    const reportRate = statusTps.length / (reports.ms / 1000);
    console.log(
      `  check-ins:      ${fmt(officers.length)} in ${fmt(checkIns.ms)} ms → ${fmt(checkInRate)} /s`,
    );
    console.log(
      `  status reports: ${fmt(statusTps.length)} in ${fmt(reports.ms)} ms → ${fmt(reportRate)} /s`,
    );
    console.log(`  ratio check-ins / status reports: ${fmt(checkInRate / reportRate, 2)}`);
    const stored = await db
      .selectFrom('petugas_hadir')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(`  check-ins stored: ${fmt(Number(stored.n))} (each once)`);
  } finally {
    await database.close();
    await drop();
  }
}

await main();
