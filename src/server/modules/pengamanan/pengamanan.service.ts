/**
 * Rencana pengamanan: the forces of a Polres area (kab/kota), its staffing pattern, the tiga pilar,
 * versioned plans computed by the pure planner (src/domain/pengamanan/) with what-if and plotting
 * lists, and the duties besides the TPS other modules register (ADR 0016). Each use case loads,
 * checks scope, and writes with audit in one transaction; this file only wires them.
 *
 * Everything here belongs to one election (docs/domain/pemilihan.md): forces, tiga pilar, the
 * pattern and the plans of a kab/kota are its own in each election, and the planner reads the
 * kerawanan categories of that same election. Who may do what: pengamanan-context.ts.
 */
import {
  createPengamananContext,
  polresAreaOf,
  requirePolri,
  type PengamananDeps,
} from './pengamanan-context';
import { createForcesUseCase } from './pengamanan-forces';
import { createPlottingUseCase } from './pengamanan-plotting';
import { createRencanaUseCases } from './pengamanan-rencana';
import { createSettingUseCases } from './pengamanan-setting';
import { createTigaPilarUseCases } from './pengamanan-tiga-pilar';
import { createTugasService } from './pengamanan-tugas';
import { createUnitUseCases } from './pengamanan-unit';
import { createWhatIfUseCase } from './pengamanan-what-if';
import * as repo from './pengamanan.repo';

export function createPengamananService(deps: PengamananDeps) {
  const tugas = createTugasService({
    audit: deps.audit,
    db: deps.db,
    wilayah: deps.wilayah,
    polresAreaOf,
    requirePolri,
    findUnits: repo.findUnits,
  });
  const ctx = createPengamananContext(deps, tugas);
  return {
    ...tugas,
    ...createForcesUseCase(ctx),
    ...createUnitUseCases(ctx),
    ...createSettingUseCases(ctx),
    ...createTigaPilarUseCases(ctx),
    ...createRencanaUseCases(ctx),
    ...createWhatIfUseCase(ctx),
    ...createPlottingUseCase(ctx),
  };
}
export type PengamananService = ReturnType<typeof createPengamananService>;
