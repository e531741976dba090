/**
 * Joint patrols (patroli bersama): who takes part, how a patrol runs from plan to end on a phone, and
 * which rawan kelurahan the week's patrols passed. Sources and defaults: docs/domain/patroli.md.
 */

/** The forces of a joint patrol (seed 000: TNI, Polri, Satpol PP; Bawaslu against money politics). */
export const UNSUR_PATROLI = ['polri', 'tni', 'satpol_pp', 'bawaslu'] as const;
export type UnsurPatroli = (typeof UNSUR_PATROLI)[number];

/** A routine security patrol, or one against money politics (politik uang) in the masa tenang. */
export const TUJUAN_PATROLI = ['kamtibmas', 'politik_uang'] as const;
export type TujuanPatroli = (typeof TUJUAN_PATROLI)[number];

export const STATUS_PATROLI = ['rencana', 'berjalan', 'selesai', 'batal'] as const;
export type StatusPatroli = (typeof STATUS_PATROLI)[number];

/**
 * The composition a plan must have (Siaga default, configurable): at least two forces (a joint
 * patrol), and Bawaslu on a patrol against money politics, since only Bawaslu establishes the
 * violation (UU 10/2016 Pasal 73 and 187A; Bawaslu leads the "patroli pengawasan" of the masa tenang).
 */
export function checkUnsur(unsur: readonly UnsurPatroli[], tujuan: TujuanPatroli): string | null {
  if (new Set(unsur).size < 2) return 'unsur_kurang';
  if (tujuan === 'politik_uang' && !unsur.includes('bawaslu')) return 'tanpa_bawaslu';
  return null;
}

export type AksiLog = 'mulai' | 'titik' | 'temuan' | 'selesai';

/**
 * What a phone may append to a patrol's log in its state: it starts once, passes places and records
 * findings while under way, and ends once. A retried entry is answered by its client id before this
 * is asked, so a resend of "mulai" after it landed is not a second start.
 */
export function nextStatus(status: StatusPatroli, aksi: AksiLog): StatusPatroli | null {
  switch (aksi) {
    case 'mulai':
      return status === 'rencana' ? 'berjalan' : null;
    case 'titik':
    case 'temuan':
      return status === 'berjalan' ? 'berjalan' : null;
    case 'selesai':
      return status === 'berjalan' ? 'selesai' : null;
  }
}

export interface KelurahanRawan {
  kode: string;
  nama: string;
  kategori: 'rawan' | 'sangat_rawan';
}

export interface Lintasan {
  kodeWilayah: string;
  at: Date;
  patroliId: string;
}

export interface CakupanKelurahan extends KelurahanRawan {
  /** Distinct patrols that passed it in the window. */
  patroli: number;
  terakhirAt: Date | null;
}

export interface Cakupan {
  mulaiAt: Date;
  selesaiAt: Date;
  kelurahan: CakupanKelurahan[];
  dilewati: number;
  total: number;
}

/**
 * Which rawan kelurahan the patrols passed in [mulaiAt, selesaiAt): a place logged in a kelurahan
 * (or at a TPS inside it) counts for that kelurahan. Sangat rawan first, then the least patrolled,
 * so the gaps lead the list.
 */
export function cakupanRawan(
  rawan: readonly KelurahanRawan[],
  lintasan: readonly Lintasan[],
  mulaiAt: Date,
  selesaiAt: Date,
): Cakupan {
  const per = new Map<string, { patroli: Set<string>; terakhirAt: Date | null }>();
  for (const k of rawan) per.set(k.kode, { patroli: new Set(), terakhirAt: null });
  for (const l of lintasan) {
    if (l.at < mulaiAt || l.at >= selesaiAt) continue;
    const kelurahan = l.kodeWilayah.split('.').slice(0, 4).join('.');
    const entry = per.get(kelurahan);
    if (!entry) continue;
    entry.patroli.add(l.patroliId);
    if (entry.terakhirAt === null || l.at > entry.terakhirAt) entry.terakhirAt = l.at;
  }
  const kelurahan = rawan
    .map((k) => ({ ...k, patroli: per.get(k.kode)!.patroli.size, terakhirAt: per.get(k.kode)!.terakhirAt }))
    .sort(
      (a, b) =>
        Number(b.kategori === 'sangat_rawan') - Number(a.kategori === 'sangat_rawan') ||
        a.patroli - b.patroli ||
        a.kode.localeCompare(b.kode),
    );
  return {
    mulaiAt,
    selesaiAt,
    kelurahan,
    dilewati: kelurahan.filter((k) => k.patroli > 0).length,
    total: kelurahan.length,
  };
}

/** The Monday-to-Monday week (region's local days) holding `day`: [first day, day after the last]. */
export function mingguDari(day: string): { mulaiOn: string; selesaiOn: string } {
  const d = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  const mulai = new Date(d.getTime() - sinceMonday * 86_400_000);
  const selesai = new Date(mulai.getTime() + 7 * 86_400_000);
  return { mulaiOn: mulai.toISOString().slice(0, 10), selesaiOn: selesai.toISOString().slice(0, 10) };
}
