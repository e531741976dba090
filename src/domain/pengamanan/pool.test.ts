import { describe, expect, it } from 'vitest';
import { Pool } from './pool';

describe('Pool', () => {
  it('draws units in list order and says how many it drew', () => {
    const left = [2, 3, 4];
    const taken: [number, number][] = [];
    const pool = new Pool([1, 0, 2], left);
    expect(pool.draw(4, (u, n) => taken.push([u, n]))).toBe(4);
    expect(taken).toEqual([
      [1, 3],
      [0, 1],
    ]);
    expect(left).toEqual([1, 0, 4]);
    expect(pool.draw(10, () => {})).toBe(5);
    expect(pool.empty).toBe(true);
  });

  it('shares what is left with every pool over the same units', () => {
    const left = [3, 2];
    const kelurahan = new Pool([0], left);
    const kecamatan = new Pool([0, 1], left);
    expect(kelurahan.draw(3, () => {})).toBe(3);
    expect(kecamatan.empty).toBe(false);
    const taken: number[] = [];
    expect(kecamatan.draw(5, (u) => taken.push(u))).toBe(2);
    expect(taken).toEqual([1]);
    expect(kecamatan.empty).toBe(true);
  });

  it('draws nothing from an empty list or for no need', () => {
    const left = [5];
    expect(new Pool([], left).draw(3, () => {})).toBe(0);
    expect(new Pool([], left).empty).toBe(true);
    expect(new Pool([0], left).draw(0, () => {})).toBe(0);
    expect(left).toEqual([5]);
  });
});
