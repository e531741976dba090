import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HEADER_DATA_PRIBADI, JenisPetugas } from '../../../contracts/petugas';
import type { HadirInput } from '../../../contracts/petugas';
import { petugasApi } from '../../../contracts/routes/petugas';
import type { Actor } from '../../../domain/access/scope';
import { DomainError } from '../../errors';
import { CSV_OPTIONS } from '../../files/csv';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { routesOn } from '../../http/route';
import { readUpload, uploadWilayah } from '../../http/upload';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { PetugasImportService } from './petugas-import.service';
import type { HadirAnswer } from './petugas-hadir';
import type { PetugasService } from './petugas.service';

const EXPORT_COLUMNS = [
  'jenis',
  'jabatan',
  'kode_wilayah',
  'tps',
  'nama',
  'nik',
  'telepon',
  'jenis_kelamin',
  'diskrining',
];

export function petugasRoutes(deps: {
  petugas: PetugasService;
  petugasImport: PetugasImportService;
  petugasHadir: {
    submit: (actor: Actor, pemilihan: PemilihanContext, input: HadirInput) => Promise<HadirAnswer>;
  };
}): FastifyPluginAsyncZod {
  return async (app) => {
    const on = routesOn(app);
    on(petugasApi.tpsList, async (request) =>
      deps.petugas.tpsList(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    on(petugasApi.roster, async (request, reply) => {
      const roster = await deps.petugas.roster(actorOf(request), pemilihanOf(request), request.params.id, {
        luring: request.query.luring === '1',
      });
      // A phone keeps no copy of unmasked personal data (sw.ts); the offline copy is ?luring=1.
      if (roster.akses.identitas || roster.akses.kesehatan) reply.header(HEADER_DATA_PRIBADI, '1');
      return roster;
    });
    on(petugasApi.dasbor, async (request) =>
      deps.petugas.dasbor(actorOf(request), pemilihanOf(request), request.query.wilayah),
    );
    on(petugasApi.export, async (request, reply) => {
      const actor = actorOf(request);
      const kode = deps.petugas.scope(actor, request.query.wilayah);
      const rows = deps.petugas.exportRows(actor, pemilihanOf(request), kode);
      // The first chunk is read before answering, so a refusal is still an error answer.
      const first = await rows.next();
      const out = new PassThrough();
      const csv = stringify({ ...CSV_OPTIONS, header: true, columns: EXPORT_COLUMNS });
      csv.pipe(out);
      void (async () => {
        if (!first.done) for (const r of first.value) csv.write(r);
        for await (const chunk of rows) for (const r of chunk) csv.write(r);
        csv.end();
      })().catch((error: unknown) => out.destroy(error as Error));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="petugas-${kode}.csv"`)
        .send(out);
    });
    on(petugasApi.create, async (request) =>
      deps.petugas.create(actorOf(request), pemilihanOf(request), request.body),
    );
    on(petugasApi.update, async (request) =>
      deps.petugas.ubah(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(petugasApi.import, async (request) => {
      const { fields, file } = await readUpload(request);
      const jenis =
        fields.jenis === undefined || fields.jenis === '' ? null : JenisPetugas.safeParse(fields.jenis);
      if (jenis !== null && !jenis.success) {
        throw new DomainError('validation', 'Jenis petugas tidak dikenal', { field: 'jenis' });
      }
      return deps.petugasImport.run(actorOf(request), pemilihanOf(request), {
        wilayah: uploadWilayah(fields),
        file,
        jenis: jenis === null ? null : jenis.data,
        idempotencyKey: request.headers['idempotency-key'],
      });
    });
    on(petugasApi.skrining, async (request) =>
      deps.petugas.skrining(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(petugasApi.hadir, async (request) =>
      deps.petugasHadir.submit(actorOf(request), pemilihanOf(request), request.body),
    );
    on(petugasApi.insiden, async (request) =>
      deps.petugas.laporInsiden(actorOf(request), pemilihanOf(request), request.body),
    );
    on(petugasApi.ubahInsiden, async (request) =>
      deps.petugas.ubahInsiden(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(petugasApi.aturan, async (request) => deps.petugas.aturan(actorOf(request), request.params.kode));
    on(petugasApi.setAturan, async (request) =>
      deps.petugas.setAturan(actorOf(request), request.params.kode, request.body),
    );
    on(petugasApi.retensi, async (request) => deps.petugas.jalankanRetensi(actorOf(request)));
  };
}
