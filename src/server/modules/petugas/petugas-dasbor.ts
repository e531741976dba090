/**
 * Summaries of an area, counts only (no personal data): the TPS of an area with their completeness,
 * screened, on duty and warning counts, and the dashboard per kecamatan or per kelurahan.
 */
import type { Dasbor, DasborRow } from '../../../contracts/petugas';
import type { Actor } from '../../../domain/access/scope';
import {
  SUSUNAN_KOSONG,
  kekuranganTps,
  tambahSusunan,
  type SusunanTps,
} from '../../../domain/petugas/petugas';
import { formatNamaTps } from '../../../domain/tps/kode-tps';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { authorize } from '../../cross-cutting/access';
import { DomainError } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { PetugasContext } from './petugas-context';

/** Rows a TPS list answers at most (a kecamatan has far fewer). */
const TPS_LIST_LIMIT = 2000;

export function createDasborUseCases(ctx: PetugasContext) {
  const { deps, db, ownTpsOf, loadArea } = ctx;
  return {
    /** The TPS of an area with their completeness, screened, on duty and warning counts. */
    async tpsList(actor: Actor, pemilihan: PemilihanContext, kode: string) {
      authorize(actor, 'petugas:read', kode);
      const area = await loadArea(pemilihan, kode);
      const own = await ownTpsOf(db, actor, pemilihan);
      const perTps = new Map<
        string,
        { susunan: SusunanTps; diskrining: number; bertugas: number; peringatan: number }
      >();
      for (const p of area.petugas) {
        if (p.tps_id === null) continue;
        const acc = perTps.get(p.tps_id) ?? {
          susunan: SUSUNAN_KOSONG,
          diskrining: 0,
          bertugas: 0,
          peringatan: 0,
        };
        acc.susunan = tambahSusunan(acc.susunan, {
          jenis: p.jenis,
          jabatan: p.jabatan,
        });
        if (p.hasil !== null) acc.diskrining++;
        if (p.bertugas) acc.bertugas++;
        if (p.kelelahan !== 'normal') acc.peringatan++;
        perTps.set(p.tps_id, acc);
      }
      const visible = actor.role === 'kpps' ? area.tps.filter((t) => own.has(t.id)) : area.tps;
      return {
        items: visible.slice(0, TPS_LIST_LIMIT).map((t) => {
          const acc = perTps.get(t.id) ?? {
            susunan: SUSUNAN_KOSONG,
            diskrining: 0,
            bertugas: 0,
            peringatan: 0,
          };
          const kekurangan = kekuranganTps(acc.susunan);
          return {
            tpsId: t.id,
            kode: t.kode,
            nama: formatNamaTps(t.nomor),
            kodeWilayah: t.kode_wilayah,
            namaDesa: t.nama_desa,
            susunan: acc.susunan,
            lengkap: kekurangan.length === 0,
            kekurangan,
            diskrining: acc.diskrining,
            bertugas: acc.bertugas,
            peringatan: acc.peringatan,
          };
        }),
        truncated: visible.length > TPS_LIST_LIMIT,
      };
    },

    /**
     * The camat's and the Dinas Kesehatan's dashboard: per kecamatan of a kab/kota (or per
     * kelurahan of a kecamatan), completeness, screened, unfit, on duty, warnings and incidents.
     * Counts only: no personal data.
     */
    async dasbor(actor: Actor, pemilihan: PemilihanContext, kode: string): Promise<Dasbor> {
      authorize(actor, 'petugas:read', kode);
      const parsed = parseKodeWilayah(kode);
      if (!parsed.ok || parsed.value.level === 'provinsi' || parsed.value.level === 'desa') {
        throw new DomainError('validation', 'Dasbor petugas untuk kabupaten/kota atau kecamatan', {
          field: 'wilayah',
        });
      }
      const wilayah = await deps.wilayah.require(kode);
      const area = await loadArea(pemilihan, kode);
      const depth = kode.split('.').length + 1;
      const childOf = (k: string) => k.split('.').slice(0, depth).join('.');
      const empty = (k: string): DasborRow => ({
        kode: k,
        nama: k,
        tps: 0,
        tpsLengkap: 0,
        petugas: 0,
        diskrining: 0,
        tidakLayak: 0,
        bertugas: 0,
        peringatan: 0,
        bahaya: 0,
        insiden: 0,
      });
      const rows = new Map<string, DasborRow>();
      const row = (k: string) => {
        const key = childOf(k);
        const r = rows.get(key) ?? empty(key);
        rows.set(key, r);
        return r;
      };
      const susunanPerTps = new Map<string, SusunanTps>();
      for (const p of area.petugas) {
        const r = row(p.kode_wilayah);
        r.petugas++;
        if (p.hasil !== null) r.diskrining++;
        if (p.hasil === 'tidak_layak') r.tidakLayak++;
        if (p.bertugas) r.bertugas++;
        if (p.kelelahan === 'peringatan') r.peringatan++;
        if (p.kelelahan === 'bahaya') r.bahaya++;
        if (p.tps_id !== null) {
          susunanPerTps.set(
            p.tps_id,
            tambahSusunan(susunanPerTps.get(p.tps_id) ?? SUSUNAN_KOSONG, {
              jenis: p.jenis,
              jabatan: p.jabatan,
            }),
          );
        }
      }
      for (const t of area.tps) {
        const r = row(t.kode_wilayah);
        r.tps++;
        if (kekuranganTps(susunanPerTps.get(t.id) ?? SUSUNAN_KOSONG).length === 0) r.tpsLengkap++;
      }
      for (const i of area.insiden) row(i.kode_wilayah).insiden++;
      const names = await deps.wilayah.findMany([...rows.keys()]);
      const list = [...rows.values()]
        .map((r) => ({ ...r, nama: names.get(r.kode)?.nama ?? r.kode }))
        .sort((a, b) => a.kode.localeCompare(b.kode));
      const total = list.reduce<DasborRow>(
        (sum, r) => {
          for (const key of Object.keys(sum) as (keyof DasborRow)[]) {
            if (key !== 'kode' && key !== 'nama') sum[key] += r[key];
          }
          return sum;
        },
        { ...empty(kode), nama: wilayah.nama },
      );
      return { kode, nama: wilayah.nama, aturan: area.aturan, rows: list, total };
    },
  };
}
