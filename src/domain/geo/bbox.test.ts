import { describe, expect, it } from 'vitest';
import { boundingBox } from './bbox';

describe('boundingBox', () => {
  it('spans every point, longitude first', () => {
    expect(
      boundingBox([
        [120.19, -2.99],
        [120.1, -3.05],
        [120.22, -2.9],
      ]),
    ).toEqual([120.1, -3.05, 120.22, -2.9]);
  });
  it('is null for no points and a point for one', () => {
    expect(boundingBox([])).toBeNull();
    expect(boundingBox([[116.85, -1.24]])).toEqual([116.85, -1.24, 116.85, -1.24]);
  });
});
