/** The TPS registry: lists, map, export, one TPS, its changes and the import of a KPU file. */
import { z } from 'zod';
import { ErrorResponse, IdParams } from '../common';
import {
  MapQuery,
  MapResponse,
  Tps,
  TPS_EXPORT_CONTENT_TYPES,
  TpsCreateInput,
  TpsExportQuery,
  TpsImportResult,
  TpsListQuery,
  TpsPage,
  TpsUpdateInput,
} from '../tps';
import { routeGroup } from '../route';

const route = routeGroup(['tps']);

export const tpsApi = {
  list: route({
    method: 'GET',
    path: '/tps',
    permission: 'tps:read',
    summary: 'Daftar TPS dalam cakupan, berhalaman',
    query: TpsListQuery,
    response: TpsPage,
  }),
  map: route({
    method: 'GET',
    path: '/tps/map',
    permission: 'tps:read',
    summary: 'Titik TPS (atau titik per wilayah bila terlalu banyak) untuk peta',
    query: MapQuery,
    response: MapResponse,
  }),
  export: route({
    method: 'GET',
    path: '/tps/export',
    permission: 'tps:read',
    summary: 'Ekspor TPS sebagai CSV, XLSX atau GeoJSON',
    query: TpsExportQuery,
    produces: Object.values(TPS_EXPORT_CONTENT_TYPES),
  }),
  get: route({
    method: 'GET',
    path: '/tps/:id',
    permission: 'tps:read',
    summary: 'Satu TPS',
    params: IdParams,
    response: Tps,
  }),
  create: route({
    method: 'POST',
    path: '/tps',
    permission: 'tps:write',
    summary: 'Tambah TPS',
    body: TpsCreateInput,
    response: Tps,
    responses: { 201: Tps },
  }),
  update: route({
    method: 'PATCH',
    path: '/tps/:id',
    permission: 'tps:write',
    summary: 'Ubah TPS (dengan versi yang terakhir dilihat)',
    params: IdParams,
    body: TpsUpdateInput,
    response: Tps,
  }),
  import: route({
    method: 'POST',
    path: '/tps/import',
    permission: 'tps:import',
    summary:
      'Impor TPS dari XLSX/CSV (multipart: wilayah, file). Semua baris masuk atau tidak sama sekali. ' +
      'Dengan Accept: application/x-ndjson jawabannya aliran kemajuan yang diakhiri baris done atau error.',
    upload: 'multipart',
    headers: z.object({ 'idempotency-key': z.string().min(8).max(200).optional() }).passthrough(),
    response: TpsImportResult,
    responses: { 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse },
  }),
};
