import { describe, expect, it } from 'vitest';
import { daftarTpsRawanDoc } from './kerawanan-report';

describe('daftarTpsRawanDoc', () => {
  it.each([
    ['Kabupaten Probolinggo (WIB)', '35.13', 'Dicetak 27 Nov 2024, 12.00 WIB · 0 TPS dipetakan'],
    ['Kota Palopo (WITA)', '73.73', 'Dicetak 27 Nov 2024, 13.00 WITA · 0 TPS dipetakan'],
    ['Kota Jayapura (WIT)', '91.71', 'Dicetak 27 Nov 2024, 14.00 WIT · 0 TPS dipetakan'],
  ])('prints the time of printing on the clock of %s', (namaWilayah, kodeWilayah, line) => {
    const doc = daftarTpsRawanDoc({
      namaWilayah,
      kodeWilayah,
      namaPemilihan: 'Pilkada Serentak 2024',
      phase: 'pra',
      printedAt: new Date('2024-11-27T05:00:00Z'),
      rows: [],
      labels: new Map(),
    });
    expect(JSON.stringify(doc.content)).toContain(JSON.stringify(line));
  });
});
