/** What /api/auth/me answers for the demo's Babinsa of Tompotikka, for tests of field forms. */
import { ROLE_PERMISSIONS } from '../domain/access/roles';

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
