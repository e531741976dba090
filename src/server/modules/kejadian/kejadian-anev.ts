/**
 * Kejadian's figures for the anev (docs/domain/anev.md): per kecamatan, the incidents reported, the
 * grave ones (tinggi or kritis), those closed as handled and those referred to Bawaslu/Gakkumdu; for
 * the kab/kota the same counts including incidents placed at the kab/kota itself; and the breakdowns
 * by category, by how incidents ended and by the referrals' outcomes. Duplicates merged into another
 * and rejected reports are not incidents.
 */
import { LABEL_HASIL_RUJUKAN } from '../../../contracts/kejadian';
import type { ItemRincian } from '../../../domain/anev/anev';
import { LABEL_STATUS_KEJADIAN } from '../../../domain/kejadian/alur';
import { KATEGORI } from '../../../domain/kejadian/kategori';
import type { Db } from '../../db/client';
import type { SumberAnev } from '../anev/anev.service';
import { countForAnev } from './kejadian.repo';

const BERAT = new Set(['tinggi', 'kritis']);

export function kejadianAnev(db: Db): SumberAnev {
  return async (pemilihan, kode, anak) => {
    const rows = await countForAnev(db, pemilihan.id, kode, anak);
    const perAnak = new Map<string, Record<string, number>>();
    const totalAngka: Record<string, number> = {
      kejadian: 0,
      kejadian_berat: 0,
      kejadian_selesai: 0,
      rujukan_gakkumdu: 0,
    };
    const rincian = new Map<string, ItemRincian>();
    const count = (item: Omit<ItemRincian, 'nilai'>, n: number) => {
      const key = `${item.kelompok}:${item.kode}`;
      const at = rincian.get(key) ?? rincian.set(key, { ...item, nilai: 0 }).get(key)!;
      at.nilai += n;
    };
    for (const row of rows) {
      const n = Number(row.n);
      const add = (target: Record<string, number>) => {
        target.kejadian = (target.kejadian ?? 0) + n;
        target.kejadian_berat = (target.kejadian_berat ?? 0) + (BERAT.has(row.severity) ? n : 0);
        target.kejadian_selesai = (target.kejadian_selesai ?? 0) + (row.status === 'selesai' ? n : 0);
        target.rujukan_gakkumdu = (target.rujukan_gakkumdu ?? 0) + (row.dirujuk ? n : 0);
      };
      add(totalAngka);
      if (row.anak !== null) add(perAnak.get(row.anak) ?? perAnak.set(row.anak, {}).get(row.anak)!);
      const kategori = row.kategori;
      count(
        { kelompok: 'kategori_kejadian', kode: kategori, nama: KATEGORI[kategori]?.label ?? kategori },
        n,
      );
      const status = row.status;
      count({ kelompok: 'status_kejadian', kode: status, nama: LABEL_STATUS_KEJADIAN[status] ?? status }, n);
      if (row.dirujuk) {
        const hasil = row.outcome ?? 'belum';
        const nama = hasil === 'belum' ? 'Belum ada hasil' : (LABEL_HASIL_RUJUKAN[hasil] ?? hasil);
        count({ kelompok: 'hasil_rujukan', kode: hasil, nama }, n);
      }
    }
    return { perAnak, total: totalAngka, rincian: [...rincian.values()] };
  };
}
