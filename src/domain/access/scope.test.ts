import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, ROLES, type Role } from './roles';
import { decideAccess, effectiveScope, isInScope, isOnPathToScope, type Actor } from './scope';

const actor = (role: Role, kodeWilayah: string | null): Actor => ({
  userId: 'u',
  username: 'u',
  role,
  agency: 'pemda',
  kodeWilayah,
});

describe('decideAccess', () => {
  it.each([
    ['lurah', '73.73.01.1001', 'tps:read', '73.73.01.1001', { allowed: true }],
    ['lurah', '73.73.01.1001', 'tps:read', '73.73.01.1002', { allowed: false, reason: 'scope' }],
    ['lurah', '73.73.01.1001', 'tps:read', '73.73.01', { allowed: false, reason: 'scope' }],
    ['lurah', '73.73.01.1001', 'tps:write', '73.73.01.1001', { allowed: false, reason: 'permission' }],
    ['camat', '73.73.01', 'tps:read', '73.73.01.1001', { allowed: true }],
    ['camat', '73.73.01', 'tps:read', '73.73.02.1002', { allowed: false, reason: 'scope' }],
    ['operator', '73.73', 'tps:write', '73.73.05.1001', { allowed: true }],
    ['operator', '73.73', 'tps:write', '64.08.01.2001', { allowed: false, reason: 'scope' }],
    ['operator', '73.73', 'user:manage', '73.73', { allowed: false, reason: 'permission' }],
    ['forkopimda', '73.73', 'tps:write', '73.73.01', { allowed: false, reason: 'permission' }],
    ['admin', null, 'user:manage', '64.08', { allowed: true }],
    ['admin', null, 'user:manage', null, { allowed: true }],
    ['admin', '73.73', 'user:manage', null, { allowed: false, reason: 'scope' }],
  ] as const)('%s of %s asking %s on %s', (role, scope, permission, target, expected) => {
    expect(decideAccess(actor(role, scope), permission, target)).toEqual(expected);
  });

  it('gives every role the right to read wilayah and TPS', () => {
    for (const role of ROLES)
      expect(ROLE_PERMISSIONS[role]).toEqual(expect.arrayContaining(['wilayah:read', 'tps:read']));
  });
});

describe('scope helpers', () => {
  it('a national actor covers everything and has no path', () => {
    expect(isInScope(actor('admin', null), '11.01')).toBe(true);
    expect(isOnPathToScope(actor('admin', null), '11')).toBe(false);
  });

  it('ancestors of a scope are on the path, siblings are not', () => {
    const lurah = actor('lurah', '73.73.01.1001');
    expect(isOnPathToScope(lurah, '73')).toBe(true);
    expect(isOnPathToScope(lurah, '73.73.01')).toBe(true);
    expect(isOnPathToScope(lurah, '73.73.02')).toBe(false);
    expect(isOnPathToScope(lurah, '73.73.01.1001')).toBe(false);
  });

  it.each([
    ['73.73', undefined, '73.73'],
    ['73.73', '73.73.01', '73.73.01'],
    ['73.73', '73', false],
    ['73.73', '64.08', false],
    [null, undefined, null],
    [null, '64.08', '64.08'],
  ] as const)('scope %s asking %s → %s', (scope, requested, expected) => {
    expect(effectiveScope({ kodeWilayah: scope }, requested)).toBe(expected);
  });
});
