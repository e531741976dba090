/**
 * The life of an incident (kejadian) and its escalation up the chain kelurahan → kecamatan →
 * kab/kota (Forkopimda). Seed 004 asks that incidents be recorded at kecamatan level and handled so
 * that their spread stays minimal ("minimal peredarannya supaya tidak memperkeruh suasana"): an
 * incident is verified before it counts, duplicates are merged and noise is rejected, and everyone on
 * the chain sees how long it may stay unverified before it climbs a level. Violations are referred
 * to Bawaslu / Gakkumdu (../shared/domain/pilkada-facts.md §5.1).
 *
 * States:  baru → diverifikasi | digabung | ditolak;  diverifikasi → ditangani → selesai;
 *          any open state (baru, diverifikasi, ditangani) → dirujuk.
 * digabung, ditolak, selesai and dirujuk are final: a referred incident's further path is the
 * statutory one tracked in gakkumdu.ts, not Siaga's.
 * Time limits are Siaga's defaults (no official response times exist for regional governments).
 */
import { compareKeparahan, type Keparahan, type TujuanRujukan } from './kategori';

export { TUJUAN_RUJUKAN, type TujuanRujukan } from './kategori';

export const STATUS_KEJADIAN = [
  'baru',
  'diverifikasi',
  'digabung',
  'ditolak',
  'ditangani',
  'selesai',
  'dirujuk',
] as const;
export type StatusKejadian = (typeof STATUS_KEJADIAN)[number];

export const LABEL_STATUS_KEJADIAN: Record<StatusKejadian, string> = {
  baru: 'Baru',
  diverifikasi: 'Terverifikasi',
  digabung: 'Digabung (duplikat)',
  ditolak: 'Ditolak',
  ditangani: 'Ditangani',
  selesai: 'Selesai',
  dirujuk: 'Dirujuk',
};

export const OPEN_STATUSES: readonly StatusKejadian[] = ['baru', 'diverifikasi', 'ditangani'];

const TRANSITIONS: Record<StatusKejadian, readonly StatusKejadian[]> = {
  baru: ['diverifikasi', 'digabung', 'ditolak', 'dirujuk'],
  diverifikasi: ['ditangani', 'dirujuk'],
  ditangani: ['selesai', 'dirujuk'],
  digabung: [],
  ditolak: [],
  selesai: [],
  dirujuk: [],
};

export function isOpen(status: StatusKejadian): boolean {
  return OPEN_STATUSES.includes(status);
}

export function canTransition(from: StatusKejadian, to: StatusKejadian): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The chain an incident climbs; kabkota is the Forkopimda and the top. */
export const LEVEL_ESKALASI = ['kelurahan', 'kecamatan', 'kabkota'] as const;
export type LevelEskalasi = (typeof LEVEL_ESKALASI)[number];

function levelIndex(level: LevelEskalasi): number {
  return LEVEL_ESKALASI.indexOf(level);
}

export function nextLevel(level: LevelEskalasi): LevelEskalasi | null {
  return LEVEL_ESKALASI[levelIndex(level) + 1] ?? null;
}

/** Where an incident is first handled: kritis starts at kecamatan at once (Siaga's default). */
export function initialLevel(keparahan: Keparahan): LevelEskalasi {
  return keparahan === 'kritis' ? 'kecamatan' : 'kelurahan';
}

export interface Kejadian {
  status: StatusKejadian;
  keparahan: Keparahan;
  /** The level that owns the incident now. */
  level: LevelEskalasi;
  reportedAt: Date;
  /** When it reached its current level; the escalation clock restarts there. */
  levelSince: Date;
  verifiedAt: Date | null;
  assignedAt: Date | null;
  closedAt: Date | null;
  penanggungJawab: string | null;
  mergedIntoId: string | null;
  referredTo: TujuanRujukan | null;
  catatan: string | null;
}

