import { IdParams } from '../common';
import {
  Netralitas,
  NetralitasAksiInput,
  NetralitasInput,
  NetralitasList,
  NetralitasQuery,
} from '../netralitas';
import { routeGroup } from '../route';

const route = routeGroup(['netralitas']);

export const netralitasApi = {
  list: route({
    method: 'GET',
    path: '/netralitas',
    permission: 'netralitas:read',
    summary: 'Aduan netralitas ASN, lurah, kepala desa, Polri dan TNI dengan tenggat berikutnya',
    pemilihan: 'read',
    query: NetralitasQuery,
    response: NetralitasList,
  }),
  get: route({
    method: 'GET',
    path: '/netralitas/:id',
    permission: 'netralitas:read',
    summary: 'Rincian aduan netralitas: jalur, langkah dan tenggatnya',
    pemilihan: 'read',
    params: IdParams,
    response: Netralitas,
  }),
  create: route({
    method: 'POST',
    path: '/netralitas',
    permission: 'netralitas:handle',
    summary: 'Catat aduan netralitas (laporan atau temuan Bawaslu; sekali per clientId)',
    pemilihan: 'write',
    body: NetralitasInput,
    response: Netralitas,
  }),
  aksi: route({
    method: 'POST',
    path: '/netralitas/:id/aksi',
    permission: 'netralitas:handle',
    summary:
      'Langkah berikut: minta keterangan, putus kajian, teruskan ke penyidik, limpahkan, catat putusan',
    pemilihan: 'write',
    params: IdParams,
    body: NetralitasAksiInput,
    response: Netralitas,
  }),
};
