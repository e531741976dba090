/** A campaign schedule imported from a sheet for a kab/kota, all or nothing. */
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Actor } from '../../../domain/access/scope';
import { parseJadwal } from '../../../domain/kampanye/jadwal-import';
import type { SheetError } from '../../../domain/sheet/cells';
import { ZONA_OFFSET_HOURS, zonaOf } from '../../../domain/time/zona';
import { isWithinWilayah } from '../../../domain/wilayah/kode-wilayah';
import { authorize } from '../../cross-cutting/access';
import type { KampanyeKegiatanTable } from '../../db/schema';
import { readSheet, type ImportFile } from '../../files/read-sheet';
import { requireImportRows } from '../../files/sheet-import';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { KampanyeContext } from './kampanye-context';
import * as repo from './kampanye.repo';

export function createJadwalImportUseCase(ctx: KampanyeContext) {
  const { db, deps, simpanTugas, masaOf } = ctx;
  return {
    /**
     * A schedule sheet for a kab/kota, all or nothing: every row's errors (cells, places, paslon,
     * masa tenang) or every row written in one transaction with one audit row.
     */
    async importJadwal(actor: Actor, pemilihan: PemilihanContext, wilayah: string, file: ImportFile) {
      authorize(actor, 'kampanye:manage', wilayah);
      await deps.wilayah.requireKnown({ wilayah });
      const cells = await readSheet(file);
      const { rows, errors } = parseJadwal(cells, ZONA_OFFSET_HOURS[zonaOf(wilayah)]);
      const paslon = await repo.findPaslonRelated(db, pemilihan.id, wilayah);
      const places = await deps.wilayah.findMany(rows.map((r) => r.kodeWilayah));
      const all: SheetError[] = [...errors];
      const inserts: Insertable<KampanyeKegiatanTable>[] = [];
      for (const r of rows) {
        const fail = (column: string, reason: string, value: string) =>
          all.push({ row: r.row, column, value, reason });
        const before = all.length;
        const level = r.kodeWilayah.split('.').length;
        if (!places.has(r.kodeWilayah) || !isWithinWilayah(r.kodeWilayah, wilayah) || level < 3) {
          fail('kodeWilayah', `Bukan kecamatan atau kelurahan/desa di ${wilayah}`, r.kodeWilayah);
        }
        const pasangan =
          r.nomorUrut === null
            ? null
            : paslon.find(
                (p) => p.nomor_urut === r.nomorUrut && isWithinWilayah(r.kodeWilayah, p.kode_wilayah),
              );
        if (pasangan === undefined)
          fail('nomorUrut', 'Paslon dengan nomor urut ini tidak terdaftar', String(r.nomorUrut));
        if (masaOf(pemilihan, r.kodeWilayah, r.mulaiAt, r.selesaiAt) === 'masa_tenang') {
          fail('mulai', 'Masa tenang: tidak boleh ada kegiatan kampanye', r.mulaiAt.toISOString());
        }
        if (all.length > before) continue;
        inserts.push({
          client_id: randomUUID(),
          pemilihan_id: pemilihan.id,
          jenis: r.jenis,
          paslon_id: pasangan?.id ?? null,
          judul: r.judul,
          kode_wilayah: r.kodeWilayah,
          tempat: JSON.stringify(r.tempat),
          alamat: r.alamat,
          mulai_at: r.mulaiAt,
          selesai_at: r.selesaiAt,
          sttp_nomor: r.sttpNomor,
          perkiraan_massa: r.perkiraanMassa,
          kontak: r.kontak,
          created_by: actor.userId,
        });
      }
      requireImportRows(
        all.sort((a, b) => a.row - b.row),
        inserts.length,
        'kegiatan',
      );
      await db.transaction().execute(async (trx) => {
        const ids = await repo.insertKegiatan(trx, inserts);
        for (const [i, id] of ids.entries()) await simpanTugas(trx, actor, pemilihan, id, inserts[i]!);
        await deps.audit.record(trx, actor, {
          action: 'kampanye.kegiatan.import',
          entity: 'kampanye_kegiatan',
          entityId: null,
          kodeWilayah: wilayah,
          before: null,
          after: { fileName: file.fileName, rows: ids.length, ids, pemilihanId: pemilihan.id },
        });
      });
      return { imported: inserts.length };
    },
  };
}
