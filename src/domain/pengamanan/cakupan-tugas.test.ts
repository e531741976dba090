import { describe, expect, it } from 'vitest';
import { cakupanTugas } from './cakupan-tugas';
import type { TugasPengamanan } from './tugas';

const duty = (id: string, mulai: number, kebutuhan: TugasPengamanan['kebutuhan']): TugasPengamanan => ({
  id,
  jenis: 'posko',
  kodeWilayah: '640801',
  mulai,
  selesai: mulai + 10,
  kebutuhan,
});

describe('cakupanTugas', () => {
  const units = [
    { id: 'polsek', kind: 'polri' as const },
    { id: 'koramil', kind: 'tni' as const },
  ];

  it("counts each kind apart: Polri beyond the need never lowers TNI's shortfall", () => {
    const [c] = cakupanTugas(
      units,
      [duty('a', 0, { polri: 2, tni: 1 })],
      [{ tugasId: 'a', unitId: 'polsek', count: 5 }],
    );
    expect(c?.polri).toEqual({ required: 2, assigned: 5, shortfall: 0 });
    expect(c?.tni).toEqual({ required: 1, assigned: 0, shortfall: 1 });
    expect(c?.linmas).toEqual({ required: 0, assigned: 0, shortfall: 0 });
    expect(c?.terpenuhi).toBe(false);
  });

  it('lists duties by start, then id, and ignores units it does not know', () => {
    const cakupan = cakupanTugas(
      units,
      [duty('c', 5, { tni: 1 }), duty('b', 0, { tni: 1 }), duty('a', 5, { tni: 1 })],
      [
        { tugasId: 'a', unitId: 'koramil', count: 1 },
        { tugasId: 'c', unitId: 'hilang', count: 1 },
      ],
    );
    expect(cakupan.map((c) => [c.tugasId, c.terpenuhi])).toEqual([
      ['b', false],
      ['a', true],
      ['c', false],
    ]);
  });
});
