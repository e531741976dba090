import { describe, expect, it } from 'vitest';
import { ROLES } from '../domain/access/roles';
import { roleMayCall } from './route';

describe('roleMayCall', () => {
  it.each([
    // [declaration, role, may call]
    [{ permission: 'laporan:approve' }, 'operator', true],
    [{ permission: 'laporan:approve' }, 'lurah', false],
    [{ permission: ['kejadian:triage', 'kejadian:report'] }, 'lurah', true],
    [{ permission: ['kejadian:triage', 'kejadian:refer'] }, 'lurah', false],
    [{ permission: ['kejadian:triage', 'kejadian:refer'] }, 'pengawas', true],
    [{ permission: 'medsos:read' }, 'kpps', false],
  ] as const)('%o as %s: %s', (spec, role, expected) => {
    expect(roleMayCall(spec, role)).toBe(expected);
  });

  it('lets every role call a public route or one for any session, and none one that declares nothing', () => {
    for (const role of ROLES) {
      expect(roleMayCall({ public: true }, role)).toBe(true);
      expect(roleMayCall({ permission: 'sesi' }, role)).toBe(true);
      expect(roleMayCall({}, role)).toBe(false);
    }
  });
});
