import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ERROR_RESPONSES, IdParams } from '../../../contracts/common';
import {
  Netralitas,
  NetralitasAksiInput,
  NetralitasInput,
  NetralitasList,
  NetralitasQuery,
} from '../../../contracts/netralitas';
import { PemilihanQuery } from '../../../contracts/pemilihan';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import type { NetralitasService } from './netralitas.service';

const tags = ['netralitas'];

export function netralitasRoutes(deps: { netralitas: NetralitasService }): FastifyPluginAsyncZod {
  const n = deps.netralitas;
  return async (app) => {
    app.get(
      '/netralitas',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Aduan netralitas ASN, lurah, kepala desa, Polri dan TNI dengan tenggat berikutnya',
          querystring: NetralitasQuery.extend(PemilihanQuery.shape),
          response: { 200: NetralitasList, ...ERROR_RESPONSES },
        },
      },
      async (request) => n.list(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    app.get(
      '/netralitas/:id',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Rincian aduan netralitas: jalur, langkah dan tenggatnya',
          querystring: PemilihanQuery,
          params: IdParams,
          response: { 200: Netralitas, ...ERROR_RESPONSES },
        },
      },
      async (request) => n.get(actorOf(request), pemilihanOf(request), request.params.id),
    );
    app.post(
      '/netralitas',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Catat aduan netralitas (laporan atau temuan Bawaslu; sekali per clientId)',
          querystring: PemilihanQuery,
          body: NetralitasInput,
          response: { 200: Netralitas, ...ERROR_RESPONSES },
        },
      },
      async (request) => n.create(actorOf(request), pemilihanOf(request), request.body),
    );
    app.post(
      '/netralitas/:id/aksi',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary:
            'Langkah berikut: minta keterangan, putus kajian, teruskan ke penyidik, limpahkan, catat putusan',
          querystring: PemilihanQuery,
          params: IdParams,
          body: NetralitasAksiInput,
          response: { 200: Netralitas, ...ERROR_RESPONSES },
        },
      },
      async (request) => n.act(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
  };
}
