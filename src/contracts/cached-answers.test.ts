/**
 * Answers a phone keeps for offline use are read again through the app's current contract (the web
 * client parses every answer, web/api/client.ts). A field added to such an answer is therefore
 * optional: a phone that got the new app, then lost its signal, still holds answers from before it.
 */
import { describe, expect, it } from 'vitest';
import { KejadianDetail } from './kejadian';
import { KotakMasukItem } from './koordinasi';

describe('fields added to answers that phones keep offline', () => {
  it('an inbox item cached before it named its area still reads', () => {
    expect(KotakMasukItem.shape.kodeWilayah.safeParse(undefined).success).toBe(true);
  });

  it('a merged duplicate cached before it named its area still reads', () => {
    const duplikat = KejadianDetail.shape.duplikat.element;
    const before = { id: '0b7c6c1e-2f0a-4d51-9a55-6b1f3f3f8a11', reportedAt: '2026-12-07T01:00:00.000Z' };
    expect(duplikat.safeParse(before).success).toBe(true);
    expect(duplikat.safeParse({ ...before, kodeWilayah: '73.73.01.1001' }).data?.kodeWilayah).toBe(
      '73.73.01.1001',
    );
  });
});
