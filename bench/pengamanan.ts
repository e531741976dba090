/**
 * `npx tsx bench/pengamanan.ts`: how fast planPengamanan is on a kota (~1,000 TPS, ~2,000 personnel)
 * and on the nation (435,296 TPS over 514 kab/kota, ~1.4 million personnel as units), and how far
 * the greedy is from the MILP optimum (HiGHS, via exact.ts) on small tight instances. Prints figures
 * only. BENCH_PENGAMANAN_TPS scales the national set down (CI runs it small).
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Kategori } from '../src/domain/kerawanan/score-tps';
import { DEFAULT_POLA, kebutuhan, type TpsPengamanan } from '../src/domain/pengamanan/pola';
import { buildExactModel } from '../src/domain/pengamanan/exact';
import { planPengamanan, type PengamananInput, type UnitPengamanan } from '../src/domain/pengamanan/planner';
import { createRng } from '../src/domain/random/rng';

const NATIONAL_TPS = Number(process.env.BENCH_PENGAMANAN_TPS ?? 435_296);
const GAP_INSTANCES = Number(process.env.BENCH_PENGAMANAN_GAP ?? 20);

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function kategoriOf(r: number, shares: { sangat: number; rawan: number; khusus: number }): Kategori {
  if (r < shares.sangat) return 'sangat_rawan';
  if (r < shares.sangat + shares.khusus) return 'khusus';
  if (r < shares.sangat + shares.khusus + shares.rawan) return 'rawan';
  return 'kurang_rawan';
}

const NATIONAL_SHARES = { sangat: 0.05, rawan: 0.2, khusus: 0.01 };

/**
 * One kab/kota: TPS spread over kecamatan and kelurahan; Polri at `polriRatio` of the pattern's
 * need (named Bhabinkamtibmas, Polsek units, Polres and Brimob units), Linmas per kelurahan, a
 * Babinsa per kelurahan and Koramil/Kodim units.
 */
export function generateKabKota(options: {
  kodeKabKota: string;
  tps: number;
  kecamatan: number;
  kelurahanPerKecamatan: number;
  polriRatio: number;
  namedPolsek: boolean;
  linmasPerTps: number;
  random: () => number;
}): PengamananInput {
  const { kodeKabKota, random } = options;
  const tps: TpsPengamanan[] = [];
  const kels: string[] = [];
  for (let k = 1; k <= options.kecamatan; k++)
    for (let l = 1; l <= options.kelurahanPerKecamatan; l++)
      kels.push(`${kodeKabKota}${pad(k, 2)}${l <= options.kelurahanPerKecamatan / 2 ? 1 : 2}${pad(l, 3)}`);
  const perKel = new Map<string, number>();
  for (let i = 0; i < options.tps; i++) {
    // Skewed so that some kelurahan are much larger than others.
    const kel = kels[Math.floor(random() ** 1.5 * kels.length)]!;
    const nomor = (perKel.get(kel) ?? 0) + 1;
    perKel.set(kel, nomor);
    tps.push({
      id: `${kel}-${nomor}`,
      kodeKelurahan: kel,
      nomor,
      kategori: kategoriOf(random(), NATIONAL_SHARES),
    });
  }
  const need = kebutuhan(tps, DEFAULT_POLA).total.polri;
  let polri = Math.round(need * options.polriRatio);
  const units: UnitPengamanan[] = [];
  const add = (u: Omit<UnitPengamanan, 'available'>): void => {
    units.push({ ...u, available: random() > 0.02 });
  };
  for (const kel of kels) {
    add({
      id: `bhabin-${kel}`,
      force: 'polsek',
      kind: 'polri',
      count: 1,
      homeKecamatan: kel.slice(0, 6),
      homeKodeKelurahan: kel,
    });
    polri--;
    add({
      id: `babinsa-${kel}`,
      force: 'koramil',
      kind: 'tni',
      count: 1,
      homeKecamatan: kel.slice(0, 6),
      homeKodeKelurahan: kel,
    });
    const linmas = Math.round((perKel.get(kel) ?? 0) * options.linmasPerTps * (0.9 + 0.2 * random()));
    if (linmas > 0)
      add({
        id: `linmas-${kel}`,
        force: 'linmas',
        kind: 'linmas',
        count: linmas,
        homeKecamatan: kel.slice(0, 6),
        homeKodeKelurahan: kel,
      });
  }
  const polsekShare = Math.max(0, Math.round(polri * 0.7));
  for (let k = 1; k <= options.kecamatan; k++) {
    const kec = `${kodeKabKota}${pad(k, 2)}`;
    let left = Math.round((polsekShare / options.kecamatan) * (0.6 + 0.8 * random()));
    let n = 0;
    while (left > 0) {
      const count = options.namedPolsek ? 1 : Math.min(left, 5 + Math.floor(random() * 20));
      add({ id: `polsek-${kec}-${pad(++n, 3)}`, force: 'polsek', kind: 'polri', count, homeKecamatan: kec });
      left -= count;
      polri -= count;
    }
    add({
      id: `koramil-${kec}`,
      force: 'koramil',
      kind: 'tni',
      count: 3 + Math.floor(random() * 8),
      homeKecamatan: kec,
    });
    add({
      id: `satpol-${kec}`,
      force: 'satpol_pp',
      kind: 'satpol_pp',
      count: 5 + Math.floor(random() * 10),
      homeKecamatan: kec,
    });
  }
  let n = 0;
  while (polri > 0) {
    const count = Math.min(polri, 20 + Math.floor(random() * 60));
    add({
      id: `polres-${kodeKabKota}-${pad(++n, 3)}`,
      force: n % 3 === 0 ? 'brimob' : 'polres',
      kind: 'polri',
      count,
      homeKecamatan: null,
      homeKabKota: kodeKabKota,
    });
    polri -= count;
  }
  add({
    id: `kodim-${kodeKabKota}`,
    force: 'kodim',
    kind: 'tni',
    count: 60 + Math.floor(random() * 120),
    homeKecamatan: null,
    homeKabKota: kodeKabKota,
  });
  return { tps, units };
}

