/** Force names as Polri and TNI write them (proper names, the same in both languages). */
import type { Force } from '../../../domain/pengamanan/unit';

export const FORCE_LABEL: Record<Force, string> = {
  polres: 'Polres',
  polsek: 'Polsek',
  bko_polda: 'BKO Polda',
  brimob: 'Brimob',
  kodim: 'Kodim',
  koramil: 'Koramil',
  lanal: 'Lanal',
  satpol_pp: 'Satpol PP',
  linmas: 'Linmas',
};
