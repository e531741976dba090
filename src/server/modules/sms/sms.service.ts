/**
 * SMS intake for field users without data signal: the gateway posts each message to a webhook; the
 * sender must be a registered phone of an active account, whose role and wilayah then apply exactly
 * as on the web. The message is parsed by the documented format (src/domain/sms/format.ts) and handed
 * to the same use cases as the web forms; the reply says what was understood or what is wrong.
 * A retried delivery (same gateway id) gets the first reply and changes nothing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../../domain/access/scope';
import type { KategoriKejadian } from '../../../domain/kejadian/kategori';
import { emptyHitungan } from '../../../domain/laporan/situasi';
import { MAX_SMS_REPLY, parseSms, replyFor } from '../../../domain/sms/format';
import type { Db } from '../../db/client';
import { DomainError, forbidden } from '../../errors';
import type { AuditLog } from '../../cross-cutting/audit-log';
import { actorOfUser } from '../auth/auth.view';
import type { HariHService } from '../hari-h/hari-h.service';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { LaporanService } from '../laporan/laporan.service';
import { authorize } from '../../cross-cutting/access';
import * as repo from './sms.repo';
import { toSmsLogItem, toSmsPengirim } from './sms.view';

/** How the incident module takes an incident reported by SMS. */
export type KejadianFromSms = (
  actor: Actor,
  pemilihan: PemilihanContext,
  input: {
    clientId: string;
    kodeWilayah: string;
    tpsId: string | null;
    kategori: KategoriKejadian;
    uraian: string;
  },
) => Promise<unknown>;

