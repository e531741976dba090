/** Tiga pilar per kelurahan with a TPS (lurah, Babinsa, Bhabinkamtibmas): who serves, gaps, doubling. */
import type { TigaPilarInput, TigaPilarResponse } from '../../../contracts/pengamanan';
import type { Actor } from '../../../domain/access/scope';
import { isWithinWilayah } from '../../../domain/wilayah/kode-wilayah';
import { DomainError } from '../../errors';
import { authorize } from '../../cross-cutting/access';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { polresAreaOf, type PengamananContext } from './pengamanan-context';
import * as repo from './pengamanan.repo';

export function createTigaPilarUseCases(ctx: PengamananContext) {
  const { db, deps, areas } = ctx;
  const useCases = {
    async tigaPilar(actor: Actor, pemilihan: PemilihanContext, wilayah: string): Promise<TigaPilarResponse> {
      authorize(actor, 'pengamanan:read', wilayah);
      const kab = polresAreaOf(wilayah);
      const [area, tps, records, accounts] = await Promise.all([
        areas(kab),
        repo.findTpsForPlan(db, pemilihan.id, kab),
        repo.findTigaPilarRecords(db, pemilihan.id, kab),
        repo.findTigaPilarAccounts(db, kab),
      ]);
      const tpsByKel = new Map<string, number>();
      for (const t of tps) tpsByKel.set(t.kode_wilayah, (tpsByKel.get(t.kode_wilayah) ?? 0) + 1);
      type Peran = 'lurah' | 'babinsa' | 'bhabinkamtibmas';
      const people = new Map<string, Record<Peran, Set<string>>>();
      const add = (kel: string, peran: Peran, nama: string) => {
        const entry = people.get(kel) ?? { lurah: new Set(), babinsa: new Set(), bhabinkamtibmas: new Set() };
        entry[peran].add(nama);
        people.set(kel, entry);
      };
      for (const r of records) add(r.kode_kelurahan, r.peran, r.nama);
      for (const a of accounts) if (a.kode_wilayah !== null) add(a.kode_wilayah, a.role as Peran, a.nama);
      // Kab/kota-wide: how many desa each named person serves (rangkap).
      const served = new Map<string, string[]>();
      for (const [kel, entry] of people)
        for (const peran of ['babinsa', 'bhabinkamtibmas'] as const)
          for (const nama of entry[peran]) {
            const k = `${peran}\u0000${nama}`;
            served.set(k, [...(served.get(k) ?? []), kel]);
          }
      const kelurahan = area.kelurahan.filter(
        (k) => (tpsByKel.get(k.kode) ?? 0) > 0 && isWithinWilayah(k.kode, wilayah),
      );
      const gaps: TigaPilarResponse['gaps'] = [];
      const LABEL: Record<Peran, string> = {
        lurah: 'Lurah/kepala desa',
        babinsa: 'Babinsa',
        bhabinkamtibmas: 'Bhabinkamtibmas',
      };
      let lengkap = 0;
      const rows = kelurahan.map((k) => {
        const entry = people.get(k.kode);
        const list = (peran: Peran) => [...(entry?.[peran] ?? [])].sort();
        let complete = true;
        for (const peran of ['lurah', 'babinsa', 'bhabinkamtibmas'] as const) {
          const names = list(peran);
          if (names.length === 0) {
            complete = false;
            gaps.push({
              kode: k.kode,
              nama: k.nama,
              peran,
              jenis: 'kosong',
              orang: null,
              desa: 0,
              message: `${LABEL[peran]} ${k.nama} belum ada (kosong)`,
            });
          } else if (peran !== 'lurah') {
            for (const nama of names) {
              const desa = served.get(`${peran}\u0000${nama}`) ?? [];
              if (desa.length > 1) {
                complete = false;
                gaps.push({
                  kode: k.kode,
                  nama: k.nama,
                  peran,
                  jenis: 'rangkap',
                  orang: nama,
                  desa: desa.length,
                  message: `Satu ${LABEL[peran]} (${nama}) untuk ${desa.length} desa/kelurahan`,
                });
              }
            }
          }
        }
        if (complete) lengkap++;
        const kec = k.parent_kode ?? '';
        return {
          kode: k.kode,
          nama: k.nama,
          kodeKecamatan: kec,
          namaKecamatan: area.names.get(kec) ?? kec,
          tps: tpsByKel.get(k.kode) ?? 0,
          lurah: list('lurah'),
          babinsa: list('babinsa'),
          bhabinkamtibmas: list('bhabinkamtibmas'),
        };
      });
      return { kelurahan: rows, gaps, lengkap };
    },

    async addTigaPilar(actor: Actor, pemilihan: PemilihanContext, input: TigaPilarInput): Promise<void> {
      if (input.wilayah.split('.').length !== 4)
        throw new DomainError('validation', 'Tiga pilar dicatat per kelurahan/desa', { field: 'wilayah' });
      const kab = polresAreaOf(input.wilayah);
      authorize(actor, 'pengamanan:plan', input.wilayah);
      await deps.wilayah.require(input.wilayah);
      await db.transaction().execute(async (trx) => {
        await repo.insertTigaPilar(trx, [
          {
            pemilihan_id: pemilihan.id,
            kode_kabkota: kab,
            kode_kelurahan: input.wilayah,
            peran: input.peran,
            nama: input.nama,
            source: 'manual',
            updated_by: actor.userId,
          },
        ]);
        await deps.audit.record(trx, actor, {
          action: 'create',
          entity: 'pam_tiga_pilar',
          entityId: null,
          kodeWilayah: input.wilayah,
          before: null,
          after: { ...input, pemilihanId: pemilihan.id },
        });
      });
    },
  };
  return useCases;
}
