/**
 * MapLibre map of TPS points (or one point per area, with its TPS count). Works with no internet: the
 * base map is Siaga's own (sea, Indonesia's land and its neighbours', the names of the larger islands;
 * made at build time from Natural Earth and idn-area-data, ADR 0018) and is precached by the service
 * worker; a raster tile URL from the server's config is drawn above it when one is configured. The
 * style has no glyphs URL, so MapLibre draws label text with the phone's own fonts. Many TPS points
 * are clustered with their count (MapLibre's GeoJSON clustering); the server already sends one point
 * per area above 5,000 TPS, so the national 435,000 arrive as 38 province points with their counts.
 */
import {
  Map as MapLibreMap,
  NavigationControl,
  setWorkerUrl,
  type ExpressionSpecification,
  type GeoJSONSource,
  type StyleSpecification,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import petaDasarUrl from 'virtual:peta-dasar';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import type { MapResponse } from '../../../contracts/tps';
import { AKSES_COLORS, CAKUPAN_COLORS, KATEGORI_COLORS, TAHAP_COLORS } from './akses-colors';

setWorkerUrl(workerUrl);

/** Above this many TPS points, nearby ones are drawn as one circle with their count (Siaga default). */
const CLUSTER_FROM = 300;
const LABEL_TEXT = '#1d2b33';
const LABEL_HALO = 'rgba(255,255,255,0.85)';

function baseStyle(tileUrl: string | null): StyleSpecification {
  return {
    version: 8,
    sources: {
      peta: { type: 'geojson', data: petaDasarUrl },
      ...(tileUrl ? { tiles: { type: 'raster' as const, tiles: [tileUrl], tileSize: 256 } } : {}),
    },
    layers: [
      { id: 'laut', type: 'background', paint: { 'background-color': '#cfe3ee' } },
      {
        id: 'daratan',
        type: 'fill',
        source: 'peta',
        filter: ['has', 'daratan'],
        paint: {
          'fill-color': ['match', ['get', 'daratan'], 'indonesia', '#f4f1e6', '#e2e2dc'],
          'fill-outline-color': '#9aa9a0',
        },
      },
      ...(tileUrl ? [{ id: 'tiles', type: 'raster' as const, source: 'tiles' }] : []),
      {
        id: 'pulau',
        type: 'symbol',
        source: 'peta',
        filter: ['all', ['has', 'nama'], ['any', ['==', ['get', 'utama'], 1], ['>=', ['zoom'], 5]]],
        layout: {
          'text-field': ['get', 'nama'],
          'text-size': ['case', ['==', ['get', 'utama'], 1], 14, 11],
          'text-letter-spacing': ['case', ['==', ['get', 'utama'], 1], 0.15, 0.05],
          'text-max-width': 8,
        },
        paint: { 'text-color': '#5b6b63', 'text-halo-color': LABEL_HALO, 'text-halo-width': 1.2 },
      },
    ],
  };
}

/** The lines' source and layers, beneath the points: solid, dashed when flagged, and their ends. */
function addGaris(map: MapLibreMap, onPick: (id: string) => void): void {
  map.addSource('garis', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  const line: ExpressionSpecification = ['==', ['geometry-type'], 'LineString'];
  map.addLayer({
    id: 'garis',
    type: 'line',
    source: 'garis',
    filter: ['all', line, ['!', ['get', 'bendera']]],
    layout: { 'line-cap': 'round' },
    paint: { 'line-color': ['get', 'warna'], 'line-width': 4 },
  });
  map.addLayer({
    id: 'garis-bendera',
    type: 'line',
    source: 'garis',
    filter: ['all', line, ['get', 'bendera']],
    paint: { 'line-color': ['get', 'warna'], 'line-width': 4, 'line-dasharray': [2, 1] },
  });
  map.addLayer({
    id: 'garis-ujung',
    type: 'circle',
    source: 'garis',
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-radius': 5,
      'circle-color': '#fff',
      'circle-stroke-color': ['get', 'warna'],
      'circle-stroke-width': 2,
    },
  });
  for (const layer of ['garis', 'garis-bendera']) {
    map.on('click', layer, (e) => {
      const id = e.features?.[0]?.properties?.id as unknown;
      if (typeof id === 'string') onPick(id);
    });
    map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
  }
}

export interface TpsMapProps {
  data: MapResponse;
  /** What the point colour shows: the access mode (registry), the kerawanan category, the voting-day stage. */
  colorBy?: 'akses' | 'kategori' | 'tahap' | 'cakupan';
  tileUrl: string | null;
  label: string;
  onPickTps?: (id: string) => void;
  onPickWilayah?: (kode: string) => void;
  /**
   * Lines beneath the points (a logistics leg from its origin to its destination) and their ends,
   * coloured by the feature's `warna`; a line whose `bendera` is true is dashed.
   */
  garis?: GarisCollection;
  onPickGaris?: (id: string) => void;
}

export interface GarisCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry:
      | { type: 'LineString'; coordinates: [number, number][] }
      | { type: 'Point'; coordinates: [number, number] };
    properties: { id: string; warna: string; bendera: boolean };
  }[];
}

