/** The audit trail. */
import { AuditListQuery, AuditPage } from '../audit';
import { routeGroup } from '../route';

const route = routeGroup(['audit']);

export const auditApi = {
  list: route({
    method: 'GET',
    path: '/audit',
    permission: 'audit:read',
    summary: 'Jejak audit dalam cakupan, terbaru dulu',
    query: AuditListQuery,
    response: AuditPage,
  }),
};
