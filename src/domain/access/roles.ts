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
  // Dinas Komunikasi dan Informatika: the Pemda's media monitoring desk (docs/domain/medsos.md).
  'diskominfo',
  'dinkes',
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
  'pemantau_medsos',
  'kpps',
  'dinkes',
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
  'kerawanan:import',
  'kerawanan:observe',
  'kerawanan:override',
  'kerawanan:configure',
  'koordinasi:read',
  'koordinasi:act',
  'koordinasi:manage',
  'imbauan:send',
  'nphd:manage',
  'pengamanan:read',
  'pengamanan:plan',
  'pengamanan:approve',
  'logistik:read',
  'logistik:plan',
  'logistik:handover',
  'laporan:read',
  'laporan:submit',
  'laporan:approve',
  'kejadian:report',
  'kejadian:triage',
  'kejadian:restricted',
  'kejadian:refer',
  'hari_h:report',
  'sms:manage',
  'pemilihan:manage',
  'hari_libur:manage',
  'kampanye:read',
  'kampanye:manage',
  'patroli:read',
  'patroli:plan',
  'patroli:run',
  'netralitas:read',
  'netralitas:handle',
  'medsos:read',
  'medsos:record',
  'medsos:triage',
  'medsos:takedown',
  'petugas:read',
  'petugas:manage',
  'petugas:identitas',
  'petugas:kesehatan',
  'petugas:hadir',
  'petugas:configure',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The campaign schedule is read by everyone in scope: the KPU publishes it, the forces plan on it. */
const READ: Permission[] = [
  'wilayah:read',
  'tps:read',
  'kerawanan:read',
  'koordinasi:read',
  'laporan:read',
  'kampanye:read',
  'petugas:read',
];
/** Everyone who works a wilayah ticks their agency's action items and checklist, and acknowledges imbauan. */
const ACT: Permission[] = [...READ, 'koordinasi:act', 'laporan:submit', 'kejadian:report', 'hari_h:report'];
/**
 * The security plan is need-to-know: those who command or are placed in it (Forkopimda, Kesbangpol,
 * camat, lurah and the tiga pilar), not election supervisors or viewers. Planning and approving are
 * further limited to Polri in the service (the Kabag Ops plans, the Kapolres approves).
 */
const PAM_READ: Permission = 'pengamanan:read';
/**
 * Logistics (issue #18): KPU's operator (Kesbangpol's operator role, or an operator of agency KPU)
 * and the Polres plan the legs; those in the field where a leg arrives record its handover (camat,
 * lurah, tiga pilar), as the KPU operator and the Polres may; Bawaslu supervises the distribution and
 * reads it. Routes and escorts are need-to-know: no viewer.
 */
const LOG_FIELD: Permission[] = ['logistik:read', 'logistik:handover'];
/**
 * Laporan and kejadian: everyone in the field reports (ACT). Kesbangpol approves and publishes the
 * consolidated report; Forkopimda, Kesbangpol and the camat triage incidents; restricted incidents and
 * confidential reporters are for Forkopimda and Kesbangpol; Bawaslu and Kesbangpol refer violations
 * to Gakkumdu (docs/domain/laporan.md).
 */
/**
 * Media sosial (docs/domain/medsos.md): posts with their account names and screenshots of hate speech
 * are need-to-know. Those who watch (Polres siber and Diskominfo as pemantau_medsos, Bawaslu, Kesbangpol)
 * record; Kesbangpol, the Forkopimda and the watchers triage; the watchers and Kesbangpol file takedown
 * requests; the camat reads what concerns the kecamatan. Village roles and guests do not see posts.
 */
const MEDSOS_ALL: Permission[] = ['medsos:read', 'medsos:record', 'medsos:triage', 'medsos:takedown'];
const LAPORAN_ALL: Permission[] = [
  'koordinasi:act',
  'laporan:submit',
  'laporan:approve',
  'kejadian:report',
  'kejadian:triage',
  'kejadian:restricted',
  'kejadian:refer',
  'hari_h:report',
  'sms:manage',
];

/**
 * Operations between the mapping and voting day (docs/domain/kampanye.md, patroli.md, netralitas.md):
 * the Polres (forkopimda) and Bawaslu (pengawas) record campaign events, paslon and posko; the
 * Forkopimda plans joint patrols and the field officers (Babinsa, Bhabinkamtibmas, Bawaslu on its own
 * patrols) run them from a phone; a patrol's route is need-to-know (access/rute-patroli.ts), so the
 * others in scope read only that one was held; Bawaslu handles neutrality complaints, which the
 * Forkopimda and Kesbangpol follow.
 */
const KAMPANYE_MANAGE: Permission = 'kampanye:manage';
const PATROLI_READ: Permission = 'patroli:read';
/**
 * Petugas (issue 19): everyone who reads sees the rosters, completeness, hours and counts with NIK,
 * phone and health masked. Identity (NIK, phone, birth date) and health are personal data (UU
 * 27/2022): the KPU operator who keeps the roster and the Dinas Kesehatan who screens see them (an
 * operator only when of the KPU, decided in domain/petugas/data-pribadi.ts), a KPPS chair those of their
 * own TPS; every such read is audited. The KPU operator and the KPPS chair check officers in and out;
 * an admin sets a region's fatigue thresholds and how long health data outlives the election
 * (docs/domain/petugas.md).
 */
