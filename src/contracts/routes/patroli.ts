/** Joint patrols' routes (ADR 0020): planned by the Forkopimda, run from a phone, their week's coverage. */
import { IdParams } from '../common';
import {
  Cakupan,
  CakupanQuery,
  KejadianDariTemuan,
  LogParams,
  Patroli,
  PatroliInput,
  PatroliList,
  PatroliLogInput,
  PatroliLogResult,
  PatroliQuery,
} from '../patroli';
import { routeGroup } from '../route';

const route = routeGroup(['patroli']);

export const patroliApi = {
  list: route({
    method: 'GET',
    path: '/patroli',
    permission: 'patroli:read',
    summary: 'Patroli bersama di wilayah Anda (rute hanya bagi unsur pengamanan dan Forkopimda)',
    pemilihan: 'read',
    query: PatroliQuery,
    response: PatroliList,
  }),
  cakupan: route({
    method: 'GET',
    path: '/patroli/cakupan',
    permission: 'patroli:read',
    summary: 'Kelurahan rawan yang dilewati patroli dalam sepekan (Senin sampai Senin)',
    pemilihan: 'read',
    query: CakupanQuery,
    response: Cakupan,
  }),
  get: route({
    method: 'GET',
    path: '/patroli/:id',
    permission: 'patroli:read',
    summary: 'Rincian patroli; rute dan catatan hanya bagi yang berhak (need-to-know)',
    pemilihan: 'read',
    params: IdParams,
    response: Patroli,
  }),
  create: route({
    method: 'POST',
    path: '/patroli',
    permission: 'patroli:plan',
    summary: 'Rencanakan patroli bersama (sekali per clientId)',
    pemilihan: 'write',
    body: PatroliInput,
    response: Patroli,
  }),
  log: route({
    method: 'POST',
    path: '/patroli/:id/log',
    permission: 'patroli:run',
    summary: 'Catatan patroli dari ponsel: mulai, titik, temuan (bisa langsung jadi kejadian), selesai',
    pemilihan: 'write',
    params: IdParams,
    body: PatroliLogInput,
    response: PatroliLogResult,
  }),
  jadikanKejadian: route({
    method: 'POST',
    path: '/patroli/:id/log/:logId/kejadian',
    permission: 'patroli:run',
    summary: 'Jadikan temuan patroli sebuah kejadian (sekali; temuan menyimpan id kejadiannya)',
    pemilihan: 'write',
    params: LogParams,
    response: KejadianDariTemuan,
  }),
};
