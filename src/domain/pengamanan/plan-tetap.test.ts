/**
 * The same plan before and after a change made for speed: a seeded fixture of three kab/kota with
 * every kind of unit and duty (legs, events, patrols, posko; windows inside, across and outside the
 * TPS window; double bookings; overbooked, withdrawn and unknown units; a broken duty) is planned and
 * the whole result is pinned by its digest, beside the figures a reader can check at a glance. A
 * change that moves one assignment, one shortfall or one conflict changes the digest. The digest was
 * taken from the planner before the national duty plan was made faster (issue #18).
 */
import { describe, expect, it } from 'vitest';
import type { Kategori } from '../kerawanan/score-tps';
import type { TpsPengamanan } from './pola';
import {
  applyWhatIf,
  planPengamanan,
  type Force,
  type PengamananInput,
  type PersonnelKind,
  type UnitPengamanan,
} from './planner';
import { cakupanTugas } from './cakupan-tugas';
import { createRng } from '../random/rng';
import {
  cariBentrok,
  penugasanEfektif,
  terpakaiDalam,
  type JenisTugasLain,
  type PenugasanTugas,
  type TugasPengamanan,
} from './tugas';

const H = 3_600_000;
const JENDELA_TPS = { mulai: -18 * H, selesai: 36 * H };

function fixture(seed: number): PengamananInput {
  const random = createRng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const tps: TpsPengamanan[] = [];
  const units: UnitPengamanan[] = [];
  const tugas: TugasPengamanan[] = [];
  const penugasan: PenugasanTugas[] = [];
  for (const kab of ['6408', '7371', '7372']) {
    const kels: string[] = [];
    for (let k = 1; k <= 4; k++) for (let l = 1; l <= 5; l++) kels.push(`${kab}0${k}100${l}`);
    const nomor = new Map<string, number>();
    for (let i = 0; i < 120 + Math.floor(random() * 80); i++) {
      const kel = kels[Math.floor(random() ** 1.5 * kels.length)]!;
      const n = (nomor.get(kel) ?? 0) + 1;
      nomor.set(kel, n);
      const r = random();
      const kategori: Kategori =
        r < 0.1 ? 'sangat_rawan' : r < 0.13 ? 'khusus' : r < 0.35 ? 'rawan' : 'kurang_rawan';
      tps.push({ id: `${kel}-${n}`, kodeKelurahan: kel, nomor: n, kategori });
    }
    const polri: UnitPengamanan[] = [];
    const add = (
      force: Force,
      kind: PersonnelKind,
      count: number,
      homeKecamatan: string | null,
      homeKodeKelurahan: string | null = null,
    ): void => {
      const u: UnitPengamanan = {
        id: `${kab}-u${String(units.length).padStart(4, '0')}`,
        force,
        kind,
        count,
        homeKecamatan,
        homeKodeKelurahan,
        homeKabKota: homeKecamatan === null ? kab : null,
        available: random() > 0.05,
      };
      units.push(u);
      if (kind === 'polri') polri.push(u);
    };
    for (const kel of kels) {
      if (random() < 0.7) add('polsek', 'polri', 1, kel.slice(0, 6), kel);
      add('linmas', 'linmas', 2 + Math.floor(random() * 8), kel.slice(0, 6), kel);
      if (random() < 0.8) add('koramil', 'tni', 1, kel.slice(0, 6), kel);
    }
    for (let k = 1; k <= 4; k++) add('polsek', 'polri', 4 + Math.floor(random() * 16), `${kab}0${k}`);
    add('polres', 'polri', 20 + Math.floor(random() * 40), null);
    add('brimob', 'polri', 10 + Math.floor(random() * 20), null);
    add('satpol_pp', 'satpol_pp', 10, null);
    // Duties: legs around voting day, events and patrols before it, posko for days; some cross the
    // TPS window, some touch its edges.
    const jenis: JenisTugasLain[] = ['logistik', 'kampanye', 'patroli', 'posko', 'rekapitulasi'];
    for (let i = 0; i < 60; i++) {
      const j = pick(jenis);
      const mulai =
        i % 10 === 0
          ? JENDELA_TPS.selesai
          : i % 10 === 1
            ? JENDELA_TPS.mulai - 4 * H
            : Math.round((-72 + random() * 120) * 2) * (H / 2);
      const hours = j === 'posko' ? 24 + Math.floor(random() * 72) : 1 + Math.floor(random() * 8);
      const kode = i % 13 === 0 ? kab : random() < 0.5 ? pick(kels) : pick(kels).slice(0, 6);
      const t: TugasPengamanan = {
        id: `${kab}-t${String(i).padStart(3, '0')}`,
        jenis: j,
        kodeWilayah: kode,
        mulai,
        selesai: mulai + hours * H,
        kebutuhan: { polri: 1 + Math.floor(random() * 3), ...(random() < 0.3 ? { tni: 1 } : {}) },
      };
      tugas.push(t);
      // Hand assignments, without a check: double bookings and overbooked units happen.
      for (let n = 0; n < 1 + Math.floor(random() * 3); n++) {
        const u = random() < 0.8 ? pick(polri) : pick(units.filter((x) => x.id.startsWith(kab)));
        penugasan.push({ tugasId: t.id, unitId: u.id, count: 1 + Math.floor(random() * 4) });
      }
    }
  }
  tugas.push({ id: 'rusak', jenis: 'kampanye', kodeWilayah: '64', mulai: 5, selesai: 1, kebutuhan: {} });
  penugasan.push({ tugasId: 'rusak', unitId: units[0]!.id, count: 1 });
  penugasan.push({ tugasId: tugas[0]!.id, unitId: 'tidak-ada', count: 3 });
  return { tps, units, tugas, penugasanTugas: penugasan, jendelaTps: JENDELA_TPS };
}

