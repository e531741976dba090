/**
 * The content of a situation report (laporan situasi) and its roll-up up the chain kelurahan →
 * kecamatan → kab/kota (glossary "Laporan berjenjang"). The Pjs Wali Kota of Balikpapan asked that
 * "seluruh lurah yang ada, bisa melaporkan secara berjenjang … ada pemetaan hal-hal yang terjadi"
 * (seed 004); the camat writes the kecamatan report on top of the automatic roll-up of its kelurahan.
 *
 * Levels are Siaga's own scale (no official one exists for these reports; Siaga default, configurable
 * per region in its words, `LabelLevelSituasi`): kondusif is the word officials use for "calm and under
 * control" (glossary "situasi kondusif", seed 004 "situasi sangat kondusif"), waspada = tension that
 * needs watching, genting = a disturbance or serious risk now. The top level was called "rawan" until
 * issue #16: a Kapolres reads "TPS rawan" as the pre-mapped category (kurang rawan / rawan / sangat
 * rawan, kerawanan/score-tps.ts), so the word stays with the mapping and the live level has its own.
 */

export const LEVEL_SITUASI = ['kondusif', 'waspada', 'genting'] as const;
export type LevelSituasi = (typeof LEVEL_SITUASI)[number];

/** The words a region's SOP uses for the three levels; Siaga's defaults below. */
export type LabelLevelSituasi = Record<LevelSituasi, string>;

export const LABEL_LEVEL_SITUASI: LabelLevelSituasi = {
  kondusif: 'Kondusif',
  waspada: 'Waspada',
  genting: 'Genting',
};

/** Words no level may be given: the mapping's categories, which a Kapolres would read as such. */
export const KATA_KATEGORI_PEMETAAN = ['rawan', 'sangat rawan', 'kurang rawan', 'khusus'] as const;

/** Problems with a region's own words for the levels: empty, repeated, or a mapping category. */
export function checkLabelLevel(labels: LabelLevelSituasi): { level: LevelSituasi; message: string }[] {
  const problems: { level: LevelSituasi; message: string }[] = [];
  const seen = new Set<string>();
  for (const level of LEVEL_SITUASI) {
    const word = labels[level].trim().toLowerCase();
    if (word.length < 3 || word.length > 30) {
      problems.push({ level, message: 'Sebutan level 3-30 huruf' });
    } else if ((KATA_KATEGORI_PEMETAAN as readonly string[]).includes(word)) {
      problems.push({
        level,
        message: `"${labels[level]}" adalah kategori pemetaan TPS; pakai kata lain untuk situasi`,
      });
    } else if (seen.has(word)) {
      problems.push({ level, message: 'Dua level tidak boleh bersebutan sama' });
    }
    seen.add(word);
  }
  return problems;
}

/** kondusif < waspada < genting. */
export function compareLevel(a: LevelSituasi, b: LevelSituasi): number {
  return LEVEL_SITUASI.indexOf(a) - LEVEL_SITUASI.indexOf(b);
}

/** The worst level of a list, or null for an empty list (no reports is not "kondusif"). */
export function worstLevel(levels: readonly LevelSituasi[]): LevelSituasi | null {
  let worst: LevelSituasi | null = null;
  for (const level of levels) if (worst === null || compareLevel(level, worst) > 0) worst = level;
  return worst;
}

/**
 * What a report counts in its period (Siaga's default set, chosen from the risks the seeds and
 * Bawaslu name most: pilkada-facts §1.2 money politics, §2.1 TPS disturbances; seed 001 crowds and
 * social-media sentiment). Each is a count of occurrences in the reporting period, not a running total.
 */
export const HITUNGAN_SITUASI = ['kejadian', 'unjukRasa', 'hoaks', 'politikUang', 'gangguanTps'] as const;
export type JenisHitungan = (typeof HITUNGAN_SITUASI)[number];
export type HitunganSituasi = Record<JenisHitungan, number>;

export const LABEL_HITUNGAN: Record<JenisHitungan, string> = {
  kejadian: 'Kejadian menonjol',
  unjukRasa: 'Unjuk rasa / kerumunan massa',
  hoaks: 'Hoaks / provokasi di media sosial',
  politikUang: 'Dugaan politik uang',
  gangguanTps: 'TPS terganggu (akses, logistik, keamanan)',
};

export function emptyHitungan(): HitunganSituasi {
  return { kejadian: 0, unjukRasa: 0, hoaks: 0, politikUang: 0, gangguanTps: 0 };
}

export interface IsiLaporanSituasi {
  level: LevelSituasi;
  narasi: string;
  hitungan: HitunganSituasi;
}

/** Longest narrative accepted: about one page; longer belongs in an attachment. */
export const MAX_NARASI = 2000;

export type LaporanSituasiProblemCode = 'narasi_wajib' | 'narasi_terlalu_panjang' | 'hitungan_tidak_valid';

export interface LaporanSituasiProblem {
  code: LaporanSituasiProblemCode;
  field: string;
  message: string;
}

