/**
 * MapLibre map of TPS points (or one point per area). Works with no internet: the default style is a
 * plain background plus Siaga's own GeoJSON; a raster tile URL from the server's config is added
 * underneath when one is configured. No text labels, so no glyphs need fetching.
 */
import {
  Map as MapLibreMap,
  NavigationControl,
  setWorkerUrl,
  type GeoJSONSource,
  type StyleSpecification,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import type { MapResponse } from '../../../contracts/tps';
import { AKSES_COLORS, CAKUPAN_COLORS, KATEGORI_COLORS, TAHAP_COLORS } from './akses-colors';

setWorkerUrl(workerUrl);

function baseStyle(tileUrl: string | null): StyleSpecification {
  return {
    version: 8,
    sources: tileUrl ? { tiles: { type: 'raster', tiles: [tileUrl], tileSize: 256 } } : {},
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef2f3' } },
      ...(tileUrl ? [{ id: 'tiles', type: 'raster' as const, source: 'tiles' }] : []),
    ],
  };
}

export interface TpsMapProps {
  data: MapResponse;
  /** What the point colour shows: the access mode (registry), the kerawanan category, the voting-day stage. */
  colorBy?: 'akses' | 'kategori' | 'tahap' | 'cakupan';
  tileUrl: string | null;
  label: string;
  onPickTps?: (id: string) => void;
  onPickWilayah?: (kode: string) => void;
}

export default function TpsMap({
  data,
  colorBy = 'akses',
  tileUrl,
  label,
  onPickTps,
  onPickWilayah,
}: TpsMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const handlers = useRef({ onPickTps, onPickWilayah });
  handlers.current = { onPickTps, onPickWilayah };

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
    map.on('load', () => {
      map.addSource('points', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({
        id: 'tps',
        type: 'circle',
        source: 'points',
        filter: ['has', 'nomor'],
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
      map.on('click', 'tps', (e) => {
        const id = e.features?.[0]?.properties?.id as unknown;
        if (typeof id === 'string') handlers.current.onPickTps?.(id);
      });
      map.on('click', 'wilayah', (e) => {
        const kode = e.features?.[0]?.properties?.kode as unknown;
        if (typeof kode === 'string') handlers.current.onPickWilayah?.(kode);
      });
      for (const layer of ['tps', 'wilayah']) {
        map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
        map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
      }
      mapRef.current = map;
    });
    return () => {
      mapRef.current = null;
      map.remove();
    };
  }, [tileUrl, colorBy]);

  useEffect(() => {
    const apply = (map: MapLibreMap) => {
      void map.getSource<GeoJSONSource>('points')?.setData(data.geojson);
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
  }, [data]);

  return <div ref={container} className="map" role="region" aria-label={label} data-testid="map" />;
}
