/**
 * Advice for a kab/kota whose plan falls short (docs/domain/pengamanan.md): ask Polda for BKO for the
 * Polri shortfall, name each loan between Polsek the plan made, and guard the uncovered kurang rawan
 * groups by mobile patrol (ring 3).
 */
import { cmp } from './lists';
import { labelKategori, type KelompokTps } from './pola';
import type { PlanState, Suggestion, SuggestionCode } from './plan';

export function suggest(
  kodeKabKota: string,
  groups: readonly KelompokTps[],
  state: Pick<PlanState, 'polri' | 'covered'>,
  offset: number,
  loans: ReadonlyMap<string, number>,
): Suggestion[] {
  const suggestions: Suggestion[] = [];
  let shortfall = 0;
  let uncovered = 0;
  const kurangRawanOpen = new Map<string, number>();
  groups.forEach((g, i) => {
    shortfall += g.polri - (state.polri[offset + i] ?? 0);
    if (state.covered[offset + i] === true) return;
    uncovered++;
    if (g.kategori === 'kurang_rawan')
      kurangRawanOpen.set(g.kodeKecamatan, (kurangRawanOpen.get(g.kodeKecamatan) ?? 0) + 1);
  });
  if (shortfall > 0) {
    suggestions.push({
      code: 'minta_bko',
      message: `Kab/kota ${kodeKabKota} kekurangan ${shortfall} personel Polri untuk ${uncovered} kelompok TPS: ajukan BKO dari Polda atau lepaskan sebagian cadangan.`,
      kodeKabKota,
      kodeKecamatan: null,
      fromKecamatan: null,
      count: shortfall,
    });
  }
  for (const key of [...loans.keys()].sort(cmp)) {
    const count = loans.get(key) ?? 0;
    const [from = '', to = ''] = key.split('>');
    if (count <= 0) continue;
    suggestions.push({
      code: 'rebalance',
      message: `Polsek kecamatan ${from} berlebih dan kecamatan ${to} kurang: ${count} personel digeser (BKO antar-Polsek).`,
      kodeKabKota,
      kodeKecamatan: to,
      fromKecamatan: from,
      count,
    });
  }
  for (const kec of [...kurangRawanOpen.keys()].sort(cmp)) {
    const count = kurangRawanOpen.get(kec) ?? 0;
    suggestions.push({
      code: 'patroli_mobile',
      message: `${count} kelompok TPS ${labelKategori('kurang_rawan')} di kecamatan ${kec} tanpa personel tetap: amankan dengan patroli mobile (ring 3).`,
      kodeKabKota,
      kodeKecamatan: kec,
      fromKecamatan: null,
      count,
    });
  }
  return suggestions;
}

const CODE_ORDER: Record<SuggestionCode, number> = { minta_bko: 0, rebalance: 1, patroli_mobile: 2 };

/** The suggestions of every kab/kota in one order: by kind, then by wilayah. */
export function sortSuggestions(suggestions: Suggestion[]): Suggestion[] {
  return suggestions.sort(
    (a, b) =>
      CODE_ORDER[a.code] - CODE_ORDER[b.code] ||
      cmp(a.kodeKabKota, b.kodeKabKota) ||
      cmp(a.kodeKecamatan ?? '', b.kodeKecamatan ?? '') ||
      cmp(a.fromKecamatan ?? '', b.fromKecamatan ?? ''),
  );
}