/** A stable UUID from the gateway's message id: the client id of whatever the message creates. */
export function clientIdOf(gatewayId: string): string {
  const h = createHash('sha256').update(`sms:${gatewayId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function shorten(text: string): string {
  return text.length <= MAX_SMS_REPLY ? text : `${text.slice(0, MAX_SMS_REPLY - 1)}…`;
}

export function createSmsService(deps: {
  audit: AuditLog;
  db: Db;
  token: string | undefined;
  laporan: LaporanService;
  /**
   * The election an SMS counts for (an SMS cannot name it): by the TPS or area it is about, the one
   * of the sender's that the TPS votes in or the area takes part in (pemilihan.aktifUntuk).
   */
  pemilihanUntuk: (
    actor: Actor,
    about: { tpsId: string } | { kodeWilayah: string },
  ) => Promise<PemilihanContext>;
  hariH: HariHService;
  kejadian: KejadianFromSms | null;
}) {
  const { db } = deps;

  function checkToken(given: string | undefined): void {
    if (deps.token === undefined) throw new DomainError('unavailable', 'Penerimaan SMS belum diaktifkan');
    const a = Buffer.from(given ?? '');
    const b = Buffer.from(deps.token);
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      throw new DomainError('unauthenticated', 'Token gateway SMS salah');
    }
  }

  async function dispatch(
    actor: Actor,
    text: string,
    clientId: string,
  ): Promise<{ ok: boolean; reply: string }> {
    const parsed = parseSms(text);
    if (!parsed.ok) return { ok: false, reply: parsed.reply };
    const v = parsed.value;
    const tpsOf = async (kodeTps: string) => {
      const id = await deps.hariH.tpsIdByKode(kodeTps);
      if (id === null) throw new DomainError('validation', `TPS ${kodeTps} tidak terdaftar`);
      return id;
    };
    switch (v.jenis) {
      case 'lap_kelurahan':
        await deps.laporan.submit(
          actor,
          await deps.pemilihanUntuk(actor, { kodeWilayah: v.kodeKelurahan }),
          {
            clientId,
            kodeWilayah: v.kodeKelurahan,
            level: v.level,
            narasi: v.catatan ?? '',
            hitungan: emptyHitungan(),
          },
          'sms',
        );
        break;
      case 'lap_tps': {
        const tpsId = await tpsOf(v.kodeTps);
        await deps.hariH.reportSituasi(
          actor,
          await deps.pemilihanUntuk(actor, { tpsId }),
          { clientId, tpsId, situasi: v.level, catatan: v.catatan ?? '' },
          'sms',
        );
        break;
      }
      case 'status_tps': {
        const tpsId = await tpsOf(v.kodeTps);
        await deps.hariH.report(
          actor,
          await deps.pemilihanUntuk(actor, { tpsId }),
          { clientId, tpsId, tahap: v.tahap, pemilih: v.pemilih },
          'sms',
        );
        break;
      }
      case 'kejadian': {
        if (deps.kejadian === null)
          throw new DomainError('unavailable', 'Laporan kejadian lewat SMS belum tersedia');
        const tpsId = v.kodeTps === null ? null : await tpsOf(v.kodeTps);
        const about = tpsId === null ? { kodeWilayah: v.kodeKelurahan } : { tpsId };
        await deps.kejadian(actor, await deps.pemilihanUntuk(actor, about), {
          clientId,
          kodeWilayah: v.kodeKelurahan,
          tpsId,
          kategori: v.kategori,
          uraian: v.uraian,
        });
        break;
      }
    }
    return { ok: true, reply: replyFor(parsed) };
  }

  return {
    async receive(token: string | undefined, message: { id: string; from: string; text: string }) {
      checkToken(token);
      const seen = await repo.findMessage(db, message.id);
      if (seen) return { ok: seen.ok, reply: seen.balasan };
      const sender = await repo.findSender(db, message.from);
      let result: { ok: boolean; reply: string };
      if (!sender || !sender.is_active) {
        result = {
          ok: false,
          reply:
            'Nomor ini belum terdaftar di Siaga. Hubungi operator Kesbangpol untuk mendaftarkan nomor Anda.',
        };
      } else {
        try {
          result = await dispatch(actorOfUser(sender), message.text, clientIdOf(message.id));
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          result = { ok: false, reply: `Ditolak: ${error.message}` };
        }
      }
      const reply = shorten(result.reply);
      await repo.insertMessage(db, {
        gateway_id: message.id,
        nomor: message.from,
        teks: message.text,
        user_id: sender?.id ?? null,
        ok: result.ok,
        balasan: reply,
      });
      return { ok: result.ok, reply };
    },

    async senders(actor: Actor) {
      authorize(actor, 'sms:manage', actor.kodeWilayah);
      const rows = await repo.findSendersWithin(db, actor.kodeWilayah);
      return {
        items: rows.map(toSmsPengirim),
      };
    },

    async register(actor: Actor, input: { nomor: string; username: string }) {
      const user = await repo.findUserByUsername(db, input.username);
      if (!user || user.kode_wilayah === null)
        throw new DomainError('validation', 'Pengguna tidak ditemukan', { field: 'username' });
      authorize(actor, 'sms:manage', user.kode_wilayah);
      await db.transaction().execute(async (trx) => {
        await repo.upsertSender(trx, { nomor: input.nomor, user_id: user.id, created_by: actor.userId });
        await deps.audit.record(trx, actor, {
          action: 'register',
          entity: 'sms_pengirim',
          entityId: user.id,
          kodeWilayah: user.kode_wilayah,
          before: null,
          after: input,
        });
      });
      return this.senders(actor);
    },

    async unregister(actor: Actor, nomor: string) {
      const sender = await repo.findSender(db, nomor);
      if (!sender || sender.kode_wilayah === null)
        throw new DomainError('not_found', 'Nomor tidak terdaftar');
      authorize(actor, 'sms:manage', sender.kode_wilayah);
      await db.transaction().execute(async (trx) => {
        await repo.deleteSender(trx, nomor);
        await deps.audit.record(trx, actor, {
          action: 'unregister',
          entity: 'sms_pengirim',
          entityId: sender.id,
          kodeWilayah: sender.kode_wilayah,
          before: { nomor },
          after: null,
        });
      });
      return this.senders(actor);
    },

    async log(actor: Actor) {
      if (actor.role !== 'admin' && actor.role !== 'operator') throw forbidden();
      authorize(actor, 'sms:manage', actor.kodeWilayah);
      const rows = await repo.findLog(db, actor.kodeWilayah, 200);
      return {
        items: rows.map(toSmsLogItem),
      };
    },
  };
}
export type SmsService = ReturnType<typeof createSmsService>;
