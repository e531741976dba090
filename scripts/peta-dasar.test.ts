import { describe, expect, it } from 'vitest';
import { parseKoordinat, petaDasarFromPackages, PETA_BBOX } from './peta-dasar';

type Ring = [number, number][];

function onLand(polygons: Ring[][], [x, y]: [number, number]): boolean {
  return polygons.some((polygon) => {
    let inside = false;
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    return inside;
  });
}

describe('the offline base map', () => {
  const peta = petaDasarFromPackages();
  const land = (name: string) =>
    peta.features.find((f) => f.properties['daratan'] === name)!.geometry.coordinates as unknown as Ring[][];

  it('reads idn-area-data coordinates', () => {
    expect(parseKoordinat(`08°21'23.00" S 115°04'18.99" E`)).toEqual([115.072, -8.356]);
    expect(parseKoordinat(`03°19'03.44" N 097°07'41.73" E`)).toEqual([97.128, 3.318]);
    expect(parseKoordinat('tidak ada')).toBeNull();
  });

  it("draws Indonesia's land, its neighbours' apart, and the sea between them", () => {
    const indonesia = land('indonesia');
    expect(onLand(indonesia, [106.83, -6.2])).toBe(true); // Jakarta
    expect(onLand(indonesia, [120.2, -2.99])).toBe(true); // Palopo
    expect(onLand(indonesia, [117.5, 0.9])).toBe(true); // Kutai Timur
    expect(onLand(indonesia, [112, -5])).toBe(false); // Laut Jawa
    expect(onLand(indonesia, [101.7, 3.1])).toBe(false); // Kuala Lumpur: a neighbour's
    expect(onLand(land('tetangga'), [101.7, 3.1])).toBe(true);
    for (const polygon of [...indonesia, ...land('tetangga')]) {
      for (const [x, y] of polygon.flat()) {
        expect(x >= PETA_BBOX[0] && x <= PETA_BBOX[2] && y >= PETA_BBOX[1] && y <= PETA_BBOX[3]).toBe(true);
      }
    }
  });

  it('names the main islands and the larger ones from the island list', () => {
    const names = peta.features.filter((f) => f.geometry.type === 'Point').map((f) => f.properties['nama']);
    expect(names).toEqual(expect.arrayContaining(['Sumatera', 'Jawa', 'Kalimantan', 'Sulawesi', 'Papua']));
    expect(names).toEqual(expect.arrayContaining(['Bali', 'Lombok', 'Flores', 'Halmahera', 'Seram', 'Nias']));
    expect(new Set(names).size).toBe(names.length);
  });

  it('is small enough to send to a phone once', () => {
    expect(JSON.stringify(peta).length).toBeLessThan(700_000);
  });
});