/** A new incident: at the reporter's level, or higher when its severity demands it. */
export function newKejadian(input: {
  keparahan: Keparahan;
  reporterLevel: LevelEskalasi;
  reportedAt: Date;
}): Kejadian {
  const start = initialLevel(input.keparahan);
  const level = levelIndex(input.reporterLevel) > levelIndex(start) ? input.reporterLevel : start;
  return {
    status: 'baru',
    keparahan: input.keparahan,
    level,
    reportedAt: input.reportedAt,
    levelSince: input.reportedAt,
    verifiedAt: null,
    assignedAt: null,
    closedAt: null,
    penanggungJawab: null,
    mergedIntoId: null,
    referredTo: null,
    catatan: null,
  };
}

export type AksiKejadian =
  | { type: 'verifikasi'; keparahan?: Keparahan }
  | { type: 'gabung'; intoId: string }
  | { type: 'tolak'; alasan: string }
  | { type: 'tangani'; penanggungJawab: string }
  | { type: 'selesaikan'; catatan: string }
  | { type: 'rujuk'; tujuan: TujuanRujukan }
  | { type: 'eskalasi' };

export type AlurErrorCode =
  | 'transisi_tidak_sah'
  | 'level_tidak_berwenang'
  | 'sudah_level_tertinggi'
  | 'data_wajib'
  | 'waktu_tidak_valid';

export type TransitionResult = { ok: true; value: Kejadian } | { ok: false; code: AlurErrorCode };

const TARGET: Record<Exclude<AksiKejadian['type'], 'eskalasi'>, StatusKejadian> = {
  verifikasi: 'diverifikasi',
  gabung: 'digabung',
  tolak: 'ditolak',
  tangani: 'ditangani',
  selesaikan: 'selesai',
  rujuk: 'dirujuk',
};

/**
 * Applies an action by an actor at `actorLevel` at instant `now`. Only the owning level or a higher
 * one may act (a lurah cannot close what the kecamatan now owns); anyone at or above may escalate an
 * open incident by hand. Re-grading to kritis on verification lifts it to kecamatan at once.
 */
export function transition(
  incident: Kejadian,
  action: AksiKejadian,
  actorLevel: LevelEskalasi,
  now: Date,
): TransitionResult {
  if (now.getTime() < incident.reportedAt.getTime()) return { ok: false, code: 'waktu_tidak_valid' };
  if (levelIndex(actorLevel) < levelIndex(incident.level))
    return { ok: false, code: 'level_tidak_berwenang' };
  if (action.type === 'eskalasi') {
    if (!isOpen(incident.status)) return { ok: false, code: 'transisi_tidak_sah' };
    const up = nextLevel(incident.level);
    if (up === null) return { ok: false, code: 'sudah_level_tertinggi' };
    return { ok: true, value: { ...incident, level: up, levelSince: now } };
  }
  const to = TARGET[action.type];
  if (!canTransition(incident.status, to)) return { ok: false, code: 'transisi_tidak_sah' };
  const closed = { ...incident, status: to, closedAt: now };
  switch (action.type) {
    case 'verifikasi': {
      const keparahan = action.keparahan ?? incident.keparahan;
      const floor = initialLevel(keparahan);
      const raise = levelIndex(floor) > levelIndex(incident.level);
      return {
        ok: true,
        value: {
          ...incident,
          status: to,
          keparahan,
          verifiedAt: now,
          level: raise ? floor : incident.level,
          levelSince: raise ? now : incident.levelSince,
        },
      };
    }
    case 'gabung':
      if (action.intoId.trim() === '') return { ok: false, code: 'data_wajib' };
      return { ok: true, value: { ...closed, mergedIntoId: action.intoId } };
    case 'tolak':
      if (action.alasan.trim() === '') return { ok: false, code: 'data_wajib' };
      return { ok: true, value: { ...closed, catatan: action.alasan.trim() } };
    case 'tangani':
      if (action.penanggungJawab.trim() === '') return { ok: false, code: 'data_wajib' };
      return {
        ok: true,
        value: { ...incident, status: to, assignedAt: now, penanggungJawab: action.penanggungJawab.trim() },
      };
    case 'selesaikan':
      if (action.catatan.trim() === '') return { ok: false, code: 'data_wajib' };
      return { ok: true, value: { ...closed, catatan: action.catatan.trim() } };
    case 'rujuk':
      return { ok: true, value: { ...closed, referredTo: action.tujuan } };
  }
}

