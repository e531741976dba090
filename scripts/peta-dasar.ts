/**
 * The offline base map (issue 14; docs/decisions/0018-offline-base-map.md), made at build time from
 * open data that ships in npm packages, so the phone needs no tile server:
 * - land: Natural Earth 1:10m countries (public domain) from `world-atlas`, decoded with
 *   `topojson-client` and clipped to the seas around Indonesia with `lineclip`; Indonesia is one
 *   feature, its neighbours another (drawn paler), coordinates rounded to 0.005° (about 500 m,
 *   finer than a pixel at provincial zoom);
 * - island names: the islands of idn-area-data's list that are counted at province level (their code
 *   has no regency, e.g. 51.00.40001 Pulau Bali) and are inhabited, plus the five main islands, which
 *   the list does not hold (their names and label points are Siaga's, below).
 * The result is one GeoJSON file the web app fetches only where a map is shown and the service worker
 * precaches.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { clipPolygon as clipRing } from 'lineclip';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);

/** West, south, east, north: Indonesia (95°–141° E, 11° S–6° N) with a margin of sea around it. */
export const PETA_BBOX: [number, number, number, number] = [90, -15, 146, 10];
/** ISO 3166 numeric code of Indonesia in Natural Earth. */
const INDONESIA = '360';
const PRECISION = 200; // 1 / 0.005°

/** The main islands and Timor, which idn-area-data's island list leaves out; label points chosen inland (Siaga's). */
const PULAU_UTAMA: { nama: string; lon: number; lat: number }[] = [
  { nama: 'Sumatera', lon: 101.5, lat: -0.5 },
  { nama: 'Jawa', lon: 110.2, lat: -7.4 },
  { nama: 'Kalimantan', lon: 114.0, lat: 0.6 },
  { nama: 'Sulawesi', lon: 120.3, lat: -2.0 },
  { nama: 'Papua', lon: 138.0, lat: -4.3 },
  { nama: 'Timor', lon: 124.3, lat: -9.7 },
];

type Ring = [number, number][];
type Polygon = Ring[];

interface PetaFeature {
  type: 'Feature';
  properties: Record<string, string | number>;
  geometry:
    { type: 'MultiPolygon'; coordinates: Polygon[] } | { type: 'Point'; coordinates: [number, number] };
}

export interface PetaDasar {
  type: 'FeatureCollection';
  bbox: [number, number, number, number];
  features: PetaFeature[];
}

function round(value: number): number {
  return Math.round(value * PRECISION) / PRECISION;
}

/** Clips and rounds one polygon; rings that vanish (outside the box or under the rounding) are dropped. */
function clipPolygon(polygon: Polygon): Polygon | null {
  const rings: Polygon = [];
  for (const [index, ring] of polygon.entries()) {
    const clipped = clipRing(ring, PETA_BBOX);
    const rounded: Ring = [];
    for (const [x, y] of clipped) {
      const point: [number, number] = [round(x), round(y)];
      const last = rounded[rounded.length - 1];
      if (!last || last[0] !== point[0] || last[1] !== point[1]) rounded.push(point);
    }
    if (rounded.length < 3) {
      if (index === 0) return null; // the outer ring is gone: so are its holes
      continue;
    }
    const first = rounded[0]!;
    const last = rounded[rounded.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) rounded.push([first[0], first[1]]);
    if (rounded.length < 4) {
      if (index === 0) return null;
      continue;
    }
    rings.push(rounded);
  }
  return rings;
}

function polygonsOf(geometry: { type: string; coordinates: unknown } | null): Polygon[] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates as Polygon];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Polygon[];
  return [];
}

/** Degrees, minutes and seconds as idn-area-data writes them: `08°21'23.00" S 115°04'18.99" E`. */
export function parseKoordinat(text: string): [number, number] | null {
  const match = /(\d+)°(\d+)'([\d.]+)"\s*([NS])\s+(\d+)°(\d+)'([\d.]+)"\s*([EW])/.exec(text);
  if (!match) return null;
  const [, latD, latM, latS, ns, lonD, lonM, lonS, ew] = match;
  const lat = (Number(latD) + Number(latM) / 60 + Number(latS) / 3600) * (ns === 'S' ? -1 : 1);
  const lon = (Number(lonD) + Number(lonM) / 60 + Number(lonS) / 3600) * (ew === 'W' ? -1 : 1);
  return [Math.round(lon * 1000) / 1000, Math.round(lat * 1000) / 1000];
}

/** One CSV line of idn-area-data (quotes doubled inside quoted fields). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

/** Area of a ring in km² (planar, scaled by the cosine of its latitude: enough to rank islands). */
function ringAreaKm2(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  }
  const lat = ring.reduce((total, [, y]) => total + y, 0) / ring.length;
  return Math.abs(sum / 2) * 111.32 * 111.32 * Math.cos((lat * Math.PI) / 180);
}

