/**
 * One demo account per kind of user the demo seeds (README): route tests that ask "every role" go
 * through these, so a role added to the demo is asked everywhere at once.
 */
export const DEMO_ACCOUNTS = [
  'admin',
  'kesbangpol.palopo',
  'polres.palopo',
  'bawaslu.palopo',
  'siber.palopo',
  'kpu.palopo',
  'dinkes.palopo',
  'camat.wara',
  'lurah.tompotikka',
  'babinsa.tompotikka',
  'kpps.tompotikka',
  'kesbangpol.kutim',
] as const;
