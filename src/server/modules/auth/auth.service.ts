/**
 * Sign-in and sessions. The cookie holds a random 256-bit token; the database keeps only its SHA-256,
 * so a leaked backup cannot be replayed. Sessions slide: each use within the last half of its life
 * extends it. docs/decisions/0003-auth.md.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SessionResponse } from '../../../contracts/auth';
import type { Actor } from '../../../domain/access/scope';
import type { Db } from '../../db/client';
import { DomainError } from '../../errors';
import type { AuditLog } from '../../cross-cutting/audit-log';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  extendSession,
  findLiveSession,
  findUserByUsername,
  insertSession,
  markLogin,
} from './auth.repo';
import type { Clock } from '../../cross-cutting/clock';
import { dummyPasswordHash, verifyPassword } from './password';
import { createSessionCache, type SessionCache } from './session-cache';
import { actorOfUser, toSessionResponse } from './auth.view';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  body: SessionResponse;
}

export function createAuthService(deps: {
  audit: AuditLog;
  db: Db;
  clock: Clock;
  sessionHours: number;
  /** Resolved sessions shared with whatever else ends them (users service); see session-cache.ts. */
  cache?: SessionCache;
}) {
  const cache = deps.cache ?? createSessionCache();
  const lifetimeMs = deps.sessionHours * 3_600_000;

  return {
    /** Ends every session of a user, in the caller's transaction (a password reset, a deactivation). */
    async endSessionsOf(trx: Db, userId: string): Promise<void> {
      await deleteSessionsOfUser(trx, userId);
    },

    async login(username: string, password: string): Promise<{ token: string; session: ResolvedSession }> {
      const user = await findUserByUsername(deps.db, username);
      const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
      if (!user || !ok || !user.is_active) {
        throw new DomainError('invalid_credentials', 'Nama pengguna atau kata sandi salah');
      }
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const now = deps.clock.now();
      const actor = actorOfUser(user);
      await deps.db.transaction().execute(async (trx) => {
        await deleteExpiredSessions(trx, now);
        await insertSession(trx, {
          tokenHash: hashToken(token),
          userId: user.id,
          csrfToken,
          expiresAt: new Date(now.getTime() + lifetimeMs),
        });
        await markLogin(trx, user.id, now);
        await deps.audit.record(trx, actor, {
          action: 'login',
          entity: 'session',
          entityId: user.id,
          kodeWilayah: user.kode_wilayah,
          before: null,
          after: null,
        });
      });
      const resolved = await this.resolve(token);
      if (!resolved) throw new DomainError('internal', 'Sesi gagal dibuat');
      return { token, session: resolved };
    },

    async resolve(token: string): Promise<ResolvedSession | undefined> {
      const now = deps.clock.now();
      const tokenHash = hashToken(token);
      let entry = cache.get(tokenHash);
      // A cached expiry may be stale: another node may have extended the session since. Ask again.
      if (entry && entry.expiresAt <= now.getTime()) {
        cache.delete(tokenHash);
        entry = undefined;
      }
      if (!entry) {
        const row = await findLiveSession(deps.db, tokenHash, now);
        if (!row) return undefined;
        entry = {
          expiresAt: new Date(row.expires_at).getTime(),
          session: {
            actor: actorOfUser(row),
            csrfToken: row.csrf_token,
            body: toSessionResponse(row),
          },
        };
        cache.set(tokenHash, entry);
      }
      if (entry.expiresAt - now.getTime() < lifetimeMs / 2) {
        const expiresAt = new Date(now.getTime() + lifetimeMs);
        await extendSession(deps.db, tokenHash, now, expiresAt);
        entry.expiresAt = expiresAt.getTime();
      }
      return entry.session;
    },

    /** The expiry this node knows for a session it has resolved (live streams check it again then). */
    expiryOf(token: string): number | undefined {
      return cache.get(hashToken(token))?.expiresAt;
    },

    /**
     * The session as the database has it now, without extending it: an open live stream is not a use
     * that keeps a session alive, and another node may have extended or ended it.
     */
    async check(token: string): Promise<{ actor: Actor; expiresAt: number } | undefined> {
      const row = await findLiveSession(deps.db, hashToken(token), deps.clock.now());
      if (!row) return undefined;
      return {
        actor: actorOfUser(row),
        expiresAt: new Date(row.expires_at).getTime(),
      };
    },

    async logout(actor: Actor, token: string): Promise<void> {
      await deps.db.transaction().execute(async (trx) => {
        await deleteSession(trx, hashToken(token));
        await deps.audit.record(trx, actor, {
          action: 'logout',
          entity: 'session',
          entityId: actor.userId,
          kodeWilayah: actor.kodeWilayah,
          before: null,
          after: null,
        });
      });
      cache.delete(hashToken(token));
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
