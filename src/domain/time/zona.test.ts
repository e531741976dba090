import { describe, expect, it } from 'vitest';
import { waktuSetempat } from './zona';

describe('waktuSetempat', () => {
  it("writes an instant in the region's own zone, named", () => {
    expect(waktuSetempat('2024-11-27T05:00:00Z', '73.73')).toBe('27 Nov 2024, 13.00 WITA');
    expect(waktuSetempat('2024-11-27T05:00:00Z', '94.71')).toBe('27 Nov 2024, 14.00 WIT');
    expect(waktuSetempat(new Date('2024-11-27T05:00:00Z'), '31.71', 'full')).toBe(
      'Rabu, 27 November 2024 pukul 12.00 WIB',
    );
  });
});
