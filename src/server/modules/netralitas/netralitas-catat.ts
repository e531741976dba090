/** Registering a neutrality complaint (a report or Bawaslu's own finding), once per client id. */
import type { Netralitas, NetralitasInput } from '../../../contracts/netralitas';
import type { Actor } from '../../../domain/access/scope';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { authorize } from '../../cross-cutting/access';
import { createOnce } from '../../cross-cutting/create-once';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { instantOf, validation, type NetralitasDeps } from './netralitas-context';
import * as repo from './netralitas.repo';

export function createCatatUseCase(
  deps: NetralitasDeps,
  get: (actor: Actor, pemilihan: PemilihanContext, id: string) => Promise<Netralitas>,
) {
  const { db } = deps;
  return {
    async create(actor: Actor, pemilihan: PemilihanContext, input: NetralitasInput): Promise<Netralitas> {
      authorize(actor, 'netralitas:handle', input.kodeWilayah);
      if (pemilihan.aturanPelanggaran === 'pilkades') {
        throw validation('Pemilihan kepala desa tidak diawasi Bawaslu', 'pemilihan', 'tanpa_bawaslu');
      }
      const parsed = parseKodeWilayah(input.kodeWilayah);
      if (!parsed.ok || parsed.value.level === 'provinsi')
        throw validation(
          'Pilih kabupaten/kota, kecamatan atau kelurahan/desa',
          'kodeWilayah',
          'wilayah_terlalu_luas',
        );
      await deps.wilayah.requireKnown({ kodeWilayah: input.kodeWilayah });
      const diketahuiAt = instantOf(input.diketahuiAt, 'diketahuiAt', deps.clock.now());
      const dilaporkanAt = instantOf(input.dilaporkanAt, 'dilaporkanAt', deps.clock.now());
      if (dilaporkanAt < diketahuiAt)
        throw validation('Laporan diterima tidak boleh sebelum diketahui', 'dilaporkanAt', 'urutan_waktu');
      const { made: created } = await createOnce({
        find: () => repo.findNetralitasByClientId(db, actor.userId, input.clientId),
        pemilihan,
        replay: (first) => first.id,
        write: () =>
          db.transaction().execute(async (trx) => {
            const id = await repo.insertNetralitas(trx, {
              client_id: input.clientId,
              pemilihan_id: pemilihan.id,
              kode_wilayah: input.kodeWilayah,
              terlapor: input.terlapor,
              nama_terlapor: input.namaTerlapor,
              jabatan: input.jabatan ?? null,
              sumber: input.sumber,
              pelapor: input.pelapor ?? null,
              uraian: input.uraian,
              kejadian_id: null,
              diketahui_at: diketahuiAt,
              dilaporkan_at: dilaporkanAt,
              created_by: actor.userId,
            });
            await repo.insertLangkah(trx, {
              netralitas_id: id,
              aksi: 'terima',
              at: dilaporkanAt,
              catatan: '',
              oleh: actor.userId,
            });
            await deps.audit.record(trx, actor, {
              action: 'netralitas.create',
              entity: 'netralitas',
              entityId: id,
              kodeWilayah: input.kodeWilayah,
              before: null,
              after: { ...input, pemilihanId: pemilihan.id },
            });
            return id;
          }),
      });
      return get(actor, pemilihan, created);
    },
  };
}
