/** The [minLon, minLat, maxLon, maxLat] box around [lon, lat] points (GeoJSON order), or null for none. */
export function boundingBox(
  points: Iterable<readonly [number, number]>,
): [number, number, number, number] | null {
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  return minLon === Infinity ? null : [minLon, minLat, maxLon, maxLat];
}
