/**
 * `npx tsx bench/operasi.ts`: planning every duty (issue #18) — the TPS of voting day plus logistics
 * escorts, campaign events and patrols assigned by hand (domain/pengamanan/tugas.ts) — beside the
 * TPS-only planner, for one kab/kota (1,000 TPS, 300 legs, 50 events, 100 patrols) and for the nation
 * (435,296 TPS and their legs: warehouse → PPK, PPK → PPS, PPS → TPS and TPS → PPK). Prints figures
 * and ratios only. BENCH_PENGAMANAN_TPS scales the nation down.
 */
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { planPengamanan, type PengamananInput, type Plan } from '../src/domain/pengamanan/planner';
import { cakupanTugas } from '../src/domain/pengamanan/cakupan-tugas';
import {
  cariBentrok,
  nilaiPenugasan,
  type Jendela,
  type JenisTugasLain,
  type PenugasanTugas,
  type TugasPengamanan,
} from '../src/domain/pengamanan/tugas';
import { createRng } from '../src/domain/random/rng';
import { generateKabKota } from './pengamanan';

const NATIONAL_TPS = Number(process.env.BENCH_PENGAMANAN_TPS ?? 435_296);
const H = 3_600_000;
/** Voting day at 0; the TPS window H-1 06:00 to H+1 12:00. */
const JENDELA_TPS: Jendela = { mulai: -18 * H, selesai: 36 * H };
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits });

/**
 * Duties of one kab/kota and their hand assignments: each duty takes 1-2 personnel from Polri units
 * that are free over its window (the Kabag Ops never double-books; the rule checks it anyway).
 */
function addDuties(
  input: PengamananInput,
  kab: string,
  counts: Record<JenisTugasLain, number> | 'legs',
  random: () => number,
  into: { tugas: TugasPengamanan[]; penugasan: PenugasanTugas[] },
): void {
  const kels = [
    ...new Set(input.tps.filter((t) => t.kodeKelurahan.startsWith(kab)).map((t) => t.kodeKelurahan)),
  ];
  const polri = input.units.filter(
    (u) => u.kind === 'polri' && u.available && (u.homeKabKota === kab || u.homeKecamatan?.startsWith(kab)),
  );
  const busyUntil = new Map<string, number>();
  let seq = into.tugas.length;
  const add = (jenis: JenisTugasLain, kode: string, mulai: number, hours: number, need: number): void => {
    const t: TugasPengamanan = {
      id: `t${++seq}`,
      jenis,
      kodeWilayah: kode,
      mulai,
      selesai: mulai + hours * H,
      kebutuhan: { polri: need },
    };
    into.tugas.push(t);
    // Up to `need` units free at the start, each giving one person.
    let given = 0;
    for (let tries = 0; tries < 6 && given < need && polri.length > 0; tries++) {
      const u = polri[Math.floor(random() * polri.length)]!;
      if ((busyUntil.get(u.id) ?? -Infinity) > t.mulai) continue;
      busyUntil.set(u.id, t.selesai);
      into.penugasan.push({ tugasId: t.id, unitId: u.id, count: 1 });
      given++;
    }
  };
  if (counts === 'legs') {
    // The nation's legs: a kecamatan's PPK leg (H-12), each kelurahan's PPS leg (H-5), each TPS's
    // leg from its PPS (H-2) and back to the PPK after counting (H 20:00).
    const kecs = [...new Set(kels.map((k) => k.slice(0, 6)))];
    for (const k of kecs) add('logistik', k, -12 * 24 * H + random() * 10 * H, 6, 2);
    for (const k of kels) add('logistik', k, -5 * 24 * H + random() * 10 * H, 3, 1);
    for (const t of input.tps) {
      if (!t.kodeKelurahan.startsWith(kab)) continue;
      add('logistik', t.kodeKelurahan, -2 * 24 * H + random() * 10 * H, 1, 1);
      add('logistik', t.kodeKelurahan, 20 * H + random() * 4 * H, 2, 1);
    }
    return;
  }
  for (const [jenis, n] of Object.entries(counts) as [JenisTugasLain, number][])
    for (let i = 0; i < n; i++) {
      const day = jenis === 'logistik' ? -14 + Math.floor(random() * 16) : -20 + Math.floor(random() * 18);
      add(
        jenis,
        kels[Math.floor(random() * kels.length)]!,
        day * 24 * H + (6 + random() * 12) * H,
        2 + random() * 6,
        2 + Math.floor(random() * 3),
      );
    }
}

