/** Recapitulation venues: where and when each PPK and the KPU kab/kota recapitulate, and who guards them. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  RekapList,
  RekapLokasiInput,
  RekapParams,
  RekapQuery,
  RekapVenue,
} from '../../../contracts/rekapitulasi';
import { actorOf } from '../../http/auth';
import { ERROR_RESPONSES } from '../../../contracts/common';
import { pemilihanOf } from '../../http/pemilihan';
import type { RekapitulasiService } from './rekapitulasi.service';

export function rekapitulasiRoutes(deps: { rekapitulasi: RekapitulasiService }): FastifyPluginAsyncZod {
  const tags = ['rekapitulasi'];
  return async (app) => {
    app.get(
      '/rekapitulasi/:kode',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Lokasi, waktu dan pengamanan rekapitulasi PPK dan KPU kabupaten/kota',
          params: RekapParams,
          querystring: RekapQuery,
          response: { 200: RekapList, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.rekapitulasi.list(actorOf(request), pemilihanOf(request), request.params.kode),
    );
    app.put(
      '/rekapitulasi/:kode',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Tetapkan lokasi, waktu dan kebutuhan personel rekapitulasi satu kecamatan atau kab/kota',
          params: RekapParams,
          querystring: RekapQuery,
          body: RekapLokasiInput,
          response: { 200: RekapVenue, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        deps.rekapitulasi.put(actorOf(request), pemilihanOf(request), request.params.kode, request.body),
    );
  };
}
