/**
 * Distribusi logistik use cases: the legs of a kab/kota's distribution plan (KPU's operator and the
 * Polres), each leg's escort as a duty of the pengamanan plan (ADR 0016), the berita acara serah
 * terima recorded on the phone where the leg arrives (append-only, client ids, photo and signature
 * stored once by content), weather and disaster warnings, and the board with its flags.
 *
 * Access: reading needs 'logistik:read' within scope (a lurah reads the legs that arrive in or leave
 * their desa); planning 'logistik:plan' on the kab/kota; a handover 'logistik:handover' on the place
 * the leg arrives. Everything belongs to one election; a record of another reads as not found.
 *
 * This file wires the use cases; each lives in its own file (logistik-papan, -rencana,
 * -rencana-impor, -serah-terima, -peringatan), rows become answers in logistik.view.ts.
 */
import { createLogistikContext, type LogistikDeps } from './logistik-context';
import { createPapanUseCases } from './logistik-papan';
import { createPeringatanUseCases } from './logistik-peringatan';
import { createRencanaUseCases } from './logistik-rencana';
import { createRencanaImporUseCase } from './logistik-rencana-impor';
import { createSerahTerimaUseCases } from './logistik-serah-terima';

export function createLogistikService(deps: LogistikDeps) {
  const context = createLogistikContext(deps);
  const papan = createPapanUseCases(context);
  return {
    ...papan,
    ...createRencanaUseCases(context, papan.getLeg),
    ...createRencanaImporUseCase(context),
    ...createSerahTerimaUseCases(context),
    ...createPeringatanUseCases(context),
  };
}
export type LogistikService = ReturnType<typeof createLogistikService>;