/** cyrb53 of the JSON (the domain has no I/O, so no node:crypto): one moved number changes it. */
function digest(value: unknown): string {
  const text = JSON.stringify(value);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${(h2 >>> 0).toString(16).padStart(8, '0')}${(h1 >>> 0).toString(16).padStart(8, '0')}`;
}

describe('the same plan on a fixed input', () => {
  const input = fixture(1806);

  it('plans every duty of three kab/kota exactly as before', () => {
    const plan = planPengamanan(input);
    expect({
      tps: input.tps.length,
      tugas: plan.tugas.length,
      kept: plan.penugasanTugas.length,
      bentrok: plan.bentrok.length,
      polri: plan.coverageByKind.polri,
      polriTps: plan.coverageTps.polri,
      onDuty: plan.onDutyByKind,
      objective: plan.objective,
      digest: digest(plan),
    }).toMatchInlineSnapshot(`
      {
        "bentrok": 131,
        "digest": "e85e1b300c9a4ace",
        "kept": 244,
        "objective": {
          "coveredByKategori": {
            "khusus": 7,
            "kurang_rawan": 8,
            "rawan": 53,
            "sangat_rawan": 45,
          },
          "kelompokByKategori": {
            "khusus": 7,
            "kurang_rawan": 60,
            "rawan": 57,
            "sangat_rawan": 45,
          },
          "polriShortfall": 112,
          "travelCost": 376,
        },
        "onDuty": {
          "linmas": 17,
          "polri": 104,
          "satpol_pp": 4,
          "tni": 8,
        },
        "polri": {
          "assigned": 434,
          "required": 693,
          "shortfall": 259,
        },
        "polriTps": {
          "assigned": 226,
          "required": 338,
          "shortfall": 112,
        },
        "tps": 386,
        "tugas": 180,
      }
    `);
  });

  it('withdrawing the busiest unit plans exactly as before', () => {
    const plan = planPengamanan(applyWhatIf(input, { kind: 'tarik_unit', unitId: '7371-u0065' }));
    expect({
      kept: plan.penugasanTugas.length,
      bentrok: plan.bentrok.length,
      polri: plan.coverageByKind.polri,
      digest: digest(plan),
    }).toMatchInlineSnapshot(`
      {
        "bentrok": 132,
        "digest": "d599f23a32f8f7ca",
        "kept": 243,
        "polri": {
          "assigned": 434,
          "required": 693,
          "shortfall": 259,
        },
      }
    `);
  });

  it('the duty rule alone gives exactly what it gave before', () => {
    const units = input.units.map((u) => ({
      id: u.id,
      kind: u.kind,
      count: u.count,
      available: u.available,
    }));
    const tugas = input.tugas ?? [];
    const raw = input.penugasanTugas ?? [];
    const kept = penugasanEfektif(units, tugas, raw);
    const bentrok = cariBentrok(units, tugas, raw);
    const busy = [...terpakaiDalam(tugas, kept, JENDELA_TPS)].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const cakupan = cakupanTugas(units, tugas, kept);
    expect({
      kept: kept.length,
      bentrok: bentrok.length,
      busy: busy.length,
      unmet: cakupan.filter((c) => !c.terpenuhi).length,
      digest: digest({ kept, bentrok, busy, cakupan }),
    }).toMatchInlineSnapshot(`
      {
        "bentrok": 131,
        "busy": 68,
        "digest": "42cde22266bdcf46",
        "kept": 245,
        "unmet": 110,
      }
    `);
  });
});
