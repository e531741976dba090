import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '../../../contracts/common';
import {
  NomorHp,
  SmsBalasan,
  SmsLog,
  SmsMasuk,
  SmsPengirimInput,
  SmsPengirimList,
} from '../../../contracts/sms';
import { actorOf } from '../../http/auth';
import type { SmsService } from './sms.service';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  503: ErrorResponse,
};
const tags = ['sms'];

export function smsRoutes(deps: { sms: SmsService }): FastifyPluginAsyncZod {
  return async (app) => {
    // The gateway has no session: it authenticates with its shared token, the sender by phone number.
    app.post(
      '/sms/masuk',
      {
        config: { public: true },
        schema: {
          tags,
          summary: 'Webhook gateway SMS: terima satu pesan, jawab dengan balasan untuk pengirim',
          headers: z.object({ 'x-siaga-sms-token': z.string().optional() }),
          body: SmsMasuk,
          response: { 200: SmsBalasan, ...errors },
        },
      },
      async (request) => deps.sms.receive(request.headers['x-siaga-sms-token'], request.body),
    );
    app.get(
      '/sms/pengirim',
      {
        schema: {
          tags,
          summary: 'Nomor HP terdaftar di wilayah Anda',
          response: { 200: SmsPengirimList, ...errors },
        },
      },
      async (request) => deps.sms.senders(actorOf(request)),
    );
    app.post(
      '/sms/pengirim',
      {
        schema: {
          tags,
          summary: 'Daftarkan nomor HP seorang pengguna',
          body: SmsPengirimInput,
          response: { 200: SmsPengirimList, ...errors },
        },
      },
      async (request) => deps.sms.register(actorOf(request), request.body),
    );
    app.delete(
      '/sms/pengirim/:nomor',
      {
        schema: {
          tags,
          summary: 'Hapus nomor HP terdaftar',
          params: z.object({ nomor: NomorHp }),
          response: { 200: SmsPengirimList, ...errors },
        },
      },
      async (request) => deps.sms.unregister(actorOf(request), request.params.nomor),
    );
    app.get(
      '/sms/log',
      { schema: { tags, summary: 'SMS yang diterima dan balasannya', response: { 200: SmsLog, ...errors } } },
      async (request) => deps.sms.log(actorOf(request)),
    );
  };
}
