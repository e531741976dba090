/**
 * Pemetaan kerawanan use cases: the kelurahan checklist (read and submit), completion per kelurahan,
 * a planner's override, the Bawaslu-style summary and the map. Scoring is the pure domain rule in
 * src/domain/kerawanan/score-tps.ts; the use cases load, score, save with audit, and scope. One file
 * per subject (checklist, pengamatan, override, import, area, setting, read, report) over
 * kerawanan-context.ts; kerawanan.view.ts maps rows to answers; this file only wires them.
 *
 * For later modules: `effectiveKategoriOf` gives deployment planning a TPS's category, and
 * `recordHistoryIndicator` lets the incident module add "riwayat kekerasan" for the next election.
 */
import { createAreaUseCases } from './kerawanan-area';
import { createChecklistUseCases } from './kerawanan-checklist';
import { createKerawananContext, type KerawananDeps } from './kerawanan-context';
import { createImportUseCases } from './kerawanan-import';
import { createOverrideUseCase } from './kerawanan-override';
import { createPengamatanUseCases } from './kerawanan-pengamatan';
import { createReadUseCases } from './kerawanan-read';
import { createReportUseCase } from './kerawanan-report';
import { createSettingUseCases } from './kerawanan-setting';

export type { KerawananDeps } from './kerawanan-context';

export function createKerawananService(deps: KerawananDeps) {
  const ctx = createKerawananContext(deps);
  return {
    regionFor: ctx.regionFor,
    /** One TPS of a checklist with its observations. */
    checklistTps: ctx.checklistTps,
    ...createChecklistUseCases(ctx),
    ...createPengamatanUseCases(ctx),
    ...createOverrideUseCase(ctx),
    ...createReadUseCases(ctx),
    ...createImportUseCases(ctx),
    ...createAreaUseCases(ctx),
    ...createSettingUseCases(ctx),
    ...createReportUseCase(ctx),
  };
}
export type KerawananService = ReturnType<typeof createKerawananService>;
