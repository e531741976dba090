/**
 * The route table: every route of the API, by module (ADR 0020). The server registers each from its
 * declaration; the web calls each through it; route-table.test.ts proves the app serves exactly these.
 */
import type { RouteSpec } from '../route';
import { anevApi } from './anev';
import { auditApi } from './audit';
import { authApi } from './auth';
import { hariHApi } from './hari-h';
import { kampanyeApi } from './kampanye';
import { kejadianApi } from './kejadian';
import { kerawananApi } from './kerawanan';
import { koordinasiApi } from './koordinasi';
import { laporanApi } from './laporan';
import { liveApi } from './live';
import { logistikApi } from './logistik';
import { medsosApi } from './medsos';
import { netralitasApi } from './netralitas';
import { pemilihanApi } from './pemilihan';
import { patroliApi } from './patroli';
import { pengamananApi } from './pengamanan';
import { petugasApi } from './petugas';
import { rekapitulasiApi } from './rekapitulasi';
import { smsApi } from './sms';
import { systemApi } from './system';
import { tpsApi } from './tps';
import { usersApi } from './users';
import { wilayahApi } from './wilayah';

export const API = {
  anev: anevApi,
  audit: auditApi,
  auth: authApi,
  hariH: hariHApi,
  kampanye: kampanyeApi,
  kejadian: kejadianApi,
  kerawanan: kerawananApi,
  koordinasi: koordinasiApi,
  laporan: laporanApi,
  live: liveApi,
  logistik: logistikApi,
  medsos: medsosApi,
  netralitas: netralitasApi,
  pemilihan: pemilihanApi,
  patroli: patroliApi,
  pengamanan: pengamananApi,
  petugas: petugasApi,
  rekapitulasi: rekapitulasiApi,
  sms: smsApi,
  system: systemApi,
  tps: tpsApi,
  users: usersApi,
  wilayah: wilayahApi,
} satisfies Record<string, Record<string, RouteSpec>>;

/** Every declaration of the table. */
export const ALL_ROUTES: readonly RouteSpec[] = Object.values(API).flatMap(
  (routes: Record<string, RouteSpec>) => Object.values(routes),
);
