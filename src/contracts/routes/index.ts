/**
 * The route table: every route of the API, by module (ADR 0020). The server registers each from its
 * declaration; the web calls each through it; route-table.test.ts proves the app serves exactly these.
 */
import type { RouteSpec } from '../route';
import { hariHApi } from './hari-h';
import { kejadianApi } from './kejadian';
import { laporanApi } from './laporan';

export const API = {
  hariH: hariHApi,
  kejadian: kejadianApi,
  laporan: laporanApi,
} satisfies Record<string, Record<string, RouteSpec>>;

/** Every declaration of the table. */
export const ALL_ROUTES: readonly RouteSpec[] = Object.values(API).flatMap(
  (routes: Record<string, RouteSpec>) => Object.values(routes),
);
