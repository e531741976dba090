/**
 * Statutory deadlines on the path of a reported election violation, so that the Forkopimda sees the
 * legal clock of every referral (seed 000: the Kajari reminds the forum of Gakkumdu's role). Two rule
 * sets are kept apart because the laws differ (../shared/domain/pilkada-facts.md §5.2):
 *
 * - 'pilkada': UU 1/2015 (Perpu 1/2014) as amended by UU 10/2016, and the Peraturan Bersama Gakkumdu
 *   2016 (Bawaslu 14/2016, Kapolri 01/2016, Jaksa Agung 013/JA/11/2016). Criminal deadlines count in
 *   calendar days unless the law says "hari kerja".
 * - 'pemilu': UU 7/2017 Pasal 454 (only the reporting and follow-up steps are in the facts; the
 *   criminal steps of a Pemilu case are left out rather than guessed).
 *
 * Day-counting convention (Siaga's reading, documented in docs/domain/laporan.md):
 * - "within N days of D": D is the local calendar day (region's zone) of the starting event and is
 *   not counted; the deadline is the last millisecond of day D+N, local time.
 * - "within N working days": the Nth working day after D, to its last millisecond. Working days are
 *   Monday-Friday; national holidays are not in the facts, so callers pass them as `libur`
 *   (YYYY-MM-DD) and they are skipped.
 * - "1×24 jam": exactly 24 hours after the starting instant.
 * A step is met when its milestone is at or before the deadline; it is late only strictly after.
 */
import { addDays } from '../time/hari';
import { awalHariPadaOffset, hariPadaOffset } from '../time/zona';

export const RULE_SETS = ['pilkada', 'pemilu'] as const;
export type RuleSet = (typeof RULE_SETS)[number];

export type DasarHitung = 'kalender' | 'kerja' | 'jam';

/** Events on the path of a case; each optional one is set when it happens. */
export interface MilestoneGakkumdu {
  /** When the violation was known or found (starts the reporting window). */
  diketahuiAt: Date;
  /** Report received and registered by Bawaslu/Panwas. */
  dilaporkanAt?: Date;
  /** Bawaslu asked the reporter for more information (extends the follow-up window). */
  keteranganTambahanAt?: Date;
  /** Bawaslu decided how to follow the report up (forward, stop, recommend). */
  ditindaklanjutiAt?: Date;
  /** Bawaslu decided, after Gakkumdu deliberation, that it is an election crime. */
  diputuskanPidanaAt?: Date;
  /** Report forwarded to Polri investigators. */
  diteruskanPenyidikAt?: Date;
  /** Investigators handed the case file to the prosecutor. */
  dilimpahkanPenuntutAt?: Date;
  /** Prosecutor returned the file as incomplete. */
  berkasDikembalikanAt?: Date;
  /** Investigators resubmitted the completed file. */
  berkasDilengkapiAt?: Date;
  /** Prosecutor filed the case at the district court. */
  dilimpahkanPengadilanAt?: Date;
  /** District court verdict. */
  diputusPnAt?: Date;
  /** Appeal filed. */
  bandingAt?: Date;
  /** High court verdict (final). */
  diputusPtAt?: Date;
}

export type LangkahGakkumdu =
  | 'lapor'
  | 'tindak_lanjut'
  | 'teruskan_penyidik'
  | 'penyidikan'
  | 'jaksa_kembalikan'
  | 'penyidik_lengkapi'
  | 'limpah_pengadilan'
  | 'putusan_pn'
  | 'banding'
  | 'putusan_pt';

export interface TenggatGakkumdu {
  step: LangkahGakkumdu;
  label: string;
  /** The instant the step started counting from. */
  startAt: Date;
  /** Last instant on which the step is still on time. */
  dueAt: Date;
  basis: DasarHitung;
  /** Number of days (or hours for 'jam'). */
  jumlah: number;
  /** The milestone that meets the step, if it has happened. */
  doneAt: Date | null;
  source: string;
}

const HOUR_MS = 3_600_000;

const SRC_LAPOR_PILKADA =
  'UU 1/2015 (Perpu 1/2014) §5.2: https://id.wikisource.org/wiki/Halaman:Perpu_1_2014.pdf/93';
const SRC_TINDAK_LANJUT_PILKADA =
  'UU 10/2016 §5.2: https://jpnn.com/news/tolong-dicatat-begini-alur-penanganan-laporan-pelanggaran-administrasi-oleh-bawaslu';
const SRC_PENYIDIK =
  'Perber Gakkumdu 2016 §5.2: https://tvonenews.com/berita/nasional/245530-viral-kabar-terbaru-kasus-pencatutan-ktp-warga-jakarta-untuk-dukung-paslon-dharma-kun-di-pilkada-2024?page=3';
const SRC_PIDANA =
  'UU 1/2015 jo. UU 10/2016 §5.2: https://jpnn.com/news/begini-cara-sentra-gakkumdu-bawaslu-menyelesaikan-dugaan-pelanggaran-pidana-pilkada?page=2';
