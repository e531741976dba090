import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { koordinasiApi as api } from '../../../contracts/routes/koordinasi';
import { actorOf } from '../../http/auth';
import { pemilihanOf } from '../../http/pemilihan';
import { routesOn } from '../../http/route';
import type { KoordinasiService } from './koordinasi.service';

export function koordinasiRoutes(deps: { koordinasi: KoordinasiService }): FastifyPluginAsyncZod {
  const k = deps.koordinasi;
  return async (app) => {
    const on = routesOn(app);
    // ── rakor ──
    on(api.listRakor, async (request) => k.listRakor(actorOf(request), pemilihanOf(request), request.query));
    on(api.createRakor, async (request, reply) => {
      const result = await k.createRakor(actorOf(request), pemilihanOf(request), request.body);
      return reply.status(result.replayed ? 200 : 201).send(result);
    });
    on(api.getRakor, async (request) =>
      k.getRakor(actorOf(request), pemilihanOf(request), request.params.id),
    );
    on(api.kehadiran, async (request) =>
      k.recordKehadiran(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(api.catatan, async (request) =>
      k.addCatatan(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(api.keputusan, async (request) =>
      k.addKeputusan(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(api.statusRakor, async (request) =>
      k.setRakorStatus(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(api.notulenPdf, async (request, reply) => {
      const pdf = await k.notulenPdf(actorOf(request), pemilihanOf(request), request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${pdf.filename}"`)
        .send(pdf.body);
    });

    // ── tindak lanjut ──
    on(api.listTindakLanjut, async (request) =>
      k.listTindakLanjut(actorOf(request), pemilihanOf(request), request.query),
    );
    on(api.createTindakLanjut, async (request) =>
      k.addKeputusan(actorOf(request), pemilihanOf(request), null, request.body),
    );
    on(api.tutupTindakLanjut, async (request) =>
      k.closeTindakLanjut(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );

    // ── tahapan, kesiapan ──
    on(api.ringkasan, async (request) =>
      k.ringkasan(actorOf(request), pemilihanOf(request), request.params.kode),
    );
    on(api.buatKesiapan, async (request) =>
      k.materialiseKesiapan(actorOf(request), pemilihanOf(request), request.params.kode),
    );
    on(api.kesiapanItem, async (request) =>
      k.updateKesiapan(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(api.tahapan, async (request) =>
      k.updateTahapan(actorOf(request), pemilihanOf(request), request.params.kode, request.body.tahapan),
    );

    // ── imbauan ──
    on(api.kirimImbauan, async (request, reply) => {
      const result = await k.sendImbauan(actorOf(request), pemilihanOf(request), request.body);
      return reply.status(result.replayed ? 200 : 201).send(result);
    });
    on(api.listImbauan, async (request) =>
      k.listImbauan(actorOf(request), pemilihanOf(request), request.query),
    );
    on(api.kotakMasuk, async (request) =>
      k.kotakMasuk(actorOf(request), pemilihanOf(request), request.query),
    );
    on(api.getImbauan, async (request) =>
      k.getImbauan(actorOf(request), pemilihanOf(request), request.params.id),
    );
    on(api.bacaImbauan, async (request, reply) => {
      await k.markRead(actorOf(request), pemilihanOf(request), request.params.id);
      return reply.status(204).send(null);
    });
    on(api.konfirmasiImbauan, async (request) =>
      k.acknowledge(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );
    on(api.pengingatImbauan, async (request) =>
      k.remind(actorOf(request), pemilihanOf(request), request.params.id),
    );
    on(api.capXml, async (request, reply) => {
      const xml = await k.capXml(actorOf(request), pemilihanOf(request), request.params.id);
      return reply.header('content-type', 'application/cap+xml; charset=utf-8').send(xml);
    });

    // ── NPHD ──
    on(api.nphd, async (request) => k.nphd(actorOf(request), pemilihanOf(request), request.params.kode));
    on(api.upsertNphd, async (request) =>
      k.upsertNphd(
        actorOf(request),
        pemilihanOf(request),
        request.params.kode,
        request.params.penerima,
        request.body,
      ),
    );
    on(api.nphdTransaksi, async (request) =>
      k.addNphdTransaksi(actorOf(request), pemilihanOf(request), request.params.id, request.body),
    );

    // ── forkopimda of a region ──
    on(api.forkopimda, async (request) => k.forkopimda(actorOf(request), request.params.kode));
    on(api.setForkopimda, async (request) =>
      k.setForkopimda(actorOf(request), request.params.kode, request.body),
    );

    // ── indikator ──
    on(api.indikator, async (request) =>
      k.indikator(actorOf(request), pemilihanOf(request), request.params.kode),
    );
    on(api.setIndikator, async (request) =>
      k.updateTarget(actorOf(request), pemilihanOf(request), request.params.kode, request.body),
    );
  };
}
