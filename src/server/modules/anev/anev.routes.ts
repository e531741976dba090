import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AnevImportResult, AnevParams, AnevQuery, AnevResponse } from '../../../contracts/anev';
import { ERROR_RESPONSES, ErrorResponse } from '../../../contracts/common';
import { PemilihanQuery } from '../../../contracts/pemilihan';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { readUpload } from '../../http/upload';
import { buildAnevPdf, buildAnevXlsx } from './anev-report';
import type { AnevService } from './anev.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function anevRoutes(deps: { anev: AnevService }): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['anev'];
    app.get(
      '/anev/:kode',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Anev: pemilihan ini dibandingkan dengan pemilihan sebelumnya, per kecamatan',
          params: AnevParams,
          querystring: AnevQuery,
          response: { 200: AnevResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        deps.anev.banding(
          actorOf(request),
          pemilihanOf(request),
          request.params.kode,
          request.query.pembanding,
        ),
    );
    app.get(
      '/anev/:kode/cetak',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Anev untuk rakor evaluasi: PDF (A4) atau XLSX',
          params: AnevParams,
          querystring: AnevQuery.extend({ format: z.enum(['pdf', 'xlsx']).default('pdf') }),
        },
      },
      async (request, reply) => {
        const anev = await deps.anev.banding(
          actorOf(request),
          pemilihanOf(request),
          request.params.kode,
          request.query.pembanding,
        );
        const name = `anev-${request.params.kode}`;
        if (request.query.format === 'xlsx') {
          return reply
            .header('content-type', XLSX)
            .header('content-disposition', `attachment; filename="${name}.xlsx"`)
            .send(await buildAnevXlsx(anev));
        }
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${name}.pdf"`)
          .send(await buildAnevPdf(anev, new Date()));
      },
    );
    app.get(
      '/anev/:kode/templat.xlsx',
      {
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary: 'Templat ringkasan angka pemilihan (satu baris per kecamatan) untuk diisi dan diimpor',
          params: AnevParams,
          querystring: PemilihanQuery,
        },
      },
      async (request, reply) =>
        reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="ringkasan-${request.params.kode}.xlsx"`)
          .send(await deps.anev.templat(actorOf(request), pemilihanOf(request), request.params.kode)),
    );
    app.post(
      '/anev/:kode/ringkasan',
      {
        // Entering the figures of a past election documents an archive: allowed when it is closed.
        config: { pemilihan: 'read' },
        schema: {
          tags,
          summary:
            'Impor ringkasan angka pemilihan dari templat (multipart: file). Semua atau tidak sama sekali; menggantikan angka yang pernah dimasukkan.',
          consumes: ['multipart/form-data'],
          params: AnevParams,
          querystring: PemilihanQuery,
          response: { 200: AnevImportResult, 422: ErrorResponse, ...ERROR_RESPONSES },
        },
      },
      async (request) => {
        const { file } = await readUpload(request);
        return deps.anev.importRingkasan(actorOf(request), pemilihanOf(request), request.params.kode, file);
      },
    );
  };
}
