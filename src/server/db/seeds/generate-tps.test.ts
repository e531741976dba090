import { getDistricts, getVillages } from 'idn-area-data';
import { describe, expect, it } from 'vitest';
import { DEMO_REGIONS } from './demo-regions';
import { apportion, generateTps } from './generate-tps';

const [districts, villages] = await Promise.all([getDistricts(), getVillages()]);
const kecamatanName = new Map(districts.map((d) => [d.code, d.name]));
const desaOf = (regionKode: string) =>
  villages
    .filter((v) => v.code.startsWith(`${regionKode}.`))
    .map((v) => ({ kode: v.code, kecamatanNama: kecamatanName.get(v.district_code)! }));

describe('generateTps for the five seed regions', () => {
  it.each(DEMO_REGIONS.map((r) => [r.nama, r] as const))(
    '%s matches its real TPS count and DPT total',
    (_, region) => {
      const rows = generateTps({ ...region, desa: desaOf(region.kode), seed: 1 });
      expect(rows).toHaveLength(region.tps);
      expect(rows.reduce((sum, r) => sum + r.dpt_total, 0)).toBe(region.dpt);
      for (const r of rows) {
        expect(r.dpt_total).toBeLessThanOrEqual(600);
        expect(r.dpt_laki! + r.dpt_perempuan!).toBe(r.dpt_total);
        expect(r.lat).toBeGreaterThanOrEqual(region.bbox.minLat);
        expect(r.lat).toBeLessThanOrEqual(region.bbox.maxLat);
        expect(r.lon).toBeGreaterThanOrEqual(region.bbox.minLon);
        expect(r.lon).toBeLessThanOrEqual(region.bbox.maxLon);
        expect(r.is_generated).toBe(true);
        expect(r.kode).toMatch(/^\d{13}$/);
      }
      expect(new Set(rows.map((r) => r.kode)).size).toBe(rows.length);
      const special = rows.filter((r) => r.lokasi_khusus !== null).length;
      expect(special).toBe(region.lokasiKhusus.reduce((sum, s) => sum + s.count, 0));
    },
  );

  it("keeps Kota Probolinggo's published TPS count per kecamatan", () => {
    const region = DEMO_REGIONS.find((r) => r.kode === '35.74')!;
    const rows = generateTps({ ...region, desa: desaOf(region.kode), seed: 1 });
    const perKecamatan = new Map<string, number>();
    for (const r of rows) {
      const name = kecamatanName.get(r.kode_wilayah.slice(0, 8))!;
      perKecamatan.set(name, (perKecamatan.get(name) ?? 0) + 1);
    }
    expect(Object.fromEntries(perKecamatan)).toEqual({
      Mayangan: 88,
      Kanigaran: 82,
      Kademangan: 60,
      Kedopok: 50,
      Wonoasih: 48,
    });
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const region = DEMO_REGIONS[0]!;
    const a = generateTps({ ...region, desa: desaOf(region.kode), seed: 7 });
    const b = generateTps({ ...region, desa: desaOf(region.kode), seed: 7 });
    const c = generateTps({ ...region, desa: desaOf(region.kode), seed: 8 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });
});

describe('apportion', () => {
  it.each([
    [10, [1, 1, 1], 0, [4, 3, 3]],
    [10, [1, 0, 0], 1, [8, 1, 1]],
    [2, [1, 1, 1], 1, [1, 1, 0]],
    [0, [1, 2], 0, [0, 0]],
  ])('%i over %j (min %i) → %j', (total, weights, min, expected) => {
    const parts = apportion(total, weights, min);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    expect(parts).toEqual(expected);
  });
});
