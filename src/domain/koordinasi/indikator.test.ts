import { describe, expect, it } from 'vitest';
import { indikatorKeberhasilan } from './indikator';

describe('the indicators of success', () => {
  it('write their figures the Indonesian way', () => {
    const nilai = Object.fromEntries(
      indikatorKeberhasilan({
        readinessPercent: 92.5,
        tindakLanjutTerlambat: 0,
        rakorSelesai: 1200,
        partisipasiPersen: 80,
        targetPartisipasiPersen: 77.5,
        insidenBerat: 1500,
        insidenKonflik: 0,
        psuCount: 2837,
      }).map((i) => [i.kode, i.nilai]),
    );
    expect(nilai).toEqual({
      aman: '1.500 kejadian berat',
      lancar: '92,5%',
      damai: '1.200 rakor, 0 tindak lanjut terlambat',
      partisipasi: '80% (target 77,5%)',
      tanpa_konflik: '0',
      tanpa_psu: '2.837 TPS',
    });
  });
});
