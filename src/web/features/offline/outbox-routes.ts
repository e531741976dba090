/**
 * The routes a submission may be filed through while offline, from the route table: an outbox item's
 * request is built from one of them (so its path, election and body are the route's), and its answer
 * is read through the route's response schema when it arrives, however late (ADR 0020).
 */
import { z } from 'zod';
import { WithWarnings, type Warning } from '../../../contracts/common';
import type { RouteInput, RouteSpec } from '../../../contracts/route';
import { hariHApi } from '../../../contracts/routes/hari-h';
import { kejadianApi } from '../../../contracts/routes/kejadian';
import { kerawananApi } from '../../../contracts/routes/kerawanan';
import { koordinasiApi } from '../../../contracts/routes/koordinasi';
import { laporanApi } from '../../../contracts/routes/laporan';
import { logistikApi } from '../../../contracts/routes/logistik';
import { patroliApi } from '../../../contracts/routes/patroli';
import { petugasApi } from '../../../contracts/routes/petugas';
import { urlOf } from '../../api/client';
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

export type OutboxRoute = keyof typeof OUTBOX_ROUTES;

/** Marks a later request's path parameter as the id the item's first answer gives. */
export const FIRST_ANSWER_ID = '{id}';

type OutboxInput<S extends RouteSpec> = S extends { upload: 'raw' }
  ? Omit<RouteInput<S>, 'body'> & { file: { bytes: ArrayBuffer; type: string } }
  : RouteInput<S>;

/** One request of an outbox item: the route's URL for the chosen election, its body as the route takes it. */
export function outboxRequest<K extends OutboxRoute>(
  route: K,
  input: OutboxInput<(typeof OUTBOX_ROUTES)[K]>,
): OutboxRequest {
  const spec: RouteSpec = OUTBOX_ROUTES[route];
  const { file, body, ...rest } = input as { file?: OutboxRequest['file']; body?: unknown };
  const path = (urlOf as (spec: RouteSpec, input: unknown) => string)(spec, rest).replaceAll(
    encodeURIComponent(FIRST_ANSWER_ID),
    FIRST_ANSWER_ID,
  );
  return {
    route,
    method: spec.method as OutboxRequest['method'],
    path,
    ...(file ? { file } : { body }),
  };
}

/** The answer of an outbox request, read through its route's schema (unchanged when it has none). */
export function outboxAnswer(request: OutboxRequest, body: unknown): unknown {
  const spec: RouteSpec | undefined =
    request.route !== undefined && request.route in OUTBOX_ROUTES
      ? OUTBOX_ROUTES[request.route as OutboxRoute]
      : undefined;
  const parsed = (spec?.response ?? z.unknown()).safeParse(body);
  return parsed.success ? parsed.data : body;
}

/** What the server warned of in an answer (a skipped stage, a turnout beyond the DPT); [] if nothing. */
export function warningsOf(answer: unknown): Warning[] {
  const parsed = WithWarnings.safeParse(answer);
  return parsed.success ? parsed.data.warnings : [];
}