function timeIt<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits });

function city(): void {
  const input = generateKabKota({
    kodeKabKota: '7371',
    tps: 1_000,
    kecamatan: 15,
    kelurahanPerKecamatan: 10,
    polriRatio: 0.95,
    namedPolsek: true,
    linmasPerTps: 1.1,
    random: createRng(7371),
  });
  const personnel = input.units.reduce((s, u) => s + u.count, 0);
  const times: number[] = [];
  let plan = planPengamanan(input);
  for (let i = 0; i < 5; i++) {
    const run = timeIt(() => planPengamanan(input));
    times.push(run.ms);
    plan = run.value;
  }
  times.sort((a, b) => a - b);
  const o = plan.objective;
  console.log(
    `1. city: ${fmt(input.tps.length)} TPS, ${fmt(input.units.length)} units = ${fmt(personnel)} personnel, ${fmt(plan.groups.length)} groups`,
  );
  console.log(
    `   planPengamanan median of 5: ${fmt(times[2]!, 1)} ms (min ${fmt(times[0]!, 1)}, max ${fmt(times[4]!, 1)})`,
  );
  console.log(
    `   covered sangat rawan ${o.coveredByKategori.sangat_rawan}/${o.kelompokByKategori.sangat_rawan}, khusus ${o.coveredByKategori.khusus}/${o.kelompokByKategori.khusus}, rawan ${o.coveredByKategori.rawan}/${o.kelompokByKategori.rawan}, kurang rawan ${o.coveredByKategori.kurang_rawan}/${o.kelompokByKategori.kurang_rawan}; travel ${fmt(o.travelCost)}, Polri shortfall ${fmt(o.polriShortfall)}, ${plan.suggestions.length} suggestions`,
  );
}

function national(): void {
  const kabKota = Math.max(1, Math.round((514 * NATIONAL_TPS) / 435_296));
  const random = createRng(2024);
  const tps: TpsPengamanan[] = [];
  const units: UnitPengamanan[] = [];
  let left = NATIONAL_TPS;
  for (let i = 0; i < kabKota; i++) {
    const size = i === kabKota - 1 ? left : Math.round(NATIONAL_TPS / kabKota);
    left -= size;
    const part = generateKabKota({
      kodeKabKota: `${pad(11 + Math.floor(i / 40), 2)}${pad((i % 40) + 1, 2)}`,
      tps: size,
      kecamatan: 10 + Math.floor(random() * 9),
      kelurahanPerKecamatan: 8 + Math.floor(random() * 8),
      polriRatio: 0.8 + random() * 0.4,
      namedPolsek: false,
      linmasPerTps: 2,
      random,
    });
    for (const t of part.tps) tps.push(t);
    for (const u of part.units) units.push(u);
  }
  const personnel = units.reduce((s, u) => s + u.count, 0);
  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sample = (): void => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const run = timeIt(() => planPengamanan({ tps, units }));
  sample();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const o = run.value.objective;
  const groups = run.value.groups.length;
  const covered = run.value.groups.filter((g) => g.covered).length;
  console.log(
    `\n2. national: ${fmt(tps.length)} TPS in ${kabKota} kab/kota, ${fmt(units.length)} units = ${fmt(personnel)} personnel, ${fmt(groups)} groups`,
  );
  console.log(`   planPengamanan: ${fmt(run.ms / 1000, 2)} s`);
  console.log(
    `   memory: input heap ${fmt(before.heapUsed / 2 ** 20)} MB; after planning rss ${fmt(peakRss / 2 ** 20)} MB, heapUsed ${fmt(peakHeap / 2 ** 20)} MB; process peak rss ${fmt(maxRss / 2 ** 20)} MB`,
  );
  console.log(
    `   covered ${fmt(covered)}/${fmt(groups)} groups (sangat rawan ${fmt(o.coveredByKategori.sangat_rawan)}/${fmt(o.kelompokByKategori.sangat_rawan)}), travel ${fmt(o.travelCost)}, Polri shortfall ${fmt(o.polriShortfall)}, ${fmt(run.value.assignments.length)} assignments`,
  );
}

