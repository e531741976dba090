/**
 * Posts on social media that a monitoring officer records (docs/domain/medsos.md): their
 * classification, their triage (like an incident's: verify, merge duplicates, dismiss, escalate) and
 * the takedown requests that follow them. The categories are the social-media risks the seeds and the
 * glossary name (seed 000: "penggunaan media sosial yang bisa memicu konflik"; seed 001: sentiment
 * "di ranah media sosial"; GLOSSARY "SARA"); the states and their order are Siaga's default.
 */

export const KATEGORI_MEDSOS = [
  'hoaks',
  'sara',
  'ujaran_kebencian',
  'provokasi',
  'kampanye_hitam',
  'politik_uang',
] as const;
export type KategoriMedsos = (typeof KATEGORI_MEDSOS)[number];

/**
 * The incident category (kejadian/kategori.ts) a post's incident gets: an offer of money is politik
 * uang (a crime under UU 10/2016 Pasal 187A); every other kind is hoaks/provokasi.
 */
export const KATEGORI_KEJADIAN_OF: Record<KategoriMedsos, 'politik_uang' | 'hoaks_provokasi'> = {
  hoaks: 'hoaks_provokasi',
  sara: 'hoaks_provokasi',
  ujaran_kebencian: 'hoaks_provokasi',
  provokasi: 'hoaks_provokasi',
  kampanye_hitam: 'hoaks_provokasi',
  politik_uang: 'politik_uang',
};

/**
 * baru → diverifikasi | digabung | diabaikan; diverifikasi → dieskalasi | digabung | diabaikan.
 * digabung (a duplicate or re-share, counted in the post it joined) and diabaikan are final;
 * dieskalasi (raised to the Forkopimda) stays open to its incidents and takedowns.
 */
export const STATUS_MEDSOS = ['baru', 'diverifikasi', 'dieskalasi', 'digabung', 'diabaikan'] as const;
export type StatusMedsos = (typeof STATUS_MEDSOS)[number];

export const AKSI_MEDSOS = ['verifikasi', 'gabung', 'abaikan', 'eskalasi', 'klasifikasi'] as const;
export type AksiMedsos = (typeof AKSI_MEDSOS)[number];

const NEXT: Record<
  Exclude<AksiMedsos, 'klasifikasi'>,
  { from: readonly StatusMedsos[]; to: StatusMedsos }
> = {
  verifikasi: { from: ['baru'], to: 'diverifikasi' },
  gabung: { from: ['baru', 'diverifikasi'], to: 'digabung' },
  abaikan: { from: ['baru', 'diverifikasi'], to: 'diabaikan' },
  eskalasi: { from: ['diverifikasi'], to: 'dieskalasi' },
};

/** Final states: nothing more happens to the post itself (its evidence stays). */
export function isFinal(status: StatusMedsos): boolean {
  return status === 'digabung' || status === 'diabaikan';
}

/** True once the post is confirmed: only then are incidents made of it and takedowns requested. */
export function isVerified(status: StatusMedsos): boolean {
  return status === 'diverifikasi' || status === 'dieskalasi';
}

/** The state after a triage action, or why it cannot be taken now. */
export function nextStatus(
  status: StatusMedsos,
  aksi: AksiMedsos,
): { ok: true; status: StatusMedsos } | { ok: false; code: 'status_tidak_sesuai' } {
  if (aksi === 'klasifikasi')
    return isFinal(status) ? { ok: false, code: 'status_tidak_sesuai' } : { ok: true, status };
  const rule = NEXT[aksi];
  return rule.from.includes(status)
    ? { ok: true, status: rule.to }
    : { ok: false, code: 'status_tidak_sesuai' };
}

/** Which actions a post allows in its state (the reader's permission is checked apart). */
export function aksiTersedia(status: StatusMedsos): AksiMedsos[] {
  return AKSI_MEDSOS.filter((aksi) => nextStatus(status, aksi).ok);
}

/**
 * A takedown request goes to the platform (its reporting channel or a trusted-flagger desk) or to
 * the ministry (Komdigi, formerly Kominfo, which may order access cut under UU 11/2008 jo. UU 1/2024
 * Pasal 40). diajukan → diproses → diturunkan | ditolak; a quick answer may skip diproses.
 */
export const TUJUAN_TAKEDOWN = ['platform', 'komdigi'] as const;
export type TujuanTakedown = (typeof TUJUAN_TAKEDOWN)[number];
export const STATUS_TAKEDOWN = ['diajukan', 'diproses', 'diturunkan', 'ditolak'] as const;
export type StatusTakedown = (typeof STATUS_TAKEDOWN)[number];

const TAKEDOWN_NEXT: Record<StatusTakedown, readonly StatusTakedown[]> = {
  diajukan: ['diproses', 'diturunkan', 'ditolak'],
  diproses: ['diturunkan', 'ditolak'],
  diturunkan: [],
  ditolak: [],
};

export function canMoveTakedown(from: StatusTakedown, to: StatusTakedown): boolean {
  return TAKEDOWN_NEXT[from].includes(to);
}

export function isTakedownOpen(status: StatusTakedown): boolean {
  return status === 'diajukan' || status === 'diproses';
}

export interface TakedownTimes {
  status: StatusTakedown;
  diajukanAt: Date;
  /** When it was answered (taken down or refused); null while open. */
  selesaiAt: Date | null;
}

/**
 * Minutes from request to takedown: the time to takedown once taken down, the time waited so far
 * (to `now`) while open, null when refused (there was no takedown to time).
 */
export function takedownMinutes(t: TakedownTimes, now: Date): number | null {
  if (t.status === 'ditolak') return null;
  const end = t.status === 'diturunkan' ? t.selesaiAt : now;
  if (end === null) return null;
  return Math.max(0, Math.floor((end.getTime() - t.diajukanAt.getTime()) / 60_000));
}
