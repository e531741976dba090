/** The live stream: server-sent events of changes in the reader's area (ADR 0007). */
import { routeGroup } from '../route';

const route = routeGroup(['live']);

export const liveApi = {
  stream: route({
    method: 'GET',
    path: '/live',
    // Any signed-in user listens; each event goes only to those whose role and area may see it.
    permission: 'sesi',
    summary: 'Perubahan langsung (server-sent events) di wilayah Anda: status TPS, laporan, kejadian',
    pemilihan: 'read',
    produces: ['text/event-stream'],
  }),
};
