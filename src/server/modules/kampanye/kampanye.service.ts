/**
 * Campaign events, paslon and posko of an election (issue 18): the Polres and Bawaslu record them,
 * Siaga flags clashes, the masa tenang, rawan kelurahan, events without forces or STTP. Forces come
 * from the duty model of the pengamanan plan (ADR 0016). Rules: src/domain/kampanye/,
 * docs/domain/kampanye.md. One file per subject (paslon, kegiatan, jadwal import, posko) over
 * kampanye-context.ts; this file only wires them.
 */
import { createKampanyeContext, type KampanyeDeps } from './kampanye-context';
import { createJadwalImportUseCase } from './kampanye-jadwal';
import { createKegiatanUseCases } from './kampanye-kegiatan';
import { createPaslonUseCases } from './kampanye-paslon';
import { createPoskoUseCases } from './kampanye-posko';

export type { KampanyeDeps, PersonelOf } from './kampanye-context';

export function createKampanyeService(deps: KampanyeDeps) {
  const ctx = createKampanyeContext(deps);
  return {
    ...createPaslonUseCases(ctx),
    ...createKegiatanUseCases(ctx),
    ...createJadwalImportUseCase(ctx),
    ...createPoskoUseCases(ctx),
  };
}
export type KampanyeService = ReturnType<typeof createKampanyeService>;
