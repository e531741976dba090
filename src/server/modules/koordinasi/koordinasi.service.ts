/**
 * Koordinasi use cases: rakor (schedule, attendance, minutes, decisions), tindak lanjut tracked to
 * done, the region's tahapan and readiness checklist with the H-minus countdown, imbauan with
 * per-recipient acknowledgement, NPHD, the Forkopimda of a region and the success indicators. The
 * rules are pure domain code in src/domain/koordinasi/; each use case loads, checks scope, writes
 * with audit in one transaction. One file per subject over koordinasi-context.ts, rows mapped to
 * answers in koordinasi.view.ts; this file only wires them.
 */
import { createKoordinasiContext, type KoordinasiDeps } from './koordinasi-context';
import { createForkopimdaUseCases } from './koordinasi-forkopimda';
import { createImbauanUseCases } from './koordinasi-imbauan';
import { createIndikatorUseCases } from './koordinasi-indikator';
import { createKesiapanUseCases } from './koordinasi-kesiapan';
import { createKotakMasukUseCases } from './koordinasi-kotak-masuk';
import { createNphdUseCases } from './koordinasi-nphd';
import { createRakorUseCases } from './koordinasi-rakor';
import { createRingkasanUseCases } from './koordinasi-ringkasan';
import { createTindakLanjutUseCases } from './koordinasi-tindak-lanjut';

export type { KoordinasiDeps } from './koordinasi-context';

export function createKoordinasiService(deps: KoordinasiDeps) {
  const ctx = createKoordinasiContext(deps);
  const ringkasan = createRingkasanUseCases(ctx);
  return {
    ...createForkopimdaUseCases(ctx),
    ...createRakorUseCases(ctx),
    ...createTindakLanjutUseCases(ctx),
    ...ringkasan,
    ...createKesiapanUseCases(ctx, ringkasan.ringkasan),
    ...createImbauanUseCases(ctx),
    ...createKotakMasukUseCases(ctx),
    ...createNphdUseCases(ctx),
    ...createIndikatorUseCases(ctx, ringkasan.ringkasan),
  };
}
export type KoordinasiService = ReturnType<typeof createKoordinasiService>;
