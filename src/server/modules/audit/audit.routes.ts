import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditListQuery, AuditPage } from '../../../contracts/audit';
import { ErrorResponse } from '../../../contracts/common';
import { actorOf } from '../../http/auth';
import type { AuditService } from './audit.service';

export function auditRoutes(deps: { audit: AuditService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'Jejak audit dalam cakupan, terbaru dulu',
          querystring: AuditListQuery,
          response: { 200: AuditPage, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request) => deps.audit.list(actorOf(request), request.query),
    );
  };
}
