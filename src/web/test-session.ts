/** What /api/auth/me answers for the demo's Babinsa of Tompotikka, for tests of field forms. */
import { ROLE_PERMISSIONS, type Role } from '../domain/access/roles';

export const BABINSA_TOMPOTIKKA = {
  csrfToken: 'csrf',
  user: {
    id: 'u1',
    username: 'babinsa.tompotikka',
    nama: 'Babinsa Tompotikka',
    role: 'babinsa',
    agency: 'tni',
    kodeWilayah: '73.73.01.1001',
    namaWilayah: 'Tompotikka',
    permissions: ROLE_PERMISSIONS.babinsa,
  },
};

/** What /api/auth/me answers for a Kesbangpol user of `role` in one area, for tests of the pages they read. */
export function kesbangpolSession(role: Role, area: { kodeWilayah: string; namaWilayah: string }) {
  return {
    csrfToken: 'csrf',
    user: {
      id: 'u1',
      username: `${role}.uji`,
      nama: `${role} ${area.namaWilayah}`,
      role,
      agency: 'kesbangpol',
      ...area,
      permissions: ROLE_PERMISSIONS[role],
    },
  };
}
