/** A live session's row as the Actor every service receives and as the contract's session answer. */
import type { SessionResponse } from '../../../contracts/auth';
import { ROLE_PERMISSIONS, type Agency, type Role } from '../../../domain/access/roles';
import type { Actor } from '../../../domain/access/scope';

export function actorOfRow(row: {
  user_id: string;
  username: string;
  role: Role;
  agency: Agency;
  kode_wilayah: string | null;
}): Actor {
  return {
    userId: row.user_id,
    username: row.username,
    role: row.role,
    agency: row.agency,
    kodeWilayah: row.kode_wilayah,
  };
}

/** The signed-in user with the permissions of their role, and the session's CSRF token. */
export function toSessionResponse(row: {
  user_id: string;
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
      id: row.user_id,
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
