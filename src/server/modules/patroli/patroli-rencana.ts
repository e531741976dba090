/** Joint patrols planned per area and time (once per client id), each a duty of the security plan; listed and read. */
import type { Patroli, PatroliInput, PatroliList } from '../../../contracts/patroli';
import type { Actor } from '../../../domain/access/scope';
import { checkUnsur } from '../../../domain/patroli/patroli';
import { isWithinWilayah, parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { authorize, scopeFor } from '../../cross-cutting/access';
import { createOnce } from '../../cross-cutting/create-once';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { kebutuhanPatroli, validation, type PatroliContext } from './patroli-context';
import * as repo from './patroli.repo';

export function createRencanaPatroliUseCases(ctx: PatroliContext) {
  const { db, deps, view, visible } = ctx;
  const useCases = {
    async list(actor: Actor, pemilihan: PemilihanContext, wilayah: string | undefined): Promise<PatroliList> {
      const scope = scopeFor(actor, wilayah);
      authorize(actor, 'patroli:read', scope);
      const rows = await repo.findPatroliRelated(db, pemilihan.id, scope);
      const tugas = await deps.pengamanan.tugasUntukSumber(
        pemilihan,
        'patroli',
        rows.map((r) => r.id),
      );
      const items = await Promise.all(rows.map((r) => view(actor, r, false, tugas)));
      return { items: items.map(({ log: _log, ...rest }) => rest) };
    },

    async get(actor: Actor, pemilihan: PemilihanContext, id: string): Promise<Patroli> {
      const row = await visible(actor, pemilihan, id);
      return view(actor, row, true, await deps.pengamanan.tugasUntukSumber(pemilihan, 'patroli', [id]));
    },

    async create(actor: Actor, pemilihan: PemilihanContext, input: PatroliInput): Promise<Patroli> {
      authorize(actor, 'patroli:plan', input.kodeWilayah);
      const parsed = parseKodeWilayah(input.kodeWilayah);
      if (!parsed.ok || parsed.value.level === 'provinsi') {
        throw validation(
          'Pilih kabupaten/kota, kecamatan atau kelurahan/desa',
          'kodeWilayah',
          'wilayah_terlalu_luas',
        );
      }
      const unsurError = checkUnsur(input.unsur, input.tujuan);
      if (unsurError === 'unsur_kurang')
        throw validation('Patroli bersama melibatkan sedikitnya dua unsur', 'unsur', unsurError);
      if (unsurError === 'tanpa_bawaslu')
        throw validation('Patroli politik uang melibatkan Bawaslu', 'unsur', unsurError);
      const sasaran = [...new Set(input.sasaran)];
      for (const [i, kode] of sasaran.entries()) {
        const level = parseKodeWilayah(kode);
        if (!level.ok || level.value.level !== 'desa' || !isWithinWilayah(kode, input.kodeWilayah)) {
          throw validation(
            `${kode} bukan kelurahan/desa di wilayah patroli`,
            `sasaran.${i}`,
            'sasaran_di_luar_wilayah',
          );
        }
      }
      await deps.wilayah.requireKnown({
        kodeWilayah: input.kodeWilayah,
        ...Object.fromEntries(sasaran.map((k, i) => [`sasaran.${i}`, k])),
      });
      const { made: created } = await createOnce({
        find: () => repo.findPatroliByClientId(db, actor.userId, input.clientId),
        pemilihan,
        replay: (first) => first.id,
        write: () =>
          db.transaction().execute(async (trx) => {
            const id = await repo.insertPatroli(trx, {
              client_id: input.clientId,
              pemilihan_id: pemilihan.id,
              nama: input.nama,
              kode_wilayah: input.kodeWilayah,
              unsur: [...new Set(input.unsur)],
              tujuan: input.tujuan,
              sasaran,
              mulai_at: input.mulaiAt,
              selesai_at: input.selesaiAt,
              created_by: actor.userId,
            });
            await deps.pengamanan.simpanTugas(trx, actor, pemilihan, {
              jenis: 'patroli',
              sumberId: id,
              kodeWilayah: input.kodeWilayah,
              nama: input.nama,
              mulai: input.mulaiAt,
              selesai: input.selesaiAt,
              kebutuhan: kebutuhanPatroli(input.unsur),
            });
            await deps.audit.record(trx, actor, {
              action: 'patroli.create',
              entity: 'patroli',
              entityId: id,
              kodeWilayah: input.kodeWilayah,
              before: null,
              after: { ...input, pemilihanId: pemilihan.id },
            });
            return id;
          }),
      });
      return useCases.get(actor, pemilihan, created);
    },
  };
  return useCases;
}