function timeIt<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

function median(fn: () => void, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(timeIt(fn).ms);
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

function city(): void {
  const random = createRng(6408);
  const base = generateKabKota({
    kodeKabKota: '6408',
    tps: 1_000,
    kecamatan: 18,
    kelurahanPerKecamatan: 8,
    polriRatio: 0.95,
    namedPolsek: true,
    linmasPerTps: 1.1,
    random,
  });
  const duties = { tugas: [] as TugasPengamanan[], penugasan: [] as PenugasanTugas[] };
  addDuties(
    base,
    '6408',
    { logistik: 300, kampanye: 50, patroli: 100, posko: 0, rekapitulasi: 0 },
    random,
    duties,
  );
  const input: PengamananInput = {
    ...base,
    tugas: duties.tugas,
    penugasanTugas: duties.penugasan,
    jendelaTps: JENDELA_TPS,
  };
  const tpsOnly = median(() => planPengamanan(base));
  const all = median(() => planPengamanan(input));
  const check = median(() => cariBentrok(base.units, duties.tugas, duties.penugasan));
  const plan = planPengamanan(input);
  console.log(
    `1. kab/kota: ${fmt(base.tps.length)} TPS, ${fmt(duties.tugas.length)} other duties (300 legs, 50 events, 100 patrols), ${fmt(duties.penugasan.length)} hand assignments`,
  );
  console.log(
    `   every duty: ${fmt(all, 1)} ms median of 5; TPS-only planner ${fmt(tpsOnly, 1)} ms (ratio ${fmt(all / tpsOnly, 2)}); overlap check alone ${fmt(check, 2)} ms`,
  );
  console.log(
    `   Polri need ${fmt(plan.coverageByKind.polri.required)} (TPS ${fmt(plan.coverageTps.polri.required)}), shortfall ${fmt(plan.coverageByKind.polri.shortfall)}; ${fmt(plan.onDutyByKind.polri)} Polri on other duties during the TPS window; ${plan.bentrok.length} double bookings`,
  );
}

/** The nation's TPS and units (bench/pengamanan.ts) and every TPS's legs with their escorts. */
export function nationalInput(tpsCount: number): {
  kabKota: number;
  tps: PengamananInput['tps'][number][];
  units: PengamananInput['units'][number][];
  tugas: TugasPengamanan[];
  penugasan: PenugasanTugas[];
} {
  const kabKota = Math.max(1, Math.round((514 * tpsCount) / 435_296));
  const random = createRng(2024);
  const tps: PengamananInput['tps'][number][] = [];
  const units: PengamananInput['units'][number][] = [];
  const duties = { tugas: [] as TugasPengamanan[], penugasan: [] as PenugasanTugas[] };
  let left = tpsCount;
  for (let i = 0; i < kabKota; i++) {
    const size = i === kabKota - 1 ? left : Math.round(tpsCount / kabKota);
    left -= size;
    const kab = `${String(11 + Math.floor(i / 40)).padStart(2, '0')}${String((i % 40) + 1).padStart(2, '0')}`;
    const part = generateKabKota({
      kodeKabKota: kab,
      tps: size,
      kecamatan: 10 + Math.floor(random() * 9),
      kelurahanPerKecamatan: 8 + Math.floor(random() * 8),
      polriRatio: 0.8 + random() * 0.4,
      namedPolsek: false,
      linmasPerTps: 2,
      random,
    });
    addDuties(part, kab, 'legs', random, duties);
    for (const t of part.tps) tps.push(t);
    for (const u of part.units) units.push(u);
  }
  return { kabKota, tps, units, tugas: duties.tugas, penugasan: duties.penugasan };
}

/** What the national figures print of a plan; the plan itself is dropped at once (it holds ~1 GB). */
function summary(run: { value: Plan; ms: number }) {
  const plan = run.value;
  return {
    ms: run.ms,
    polriRequired: plan.coverageByKind.polri.required,
    polriTpsRequired: plan.coverageTps.polri.required,
    tpsShortfall: plan.coverageTps.polri.shortfall,
    onDuty: plan.onDutyByKind.polri,
    bentrok: plan.bentrok.length,
  };
}

const mb = (bytes: number): string => fmt(bytes / 2 ** 20);

function national(): void {
  const { kabKota, tps, units, ...duties } = nationalInput(NATIONAL_TPS);
  const inputHeap = process.memoryUsage().heapUsed;
  const byId = new Map(duties.tugas.map((t) => [t.id, t]));
  const tpsOnly = summary(timeIt(() => planPengamanan({ tps, units })));
  // The duty rule alone over the nation's legs, as the planner runs it: kept assignments, double
  // bookings, TPS-window use (one pass), then each duty's need against what it kept.
  const rule = timeIt(() => {
    const nilai = nilaiPenugasan(
      units,
      (u) => (u.available ? u.count : 0),
      byId,
      duties.penugasan,
      JENDELA_TPS,
    );
    return cakupanTugas(units, duties.tugas, nilai.efektif).length;
  });
  // The return legs after counting are often escorted by the officers who guarded the TPS: without
  // separate escorts in the TPS window, the TPS pool keeps its Polri.
  const outside = duties.penugasan.filter((p) => {
    const t = byId.get(p.tugasId)!;
    return t.selesai <= JENDELA_TPS.mulai || t.mulai >= JENDELA_TPS.selesai;
  });
  const apart = summary(
    timeIt(() =>
      planPengamanan({ tps, units, tugas: duties.tugas, penugasanTugas: outside, jendelaTps: JENDELA_TPS }),
    ),
  );
  const all = summary(
    timeIt(() =>
      planPengamanan({
        tps,
        units,
        tugas: duties.tugas,
        penugasanTugas: duties.penugasan,
        jendelaTps: JENDELA_TPS,
      }),
    ),
  );
  const memory = process.memoryUsage();
  console.log(
    `\n2. nation: ${fmt(tps.length)} TPS in ${kabKota} kab/kota, ${fmt(duties.tugas.length)} logistics legs, ${fmt(duties.penugasan.length)} escort assignments`,
  );
  console.log(
    `   every duty: ${fmt(all.ms / 1000, 2)} s; TPS-only planner ${fmt(tpsOnly.ms / 1000, 2)} s (ratio ${fmt(all.ms / tpsOnly.ms, 2)})`,
  );
  console.log(
    `   Polri need ${fmt(all.polriRequired)} (TPS ${fmt(all.polriTpsRequired)}), ${fmt(all.onDuty)} on escorts during the TPS window, ${all.bentrok} double bookings`,
  );
  console.log(
    `   the duty rule alone (kept assignments, double bookings, TPS-window use, needs): ${fmt(rule.ms / 1000, 2)} s`,
  );
  console.log(
    `   every duty with the return legs escorted by the TPS guards (no separate escort in the TPS window): ${fmt(apart.ms / 1000, 2)} s (ratio ${fmt(apart.ms / tpsOnly.ms, 2)}); TPS Polri shortfall ${fmt(apart.tpsShortfall)} vs ${fmt(all.tpsShortfall)} with separate escorts`,
  );
  console.log(
    `   memory: input heap ${mb(inputHeap)} MB; at the end heapUsed ${mb(memory.heapUsed)} MB, rss ${mb(memory.rss)} MB; process peak rss ${mb(process.resourceUsage().maxRSS * 1024)} MB`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // The machine is shared: the load beside the figures says how far to trust them.
  const load = loadavg().map((n) => n.toFixed(2));
  console.log(
    `Siaga operasi benchmark (every duty) — node ${process.version}, load average ${load.join(' ')}`,
  );
  city();
  national();
}
