/**
 * A plausible generated pra-phase mapping for demo TPS: each indicator holds with about the share of
 * TPS it held nationally in Bawaslu's Nov 2024 release (pilkada-facts §2.1, national counts over
 * 409,385 TPS), with regional emphases from the seeds. Deterministic; rows are marked is_generated.
 */
import type { IndicatorCatalogue } from '../../../domain/kerawanan/catalogue';
import { scoreTps } from '../../../domain/kerawanan/score-tps';
import { createRng } from '../../../domain/random/rng';

/** Share of TPS per indicator, from the national counts; indicators without a count get 0.2 %. */
const NATIONAL_SHARE: Record<string, number> = {
  'hak_pilih.disabilitas': 116_211 / 409_385,
  'hak_pilih.tms': 95_171 / 409_385,
  'hak_pilih.pindahan': 58_443 / 409_385,
  'hak_pilih.kpps_luar_domisili': 40_635 / 409_385,
  'hak_pilih.potensi_dpk': 16_120 / 409_385,
  'keamanan.kekerasan': 2_293 / 409_385,
  'keamanan.intimidasi': 2_426 / 409_385,
  'keamanan.penolakan': 332 / 409_385,
  'politik_uang.riwayat': 2_799 / 409_385,
  'sara.riwayat': 814 / 409_385,
  'netralitas.asn_tni_polri': 1_127 / 409_385,
  'logistik.kurang_lebih': 6_066 / 409_385,
  'logistik.terlambat': 2_658 / 409_385,
  'lokasi.sulit_dijangkau': 5_384 / 409_385,
  'lokasi.rawan_bencana': 7_414 / 409_385,
  'lokasi.dekat_posko_paslon': 3_759 / 409_385,
  'jaringan.internet': 22_738 / 409_385,
  'jaringan.listrik': 8_457 / 409_385,
};
const DEFAULT_SHARE = 0.002;

export interface DemoTpsRef {
  id: string;
  kodeWilayah: string;
  akses: string;
  lokasiKhusus: string | null;
}

/** Region emphases: Palopo's 2013 riot, Kutai Timur's water access, Balikpapan's newcomers. */
function regionalShare(kode: string, tps: DemoTpsRef): number {
  if (
    tps.kodeWilayah.startsWith('73.73.') &&
    (kode === 'lokasi.rawan_konflik' || kode === 'lokasi.dekat_posko_paslon')
  )
    return 0.06;
  if (tps.akses !== 'darat' && (kode === 'lokasi.sulit_dijangkau' || kode === 'logistik.terlambat'))
    return 0.5;
  if (tps.kodeWilayah.startsWith('64.71.') && kode === 'hak_pilih.pindahan') return 0.3;
  return NATIONAL_SHARE[kode] ?? DEFAULT_SHARE;
}

export function generateKerawanan(tps: readonly DemoTpsRef[], catalogue: IndicatorCatalogue, seed: number) {
  const rng = createRng(seed);
  return tps.map((t) => {
    const indicators = catalogue.indicators
      .filter((i) => !i.marksKhusus && rng() < regionalShare(i.kode, t))
      .map((i) => i.kode)
      .sort();
    const result = scoreTps(indicators, catalogue, { isLokasiKhusus: t.lokasiKhusus !== null });
    return {
      tpsId: t.id,
      indicators,
      score: result.score,
      kategori: result.kategori,
      contributions: result.contributions,
    };
  });
}
