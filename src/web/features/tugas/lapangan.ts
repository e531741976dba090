/**
 * Where a field user lands and which menus they see (issue 14): "Tugas saya" first, and only the pages
 * they work with. Desk pages (NPHD, the security plan's tables, the anev, the election register) stay
 * with the kab/kota; a camat also runs the Forkopimcam rakor and sends imbauan.
 */
import type { SessionUser } from '../../../contracts/auth';
import { isFieldUser } from '../../../domain/lapangan/tugas';
import type { WilayahLevel } from '../../../domain/wilayah/kode-wilayah';

const LEVELS: readonly WilayahLevel[] = ['provinsi', 'kabkota', 'kecamatan', 'desa'];

/** The level of a user's scope (null: national). */
export function scopeLevel(kodeWilayah: string | null): WilayahLevel | null {
  return kodeWilayah === null ? null : (LEVELS[kodeWilayah.split('.').length - 1] ?? null);
}

export function isFieldSession(user: Pick<SessionUser, 'role' | 'kodeWilayah'> | null): boolean {
  return user !== null && isFieldUser(user.role, scopeLevel(user.kodeWilayah));
}

/** The first page after signing in: a field user's tasks, everyone else's own wilayah. */
export function homePath(user: Pick<SessionUser, 'role' | 'kodeWilayah'>): string {
  // A KPPS chair runs one TPS: its people are their page.
  if (user.role === 'kpps') return '/petugas';
  if (isFieldSession(user)) return '/tugas';
  return user.kodeWilayah ? `/wilayah/${user.kodeWilayah}` : '/wilayah';
}

export type MenuKey =
  | 'tugas'
  | 'koordinasi'
  | 'pemilihan'
  | 'wilayah'
  | 'tps'
  | 'peta'
  | 'kerawanan'
  | 'laporan'
  | 'hariH'
  | 'kejadian'
  | 'petugas'
  | 'medsos'
  | 'rakor'
  | 'imbauan'
  | 'nphd'
  | 'anev'
  | 'rekapitulasi'
  | 'pengamanan'
  | 'kampanye'
  | 'patroli'
  | 'netralitas'
  | 'logistik'
  | 'impor'
  | 'pengguna'
  | 'audit';

const DESA_MENU: readonly MenuKey[] = [
  'tugas',
  'laporan',
  'kejadian',
  // A Babinsa or Bhabinkamtibmas runs joint patrols from the phone; the lurah sees that they came.
  'patroli',
  'hariH',
  'logistik',
  'kerawanan',
  'imbauan',
  'tps',
  'peta',
];
const CAMAT_MENU: readonly MenuKey[] = [
  'tugas',
  'laporan',
  'kejadian',
  // The camat reads the posts that concern the kecamatan (docs/domain/medsos.md).
  'medsos',
  'hariH',
  'petugas',
  'rekapitulasi',
  'logistik',
  'kerawanan',
  'rakor',
  'imbauan',
  'koordinasi',
  'patroli',
  'kampanye',
  'wilayah',
  'tps',
  'peta',
];

/** The KPPS chair: their TPS's people, its voting-day stages, incidents. */
const KPPS_MENU: readonly MenuKey[] = ['petugas', 'hariH', 'kejadian', 'tps'];

/** The menus a field user sees, in this order; null for desk users (every menu their permissions allow). */
export function fieldMenu(user: Pick<SessionUser, 'role' | 'kodeWilayah'> | null): readonly MenuKey[] | null {
  if (user?.role === 'kpps') return KPPS_MENU;
  if (user === null || !isFieldSession(user)) return null;
  if (user.role === 'camat') return CAMAT_MENU;
  // A Babinsa or Panwascam over a whole kecamatan also walks its kelurahan.
  return scopeLevel(user.kodeWilayah) === 'kecamatan' ? [...DESA_MENU, 'wilayah'] : DESA_MENU;
}
