/**
 * Koordinasi's figures for the anev (docs/domain/anev.md): readiness at H-7 (the checklist and the
 * rakor's action items due by then, done by then) and the turnout target and turnout Kesbangpol
 * entered, for the kab/kota.
 */
import { addDays } from '../../../domain/time/hari';
import { readiness } from '../../../domain/koordinasi/tahapan';
import type { Db } from '../../db/client';
import type { SumberAnev } from '../anev/anev.service';
import * as tindakLanjutRepo from './koordinasi-tindak-lanjut.repo';
import * as regionRepo from './koordinasi.repo';
import { readinessChecklist } from './koordinasi.view';

export function koordinasiAnev(db: Db): SumberAnev {
  return async (pemilihan, kabKota) => {
    // Readiness and turnout are the kab/kota's figures; a kecamatan's anev has none.
    if (kabKota.length !== 5) return { perAnak: new Map(), total: {} };
    const h7 = addDays(pemilihan.hariPemungutan, -7);
    const [items, actions, region] = await Promise.all([
      regionRepo.findKesiapan(db, pemilihan.id, kabKota),
      tindakLanjutRepo.findTindakLanjutForReadiness(db, pemilihan.id, kabKota),
      regionRepo.findRegion(db, pemilihan.id, kabKota),
    ]);
    // As things stood at H-7: work done later counts as not done then.
    const doneBy = (day: string | null) => (day !== null && day <= h7 ? day : null);
    const checklist = readinessChecklist(items, actions, pemilihan.hariPemungutan, kabKota, doneBy);
    const kabKotaAngka: Record<string, number> = {};
    if (checklist.length > 0)
      kabKotaAngka.kesiapan_h7 = readiness(checklist, pemilihan.hariPemungutan, h7).percent;
    if (region?.target_partisipasi != null)
      kabKotaAngka.target_partisipasi = Number(region.target_partisipasi);
    if (region?.partisipasi != null) kabKotaAngka.partisipasi = Number(region.partisipasi);
    return { perAnak: new Map(), total: kabKotaAngka };
  };
}
