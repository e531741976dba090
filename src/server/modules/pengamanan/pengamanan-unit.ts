/**
 * A Polres's units and named persons: recorded one by one (once per client id), changed at a version,
 * or imported whole from a roster sheet that replaces the previous import.
 */
import type { PamUnit, PamUnitCreate, PamUnitUpdate } from '../../../contracts/pengamanan';
import { isRelated, type Actor } from '../../../domain/access/scope';
import { DomainError, notFound } from '../../errors';
import { readSheet, type ImportFile } from '../../files/read-sheet';
import { requireImportRows } from '../../files/sheet-import';
import { authorize } from '../../cross-cutting/access';
import { createOnce } from '../../cross-cutting/create-once';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { polresAreaOf, requirePolri, type PengamananContext } from './pengamanan-context';
import { toUnit } from './pengamanan.view';
import * as repo from './pengamanan.repo';
import { parseRoster } from './roster-import';
import { KIND_OF_FORCE } from '../../../domain/pengamanan/unit';

export function createUnitUseCases(ctx: PengamananContext) {
  const { db, deps, areas, checkHome } = ctx;
  const useCases = {
    async createUnit(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: PamUnitCreate,
    ): Promise<{ id: string; replayed: boolean }> {
      const kab = polresAreaOf(input.wilayah);
      authorize(actor, 'pengamanan:plan', kab);
      requirePolri(actor);
      const home = checkHome(kab, input);
      await deps.wilayah.requireKnown({
        wilayah: input.wilayah,
        homeKecamatan: home.home_kecamatan,
        homeKelurahan: home.home_kelurahan,
      });
      const { made: id, replayed } = await createOnce({
        pemilihan,
        find: async () => repo.findUnitIdByClientId(db, input.clientId),
        replay: (first) => first.id,
        write: async () =>
          db.transaction().execute(async (trx) => {
            const { id } = await repo.insertUnit(trx, {
              pemilihan_id: pemilihan.id,
              client_id: input.clientId,
              kode_kabkota: kab,
              force: input.force,
              kind: KIND_OF_FORCE[input.force],
              nama: input.nama,
              jabatan: input.jabatan,
              jumlah: input.jumlah,
              ...home,
              available: input.available,
              keterangan: input.keterangan,
              source: 'manual',
              created_by: actor.userId,
            });
            await deps.audit.record(trx, actor, {
              action: 'create',
              entity: 'pam_unit',
              entityId: id,
              kodeWilayah: kab,
              before: null,
              after: { ...input, pemilihanId: pemilihan.id },
            });
            return id;
          }),
      });
      return { id, replayed };
    },

    async updateUnit(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      input: PamUnitUpdate,
    ): Promise<PamUnit> {
      authorize(actor, 'pengamanan:read', actor.kodeWilayah);
      const before = await repo.findUnit(db, id);
      if (!before || before.pemilihan_id !== pemilihan.id || !isRelated(actor, before.kode_kabkota))
        throw notFound('Unit');
      authorize(actor, 'pengamanan:plan', before.kode_kabkota);
      requirePolri(actor);
      const home = checkHome(before.kode_kabkota, input);
      await deps.wilayah.requireKnown({
        homeKecamatan: home.home_kecamatan,
        homeKelurahan: home.home_kelurahan,
      });
      const { names } = await areas(before.kode_kabkota);
      // One connection on the embedded engine: nothing outside `trx` may run inside the transaction.
      return db.transaction().execute(async (trx) => {
        const after = await repo.updateUnit(trx, id, input.version, {
          force: input.force,
          kind: KIND_OF_FORCE[input.force],
          nama: input.nama,
          jabatan: input.jabatan,
          jumlah: input.jumlah,
          ...home,
          available: input.available,
          keterangan: input.keterangan,
        });
        if (!after)
          throw new DomainError('conflict', 'Unit ini sudah diubah orang lain; muat ulang lalu ulangi', {
            version: before.version,
          });
        await deps.audit.record(trx, actor, {
          action: 'update',
          entity: 'pam_unit',
          entityId: id,
          kodeWilayah: before.kode_kabkota,
          before,
          after: input,
        });
        return toUnit(after, names);
      });
    },

    /**
     * Replaces the kab/kota's imported roster with a sheet's rows, all or nothing; manual units stay.
     * Importing the same file twice leaves the same forces (a replacement, so idempotent).
     */
    async importRoster(actor: Actor, pemilihan: PemilihanContext, wilayah: string, file: ImportFile) {
      const kab = polresAreaOf(wilayah);
      authorize(actor, 'pengamanan:plan', kab);
      requirePolri(actor);
      const area = await areas(kab);
      const byName = new Map<string, string[]>();
      for (const r of area.rows) {
        if (r.level < 3) continue;
        const k = r.nama.toLowerCase();
        byName.set(k, [...(byName.get(k) ?? []), r.kode]);
      }
      const cells = await readSheet(file);
      const { rows, errors } = parseRoster(cells, {
        kodeKabKota: kab,
        parentOf: new Map(area.rows.map((r) => [r.kode, r.parent_kode])),
        levelOf: new Map(area.rows.map((r) => [r.kode, r.level])),
        byName,
      });
      requireImportRows(errors, rows.length, 'personel');
      return db.transaction().execute(async (trx) => {
        const replaced = await repo.deleteImportedUnits(trx, pemilihan.id, kab);
        await repo.deleteImportedTigaPilar(trx, pemilihan.id, kab);
        const units = rows.filter((r) => r.force !== null);
        await repo.insertUnits(
          trx,
          units.map((r) => ({
            pemilihan_id: pemilihan.id,
            client_id: crypto.randomUUID(),
            kode_kabkota: kab,
            force: r.force!,
            kind: r.kind!,
            nama: r.nama,
            jabatan: r.jabatan,
            nrp: r.nrp,
            jumlah: r.jumlah,
            home_kecamatan: r.homeKecamatan,
            home_kelurahan: r.homeKelurahan,
            available: true,
            keterangan: '',
            source: 'import',
            created_by: actor.userId,
          })),
        );
        const pilar = rows.filter((r) => r.tigaPilar !== null && r.homeKelurahan !== null);
        await repo.insertTigaPilar(
          trx,
          pilar.map((r) => ({
            pemilihan_id: pemilihan.id,
            kode_kabkota: kab,
            kode_kelurahan: r.homeKelurahan!,
            peran: r.tigaPilar!,
            nama: r.nama,
            source: 'import',
            updated_by: actor.userId,
          })),
        );
        const personel = units.reduce((s, r) => s + r.jumlah, 0);
        await deps.audit.record(trx, actor, {
          action: 'import',
          entity: 'pam_unit',
          entityId: null,
          kodeWilayah: kab,
          before: { replaced },
          after: {
            pemilihanId: pemilihan.id,
            file: file.fileName,
            rows: rows.length,
            personel,
            tigaPilar: pilar.length,
          },
        });
        return { rows: rows.length, personel, tigaPilar: pilar.length, replaced };
      });
    },
  };
  return useCases;
}
