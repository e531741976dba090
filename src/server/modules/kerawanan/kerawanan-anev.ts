/**
 * Kerawanan's figures for the anev (docs/domain/anev.md): per kecamatan (or kelurahan), the TPS of the pre-vote
 * mapping by final category (after overrides) and the kelurahan/desa with a TPS rawan or sangat
 * rawan. The pre-vote phase is the one the rakor plans on and the one Bawaslu publishes (IKP/TPS
 * rawan mapping before H); the phases during and after voting are read in the kerawanan pages.
 */
import type { Db } from '../../db/client';
import type { SumberAnev } from '../anev/anev.service';
import { countKategoriPerAnak } from './kerawanan.repo';

export function kerawananAnev(db: Db): SumberAnev {
  return async (pemilihan, kode, anak) => {
    const rows = await countKategoriPerAnak(db, pemilihan.id, kode, anak, 'pra');
    const perAnak = new Map(
      rows.map((r) => [
        r.anak,
        {
          tps_rawan: Number(r.rawan),
          tps_sangat_rawan: Number(r.sangat_rawan),
          tps_khusus: Number(r.khusus),
          kelurahan_rawan: Number(r.kelurahan_rawan),
        },
      ]),
    );
    return { perAnak, total: {} };
  };
}
