/** A user's row as the contract's User: camelCase fields, the last sign-in as an ISO instant. */
import type { User } from '../../../contracts/users';
import type { UserRow } from './users.repo';

export function toUserView(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    nama: row.nama,
    role: row.role,
    agency: row.agency,
    kodeWilayah: row.kode_wilayah,
    namaWilayah: row.nama_wilayah,
    isActive: row.is_active,
    version: row.version,
    lastLoginAt: row.last_login_at === null ? null : new Date(row.last_login_at).toISOString(),
  };
}