const SRC_PEMILU =
  'UU 7/2017 Pasal 454 §5.2: https://online.flipbuilder.com/cmvf/wgnv/files/basic-html/page312.html';

/** Last millisecond of a local day in a UTC+offset zone. */
function endOfLocalDay(day: string, zoneOffsetHours: number): Date {
  return new Date(awalHariPadaOffset(addDays(day, 1), zoneOffsetHours).getTime() - 1);
}

/** Monday-Friday and not a listed holiday. */
export function isHariKerja(day: string, libur: readonly string[] = []): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !libur.includes(day);
}

/** The `n`th working day after `day` (`day` itself not counted). */
export function addHariKerja(day: string, n: number, libur: readonly string[] = []): string {
  let current = day;
  let counted = 0;
  while (counted < n) {
    current = addDays(current, 1);
    if (isHariKerja(current, libur)) counted += 1;
  }
  return current;
}

/** The deadline of a step counted from `startAt`. */
export function dueFrom(
  startAt: Date,
  basis: DasarHitung,
  jumlah: number,
  zoneOffsetHours: number,
  libur: readonly string[] = [],
): Date {
  if (basis === 'jam') return new Date(startAt.getTime() + jumlah * HOUR_MS);
  const day = hariPadaOffset(startAt, zoneOffsetHours);
  const last = basis === 'kalender' ? addDays(day, jumlah) : addHariKerja(day, jumlah, libur);
  return endOfLocalDay(last, zoneOffsetHours);
}

interface StepRule {
  step: LangkahGakkumdu;
  label: string;
  basis: DasarHitung;
  jumlah: number;
  /** The starting milestone, or undefined when the step has not started (or does not apply). */
  from: (m: MilestoneGakkumdu) => Date | undefined;
  done: (m: MilestoneGakkumdu) => Date | undefined;
  source: string;
}

// Pilkada: report 7 days; follow-up 3 days (+2 days when more information is requested, 5 in all);
// forward 1×24 hours after the crime decision; investigator 14 working days from the report it
// received; prosecutor returns an incomplete file within 3 working days and the investigator
// completes it within 3; prosecutor files within 5 working days of the (complete) file; court 7
// days; appeal 3 days; high court 7 days.
const PILKADA: readonly StepRule[] = [
  {
    step: 'lapor',
    label: 'Batas melapor ke Bawaslu/Panwas (7 hari sejak diketahui)',
    basis: 'kalender',
    jumlah: 7,
    from: (m) => m.diketahuiAt,
    done: (m) => m.dilaporkanAt,
    source: SRC_LAPOR_PILKADA,
  },
  {
    step: 'tindak_lanjut',
    label: 'Bawaslu menindaklanjuti laporan (3 hari)',
    basis: 'kalender',
    jumlah: 3,
    from: (m) => (m.keteranganTambahanAt ? undefined : m.dilaporkanAt),
    done: (m) => m.ditindaklanjutiAt,
    source: SRC_TINDAK_LANJUT_PILKADA,
  },
  {
    step: 'tindak_lanjut',
    label: 'Bawaslu menindaklanjuti laporan (3 + 2 hari, keterangan tambahan)',
    basis: 'kalender',
    jumlah: 5,
    from: (m) => (m.keteranganTambahanAt ? m.dilaporkanAt : undefined),
    done: (m) => m.ditindaklanjutiAt,
    source: SRC_TINDAK_LANJUT_PILKADA,
  },
  {
    step: 'teruskan_penyidik',
    label: 'Diteruskan ke penyidik Polri (1×24 jam sejak diputus pidana)',
    basis: 'jam',
    jumlah: 24,
    from: (m) => m.diputuskanPidanaAt,
    done: (m) => m.diteruskanPenyidikAt,
    source: SRC_PENYIDIK,
  },
  {
    step: 'penyidikan',
    label: 'Penyidik melimpahkan berkas ke penuntut umum (14 hari kerja)',
    basis: 'kerja',
    jumlah: 14,
    from: (m) => m.diteruskanPenyidikAt,
    done: (m) => m.dilimpahkanPenuntutAt,
    source: SRC_PIDANA,
  },
  {
    step: 'jaksa_kembalikan',
    label: 'Penuntut umum mengembalikan berkas yang kurang lengkap (3 hari kerja)',
    basis: 'kerja',
    jumlah: 3,
    // Only checked when a file was actually returned: returning is not an obligation.
    from: (m) => (m.berkasDikembalikanAt ? m.dilimpahkanPenuntutAt : undefined),
    done: (m) => m.berkasDikembalikanAt,
    source: SRC_PIDANA,
  },
  {
    step: 'penyidik_lengkapi',
    label: 'Penyidik melengkapi dan menyerahkan kembali berkas (3 hari kerja)',
    basis: 'kerja',
    jumlah: 3,
    from: (m) => m.berkasDikembalikanAt,
    done: (m) => m.berkasDilengkapiAt,
    source: SRC_PIDANA,
  },
  {
    step: 'limpah_pengadilan',
    label: 'Penuntut umum melimpahkan perkara ke pengadilan negeri (5 hari kerja)',
    basis: 'kerja',
    jumlah: 5,
    from: (m) => (m.berkasDikembalikanAt ? m.berkasDilengkapiAt : m.dilimpahkanPenuntutAt),
    done: (m) => m.dilimpahkanPengadilanAt,
    source: SRC_PIDANA,
  },
  {
    step: 'putusan_pn',
    label: 'Pengadilan negeri memutus perkara (7 hari)',
    basis: 'kalender',
    jumlah: 7,
    from: (m) => m.dilimpahkanPengadilanAt,
    done: (m) => m.diputusPnAt,
    source: SRC_PIDANA,
  },
  {
    step: 'banding',
    label: 'Batas mengajukan banding (3 hari sejak putusan)',
    basis: 'kalender',
    jumlah: 3,
    from: (m) => m.diputusPnAt,
    done: (m) => m.bandingAt,
    source: SRC_PIDANA,
  },
  {
    step: 'putusan_pt',
    label: 'Pengadilan tinggi memutus banding (7 hari, final)',
    basis: 'kalender',
    jumlah: 7,
    from: (m) => m.bandingAt,
    done: (m) => m.diputusPtAt,
    source: SRC_PIDANA,
  },
];

