import { describe, expect, it } from 'vitest';
import { ROLES, type Agency, type Role } from './roles';
import { aksesRutePatroli } from './rute-patroli';

/** Every role, with the agency its demo account has, against a patrol with and without Bawaslu. */
const TABLE: [Role, Agency, 'penuh' | 'ringkas', 'penuh' | 'ringkas'][] = [
  // role, agency, joint TNI-Polri patrol, patrol against money politics with Bawaslu
  ['admin', 'kesbangpol', 'penuh', 'penuh'],
  ['forkopimda', 'polri', 'penuh', 'penuh'],
  ['forkopimda', 'pemda', 'penuh', 'penuh'],
  ['operator', 'kesbangpol', 'ringkas', 'ringkas'],
  ['camat', 'pemda', 'ringkas', 'ringkas'],
  ['lurah', 'pemda', 'ringkas', 'ringkas'],
  ['babinsa', 'tni', 'penuh', 'penuh'],
  ['bhabinkamtibmas', 'polri', 'penuh', 'penuh'],
  ['pengawas', 'bawaslu', 'ringkas', 'penuh'],
  ['pengawas', 'kpu', 'ringkas', 'ringkas'],
  // A cyber unit's monitoring officer watches platforms, not patrols.
  ['pemantau_medsos', 'polri', 'ringkas', 'ringkas'],
  // The KPPS chair runs a TPS and the Dinas Kesehatan screens officers: neither is placed in a patrol.
  ['kpps', 'kpu', 'ringkas', 'ringkas'],
  ['dinkes', 'dinkes', 'ringkas', 'ringkas'],
  ['viewer', 'kesbangpol', 'ringkas', 'ringkas'],
];

describe('aksesRutePatroli', () => {
  it('covers every role', () => {
    expect(new Set(TABLE.map(([role]) => role))).toEqual(new Set(ROLES));
  });

  it.each(TABLE)(
    '%s (%s) sees %s of a TNI-Polri patrol and %s of one with Bawaslu',
    (role, agency, tanpa, dengan) => {
      expect(aksesRutePatroli({ role, agency }, { unsur: ['polri', 'tni'] })).toBe(tanpa);
      expect(aksesRutePatroli({ role, agency }, { unsur: ['polri', 'tni', 'bawaslu'] })).toBe(dengan);
    },
  );
});
