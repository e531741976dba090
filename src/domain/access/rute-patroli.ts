/**
 * Need-to-know of a patrol's route (issue 18: "a patrol's route is not for every lurah"). Where a
 * patrol goes, when, and what it passed tells anyone who would avoid it where not to be; so the route
 * and the log are for those who command or ride the forces, and the others with access to the area
 * see only that a patrol was planned there and how it ended. Table: docs/domain/access.md.
 */
import type { UnsurPatroli } from '../patroli/patroli';
import type { Actor } from './scope';
import type { Role } from './roles';

/** 'penuh': route, places passed and findings; 'ringkas': area, window, status and counts only. */
export type AksesPatroli = 'penuh' | 'ringkas';

/**
 * The forces and the Forkopimda: the Forkopimda roles (Kapolres, Dandim, the kepala daerah), the
 * village-assigned Babinsa and Bhabinkamtibmas who ride patrols, and the admin. Kesbangpol's
 * operator, the camat, the lurah and viewers are not on a patrol's need-to-know.
 */
const RUTE_PENUH: ReadonlySet<Role> = new Set(['admin', 'forkopimda', 'babinsa', 'bhabinkamtibmas']);

/** How much of a patrol the actor sees; Bawaslu's supervisors see the route of a patrol they ride. */
export function aksesRutePatroli(
  actor: Pick<Actor, 'role' | 'agency'>,
  patroli: { unsur: readonly UnsurPatroli[] },
): AksesPatroli {
  if (RUTE_PENUH.has(actor.role)) return 'penuh';
  if (actor.role === 'pengawas' && actor.agency === 'bawaslu' && patroli.unsur.includes('bawaslu')) {
    return 'penuh';
  }
  return 'ringkas';
}
