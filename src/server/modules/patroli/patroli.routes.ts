import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_RESPONSES, IdParams, Uuid } from '../../../contracts/common';
import {
  Cakupan,
  CakupanQuery,
  LogParams,
  Patroli,
  PatroliInput,
  PatroliList,
  PatroliLogInput,
  PatroliLogResult,
  PatroliQuery,
} from '../../../contracts/patroli';
import { PemilihanQuery } from '../../../contracts/pemilihan';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import type { PatroliService } from './patroli.service';

const tags = ['patroli'];

export function patroliRoutes(deps: { patroli: PatroliService }): FastifyPluginAsyncZod {
  const p = deps.patroli;
  return async (app) => {
    app.get(
      '/patroli',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Patroli bersama di wilayah Anda (rute hanya bagi unsur pengamanan dan Forkopimda)',
          querystring: PatroliQuery.extend(PemilihanQuery.shape),
          response: { 200: PatroliList, ...ERROR_RESPONSES },
        },
      },
      async (request) => p.list(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    app.get(
      '/patroli/cakupan',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Kelurahan rawan yang dilewati patroli dalam sepekan (Senin sampai Senin)',
          querystring: CakupanQuery.extend(PemilihanQuery.shape),
          response: { 200: Cakupan, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        p.cakupan(actorOf(request), pemilihanOf(request), request.query.wilayah, request.query.minggu),
    );
    app.get(
      '/patroli/:id',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Rincian patroli; rute dan catatan hanya bagi yang berhak (need-to-know)',
          querystring: PemilihanQuery,
          params: IdParams,
          response: { 200: Patroli, ...ERROR_RESPONSES },
        },
      },
      async (request) => p.get(actorOf(request), pemilihanOf(request), request.params.id),
    );
    app.post(
      '/patroli',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Rencanakan patroli bersama (sekali per clientId)',
          querystring: PemilihanQuery,
          body: PatroliInput,
          response: { 200: Patroli, ...ERROR_RESPONSES },
        },
      },
      async (request) => p.create(actorOf(request), pemilihanOf(request), request.body),
    );
    app.post(
      '/patroli/:id/log',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Catatan patroli dari ponsel: mulai, titik, temuan (bisa langsung jadi kejadian), selesai',
          querystring: PemilihanQuery,
          params: IdParams,
          body: PatroliLogInput,
          response: { 200: PatroliLogResult, ...ERROR_RESPONSES },
        },
      },
      async (request) => p.log(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    app.post(
      '/patroli/:id/log/:logId/kejadian',
      {
        config: { pemilihan: 'write' },
        schema: {
          tags,
          summary: 'Jadikan temuan patroli sebuah kejadian (sekali; temuan menyimpan id kejadiannya)',
          querystring: PemilihanQuery,
          params: LogParams,
          response: { 200: z.object({ kejadianId: Uuid }), ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        p.jadikanKejadian(actorOf(request), pemilihanOf(request), request.params.id, request.params.logId),
    );
  };
}