/**
 * A report that is not kondusif must say why (Siaga's default: a bare "genting" tells the camat
 * nothing to act on); counts are whole numbers from 0.
 */
export function validateLaporanSituasi(isi: IsiLaporanSituasi): LaporanSituasiProblem[] {
  const problems: LaporanSituasiProblem[] = [];
  const narasi = isi.narasi.trim();
  if (isi.level !== 'kondusif' && narasi === '') {
    problems.push({
      code: 'narasi_wajib',
      field: 'narasi',
      message: `Situasi ${LABEL_LEVEL_SITUASI[isi.level].toLowerCase()} wajib disertai uraian singkat.`,
    });
  }
  if (narasi.length > MAX_NARASI) {
    problems.push({
      code: 'narasi_terlalu_panjang',
      field: 'narasi',
      message: `Uraian paling panjang ${MAX_NARASI} karakter.`,
    });
  }
  for (const jenis of HITUNGAN_SITUASI) {
    const n = isi.hitungan[jenis];
    if (!Number.isInteger(n) || n < 0) {
      problems.push({
        code: 'hitungan_tidak_valid',
        field: `hitungan.${jenis}`,
        message: `${LABEL_HITUNGAN[jenis]} harus bilangan bulat 0 atau lebih.`,
      });
    }
  }
  return problems;
}

/** One child area in a roll-up: its report for the period (or null) and whether it is late. */
export interface LaporanAnak {
  kodeWilayah: string;
  laporan: IsiLaporanSituasi | null;
  /** True when the report is missing past due + grace, or arrived after it (see jadwal.overdue). */
  terlambat: boolean;
}

export interface RollUpSituasi {
  /** Worst reported level; null when no child has reported (never guessed as kondusif). */
  level: LevelSituasi | null;
  hitungan: HitunganSituasi;
  perLevel: Record<LevelSituasi, number>;
  /** Children that reported, that have not reported, and that are late (missing or reported late). */
  melapor: string[];
  belumMelapor: string[];
  terlambat: string[];
  /** Children whose level equals the worst level: where the camat should look first. */
  penentuLevel: string[];
  jumlahAnak: number;
  /** Reported ÷ children, 0..1 (0 when there are no children). */
  porsiMelapor: number;
}

/** Rolls child reports up one level: worst level, summed counts, who reported and who is late. */
export function rollUp(children: readonly LaporanAnak[]): RollUpSituasi {
  const hitungan = emptyHitungan();
  const perLevel: Record<LevelSituasi, number> = { kondusif: 0, waspada: 0, genting: 0 };
  const melapor: string[] = [];
  const belumMelapor: string[] = [];
  const terlambat: string[] = [];
  for (const child of children) {
    if (child.terlambat) terlambat.push(child.kodeWilayah);
    if (child.laporan === null) {
      belumMelapor.push(child.kodeWilayah);
      continue;
    }
    melapor.push(child.kodeWilayah);
    perLevel[child.laporan.level] += 1;
    for (const jenis of HITUNGAN_SITUASI) hitungan[jenis] += child.laporan.hitungan[jenis];
  }
  const level = worstLevel(children.flatMap((c) => (c.laporan ? [c.laporan.level] : [])));
  const penentuLevel =
    level === null ? [] : children.filter((c) => c.laporan?.level === level).map((c) => c.kodeWilayah);
  const byKode = (a: string, b: string): number => a.localeCompare(b);
  return {
    level,
    hitungan,
    perLevel,
    melapor: melapor.sort(byKode),
    belumMelapor: belumMelapor.sort(byKode),
    terlambat: terlambat.sort(byKode),
    penentuLevel: penentuLevel.sort(byKode),
    jumlahAnak: children.length,
    porsiMelapor: children.length === 0 ? 0 : melapor.length / children.length,
  };
}

/**
 * The camat's starting draft: the roll-up's level and counts with an empty narrative. The level is
 * null when no kelurahan reported, so the camat must choose it.
 */
export function draftFromRollUp(rollup: RollUpSituasi): {
  level: LevelSituasi | null;
  narasi: string;
  hitungan: HitunganSituasi;
} {
  return { level: rollup.level, narasi: '', hitungan: { ...rollup.hitungan } };
}

/**
 * A kecamatan (or kab/kota) report may differ from its roll-up, but a level below the worst child
 * level needs a narrative saying why (Siaga's default: the higher level may know a kelurahan's
 * "genting" is resolved, but must say so, so that the chain does not lose a warning silently).
 */
export function checkLevelAgainstRollUp(
  rollup: RollUpSituasi,
  isi: IsiLaporanSituasi,
): LaporanSituasiProblem | null {
  if (rollup.level === null || compareLevel(isi.level, rollup.level) >= 0 || isi.narasi.trim() !== '') {
    return null;
  }
  return {
    code: 'narasi_wajib',
    field: 'narasi',
    message: `Level ${LABEL_LEVEL_SITUASI[isi.level].toLowerCase()} lebih rendah dari laporan wilayah di bawahnya (${LABEL_LEVEL_SITUASI[rollup.level].toLowerCase()}); jelaskan alasannya.`,
  };
}
