/**
 * User administration: an admin manages the users inside their own wilayah, never above it; roles
 * are bound to the wilayah levels they govern (domain/access/roles.ts).
 */
import type { User, UserCreateInput, UserUpdateInput } from '../../../contracts/users';
import { ROLE_SCOPE_LEVELS, canBeNational, type Role } from '../../../domain/access/roles';
import { isInScope, type Actor } from '../../../domain/access/scope';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import type { Db } from '../../db/client';
import { DomainError, forbidden, notFound } from '../../errors';
import type { AuditLog } from '../../cross-cutting/audit-log';
import type { AuthService } from '../auth/auth.service';
import { hashPassword } from '../auth/password';
import { authorize } from '../../cross-cutting/access';
import type { WilayahService } from '../wilayah/wilayah.service';
import { findUserById, findUsersPage, insertUser, updateUser, usernameExists } from './users.repo';
import { toUserView } from './users.view';

const LEVEL_NAMES = {
  provinsi: 'provinsi',
  kabkota: 'kabupaten/kota',
  kecamatan: 'kecamatan',
  desa: 'kelurahan/desa',
};

/** Checks that `role` may hold `kode` as its scope, and that the actor may grant it. */
function checkRoleScope(actor: Actor, role: Role, kode: string | null): void {
  if (kode === null) {
    if (!canBeNational(role)) {
      throw new DomainError('validation', 'Hanya admin yang boleh bercakupan nasional', {
        field: 'kodeWilayah',
      });
    }
    if (actor.kodeWilayah !== null) throw forbidden('Anda tidak dapat memberi cakupan nasional');
    return;
  }
  const parsed = parseKodeWilayah(kode);
  if (!parsed.ok) throw new DomainError('validation', 'Kode wilayah tidak valid', { field: 'kodeWilayah' });
  const allowed = ROLE_SCOPE_LEVELS[role];
  if (!allowed.includes(parsed.value.level)) {
    throw new DomainError(
      'validation',
      `Peran ${role} harus bercakupan ${allowed.map((level) => LEVEL_NAMES[level]).join(' atau ')}`,
      { field: 'kodeWilayah' },
    );
  }
  if (!isInScope(actor, kode)) throw forbidden('Wilayah ini di luar cakupan Anda');
}

export function createUsersService(deps: {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  /** Sessions end through their own module (auth), in the change's transaction. */
  auth: Pick<AuthService, 'endSessionsOf'>;
  /** Called after a change that ends or narrows a user's sessions commits (this node's cache). */
  onSessionsChanged?: (userId: string) => void;
}) {
  const { db } = deps;

  async function getVisible(actor: Actor, id: string): Promise<User> {
    authorize(actor, 'user:read', actor.kodeWilayah);
    const row = await findUserById(db, id);
    if (
      !row ||
      (row.kode_wilayah === null ? actor.kodeWilayah !== null : !isInScope(actor, row.kode_wilayah))
    ) {
      throw notFound('Pengguna');
    }
    return toUserView(row);
  }

  return {
    async list(
      actor: Actor,
      query: { page: number; pageSize: number; q?: string | undefined; role?: Role | undefined },
    ) {
      authorize(actor, 'user:read', actor.kodeWilayah);
      const { rows, total } = await findUsersPage(
        db,
        { scopeKode: actor.kodeWilayah, q: query.q, role: query.role },
        query,
      );
      return { items: rows.map(toUserView), page: query.page, pageSize: query.pageSize, total };
    },

    get: getVisible,

    async create(actor: Actor, input: UserCreateInput): Promise<User> {
      authorize(actor, 'user:manage', input.kodeWilayah ?? actor.kodeWilayah);
      checkRoleScope(actor, input.role, input.kodeWilayah);
      if (input.kodeWilayah !== null) await deps.wilayah.require(input.kodeWilayah);
      const passwordHash = await hashPassword(input.password);
      const id = await db.transaction().execute(async (trx) => {
        if (await usernameExists(trx, input.username)) {
          throw new DomainError('conflict', `Nama pengguna ${input.username} sudah dipakai`, {
            field: 'username',
          });
        }
        const { id } = await insertUser(trx, {
          username: input.username,
          nama: input.nama,
          password_hash: passwordHash,
          role: input.role,
          agency: input.agency,
          kode_wilayah: input.kodeWilayah,
        });
        const { password: _password, ...after } = input;
        await deps.audit.record(trx, actor, {
          action: 'create',
          entity: 'user',
          entityId: id,
          kodeWilayah: input.kodeWilayah,
          before: null,
          after,
        });
        return id;
      });
      return getVisible(actor, id);
    },

    async update(actor: Actor, id: string, input: UserUpdateInput): Promise<User> {
      const before = await getVisible(actor, id);
      authorize(actor, 'user:manage', before.kodeWilayah ?? actor.kodeWilayah);
      const role = input.role ?? before.role;
      const kode = input.kodeWilayah === undefined ? before.kodeWilayah : input.kodeWilayah;
      if (input.role !== undefined || input.kodeWilayah !== undefined) checkRoleScope(actor, role, kode);
      if (
        id === actor.userId &&
        (input.isActive === false || (input.role !== undefined && input.role !== 'admin'))
      ) {
        throw new DomainError(
          'invalid_state',
          'Anda tidak dapat menonaktifkan atau menurunkan peran akun sendiri',
        );
      }
      if (input.kodeWilayah) await deps.wilayah.require(input.kodeWilayah);
      const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
      await db.transaction().execute(async (trx) => {
        const updated = await updateUser(trx, id, input.version, {
          ...(input.nama === undefined ? {} : { nama: input.nama }),
          ...(input.role === undefined ? {} : { role: input.role }),
          ...(input.agency === undefined ? {} : { agency: input.agency }),
          ...(input.kodeWilayah === undefined ? {} : { kode_wilayah: input.kodeWilayah }),
          ...(input.isActive === undefined ? {} : { is_active: input.isActive }),
          ...(passwordHash === undefined ? {} : { password_hash: passwordHash }),
        });
        if (!updated) throw new DomainError('conflict', 'Pengguna ini sudah diubah orang lain; muat ulang');
        // A deactivated user, a new password or a narrower scope ends every open session at once.
        if (
          input.isActive === false ||
          passwordHash !== undefined ||
          input.kodeWilayah !== undefined ||
          input.role
        ) {
          await deps.auth.endSessionsOf(trx, id);
        }
        const { password, version: _version, ...changes } = input;
        await deps.audit.record(trx, actor, {
          action: 'update',
          entity: 'user',
          entityId: id,
          kodeWilayah: kode,
          before,
          after: { ...changes, ...(password === undefined ? {} : { passwordChanged: true }) },
        });
      });
      // Other nodes hear it from the database (migration 20261128T0008); this one forgets now.
      deps.onSessionsChanged?.(id);
      return getVisible(actor, id);
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
