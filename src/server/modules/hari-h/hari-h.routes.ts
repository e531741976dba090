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
import { actorOf } from '../../http/auth';
import type { HariHService } from './hari-h.service';

const tags = ['hari-h'];

export function hariHRoutes(deps: { hariH: HariHService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/hari-h/status',
      {
        schema: {
          tags,
          summary: 'Laporkan tahap dan jumlah pemilih satu TPS (sekali per clientId)',
          body: TpsStatusInput,
          response: { 200: TpsStatusResult, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.hariH.report(actorOf(request), request.body),
    );
    app.post(
      '/hari-h/situasi',
      {
        schema: {
          tags,
          summary: 'Laporkan situasi keamanan satu TPS: kondusif, waspada, genting (sekali per clientId)',
          body: TpsSituasiInput,
          response: { 200: TpsSituasiResult, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.hariH.reportSituasi(actorOf(request), request.body),
    );
    app.get(
      '/hari-h/rekap',
      {
        schema: {
          tags,
          summary: 'Rekap nasional per provinsi (dari agregat terpelihara)',
          response: { 200: RekapResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.hariH.rekap(actorOf(request), null),
    );
    app.get(
      '/hari-h/rekap/:kode',
      {
        schema: {
          tags,
          summary: 'Rekap satu wilayah dan wilayah di bawahnya (dari agregat terpelihara)',
          params: RekapParams,
          response: { 200: RekapResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.hariH.rekap(actorOf(request), request.params.kode),
    );
    app.get(
      '/hari-h/tps/:kode',
      {
        schema: {
          tags,
          summary: 'Status setiap TPS di satu wilayah',
          params: RekapParams,
          response: { 200: TpsStatusList, ...ERROR_RESPONSES },
        },
      },
      async (request) => deps.hariH.tpsStatus(actorOf(request), request.params.kode),
    );
  };
}
