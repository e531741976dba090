import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditApi } from '../../../contracts/routes/audit';
import { actorOf } from '../../http/auth';
import { routesOn } from '../../http/route';
import type { AuditService } from './audit.service';

export function auditRoutes(deps: { audit: AuditService }): FastifyPluginAsyncZod {
  return async (app) => {
    routesOn(app)(auditApi.list, async (request) => deps.audit.list(actorOf(request), request.query));
  };
}
