/**
 * Who may do what in Siaga. Roles and agencies follow the Forkopimda structure in the glossary;
 * the permission table is the single place that grants an action to a role (docs/domain/access.md).
 */
import type { WilayahLevel } from '../wilayah/kode-wilayah';

export const AGENCIES = [
  'pemda',
  'kesbangpol',
  'polri',
  'tni',
  'kejaksaan',
  'pengadilan',
  'kpu',
  'bawaslu',
  'dprd',
] as const;
export type Agency = (typeof AGENCIES)[number];

export const ROLES = [
  'admin',
  'forkopimda',
  'operator',
  'camat',
  'lurah',
  'babinsa',
  'bhabinkamtibmas',
  'pengawas',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'wilayah:read',
  'tps:read',
  'tps:write',
  'tps:import',
  'user:read',
  'user:manage',
  'audit:read',
  'kerawanan:read',
  'kerawanan:assess',
  'kerawanan:override',
  'kerawanan:configure',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['wilayah:read', 'tps:read', 'kerawanan:read'];

/**
 * Role → permissions. Reading is everyone's; writing the TPS registry is for operators and admins.
 * The kerawanan checklist is filled by the village supervisor (PKD, a pengawas) or the lurah; a
 * planner (forkopimda, e.g. the Polres) may override the suggested category (docs/domain/kerawanan.md).
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    ...READ,
    'tps:write',
    'tps:import',
    'user:read',
    'user:manage',
    'audit:read',
    'kerawanan:assess',
    'kerawanan:override',
    'kerawanan:configure',
  ],
  forkopimda: [...READ, 'user:read', 'audit:read', 'kerawanan:override'],
  operator: [...READ, 'tps:write', 'tps:import', 'kerawanan:assess', 'kerawanan:override'],
  camat: READ,
  lurah: [...READ, 'kerawanan:assess'],
  babinsa: READ,
  bhabinkamtibmas: READ,
  pengawas: [...READ, 'kerawanan:assess'],
  viewer: READ,
};

/**
 * The wilayah levels a role's scope may be set at. A camat governs one kecamatan and a lurah one
 * kelurahan/desa, as do the village-assigned Babinsa and Bhabinkamtibmas; only an admin may be
 * national (scope null).
 */
export const ROLE_SCOPE_LEVELS: Record<Role, readonly WilayahLevel[]> = {
  admin: ['provinsi', 'kabkota'],
  forkopimda: ['provinsi', 'kabkota'],
  operator: ['provinsi', 'kabkota', 'kecamatan'],
  camat: ['kecamatan'],
  lurah: ['desa'],
  babinsa: ['desa', 'kecamatan'],
  bhabinkamtibmas: ['desa'],
  pengawas: ['provinsi', 'kabkota', 'kecamatan', 'desa'],
  viewer: ['provinsi', 'kabkota', 'kecamatan', 'desa'],
};

/** Only an admin may hold the national scope (no wilayah). */
export function canBeNational(role: Role): boolean {
  return role === 'admin';
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Only an admin hands out roles; the target's scope must still lie inside the admin's own. */
export function canManageUsers(actorRole: Role): boolean {
  return hasPermission(actorRole, 'user:manage');
}
