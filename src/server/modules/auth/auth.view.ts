/**
 * A user's row as the Actor every service receives (a session's, a sign-in's, an SMS sender's), and a
 * live session's row as the contract's session answer.
 */
import type { SessionResponse } from '../../../contracts/auth';
import { ROLE_PERMISSIONS, type Agency, type Role } from '../../../domain/access/roles';
import type { Actor } from '../../../domain/access/scope';

export function actorOfUser(row: {
  id: string;
  username: string;
  role: Role;
  agency: Agency;
  kode_wilayah: string | null;
}): Actor {
  return {
    userId: row.id,
    username: row.username,
    role: row.role,
    agency: row.agency,
    kodeWilayah: row.kode_wilayah,
  };
}

/** The signed-in user with the permissions of their role, and the session's CSRF token. */
export function toSessionResponse(row: {
  id: string;
  username: string;
  nama: string;
  role: Role;
  agency: Agency;
  kode_wilayah: string | null;
  nama_wilayah: string | null;
  csrf_token: string;
}): SessionResponse {
  const role = row.role;
  return {
    user: {
      id: row.id,
      username: row.username,
      nama: row.nama,
      role,
      agency: row.agency,
      kodeWilayah: row.kode_wilayah,
      namaWilayah: row.nama_wilayah,
      permissions: [...ROLE_PERMISSIONS[role]],
    },
    csrfToken: row.csrf_token,
  };
}
