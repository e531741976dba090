/**
 * The checks every voting-day report passes before it is written: the TPS is the reporter's to report
 * on and votes in the election, the phone's time is not ahead of the server's, and a turnout count
 * comes only once voting started and fits the ballots the election's law gives a TPS.
 */
import type { TpsStatusInput } from '../../../contracts/hari-h';
import { isInScope, type Actor } from '../../../domain/access/scope';
import { pemilihDihitung, validatePemilih } from '../../../domain/hari-h/tps-status';
import { isAheadOfClock } from '../../../domain/time/jam-ponsel';
import { authorize } from '../../cross-cutting/access';
import { DomainError, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';

export type Warning = { code: string; message: string };
export type TpsForStatus = { id: string; kode_wilayah: string; dpt_total: number };

/** When a report was written, as its phone says: never ahead of the server's clock (laporan and kejadian alike). */
export function checkWrittenAt(dibuatAt: string | undefined, now: Date): void {
  if (dibuatAt !== undefined && isAheadOfClock(new Date(dibuatAt), now)) {
    throw new DomainError('validation', 'Waktu pembuatan laporan ada di masa depan; periksa jam ponsel', {
      field: 'dibuatAt',
    });
  }
}

/** The TPS a field officer may report on: outside their scope it does not exist for them. */
export function reportableTps<T extends { kode_wilayah: string }>(
  actor: Actor,
  tps: T | undefined,
  dalamPemilihan: boolean,
): T {
  if (!tps || !isInScope(actor, tps.kode_wilayah)) throw notFound('TPS');
  authorize(actor, 'hari_h:report', tps.kode_wilayah);
  // A TPS that does not vote in this election (outside a PSU's few TPS, or a Pilkades's desa).
  if (!dalamPemilihan) {
    throw new DomainError('validation', 'TPS ini tidak ikut dalam pemilihan yang dipilih', {
      field: 'tpsId',
      code: 'tps_bukan_peserta',
    });
  }
  return tps;
}

/** Scope, permission and turnout checks of one status report; the warnings it carries when accepted. */
export function checkStatusReport(
  actor: Actor,
  pemilihan: PemilihanContext,
  input: TpsStatusInput,
  found: (TpsForStatus & { pemilihan: string[] }) | undefined,
  now: Date,
): { tps: TpsForStatus; warnings: Warning[] } {
  const tps = reportableTps(actor, found, found?.pemilihan.includes(pemilihan.id) ?? false);
  checkWrittenAt(input.dibuatAt, now);
  const warnings: Warning[] = [];
  if (input.pemilih !== null) {
    if (!pemilihDihitung(input.tahap)) {
      throw new DomainError('validation', 'Jumlah pemilih dilaporkan setelah pemungutan suara dimulai', {
        field: 'pemilih',
      });
    }
    // The ballots a TPS holds follow the election's own law (Pemilu 2 %, Pilkada 2.5 %; docs/domain/laporan.md).
    const problems = validatePemilih({
      dpt: tps.dpt_total,
      pemilih: input.pemilih,
      aturan: pemilihan.aturanPelanggaran,
    });
    const blocking = problems.find((p) => p.severity === 'error');
    if (blocking)
      throw new DomainError('validation', blocking.message, { field: 'pemilih', code: blocking.code });
    warnings.push(...problems.map((p) => ({ code: p.code, message: p.message })));
  }
  return { tps, warnings };
}
