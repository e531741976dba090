/**
 * Rakor: scheduled once per client id with its invitees (the Forkopimda's by default), listed within
 * the actor's reach, read with its attendance, minutes, decisions and the open action items carried
 * over from earlier meetings, attendance and minutes recorded, closed, and its minutes as a PDF.
 * Decisions themselves are action items (koordinasi-tindak-lanjut.ts).
 */
import type { RakorCreate, RakorDetail } from '../../../contracts/koordinasi';
import { hasPermission } from '../../../domain/access/roles';
import { isInScope, isRelated, type Actor } from '../../../domain/access/scope';
import {
  checkKehadiran,
  defaultPeserta,
  levelsForJenis,
  rekapKehadiran,
  type Kehadiran,
} from '../../../domain/koordinasi/rakor';
import { agendaCarryOver } from '../../../domain/koordinasi/tindak-lanjut';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { authorize } from '../../cross-cutting/access';
import { createOnce } from '../../cross-cutting/create-once';
import type { Db } from '../../db/client';
import { DomainError, forbidden } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { KoordinasiContext } from './koordinasi-context';
import * as rakorRepo from './koordinasi-rakor.repo';
import * as tindakLanjutRepo from './koordinasi-tindak-lanjut.repo';
import { toCatatan, toPeserta, toRakorItem, toTindakLanjut } from './koordinasi.view';
import { buildNotulenPdf } from './koordinasi-notulen-pdf';

/** The rakor's optimistic version step; refused when someone else changed it first. */
async function bump(trx: Db, id: string, version: number, status?: RakorDetail['status']): Promise<void> {
  if ((await rakorRepo.bumpRakor(trx, id, version, status)) === 0) {
    throw new DomainError('conflict', 'Rakor ini baru saja diubah orang lain; muat ulang lalu ulangi');
  }
}

