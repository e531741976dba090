/**
 * Koordinasi's figures for the anev (docs/domain/anev.md): readiness at H-7 (the checklist and the
 * rakor's action items due by then, done by then) and the turnout target and turnout Kesbangpol
 * entered, for the kab/kota.
 */
import { addDays, daysBetween } from '../../../domain/time/hari';
import { todayIn } from '../../../domain/time/zona';
import { readiness } from '../../../domain/koordinasi/tahapan';
import type { Db } from '../../db/client';
import type { SumberAnev } from '../anev/anev.service';
import * as repo from './koordinasi.repo';

export function koordinasiAnev(db: Db): SumberAnev {
  return async (pemilihan, kabKota) => {
    // Readiness and turnout are the kab/kota's figures; a kecamatan's anev has none.
    if (kabKota.length !== 5) return { perAnak: new Map(), total: {} };
    const h7 = addDays(pemilihan.hariPemungutan, -7);
    const [items, actions, region] = await Promise.all([
      repo.findKesiapan(db, pemilihan.id, kabKota),
      repo.findTindakLanjutForReadiness(db, pemilihan.id, kabKota),
      repo.findRegion(db, pemilihan.id, kabKota),
    ]);
    // As things stood at H-7: work done later counts as not done then.
    const doneBy = (day: string | null) => (day !== null && day <= h7 ? day : null);
    const checklist = [
      ...items.map((i) => ({
        id: i.id,
        agency: i.agency,
        dueOffset: i.due_offset,
        doneOn: doneBy(i.done_on),
      })),
      ...actions.map((a) => ({
        id: a.id,
        agency: a.owner_agency,
        dueOffset: daysBetween(pemilihan.hariPemungutan, a.due_on),
        doneOn:
          a.status === 'selesai' && a.selesai_at !== null
            ? doneBy(todayIn(kabKota, new Date(a.selesai_at)))
            : null,
      })),
    ];
    const kabKotaAngka: Record<string, number> = {};
    if (checklist.length > 0)
      kabKotaAngka.kesiapan_h7 = readiness(checklist, pemilihan.hariPemungutan, h7).percent;
    if (region?.target_partisipasi != null)
      kabKotaAngka.target_partisipasi = Number(region.target_partisipasi);
    if (region?.partisipasi != null) kabKotaAngka.partisipasi = Number(region.partisipasi);
    return { perAnak: new Map(), total: kabKotaAngka };
  };
}
