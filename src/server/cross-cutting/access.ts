/**
 * The server's enforcement of the one access rule (domain/access/scope.ts, decideAccess): every
 * service asks here before it reads or changes anything, and a refusal is a DomainError('forbidden').
 * It lives outside every module because every module needs it (ADR 0011).
 */
import type { Permission } from '../../domain/access/roles';
import { decideAccess, effectiveScope, type Actor } from '../../domain/access/scope';
import { forbidden } from '../errors';

/** Refuses unless the actor's role holds `permission` and `kode` lies inside the actor's scope. */
export function authorize(actor: Actor, permission: Permission, kode: string | null): void {
  const decision = decideAccess(actor, permission, kode);
  if (!decision.allowed) {
    throw forbidden(
      decision.reason === 'scope'
        ? 'Wilayah ini di luar cakupan Anda'
        : 'Peran Anda tidak berwenang untuk tindakan ini',
    );
  }
}

/** The wilayah a read may cover: the requested one if inside the actor's scope, else refused. */
export function scopeFor(actor: Actor, requested: string | undefined): string | null {
  const scope = effectiveScope(actor, requested);
  if (scope === false) throw forbidden('Wilayah ini di luar cakupan Anda');
  return scope;
}
