import { describe, expect, it } from 'vitest';
import type { TpsPengamanan } from './pola';
import { jelaskanPerbandingan, polriFlow } from './penjelasan';
import { applyWhatIf, planPengamanan, type PengamananInput } from './planner';

const KEL = '7371011001';

describe('jelaskanPerbandingan', () => {
  // 300 sangat rawan TPS (2 Polri each) and one Polsek of 20: the default rings hold 10 % of the
  // Polsek as patrol and 5 % of the kab/kota as the Kapolres reserve.
  const input: PengamananInput = {
    tps: Array.from({ length: 300 }, (_, i): TpsPengamanan => ({
      id: `t${i + 1}`,
      kodeKelurahan: KEL,
      nomor: i + 1,
      kategori: 'sangat_rawan',
    })),
    units: [
      { id: 'polsek', force: 'polsek', kind: 'polri', count: 20, homeKecamatan: '737101', available: true },
    ],
  };

  it('says that 10 of 200 added BKO become the Kapolres reserve, so the shortfall falls by 190', () => {
    const before = planPengamanan(input);
    const after = planPengamanan(
      applyWhatIf(input, { kind: 'tambah_bko', count: 200, force: 'bko_polda', homeKabKota: '7371' }),
    );
    const flow = polriFlow(before, after);
    expect(flow.total.delta).toBe(200);
    expect(flow.perRing.cadangan.delta).toBe(10);
    expect(flow.shortfall.delta).toBe(-190);
    expect(jelaskanPerbandingan(before, after)).toEqual([
      'Polri bertambah 200 personel: 190 personel berjaga di TPS, 10 personel menjadi cadangan Kapolres (ring 4).',
      'Kekurangan Polri turun 190, bukan 200: porsi cadangan Kapolres (ring 4) dihitung dari jumlah pasukan, sehingga ikut bertambah.',
    ]);
  });

  it('says nothing when the Polri did not change', () => {
    const plan = planPengamanan(input);
    expect(jelaskanPerbandingan(plan, plan)).toEqual([]);
  });
});
