/** Readiness and the public configuration: no session needed. */
import { HealthResponse, PublicConfig } from '../system';
import { routeGroup } from '../route';

const route = routeGroup(['system']);

export const systemApi = {
  health: route({
    method: 'GET',
    path: '/health',
    public: true,
    summary: 'Kesiapan layanan: 200 bila basis data menjawab, 503 dengan alasannya bila tidak',
    response: HealthResponse,
    responses: { 503: HealthResponse },
  }),
  config: route({
    method: 'GET',
    path: '/config',
    public: true,
    summary: 'Pengaturan publik untuk aplikasi web',
    response: PublicConfig,
  }),
};