/** A small tight instance: 12-30 TPS, 5-15 units, Polri at 50-100% of the need. */
function smallInstance(seed: number): PengamananInput {
  const random = createRng(seed);
  const kecamatan = 2 + Math.floor(random() * 3);
  const kels: string[] = [];
  for (let k = 1; k <= kecamatan; k++)
    for (let l = 1; l <= 2 + Math.floor(random() * 3); l++) kels.push(`7371${pad(k, 2)}1${pad(l, 3)}`);
  const tps: TpsPengamanan[] = [];
  const total = 12 + Math.floor(random() * 19);
  const nomor = new Map<string, number>();
  for (let i = 0; i < total; i++) {
    const kel = kels[Math.floor(random() * kels.length)]!;
    const n = (nomor.get(kel) ?? 0) + 1;
    nomor.set(kel, n);
    tps.push({
      id: `${kel}-${n}`,
      kodeKelurahan: kel,
      nomor: n,
      kategori: kategoriOf(random(), { sangat: 0.2, rawan: 0.35, khusus: 0.05 }),
    });
  }
  const units: UnitPengamanan[] = [];
  const unitCount = 5 + Math.floor(random() * 11);
  for (let i = 0; i < unitCount; i++) {
    const r = random();
    const kel = kels[Math.floor(random() * kels.length)]!;
    const id = `u${pad(i, 2)}`;
    const available = random() > 0.1;
    if (r < 0.35)
      units.push({
        id,
        force: 'polsek',
        kind: 'polri',
        count: 1 + Math.floor(random() * 2),
        homeKecamatan: kel.slice(0, 6),
        homeKodeKelurahan: kel,
        available,
      });
    else if (r < 0.8)
      units.push({
        id,
        force: 'polsek',
        kind: 'polri',
        count: 2 + Math.floor(random() * 5),
        homeKecamatan: kel.slice(0, 6),
        available,
      });
    else
      units.push({
        id,
        force: random() < 0.5 ? 'polres' : 'brimob',
        kind: 'polri',
        count: 2 + Math.floor(random() * 6),
        homeKecamatan: null,
        available,
      });
  }
  return { tps, units };
}

async function gap(): Promise<void> {
  const highs = await (await import('highs')).default();
  const gaps: number[] = [];
  const tieGaps: number[] = [];
  let sameCoverage = 0;
  let withUncovered = 0;
  let solveMs = 0;
  for (let seed = 1; seed <= GAP_INSTANCES; seed++) {
    const input = smallInstance(seed);
    const plan = planPengamanan(input);
    const model = buildExactModel(input);
    const start = performance.now();
    const result = highs.solve(model.lp, { mip_rel_gap: 0, mip_abs_gap: 0 });
    solveMs += performance.now() - start;
    if (result.Status !== 'Optimal') {
      console.log(`   instance ${seed}: HiGHS status ${result.Status}`);
      continue;
    }
    const optimum = model.decode(result.Columns);
    const greedy = model.score(plan.objective);
    if (plan.uncovered.length > 0) withUncovered++;
    if (JSON.stringify(optimum.coveredByKategori) === JSON.stringify(greedy.coveredByKategori))
      sameCoverage++;
    gaps.push((100 * (greedy.value - optimum.value)) / Math.max(1, Math.abs(optimum.value)));
    tieGaps.push((100 * (greedy.tieBreakValue - optimum.tieBreakValue)) / Math.max(1, optimum.tieBreakValue));
    if (greedy.value !== optimum.value)
      console.log(
        `   instance ${seed}: greedy travel ${greedy.travelCost} shortfall ${greedy.polriShortfall}; optimum travel ${optimum.travelCost} shortfall ${optimum.polriShortfall}`,
      );
  }
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  console.log(`\n3. optimality gap, greedy vs HiGHS MILP (exact.ts), ${gaps.length} small tight instances:`);
  console.log(
    `   ${withUncovered} instances with uncovered groups; same covered groups per category: ${sameCoverage}/${gaps.length}`,
  );
  console.log(`   weighted objective gap: mean ${fmt(mean(gaps), 3)} %, max ${fmt(Math.max(...gaps), 3)} %`);
  console.log(
    `   travel+shortfall part alone: mean ${fmt(mean(tieGaps), 3)} %, max ${fmt(Math.max(...tieGaps), 3)} % (HiGHS ${fmt(solveMs)} ms in all)`,
  );
}

async function main(): Promise<void> {
  console.log(`Siaga pengamanan benchmark — node ${process.version}`);
  city();
  national();
  await gap();
}

// Run only when started itself (bench/operasi.ts borrows its region generator).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
