/**
 * Petugas (issue 19): rosters per TPS with their completeness, health screening, the fatigue warning
 * and relief, officer incidents through the kejadian service, the dashboard per kecamatan, a region's
 * rule and the retention of health data. Personal data (NIK, phone, birth date, health) is shown
 * only to those who need it and every read of it is audited (domain/petugas/data-pribadi.ts,
 * docs/domain/petugas.md §Privacy).
 *
 * This file wires the use cases; each lives in its own file (petugas-roster, -dasbor, -kelola,
 * -skrining, -insiden, -aturan, -ekspor) over petugas-context.ts, rows become answers in
 * petugas.view.ts. Check-ins are group-committed in petugas-hadir.ts, imports in
 * petugas-import.service.ts.
 */
import { createAturanUseCases } from './petugas-aturan';
import { createPetugasContext, type PetugasDeps } from './petugas-context';
import { createDasborUseCases } from './petugas-dasbor';
import { createEksporUseCases } from './petugas-ekspor';
import { createInsidenUseCases } from './petugas-insiden';
import { createKelolaUseCases } from './petugas-kelola';
import { createRosterUseCase } from './petugas-roster';
import { createSkriningUseCase } from './petugas-skrining';

export function createPetugasService(deps: PetugasDeps) {
  const context = createPetugasContext(deps);
  return {
    aturanOf: context.aturanOf,
    ...createAturanUseCases(context),
    ...createRosterUseCase(context),
    ...createDasborUseCases(context),
    ...createKelolaUseCases(context),
    ...createSkriningUseCase(context),
    ...createInsidenUseCases(context),
    ...createEksporUseCases(context),
  };
}
export type PetugasService = ReturnType<typeof createPetugasService>;
