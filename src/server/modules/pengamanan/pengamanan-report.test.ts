import { describe, expect, it } from 'vitest';
import { plottingDoc } from './pengamanan-report';

describe('plottingDoc', () => {
  it.each([
    ['35.13', '26 Nov 2024, 17.00 WIB', '27 Nov 2024, 12.00 WIB'],
    ['64.08', '26 Nov 2024, 18.00 WITA', '27 Nov 2024, 13.00 WITA'],
    ['91.71', '26 Nov 2024, 19.00 WIT', '27 Nov 2024, 14.00 WIT'],
  ])(
    "prints approval and printing times on the clock of the plan's kab/kota %s",
    (kode, approved, printed) => {
      const doc = plottingDoc({
        namaWilayah: 'Uji',
        namaPemilihan: 'Pilkada Uji',
        kodeKabKota: kode,
        nomor: 2,
        status: 'approved',
        approvedBy: 'Kapolres',
        approvedAt: new Date('2024-11-26T10:00:00Z'),
        printedAt: new Date('2024-11-27T05:00:00Z'),
        names: new Map(),
        by: 'unit',
        rows: [],
        units: [],
      });
      expect(JSON.stringify(doc.content)).toContain(
        JSON.stringify(`Rencana versi 2: DISETUJUI oleh Kapolres, ${approved} · dicetak ${printed}`),
      );
    },
  );
});
