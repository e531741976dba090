/**
 * A monitoring team's sheet imported into a kab/kota, all or nothing: every bad row is named and
 * nothing is written; addresses already recorded (or repeated in the file) are skipped and listed.
 */
import type { MedsosImportResult } from '../../../contracts/medsos';
import type { Actor } from '../../../domain/access/scope';
import { parseImporMedsos } from '../../../domain/medsos/impor';
import { ZONA_OFFSET_HOURS, zonaOf } from '../../../domain/time/zona';
import { kabKotaOf } from '../../../domain/wilayah/kode-wilayah';
import { authorize } from '../../cross-cutting/access';
import { isUniqueViolation } from '../../db/pg-errors';
import { DomainError } from '../../errors';
import { readSheet, type ImportFile } from '../../files/read-sheet';
import { requireImportRows } from '../../files/sheet-import';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { validation, type MedsosContext } from './medsos-context';
import * as repo from './medsos.repo';

export function createImporUseCase({ deps, db }: MedsosContext) {
  return {
    async importSheet(
      actor: Actor,
      pemilihan: PemilihanContext,
      wilayah: string,
      file: ImportFile,
    ): Promise<MedsosImportResult> {
      authorize(actor, 'medsos:record', wilayah);
      const kab = kabKotaOf(wilayah);
      if (kab !== wilayah)
        throw validation('Impor dilakukan per kabupaten/kota', 'wilayah', 'wilayah_bukan_kabkota');
      const desa = await deps.wilayah.desaDirectory(kab);
      const kecamatan = new Map(desa.map((d) => [d.kode.split('.').slice(0, 3).join('.'), d.nama_kecamatan]));
      const byName = new Map<string, string[]>();
      const named = (nama: string, kode: string) => {
        const list = byName.get(nama.toLowerCase()) ?? [];
        if (!list.includes(kode)) byName.set(nama.toLowerCase(), [...list, kode]);
      };
      for (const [kode, nama] of kecamatan) named(nama, kode);
      for (const d of desa) named(d.nama, d.kode);
      const now = deps.clock.now();
      const { rows, errors } = parseImporMedsos(
        await readSheet(file),
        {
          kodeKabKota: kab,
          kecamatan,
          kelurahanOf: new Map(desa.map((d) => [d.kode, d.kode.split('.').slice(0, 3).join('.')])),
          byName,
        },
        { offsetHours: ZONA_OFFSET_HOURS[zonaOf(kab)], now },
      );
      requireImportRows(errors, rows.length, 'unggahan');
      try {
        return await db.transaction().execute(async (trx) => {
          const known = new Map(
            (await repo.findByUrls(trx, pemilihan.id, [...new Set(rows.map((r) => r.urlNormal))])).map(
              (r) => [r.url_normal, r.id],
            ),
          );
          const dilewati: MedsosImportResult['dilewati'] = [];
          const seen = new Map<string, string | null>();
          let dicatat = 0;
          for (const r of rows) {
            const existing = known.get(r.urlNormal) ?? seen.get(r.urlNormal);
            if (existing !== undefined) {
              dilewati.push({ row: r.row, url: r.url, id: existing });
              continue;
            }
            const id = await repo.insertPost(trx, {
              pemilihan_id: pemilihan.id,
              client_id: crypto.randomUUID(),
              platform: r.platform,
              akun: r.akun,
              url: r.url,
              url_normal: r.urlNormal,
              teks: r.teks,
              dilihat_at: r.dilihatAt,
              kode_wilayah: r.kodeWilayah,
              kategori: r.kategori,
              recorded_by: actor.userId,
              recorded_at: now,
              via: 'impor',
            });
            seen.set(r.urlNormal, id);
            await repo.insertLangkah(trx, {
              post_id: id,
              aksi: 'catat',
              catatan: `impor ${file.fileName}, baris ${r.row}`,
              actor_id: actor.userId,
              at: now,
            });
            dicatat += 1;
          }
          await deps.audit.record(trx, actor, {
            action: 'medsos.impor',
            entity: 'medsos_post',
            entityId: null,
            kodeWilayah: kab,
            before: null,
            after: { berkas: file.fileName, dicatat, dilewati: dilewati.length },
          });
          return { dicatat, dilewati };
        });
      } catch (error) {
        // Another officer recorded one of these addresses meanwhile: nothing of the file was written.
        if (isUniqueViolation(error))
          throw new DomainError(
            'conflict',
            'Sebagian unggahan baru saja dicatat orang lain; impor ulang berkas',
            {
              code: 'url_sudah_tercatat',
            },
          );
        throw error;
      }
    },
  };
}
