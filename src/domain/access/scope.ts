/**
 * Wilayah scope: every read and write is checked here, in one place (docs/domain/access.md).
 * A scope is a kode wilayah; null means the whole nation.
 */
import { isAncestorOf, isWithinWilayah } from '../wilayah/kode-wilayah';
import { hasPermission, type Agency, type Permission, type Role } from './roles';

export interface Actor {
  userId: string;
  username: string;
  role: Role;
  agency: Agency;
  /** The user's wilayah; null for a national admin. */
  kodeWilayah: string | null;
}

/** True when the actor's scope covers `kode` (the kode itself or anything below it). */
export function isInScope(actor: Pick<Actor, 'kodeWilayah'>, kode: string): boolean {
  return actor.kodeWilayah === null || isWithinWilayah(kode, actor.kodeWilayah);
}

/**
 * True when the actor may see `kode` as a step on the way to their own area: its name appears in
 * breadcrumbs and tree navigation, but nothing inside it outside the scope is shown.
 */
export function isOnPathToScope(actor: Pick<Actor, 'kodeWilayah'>, kode: string): boolean {
  return actor.kodeWilayah !== null && isAncestorOf(kode, actor.kodeWilayah);
}

/**
 * True when a record about `kode` concerns the actor: inside their scope, or one of its ancestors
 * (a lurah sees the city's rakor and decisions and the path to their kelurahan, never a neighbour's).
 */
export function isRelated(actor: Pick<Actor, 'kodeWilayah'>, kode: string): boolean {
  return isInScope(actor, kode) || isOnPathToScope(actor, kode);
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: 'permission' | 'scope' };

/** The one access rule: the role must hold the permission and the target must lie within scope. */
export function decideAccess(
  actor: Actor,
  permission: Permission,
  targetKode: string | null,
): AccessDecision {
  if (!hasPermission(actor.role, permission)) return { allowed: false, reason: 'permission' };
  if (targetKode === null) {
    return actor.kodeWilayah === null ? { allowed: true } : { allowed: false, reason: 'scope' };
  }
  return isInScope(actor, targetKode) ? { allowed: true } : { allowed: false, reason: 'scope' };
}

/**
 * Narrows a requested wilayah filter to what the actor may see: no filter means "my whole scope";
 * a filter outside the scope is refused (null).
 */
export function effectiveScope(
  actor: Pick<Actor, 'kodeWilayah'>,
  requested: string | undefined,
): string | null | false {
  if (requested === undefined) return actor.kodeWilayah;
  return isInScope(actor, requested) ? requested : false;
}
