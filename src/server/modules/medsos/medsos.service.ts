/**
 * Media sosial (issue 19): a monitoring officer records a post (idempotent by client id, one record
 * per normalised address and election) with its screenshots as evidence; posts are triaged like
 * incidents, linked to the incidents they cause (through the kejadian service, which also makes one
 * in a step) and followed through takedown requests. Visibility is need-to-know: the medsos
 * permissions and the wilayah scope. Rules: src/domain/medsos/, docs/domain/medsos.md.
 *
 * This file wires the use cases; each lives in its own file (medsos-detail, -catat, -triase, -bukti,
 * -kejadian, -takedown, -impor, -ringkasan), rows become answers in medsos.view.ts.
 */
import { createBuktiUseCases } from './medsos-bukti';
import { createCatatUseCases } from './medsos-catat';
import { createMedsosContext, type MedsosDeps } from './medsos-context';
import { createDetailUseCases } from './medsos-detail';
import { createImporUseCase } from './medsos-impor';
import { createKejadianUseCases } from './medsos-kejadian';
import { createRingkasanUseCases } from './medsos-ringkasan';
import { createTakedownUseCases } from './medsos-takedown';
import { createTriaseUseCase } from './medsos-triase';

export type { MedsosDeps } from './medsos-context';

export function createMedsosService(deps: MedsosDeps) {
  const context = createMedsosContext(deps);
  const detail = createDetailUseCases(context);
  return {
    ...detail,
    ...createCatatUseCases(context, detail.get),
    ...createTriaseUseCase(context, detail.get),
    ...createBuktiUseCases(context),
    ...createKejadianUseCases(context, detail.get),
    ...createTakedownUseCases(context, detail.get),
    ...createImporUseCase(context),
    ...createRingkasanUseCases(deps),
  };
}
export type MedsosService = ReturnType<typeof createMedsosService>;