export default function TpsMap({
  data,
  colorBy = 'akses',
  tileUrl,
  label,
  onPickTps,
  onPickWilayah,
  garis,
  onPickGaris,
}: TpsMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const handlers = useRef({ onPickTps, onPickWilayah, onPickGaris });
  handlers.current = { onPickTps, onPickWilayah, onPickGaris };
  const clustered = data.mode === 'tps' && data.geojson.features.length > CLUSTER_FROM;

  useEffect(() => {
    if (!container.current) return;
    const map = new MapLibreMap({
      container: container.current,
      style: baseStyle(tileUrl),
      center: [118, -2],
      zoom: 3.5,
      attributionControl: false,
    });
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    // 'style.load', not 'load': the points need not wait for the base map's file to be parsed.
    map.on('style.load', () => {
      addGaris(map, (id) => handlers.current.onPickGaris?.(id));
      map.addSource('points', {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: [] },
        cluster: clustered,
        clusterRadius: 40,
        clusterMaxZoom: 12,
      });
      map.addLayer({
        id: 'tps',
        type: 'circle',
        source: 'points',
        filter: ['all', ['has', 'nomor'], ['!', ['has', 'point_count']]],
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 3, 14, 8],
          'circle-color':
            colorBy === 'cakupan'
              ? ['match', ['get', 'cakupan'], 'terjaga', CAKUPAN_COLORS.terjaga, CAKUPAN_COLORS.kurang]
              : colorBy === 'tahap'
                ? [
                    'match',
                    ['get', 'tahap'],
                    'petugas_hadir',
                    TAHAP_COLORS.petugas_hadir,
                    'logistik_lengkap',
                    TAHAP_COLORS.logistik_lengkap,
                    'dibuka',
                    TAHAP_COLORS.dibuka,
                    'pemungutan',
                    TAHAP_COLORS.pemungutan,
                    'ditutup',
                    TAHAP_COLORS.ditutup,
                    'penghitungan_selesai',
                    TAHAP_COLORS.penghitungan_selesai,
                    TAHAP_COLORS.belum_lapor,
                  ]
                : colorBy === 'kategori'
                  ? [
                      'match',
                      ['get', 'kategori'],
                      'sangat_rawan',
                      KATEGORI_COLORS.sangat_rawan,
                      'rawan',
                      KATEGORI_COLORS.rawan,
                      'khusus',
                      KATEGORI_COLORS.khusus,
                      'kurang_rawan',
                      KATEGORI_COLORS.kurang_rawan,
                      KATEGORI_COLORS.belum,
                    ]
                  : [
                      'match',
                      ['get', 'akses'],
                      'sungai',
                      AKSES_COLORS.sungai,
                      'laut',
                      AKSES_COLORS.laut,
                      'udara',
                      AKSES_COLORS.udara,
                      AKSES_COLORS.darat,
                    ],
          'circle-stroke-color': '#111',
          'circle-stroke-width': ['case', ['to-boolean', ['get', 'lokasiKhusus']], 3, 0.5],
        },
      });
      map.addLayer({
        id: 'wilayah',
        type: 'circle',
        source: 'points',
        filter: ['has', 'tps'],
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'tps']], 0, 6, 150, 30],
          'circle-color': '#1b6ca8',
          'circle-opacity': 0.6,
          'circle-stroke-color': '#0b3c5d',
          'circle-stroke-width': 1.5,
        },
      });
      map.addLayer({
        id: 'gugus',
        type: 'circle',
        source: 'points',
        filter: ['has', 'point_count'],
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'point_count']], 1, 12, 40, 28],
          'circle-color': '#1b6ca8',
          'circle-opacity': 0.75,
          'circle-stroke-color': '#0b3c5d',
          'circle-stroke-width': 1.5,
        },
      });
      // Counts on clusters and on the areas' points (their TPS), written the Indonesian way.
      map.addLayer({
        id: 'jumlah',
        type: 'symbol',
        source: 'points',
        filter: ['any', ['has', 'point_count'], ['has', 'tps']],
        layout: {
          'text-field': [
            'number-format',
            ['coalesce', ['get', 'point_count'], ['get', 'tps']],
            { locale: 'id-ID' },
          ],
          'text-size': 12,
          'text-allow-overlap': true,
        },
        paint: { 'text-color': LABEL_TEXT, 'text-halo-color': LABEL_HALO, 'text-halo-width': 1.5 },
      });
      map.on('click', 'gugus', (e) => {
        const feature = e.features?.[0];
        const clusterId = feature?.properties?.cluster_id as unknown;
        if (typeof clusterId !== 'number' || feature?.geometry.type !== 'Point') return;
        const center = feature.geometry.coordinates as [number, number];
        void map
          .getSource<GeoJSONSource>('points')
          ?.getClusterExpansionZoom(clusterId)
          .then((zoom) => map.easeTo({ center, zoom }));
      });
      map.on('click', 'tps', (e) => {
        const id = e.features?.[0]?.properties?.id as unknown;
        if (typeof id === 'string') handlers.current.onPickTps?.(id);
      });
      map.on('click', 'wilayah', (e) => {
        const kode = e.features?.[0]?.properties?.kode as unknown;
        if (typeof kode === 'string') handlers.current.onPickWilayah?.(kode);
      });
      for (const layer of ['tps', 'wilayah', 'gugus']) {
        map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
        map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
      }
      mapRef.current = map;
    });
    return () => {
      mapRef.current = null;
      map.remove();
    };
    // The map is made again only when what it draws changes kind, not on every refresh of the data.
  }, [tileUrl, colorBy, clustered]);

  useEffect(() => {
    const apply = (map: MapLibreMap) => {
      void map.getSource<GeoJSONSource>('points')?.setData(data.geojson);
      if (garis) void map.getSource<GeoJSONSource>('garis')?.setData(garis);
      if (data.bbox) {
        const [minLon, minLat, maxLon, maxLat] = data.bbox;
        map.fitBounds(
          [
            [minLon, minLat],
            [maxLon, maxLat],
          ],
          { padding: 40, maxZoom: 15, duration: 0 },
        );
      }
      container.current?.setAttribute('data-loaded', 'true');
    };
    const map = mapRef.current;
    if (map) {
      apply(map);
      return;
    }
    const timer = setInterval(() => {
      if (mapRef.current) {
        clearInterval(timer);
        apply(mapRef.current);
      }
    }, 50);
    return () => clearInterval(timer);
  }, [data, garis]);

  return <div ref={container} className="map" role="region" aria-label={label} data-testid="map" />;
}
