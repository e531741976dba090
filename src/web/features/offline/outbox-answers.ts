/**
 * The routes a submission may be filed through while offline, from the route table, by the name an
 * outbox item keeps in IndexedDB. Its answer is read through the route's response schema when it
 * arrives, however late (ADR 0020). This table imports the contracts of every such route, so it is
 * loaded only when an answer arrives (outbox-browser.ts), never with the first page: a page passes
 * its own route's spec to `outboxRequest` (issue 14's budget of 150 kB on a field page's first load).
 */
import { z } from 'zod';
import type { RouteSpec } from '../../../contracts/route';
import { hariHApi } from '../../../contracts/routes/hari-h';
import { kejadianApi } from '../../../contracts/routes/kejadian';
import { kerawananApi } from '../../../contracts/routes/kerawanan';
import { koordinasiApi } from '../../../contracts/routes/koordinasi';
import { laporanApi } from '../../../contracts/routes/laporan';
import { logistikApi } from '../../../contracts/routes/logistik';
import { patroliApi } from '../../../contracts/routes/patroli';
import { petugasApi } from '../../../contracts/routes/petugas';
import type { OutboxRequest } from './outbox';

export const OUTBOX_ROUTES = {
  'hari-h.status': hariHApi.status,
  'hari-h.situasi': hariHApi.situasi,
  'kejadian.create': kejadianApi.create,
  'kejadian.foto': kejadianApi.putByIdFoto,
  'kerawanan.checklist': kerawananApi.putChecklist,
  'kerawanan.pengamatan': kerawananApi.postPengamatan,
  'koordinasi.konfirmasi': koordinasiApi.konfirmasiImbauan,
  'laporan.situasi': laporanApi.postSituasi,
  'logistik.serah-terima': logistikApi.serahTerima,
  'logistik.berkas': logistikApi.putBerkas,
  'patroli.log': patroliApi.log,
  'petugas.hadir': petugasApi.hadir,
  'petugas.insiden': petugasApi.insiden,
} satisfies Record<string, RouteSpec & { method: OutboxRequest['method'] }>;

export type OutboxRoutes = typeof OUTBOX_ROUTES;

/** The answer of an outbox request, read through its route's schema (unchanged when it has none). */
export function outboxAnswer(request: OutboxRequest, body: unknown): unknown {
  const spec: RouteSpec | undefined =
    request.route !== undefined && request.route in OUTBOX_ROUTES
      ? OUTBOX_ROUTES[request.route as keyof OutboxRoutes]
      : undefined;
  const parsed = (spec?.response ?? z.unknown()).safeParse(body);
  return parsed.success ? parsed.data : body;
}
