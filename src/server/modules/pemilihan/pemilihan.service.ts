/**
 * Elections as records: who sees which (need-to-know per election as well as per wilayah), who
 * records and closes them, their stages and TPS, and the resolution every operational request goes
 * through (`resolve`): the election it names, checked against the reader, with its voting day. Also
 * the holiday list that working-day deadlines skip. Rules: docs/domain/pemilihan.md. Each use case
 * lives in its own file; this factory wires them.
 */
import { createHariLibur } from './hari-libur';
import { createPemilihanReads, type PemilihanDeps } from './pemilihan-baca';
import { createPemilihanCatat } from './pemilihan-catat';
import { createPemilihanKonteks } from './pemilihan-konteks';

export type { PemilihanContext } from './pemilihan-konteks';

// The rule lives with createOnce (cross-cutting); re-exported for the modules that check it by hand.
export { sameElection } from '../../cross-cutting/create-once';

export function createPemilihanService(deps: PemilihanDeps) {
  const reads = createPemilihanReads(deps);
  const konteks = createPemilihanKonteks(deps, reads);
  const catat = createPemilihanCatat(deps, reads, konteks.forget);
  const libur = createHariLibur(deps);
  return {
    list: reads.list,
    get: reads.detail,
    // create, update
    ...catat,
    resolve: konteks.resolve,
    aktifUntuk: konteks.aktifUntuk,
    requireOpen: konteks.requireOpen,
    // listHariLibur, liburDates, putHariLibur, deleteHariLibur, seedHariLiburResmi
    ...libur,
  };
}

export type PemilihanService = ReturnType<typeof createPemilihanService>;