const PETUGAS_PRIBADI: Permission[] = ['petugas:identitas', 'petugas:kesehatan'];

/**
 * Role → permissions, the same table as docs/domain/access.md (a test compares them). Reading is
 * everyone's; writing the TPS registry is for operators and admins. The kerawanan checklist is
 * Bawaslu's instrument, filled by its PKD and Panwascam (pengawas; SE Bawaslu 112/2024): the lurah,
 * camat and the tiga pilar read it and add observations Bawaslu may take up; Kesbangpol imports the
 * mapping Bawaslu released; a planner (forkopimda, e.g. the Polres) may override the suggested category.
 * Kesbangpol (operator) records the elections of its region (a PSU, a Pilkades) and runs the Forkopimda rakor
 * and NPHD; an admin also keeps the holiday list; the camat runs the Forkopimcam rakor; Forkopimda,
 * Kesbangpol and camat send imbauan down the hierarchy (docs/domain/koordinasi.md).
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    ...READ,
    'tps:write',
    'tps:import',
    'user:read',
    'user:manage',
    'audit:read',
    'pemilihan:manage',
    'hari_libur:manage',
    'kerawanan:assess',
    'kerawanan:import',
    'kerawanan:observe',
    'kerawanan:override',
    'kerawanan:configure',
    'koordinasi:manage',
    'imbauan:send',
    'nphd:manage',
    PAM_READ,
    'pengamanan:plan',
    'pengamanan:approve',
    'logistik:read',
    'logistik:plan',
    'logistik:handover',
    ...LAPORAN_ALL,
    ...MEDSOS_ALL,
    KAMPANYE_MANAGE,
    PATROLI_READ,
    'patroli:plan',
    'patroli:run',
    'netralitas:read',
    'netralitas:handle',
    'petugas:manage',
    'petugas:configure',
  ],
  forkopimda: [
    ...ACT,
    'user:read',
    'audit:read',
    'kerawanan:override',
    'imbauan:send',
    PAM_READ,
    'pengamanan:plan',
    'pengamanan:approve',
    'logistik:read',
    'logistik:plan',
    'logistik:handover',
    'kejadian:triage',
    'kejadian:restricted',
    'medsos:read',
    'medsos:triage',
    KAMPANYE_MANAGE,
    PATROLI_READ,
    'patroli:plan',
    'patroli:run',
    'netralitas:read',
  ],
  operator: [
    ...ACT,
    'pemilihan:manage',
    'tps:write',
    'tps:import',
    'kerawanan:import',
    'kerawanan:override',
    'koordinasi:manage',
    'imbauan:send',
    'nphd:manage',
    PAM_READ,
    'logistik:read',
    'logistik:plan',
    'logistik:handover',
    'laporan:approve',
    'kejadian:triage',
    'kejadian:restricted',
    'kejadian:refer',
    'sms:manage',
    'petugas:manage',
    ...PETUGAS_PRIBADI,
    'petugas:hadir',
    ...MEDSOS_ALL,
    PATROLI_READ,
    'netralitas:read',
  ],
  camat: [
    ...ACT,
    'kerawanan:observe',
    'koordinasi:manage',
    'imbauan:send',
    PAM_READ,
    ...LOG_FIELD,
    'kejadian:triage',
    'medsos:read',
    PATROLI_READ,
  ],
  lurah: [...ACT, 'kerawanan:observe', PAM_READ, PATROLI_READ, ...LOG_FIELD],
  babinsa: [...ACT, 'kerawanan:observe', PAM_READ, PATROLI_READ, 'patroli:run', ...LOG_FIELD],
  bhabinkamtibmas: [...ACT, 'kerawanan:observe', PAM_READ, PATROLI_READ, 'patroli:run', ...LOG_FIELD],
  pengawas: [
    ...ACT,
    'kerawanan:assess',
    'kerawanan:import',
    'kejadian:refer',
    'medsos:read',
    'medsos:record',
    KAMPANYE_MANAGE,
    PATROLI_READ,
    'patroli:run',
    'netralitas:read',
    'netralitas:handle',
    'logistik:read',
  ],
  // A monitoring officer reads the picture, makes an incident of a post and works the posts themselves.
  pemantau_medsos: [...READ, 'kejadian:report', ...MEDSOS_ALL],
  // The KPPS chair runs one TPS: reports from it and checks its members in and out.
  kpps: [...READ, 'kejadian:report', 'hari_h:report', ...PETUGAS_PRIBADI, 'petugas:hadir'],
  // The Dinas Kesehatan and its Puskesmas screen officers before H and follow those who fall ill.
  dinkes: [...READ, 'kejadian:report', ...PETUGAS_PRIBADI],
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
  pemantau_medsos: ['provinsi', 'kabkota'],
  kpps: ['desa'],
  dinkes: ['provinsi', 'kabkota', 'kecamatan'],
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
