import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, KodeWilayah } from '../../../contracts/common';
import {
  WilayahChildrenQuery,
  WilayahChildrenResponse,
  WilayahDetail,
  WilayahSearchQuery,
  WilayahSearchResponse,
} from '../../../contracts/wilayah';
import { actorOf } from '../../http/auth';
import type { WilayahService } from './wilayah.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function wilayahRoutes(deps: { wilayah: WilayahService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/wilayah',
      {
        schema: {
          tags: ['wilayah'],
          summary: 'Anak wilayah (tanpa parent: provinsi) dengan jumlah TPS dan DPT',
          querystring: WilayahChildrenQuery,
          response: { 200: WilayahChildrenResponse, ...errors },
        },
      },
      async (request) => ({ items: await deps.wilayah.children(actorOf(request), request.query.parent) }),
    );

    app.get(
      '/wilayah/search',
      {
        schema: {
          tags: ['wilayah'],
          summary: 'Cari wilayah menurut nama atau kode',
          querystring: WilayahSearchQuery,
          response: { 200: WilayahSearchResponse, ...errors },
        },
      },
      async (request) => ({
        items: await deps.wilayah.search(actorOf(request), request.query.q, request.query.limit),
      }),
    );

    app.get(
      '/wilayah/:kode',
      {
        schema: {
          tags: ['wilayah'],
          summary: 'Satu wilayah dengan leluhur dan ringkasannya',
          params: z.object({ kode: KodeWilayah }),
          response: { 200: WilayahDetail, ...errors },
        },
      },
      async (request) => deps.wilayah.get(actorOf(request), request.params.kode),
    );
  };
}
