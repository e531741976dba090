/** Voting day's routes: TPS stage and security reports, the maintained roll-up, each TPS's status. */
import {
  RekapParams,
  RekapResponse,
  TpsSituasiInput,
  TpsSituasiResult,
  TpsStatusInput,
  TpsStatusList,
  TpsStatusResult,
} from '../hari-h';
import { routeGroup } from '../route';

const route = routeGroup(['hari-h']);

export const hariHApi = {
  status: route({
    method: 'POST',
    path: '/hari-h/status',
    permission: 'hari_h:report',
    summary: 'Laporkan tahap dan jumlah pemilih satu TPS (sekali per clientId)',
    pemilihan: 'write',
    body: TpsStatusInput,
    response: TpsStatusResult,
  }),
  situasi: route({
    method: 'POST',
    path: '/hari-h/situasi',
    permission: 'hari_h:report',
    summary: 'Laporkan situasi keamanan satu TPS: kondusif, waspada, genting (sekali per clientId)',
    pemilihan: 'write',
    body: TpsSituasiInput,
    response: TpsSituasiResult,
  }),
  rekapNasional: route({
    method: 'GET',
    path: '/hari-h/rekap',
    permission: 'laporan:read',
    summary: 'Rekap nasional per provinsi (dari agregat terpelihara)',
    pemilihan: 'read',
    response: RekapResponse,
  }),
  rekap: route({
    method: 'GET',
    path: '/hari-h/rekap/:kode',
    permission: 'laporan:read',
    summary: 'Rekap satu wilayah dan wilayah di bawahnya (dari agregat terpelihara)',
    pemilihan: 'read',
    params: RekapParams,
    response: RekapResponse,
  }),
  tps: route({
    method: 'GET',
    path: '/hari-h/tps/:kode',
    permission: 'laporan:read',
    summary: 'Status setiap TPS di satu wilayah',
    pemilihan: 'read',
    params: RekapParams,
    response: TpsStatusList,
  }),
};
