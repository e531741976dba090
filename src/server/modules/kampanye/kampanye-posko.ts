/**
 * Posko of the paslon: listed with their duty, registered once per client id with their guard (window
 * and Polri asked), and the guard changed with the duty moving along.
 */
import type { Posko, PoskoInput, PoskoJagaInput } from '../../../contracts/kampanye';
import type { Actor } from '../../../domain/access/scope';
import { jendelaPoskoDefault, KEBUTUHAN_POLRI_POSKO } from '../../../domain/kampanye/kampanye';
import { ZONA_OFFSET_HOURS, zonaOf } from '../../../domain/time/zona';
import { authorize, scopeFor } from '../../cross-cutting/access';
import type { Db } from '../../db/client';
import { DomainError, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { validation, type KampanyeContext } from './kampanye-context';
import { toPosko } from './kampanye.view';
import * as repo from './kampanye.repo';

export function createPoskoUseCases(ctx: KampanyeContext) {
  const { db, deps, requirePlace, requirePaslon, once } = ctx;
  /**
   * The guard of a posko: the window entered, or the campaign stage in the posko's own time zone
   * (jendelaPoskoDefault, Siaga default), and the Polri it asks (KEBUTUHAN_POLRI_POSKO unless entered).
   */
  function jagaOf(
    pemilihan: PemilihanContext,
    kode: string,
    input: Pick<PoskoInput, 'jagaMulai' | 'jagaSelesai' | 'kebutuhanPolri'>,
  ) {
    const jendela =
      input.jagaMulai && input.jagaSelesai
        ? { mulaiAt: new Date(input.jagaMulai), selesaiAt: new Date(input.jagaSelesai) }
        : jendelaPoskoDefault(pemilihan.tahapan, ZONA_OFFSET_HOURS[zonaOf(kode)]);
    if (jendela === null) {
      throw validation(
        'Pemilihan ini tidak punya tahapan kampanye: isi waktu mulai dan selesai penjagaan posko',
        'jagaMulai',
        'jaga_posko_wajib',
      );
    }
    return {
      jaga_mulai: jendela.mulaiAt,
      jaga_selesai: jendela.selesaiAt,
      kebutuhan_polri: input.kebutuhanPolri ?? KEBUTUHAN_POLRI_POSKO,
    };
  }

  /** Registers (or moves) the posko's duty in the plan, in the posko's own transaction. */
  async function simpanTugasPosko(
    trx: Db,
    actor: Actor,
    pemilihan: PemilihanContext,
    id: string,
    posko: { nama: string; kode_wilayah: string },
    jaga: ReturnType<typeof jagaOf>,
  ) {
    await deps.pengamanan.simpanTugas(trx, actor, pemilihan, {
      jenis: 'posko',
      sumberId: id,
      kodeWilayah: posko.kode_wilayah,
      nama: posko.nama,
      mulai: jaga.jaga_mulai,
      selesai: jaga.jaga_selesai,
      kebutuhan: { polri: jaga.kebutuhan_polri },
    });
  }

  /** Posko rows as the API shows them, each with its duty. */
  async function poskoViews(pemilihan: PemilihanContext, rows: readonly repo.PoskoRow[]): Promise<Posko[]> {
    const tugas = await deps.pengamanan.tugasUntukSumber(
      pemilihan,
      'posko',
      rows.map((r) => r.id),
    );
    return rows.map((r) => toPosko(r, tugas.get(r.id) ?? null));
  }

  async function getPosko(pemilihan: PemilihanContext, id: string): Promise<Posko> {
    const row = await repo.findPosko(db, pemilihan.id, id);
    if (!row) throw notFound('Posko');
    return (await poskoViews(pemilihan, [row]))[0]!;
  }

  return {
    async listPosko(actor: Actor, pemilihan: PemilihanContext, wilayah: string | undefined) {
      const scope = scopeFor(actor, wilayah);
      authorize(actor, 'kampanye:read', scope);
      return { items: await poskoViews(pemilihan, await repo.findPoskoWithin(db, pemilihan.id, scope)) };
    },

    async createPosko(actor: Actor, pemilihan: PemilihanContext, input: PoskoInput): Promise<Posko> {
      authorize(actor, 'kampanye:manage', input.kodeWilayah);
      await requirePlace(input.kodeWilayah);
      await requirePaslon(pemilihan, input.paslonId, input.kodeWilayah);
      const jaga = jagaOf(pemilihan, input.kodeWilayah, input);
      const { id } = await once(
        () => repo.findPoskoByClientId(db, actor.userId, input.clientId),
        pemilihan,
        () =>
          db.transaction().execute(async (trx) => {
            const id = await repo.insertPosko(trx, {
              client_id: input.clientId,
              pemilihan_id: pemilihan.id,
              paslon_id: input.paslonId,
              nama: input.nama,
              kode_wilayah: input.kodeWilayah,
              lat: input.lat ?? null,
              lon: input.lon ?? null,
              alamat: input.alamat,
              kontak_nama: input.kontakNama,
              kontak_telepon: input.kontakTelepon,
              ...jaga,
              created_by: actor.userId,
            });
            await simpanTugasPosko(
              trx,
              actor,
              pemilihan,
              id,
              { nama: input.nama, kode_wilayah: input.kodeWilayah },
              jaga,
            );
            await deps.audit.record(trx, actor, {
              action: 'kampanye.posko.create',
              entity: 'posko_paslon',
              entityId: id,
              kodeWilayah: input.kodeWilayah,
              before: null,
              after: { ...input, ...jaga, pemilihanId: pemilihan.id },
            });
            return id;
          }),
      );
      return getPosko(pemilihan, id);
    },

    /**
     * Changes a posko's guard (window, Polri asked) and moves its duty with it; a window that would put
     * an assigned unit at two places at once is refused (double_booked) and nothing changes. A posko
     * registered before guards were recorded gets its duty here.
     */
    async ubahJagaPosko(actor: Actor, pemilihan: PemilihanContext, id: string, input: PoskoJagaInput) {
      await db.transaction().execute(async (trx) => {
        const row = await repo.findPoskoForUpdate(trx, id);
        if (!row || row.pemilihan_id !== pemilihan.id) throw notFound('Posko');
        authorize(actor, 'kampanye:manage', row.kode_wilayah);
        if (row.version !== input.version) {
          throw new DomainError('conflict', 'Posko telah diubah orang lain; muat ulang lalu coba lagi', {
            version: row.version,
          });
        }
        const jaga = jagaOf(pemilihan, row.kode_wilayah, input);
        await repo.updatePoskoJaga(trx, id, jaga);
        await simpanTugasPosko(trx, actor, pemilihan, id, row, jaga);
        await deps.audit.record(trx, actor, {
          action: 'kampanye.posko.jaga',
          entity: 'posko_paslon',
          entityId: id,
          kodeWilayah: row.kode_wilayah,
          before: {
            jagaMulai: row.jaga_mulai,
            jagaSelesai: row.jaga_selesai,
            kebutuhanPolri: row.kebutuhan_polri,
          },
          after: {
            jagaMulai: jaga.jaga_mulai,
            jagaSelesai: jaga.jaga_selesai,
            kebutuhanPolri: jaga.kebutuhan_polri,
          },
        });
      });
      return getPosko(pemilihan, id);
    },
  };
}
