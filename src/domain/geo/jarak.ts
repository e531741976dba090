/**
 * Distances on the ground between points and routes, in metres. A local flat projection
 * (equirectangular around the points' mean latitude) is accurate to well under a metre over the few
 * kilometres a rally or a convoy covers, which is all these rules ask.
 */

/** [lon, lat] in degrees, GeoJSON order. */
export type Titik = readonly [number, number];

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance between two points (haversine), in metres. */
export function jarakMeter(a: Titik, b: Titik): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Distance from point `p` to the segment a–b, in metres (flat projection around the three points). */
export function jarakKeRuas(p: Titik, a: Titik, b: Titik): number {
  const lat0 = ((p[1] + a[1] + b[1]) / 3) * RAD;
  const toXy = (t: Titik): [number, number] => [
    t[0] * RAD * Math.cos(lat0) * EARTH_RADIUS_M,
    t[1] * RAD * EARTH_RADIUS_M,
  ];
  const [px, py] = toXy(p);
  const [ax, ay] = toXy(a);
  const [bx, by] = toXy(b);
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * The least distance between two places, each a point (one element) or a route (a polyline of two
 * or more), in metres. Two polylines are compared vertex to segment both ways, which is exact unless
 * two segments cross between vertices; a crossing is caught by the segments' own intersection test.
 */
export function jarakTempat(a: readonly Titik[], b: readonly Titik[]): number {
  if (a.length === 0 || b.length === 0) return Infinity;
  if (crosses(a, b)) return 0;
  return Math.min(pointsToLine(a, b), pointsToLine(b, a));
}

function pointsToLine(points: readonly Titik[], line: readonly Titik[]): number {
  let best = Infinity;
  for (const p of points) {
    if (line.length === 1) best = Math.min(best, jarakMeter(p, line[0]!));
    for (let i = 1; i < line.length; i += 1) best = Math.min(best, jarakKeRuas(p, line[i - 1]!, line[i]!));
  }
  return best;
}

function crosses(a: readonly Titik[], b: readonly Titik[]): boolean {
  for (let i = 1; i < a.length; i += 1)
    for (let j = 1; j < b.length; j += 1) if (segmentsCross(a[i - 1]!, a[i]!, b[j - 1]!, b[j]!)) return true;
  return false;
}

function orientation(p: Titik, q: Titik, r: Titik): number {
  return Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
}

function segmentsCross(p1: Titik, p2: Titik, q1: Titik, q2: Titik): boolean {
  const o1 = orientation(p1, p2, q1);
  const o2 = orientation(p1, p2, q2);
  const o3 = orientation(q1, q2, p1);
  const o4 = orientation(q1, q2, p2);
  return o1 !== o2 && o3 !== o4 && o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0;
}
