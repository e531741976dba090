/**
 * SMS reports: the gateway's webhook and the phone numbers registered to send. The webhook has no
 * session: the gateway proves itself with its shared token (x-siaga-sms-token, checked by the
 * service), the sender by a registered number, so it is public in the table.
 */
import { z } from 'zod';
import { ErrorResponse } from '../common';
import { NomorHp, SmsBalasan, SmsLog, SmsMasuk, SmsPengirimInput, SmsPengirimList } from '../sms';
import { routeGroup } from '../route';

const route = routeGroup(['sms']);
/** The gateway or the SMS service is not configured or not reachable. */
const unavailable = { 503: ErrorResponse } as const;

export const smsApi = {
  masuk: route({
    method: 'POST',
    path: '/sms/masuk',
    public: true,
    summary: 'Webhook gateway SMS: terima satu pesan, jawab dengan balasan untuk pengirim',
    headers: z.object({ 'x-siaga-sms-token': z.string().optional() }),
    body: SmsMasuk,
    response: SmsBalasan,
    responses: unavailable,
  }),
  pengirim: route({
    method: 'GET',
    path: '/sms/pengirim',
    permission: 'sms:manage',
    summary: 'Nomor HP terdaftar di wilayah Anda',
    response: SmsPengirimList,
    responses: unavailable,
  }),
  daftar: route({
    method: 'POST',
    path: '/sms/pengirim',
    permission: 'sms:manage',
    summary: 'Daftarkan nomor HP seorang pengguna',
    body: SmsPengirimInput,
    response: SmsPengirimList,
    responses: unavailable,
  }),
  hapus: route({
    method: 'DELETE',
    path: '/sms/pengirim/:nomor',
    permission: 'sms:manage',
    summary: 'Hapus nomor HP terdaftar',
    params: z.object({ nomor: NomorHp }),
    response: SmsPengirimList,
    responses: unavailable,
  }),
  log: route({
    method: 'GET',
    path: '/sms/log',
    permission: 'sms:manage',
    summary: 'SMS yang diterima dan balasannya',
    response: SmsLog,
    responses: unavailable,
  }),
};
