import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { smsApi } from '../../../contracts/routes/sms';
import { actorOf } from '../../http/auth';
import { routesOn } from '../../http/route';
import type { SmsService } from './sms.service';

export function smsRoutes(deps: { sms: SmsService }): FastifyPluginAsyncZod {
  const sms = deps.sms;
  return async (app) => {
    const on = routesOn(app);
    // The gateway has no session: it authenticates with its shared token, the sender by phone number.
    on(smsApi.masuk, async (request) => sms.receive(request.headers['x-siaga-sms-token'], request.body));
    on(smsApi.pengirim, async (request) => sms.senders(actorOf(request)));
    on(smsApi.daftar, async (request) => sms.register(actorOf(request), request.body));
    on(smsApi.hapus, async (request) => sms.unregister(actorOf(request), request.params.nomor));
    on(smsApi.log, async (request) => sms.log(actorOf(request)));
  };
}
