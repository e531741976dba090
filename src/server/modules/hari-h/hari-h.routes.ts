import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ERROR_RESPONSES } from '../../../contracts/common';
import {
  RekapParams,
  RekapResponse,
  TpsSituasiInput,
  TpsSituasiResult,
  TpsStatusInput,
  TpsStatusList,
  TpsStatusResult,
} from '../../../contracts/hari-h';
import { PemilihanQuery } from '../../../contracts/pemilihan';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import type { HariHService } from './hari-h.service';

const tags = ['hari-h'];

export function hariHRoutes(deps: { hariH: HariHService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/hari-h/status',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          querystring: PemilihanQuery,
          summary: 'Laporkan tahap dan jumlah pemilih satu TPS (sekali per clientId)',
          body: TpsStatusInput,
          response: { 200: TpsStatusResult, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.hariH.report(actorOf(request), pemilihanOf(request), request.body),
    );
    app.post(
      '/hari-h/situasi',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          querystring: PemilihanQuery,
          summary: 'Laporkan situasi keamanan satu TPS: kondusif, waspada, genting (sekali per clientId)',
          body: TpsSituasiInput,
          response: { 200: TpsSituasiResult, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.hariH.reportSituasi(actorOf(request), pemilihanOf(request), request.body),
    );
    app.get(
      '/hari-h/rekap',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          querystring: PemilihanQuery,
          summary: 'Rekap nasional per provinsi (dari agregat terpelihara)',
          response: { 200: RekapResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.hariH.rekap(actorOf(request), pemilihanOf(request), null),
    );
    app.get(
      '/hari-h/rekap/:kode',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          querystring: PemilihanQuery,
          summary: 'Rekap satu wilayah dan wilayah di bawahnya (dari agregat terpelihara)',
          params: RekapParams,
          response: { 200: RekapResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.hariH.rekap(actorOf(request), pemilihanOf(request), request.params.kode),
    );
    app.get(
      '/hari-h/tps/:kode',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          querystring: PemilihanQuery,
          summary: 'Status setiap TPS di satu wilayah',
          params: RekapParams,
          response: { 200: TpsStatusList, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.hariH.tpsStatus(actorOf(request), pemilihanOf(request), request.params.kode),
    );
  };
}