/** How far a point lies from a ring's edge, in degrees. */
function depthIn([x, y]: [number, number], ring: Ring): number {
  let best = Infinity;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = ring[j]!;
    const [bx, by] = ring[i]!;
    const dx = bx - ax;
    const dy = by - ay;
    const t =
      dx === 0 && dy === 0
        ? 0
        : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
  }
  return best;
}

function insideRing([x, y]: [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Islands of at least this size get a name on the map (Siaga default: about Bali's fifth). */
const NAMED_ISLAND_KM2 = 1000;

/**
 * The named islands: every Indonesian land polygon of at least NAMED_ISLAND_KM2 gets the name of an
 * island of idn-area-data's list whose point lies on it, preferring one counted at province level
 * (code without a regency, e.g. 51.00.40001 Pulau Bali), then the one whose point lies deepest inland
 * (at this scale a coastal islet's point can fall on its big neighbour); the main islands, which the
 * list leaves out, are named from PULAU_UTAMA.
 */
export function pulauBernama(islandsCsv: string, indonesia: Polygon[]): PetaFeature[] {
  const [header, ...lines] = islandsCsv.trim().split(/\r?\n/);
  const columns = splitCsvLine(header!);
  const at = (name: string) => columns.indexOf(name);
  const large = indonesia
    .map((polygon) => {
      const outer = polygon[0]!;
      const xs = outer.map(([x]) => x);
      const ys = outer.map(([, y]) => y);
      return {
        outer,
        area: ringAreaKm2(outer),
        box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
      };
    })
    .filter(({ area }) => area >= NAMED_ISLAND_KM2);
  const holding = (point: [number, number]) =>
    large.find(
      ({ outer, box }) =>
        point[0] >= box[0]! &&
        point[0] <= box[2]! &&
        point[1] >= box[1]! &&
        point[1] <= box[3]! &&
        insideRing(point, outer),
    );
  const main = new Set(PULAU_UTAMA.map(({ lon, lat }) => holding([lon, lat])));
  const best = new Map<(typeof large)[number], { nama: string; point: [number, number]; rank: number }>();
  for (const line of lines) {
    const row = splitCsvLine(line);
    const point = parseKoordinat(row[at('coordinate')] ?? '');
    if (!point) continue;
    const polygon = holding(point);
    if (!polygon || main.has(polygon)) continue;
    const rank = (row[at('regency_code')] === '' ? 1000 : 0) + depthIn(point, polygon.outer);
    const current = best.get(polygon);
    if (!current || rank > current.rank) {
      best.set(polygon, { nama: (row[at('name')] ?? '').replace(/^Pulau /, ''), point, rank });
    }
  }
  return [
    ...PULAU_UTAMA.map(({ nama, lon, lat }) => ({ nama, point: [lon, lat] as [number, number], utama: 1 })),
    ...[...best.values()].map(({ nama, point }) => ({ nama, point, utama: 0 })),
  ].map(({ nama, point, utama }) => ({
    type: 'Feature' as const,
    properties: { nama, utama },
    geometry: { type: 'Point' as const, coordinates: point },
  }));
}

/** Land (Indonesia and its neighbours) clipped to PETA_BBOX, and the named islands. */
export function buildPetaDasar(countries: Topology, islandsCsv: string): PetaDasar {
  const collection = feature(countries, countries.objects['countries'] as GeometryCollection);
  const indonesia: Polygon[] = [];
  const tetangga: Polygon[] = [];
  for (const country of collection.features) {
    const target = String(country.id) === INDONESIA ? indonesia : tetangga;
    for (const polygon of polygonsOf(country.geometry as { type: string; coordinates: unknown })) {
      const clipped = clipPolygon(polygon);
      if (clipped) target.push(clipped);
    }
  }
  return {
    type: 'FeatureCollection',
    bbox: PETA_BBOX,
    features: [
      {
        type: 'Feature',
        properties: { daratan: 'indonesia' },
        geometry: { type: 'MultiPolygon', coordinates: indonesia },
      },
      {
        type: 'Feature',
        properties: { daratan: 'tetangga' },
        geometry: { type: 'MultiPolygon', coordinates: tetangga },
      },
      ...pulauBernama(islandsCsv, indonesia),
    ],
  };
}

/** The base map from the installed packages. */
export function petaDasarFromPackages(): PetaDasar {
  const countries = JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'),
  ) as Topology;
  const islands = readFileSync(require.resolve('idn-area-data/data/islands.csv'), 'utf8');
  return buildPetaDasar(countries, islands);
}