/**
 * Minutes an incident may wait at one level before it climbs: while `baru` (not verified) and while
 * `diverifikasi` (verified, nobody assigned). Once someone handles it the clock stops.
 */
export interface EscalationPolicy {
  verifyMinutes: Record<Keparahan, number>;
  assignMinutes: Record<Keparahan, number>;
}

/**
 * Siaga's defaults (issue #5): kritis 15 min, tinggi 60 min, sedang 4 h, rendah 24 h, for both
 * verification and assignment. Rationale: a clash near a posko (kritis) spreads within the hour;
 * an ASN-neutrality post (rendah) can wait for the next day's check.
 */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  verifyMinutes: { kritis: 15, tinggi: 60, sedang: 240, rendah: 1440 },
  assignMinutes: { kritis: 15, tinggi: 60, sedang: 240, rendah: 1440 },
};

export interface EscalationClock {
  level: LevelEskalasi;
  /** The level it will climb to, or null at the top or when the clock is stopped. */
  nextLevel: LevelEskalasi | null;
  /** Instant of the next escalation, or null when none will happen. */
  dueAt: Date | null;
  /** True from dueAt on (at exactly dueAt the limit is used up). */
  isDue: boolean;
  /** Whole minutes left, negative when overdue; null when no escalation is pending. */
  minutesLeft: number | null;
}

function clockStart(incident: Kejadian): Date {
  if (incident.status === 'diverifikasi' && incident.verifiedAt !== null) {
    return incident.verifiedAt.getTime() > incident.levelSince.getTime()
      ? incident.verifiedAt
      : incident.levelSince;
  }
  return incident.levelSince;
}

/** When the incident next escalates and whether that is now, for the clock everyone on the chain sees. */
export function escalationDue(incident: Kejadian, now: Date, policy: EscalationPolicy): EscalationClock {
  const up = nextLevel(incident.level);
  const waiting = incident.status === 'baru' || incident.status === 'diverifikasi';
  if (up === null || !waiting) {
    return { level: incident.level, nextLevel: null, dueAt: null, isDue: false, minutesLeft: null };
  }
  const limits = incident.status === 'baru' ? policy.verifyMinutes : policy.assignMinutes;
  const dueAt = new Date(clockStart(incident).getTime() + limits[incident.keparahan] * 60_000);
  const msLeft = dueAt.getTime() - now.getTime();
  return {
    level: incident.level,
    nextLevel: up,
    dueAt,
    isDue: msLeft <= 0,
    minutesLeft: msLeft >= 0 ? Math.floor(msLeft / 60_000) : -Math.ceil(-msLeft / 60_000),
  };
}

/**
 * Applies every escalation due by `now`. Each new level's clock starts at the instant the previous
 * limit ran out (not at `now`), so a late-running job does not give the next level extra time.
 */
export function applyEscalation(incident: Kejadian, now: Date, policy: EscalationPolicy): Kejadian {
  let current = incident;
  for (;;) {
    const clock = escalationDue(current, now, policy);
    if (!clock.isDue || clock.nextLevel === null || clock.dueAt === null) return current;
    current = { ...current, level: clock.nextLevel, levelSince: clock.dueAt };
  }
}

/** True when a severity is at least `min` (for filters such as "tinggi and above"). */
export function isAtLeast(keparahan: Keparahan, min: Keparahan): boolean {
  return compareKeparahan(keparahan, min) >= 0;
}
