/** SMS rows as the contract's shapes: a registered sender, a logged message. */
import type { z } from 'zod';
import type { SmsLog, SmsPengirim } from '../../../contracts/sms';
import type { findLog, findSendersWithin } from './sms.repo';

type SenderRow = Awaited<ReturnType<typeof findSendersWithin>>[number];
type LogRow = Awaited<ReturnType<typeof findLog>>[number];

export function toSmsPengirim(r: SenderRow): z.infer<typeof SmsPengirim> {
  return {
    nomor: r.nomor,
    username: r.username,
    nama: r.nama,
    role: r.role,
    kodeWilayah: r.kode_wilayah,
  };
}

export function toSmsLogItem(r: LogRow): z.infer<typeof SmsLog>['items'][number] {
  return {
    id: r.id,
    nomor: r.nomor,
    teks: r.teks,
    ok: r.ok,
    balasan: r.balasan,
    receivedAt: new Date(r.received_at).toISOString(),
  };
}