export function createRakorUseCases(ctx: KoordinasiContext) {
  const { db, deps, now, today, requireRakor, requireManageableRakor, forkopimdaOf } = ctx;

  async function createRakor(
    actor: Actor,
    pemilihan: PemilihanContext,
    input: RakorCreate,
  ): Promise<{ id: string; replayed: boolean }> {
    authorize(actor, 'koordinasi:manage', input.kodeWilayah);
    const parsed = parseKodeWilayah(input.kodeWilayah);
    const levels: readonly string[] = levelsForJenis(input.jenis);
    if (!parsed.ok || !levels.includes(parsed.value.level)) {
      throw new DomainError(
        'validation',
        input.jenis === 'forkopimcam'
          ? 'Rakor Forkopimcam diadakan untuk satu kecamatan'
          : 'Rakor ini diadakan untuk satu provinsi atau kabupaten/kota',
        { field: 'kodeWilayah' },
      );
    }
    await deps.wilayah.require(input.kodeWilayah);
    // A resend answers with its first copy before anything is checked again (createOnce).
    const { made, replayed } = await createOnce({
      find: () => rakorRepo.findRakorIdByClientId(db, input.clientId),
      pemilihan,
      replay: (first) => first.id,
      write: async () => {
        const peserta =
          input.peserta.length > 0
            ? input.peserta
            : defaultPeserta(
                input.jenis,
                input.kodeWilayah,
                await forkopimdaOf(input.jenis === 'forkopimcam' ? null : input.kodeWilayah),
              );
        const jabatan = peserta.map((p) => p.jabatan.toLowerCase());
        if (new Set(jabatan).size !== jabatan.length) {
          throw new DomainError('validation', 'Ada jabatan peserta yang tercantum dua kali', {
            field: 'peserta',
          });
        }
        return db.transaction().execute(async (trx) => {
          const inserted = await rakorRepo.insertRakor(trx, {
            client_id: input.clientId,
            pemilihan_id: pemilihan.id,
            kode_wilayah: input.kodeWilayah,
            jenis: input.jenis,
            judul: input.judul,
            tempat: input.tempat,
            mulai_at: new Date(input.mulaiAt),
            created_by: actor.userId,
          });
          await rakorRepo.insertPeserta(
            trx,
            peserta.map((p, i) => ({
              rakor_id: inserted.id,
              urutan: i + 1,
              jabatan: p.jabatan,
              agency: p.agency,
            })),
          );
          await deps.audit.record(trx, actor, {
            action: 'create',
            entity: 'rakor',
            entityId: inserted.id,
            kodeWilayah: input.kodeWilayah,
            before: null,
            after: { ...input, peserta },
          });
          return inserted.id;
        });
      },
    });
    return { id: made, replayed };
  }

  async function listRakor(
    actor: Actor,
    pemilihan: PemilihanContext,
    query: { kode?: string | undefined; page: number; pageSize: number },
  ) {
    authorize(actor, 'koordinasi:read', actor.kodeWilayah);
    if (query.kode !== undefined && !isRelated(actor, query.kode))
      throw forbidden('Wilayah ini di luar cakupan Anda');
    const scope = query.kode ?? actor.kodeWilayah;
    const { items, total } = await rakorRepo.findRakorPage(db, pemilihan.id, scope, query);
    return { items: items.map(toRakorItem), page: query.page, pageSize: query.pageSize, total };
  }

  async function getRakor(actor: Actor, pemilihan: PemilihanContext, id: string): Promise<RakorDetail> {
    authorize(actor, 'koordinasi:read', actor.kodeWilayah);
    const rakor = await requireRakor(actor, pemilihan, id);
    const day = today(rakor.kode_wilayah);
    const [peserta, catatan, keputusan, open] = await Promise.all([
      rakorRepo.findPeserta(db, id),
      rakorRepo.findCatatan(db, id),
      tindakLanjutRepo.findKeputusanOf(db, id),
      tindakLanjutRepo.findOpenTindakLanjutWithin(db, pemilihan.id, rakor.kode_wilayah, id),
    ]);
    const lanjutan = agendaCarryOver(
      open.map((row) => ({ ...toTindakLanjut(row, day), status: 'terbuka' as const })),
      day,
    );
    return {
      ...toRakorItem(rakor),
      version: rakor.version,
      peserta: peserta.map(toPeserta),
      kehadiran: rekapKehadiran(peserta.map((p) => ({ kehadiran: p.kehadiran }))),
      catatan: catatan.map(toCatatan),
      keputusan: keputusan.map((row) => toTindakLanjut(row, day)),
      agendaLanjutan: lanjutan,
      canManage:
        !pemilihan.ditutup && (actor.kodeWilayah === null || isInScope(actor, rakor.kode_wilayah))
          ? hasPermission(actor.role, 'koordinasi:manage')
          : false,
    };
  }

  async function recordKehadiran(
    actor: Actor,
    pemilihan: PemilihanContext,
    id: string,
    input: {
      version: number;
      entries: { pesertaId: string; kehadiran: Kehadiran; diwakiliOleh: string | null }[];
    },
  ): Promise<RakorDetail> {
    const rakor = await requireManageableRakor(actor, pemilihan, id);
    const problems = input.entries.flatMap((entry, index) => {
      const problem = checkKehadiran(entry.kehadiran, entry.diwakiliOleh);
      return problem === null ? [] : [{ index, pesertaId: entry.pesertaId, ...problem }];
    });
    if (problems.length > 0) throw new DomainError('validation', problems[0]!.message, { problems });
    await db.transaction().execute(async (trx) => {
      await bump(trx, id, input.version);
      for (const entry of input.entries) {
        const wakil = entry.kehadiran === 'diwakili' ? entry.diwakiliOleh!.trim() : null;
        const updated = await rakorRepo.updateKehadiran(trx, id, { ...entry, diwakiliOleh: wakil });
        if (updated === 0)
          throw new DomainError('validation', 'Peserta tidak terdaftar di rakor ini', {
            pesertaId: entry.pesertaId,
          });
      }
      await deps.audit.record(trx, actor, {
        action: 'kehadiran',
        entity: 'rakor',
        entityId: id,
        kodeWilayah: rakor.kode_wilayah,
        before: null,
        after: input.entries,
      });
    });
    return getRakor(actor, pemilihan, id);
  }

  async function addCatatan(
    actor: Actor,
    pemilihan: PemilihanContext,
    id: string,
    input: { clientId: string; pembicara: string; pokok: string },
  ) {
    const rakor = await requireManageableRakor(actor, pemilihan, id);
    await db.transaction().execute(async (trx) => {
      const inserted = await rakorRepo.insertCatatan(trx, {
        client_id: input.clientId,
        rakor_id: id,
        pembicara: input.pembicara,
        pokok: input.pokok,
        created_by: actor.userId,
      });
      if (inserted) {
        await deps.audit.record(trx, actor, {
          action: 'catatan',
          entity: 'rakor',
          entityId: id,
          kodeWilayah: rakor.kode_wilayah,
          before: null,
          after: input,
        });
      }
    });
    return getRakor(actor, pemilihan, id);
  }

  async function setRakorStatus(
    actor: Actor,
    pemilihan: PemilihanContext,
    id: string,
    input: { status: 'selesai' | 'batal'; version: number },
  ) {
    const rakor = await requireManageableRakor(actor, pemilihan, id);
    if (rakor.status !== 'terjadwal') {
      throw new DomainError('invalid_state', 'Rakor ini sudah ditutup');
    }
    await db.transaction().execute(async (trx) => {
      await bump(trx, id, input.version, input.status);
      await deps.audit.record(trx, actor, {
        action: input.status,
        entity: 'rakor',
        entityId: id,
        kodeWilayah: rakor.kode_wilayah,
        before: { status: rakor.status },
        after: { status: input.status },
      });
    });
    return getRakor(actor, pemilihan, id);
  }

  async function notulenPdf(
    actor: Actor,
    pemilihan: PemilihanContext,
    id: string,
  ): Promise<{ filename: string; body: Buffer }> {
    const detail = await getRakor(actor, pemilihan, id);
    const body = await buildNotulenPdf(detail, now());
    return { filename: `notulen-${detail.mulaiAt.slice(0, 10)}-${detail.kodeWilayah}.pdf`, body };
  }

  return { createRakor, listRakor, getRakor, recordKehadiran, addCatatan, setRakorStatus, notulenPdf };
}
