/**
 * Joint patrols (issue 18): the Forkopimda plans them per area and time; the forces run them from a
 * phone (start, places passed, findings, end), each entry once per client id; a finding becomes an
 * incident in one tap through the kejadian service, and keeps its id. The route and the log are
 * need-to-know (domain/access/rute-patroli.ts). Rules: src/domain/patroli/, docs/domain/patroli.md.
 * One file per subject (patroli-rencana, -log, -cakupan) over patroli-context.ts; this file wires them.
 */
import { createPatroliContext, type PatroliDeps } from './patroli-context';
import { createCakupanPatroliUseCase } from './patroli-cakupan';
import { createLogPatroliUseCases } from './patroli-log';
import { createRencanaPatroliUseCases } from './patroli-rencana';

export type { PatroliDeps } from './patroli-context';

export function createPatroliService(deps: PatroliDeps) {
  const ctx = createPatroliContext(deps);
  return {
    ...createRencanaPatroliUseCases(ctx),
    ...createLogPatroliUseCases(ctx),
    ...createCakupanPatroliUseCase(ctx),
  };
}
export type PatroliService = ReturnType<typeof createPatroliService>;