// Pemilu (UU 7/2017 Pasal 454): report within 7 working days; follow-up within 7 days; when more
// information is needed, 14 working days from receipt (Siaga reads the facts' "+14 working days" as
// the extended limit counted from receipt, as Pasal 454(7) words it).
const PEMILU: readonly StepRule[] = [
  {
    step: 'lapor',
    label: 'Batas melapor ke Bawaslu (7 hari kerja sejak diketahui)',
    basis: 'kerja',
    jumlah: 7,
    from: (m) => m.diketahuiAt,
    done: (m) => m.dilaporkanAt,
    source: SRC_PEMILU,
  },
  {
    step: 'tindak_lanjut',
    label: 'Bawaslu menindaklanjuti laporan (7 hari)',
    basis: 'kalender',
    jumlah: 7,
    from: (m) => (m.keteranganTambahanAt ? undefined : m.dilaporkanAt),
    done: (m) => m.ditindaklanjutiAt,
    source: SRC_PEMILU,
  },
  {
    step: 'tindak_lanjut',
    label: 'Bawaslu menindaklanjuti laporan (14 hari kerja, keterangan tambahan)',
    basis: 'kerja',
    jumlah: 14,
    from: (m) => (m.keteranganTambahanAt ? m.dilaporkanAt : undefined),
    done: (m) => m.ditindaklanjutiAt,
    source: SRC_PEMILU,
  },
];

const RULES: Record<RuleSet, readonly StepRule[]> = { pilkada: PILKADA, pemilu: PEMILU };

/**
 * The deadlines that apply so far, in path order: a step appears once its starting milestone has
 * happened (the report window from the start, the court steps only once the case is filed).
 */
export function deadlines(
  ruleSet: RuleSet,
  milestones: MilestoneGakkumdu,
  zoneOffsetHours: number,
  libur: readonly string[] = [],
): TenggatGakkumdu[] {
  const out: TenggatGakkumdu[] = [];
  for (const rule of RULES[ruleSet]) {
    const startAt = rule.from(milestones);
    if (startAt === undefined) continue;
    out.push({
      step: rule.step,
      label: rule.label,
      startAt,
      dueAt: dueFrom(startAt, rule.basis, rule.jumlah, zoneOffsetHours, libur),
      basis: rule.basis,
      jumlah: rule.jumlah,
      doneAt: rule.done(milestones) ?? null,
      source: rule.source,
    });
  }
  return out;
}

export type StatusTenggat = 'aman' | 'segera' | 'lewat' | 'terpenuhi';

/**
 * - terpenuhi: the milestone happened at or before dueAt;
 * - lewat: it happened after dueAt, or it has not happened and now is strictly after dueAt
 *   (for 'banding' this means the appeal window closed, not a failure);
 * - segera: not done and dueAt is at most `warnBeforeHours` away (inclusive, up to dueAt itself);
 * - aman: otherwise.
 */
export function deadlineStatus(
  deadline: Pick<TenggatGakkumdu, 'dueAt' | 'doneAt'>,
  now: Date,
  warnBeforeHours: number,
): StatusTenggat {
  const due = deadline.dueAt.getTime();
  if (deadline.doneAt !== null) return deadline.doneAt.getTime() <= due ? 'terpenuhi' : 'lewat';
  if (now.getTime() > due) return 'lewat';
  if (due - now.getTime() <= warnBeforeHours * HOUR_MS) return 'segera';
  return 'aman';
}
