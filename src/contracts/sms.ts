/** SMS intake: the gateway's webhook and the registered senders. */
import { z } from 'zod';
import { Uuid } from './common';

/** Indonesian mobile numbers as +62…; 08… and 62… are accepted and normalised. */
export const NomorHp = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s-]/g, ''))
  .transform((v) => (v.startsWith('08') ? `+62${v.slice(1)}` : v.startsWith('62') ? `+${v}` : v))
  .pipe(z.string().regex(/^\+62[0-9]{8,13}$/, { message: 'Nomor HP tidak valid (contoh: 081234567890)' }));

export const SmsMasuk = z.object({
  /** The gateway's own message id: a retried delivery is answered with the first reply. */
  id: z.string().trim().min(1).max(200),
  from: NomorHp,
  text: z.string().max(2000),
});
export const SmsBalasan = z.object({ reply: z.string(), ok: z.boolean() });

export const SmsPengirimInput = z.object({ nomor: NomorHp, username: z.string().trim().min(1).max(64) });
export const SmsPengirim = z.object({
  nomor: z.string(),
  username: z.string(),
  nama: z.string(),
  role: z.string(),
  kodeWilayah: z.string().nullable(),
});
export const SmsPengirimList = z.object({ items: z.array(SmsPengirim) });
export const SmsLog = z.object({
  items: z.array(
    z.object({
      id: Uuid,
      nomor: z.string(),
      teks: z.string(),
      ok: z.boolean(),
      balasan: z.string(),
      receivedAt: z.string(),
    }),
  ),
});
