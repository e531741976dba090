/**
 * The berita acara serah terima recorded where a leg arrives: append-only under its client id (a
 * correction is a new record naming the one it corrects), its photo and drawn signature stored once
 * by content in the evidence store (ADR 0017), and read back under audit.
 */
import type { SerahTerimaCreate } from '../../../contracts/logistik';
import type { Actor } from '../../../domain/access/scope';
import { DomainError, notFound } from '../../errors';
import { authorize } from '../../cross-cutting/access';
import { sameElection } from '../../cross-cutting/create-once';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { LogistikContext } from './logistik-context';
import * as repo from './logistik.repo';
import { ms } from './logistik.view';

export function createSerahTerimaUseCases(ctx: LogistikContext) {
  const { deps, db, requireLeg } = ctx;
  return {
    /**
     * Records a berita acara serah terima (once per client id). The receiver's side: the place the
     * leg arrives must be in the actor's scope. A correction names the record it corrects, on the same
     * leg, with a reason; the corrected record stays.
     */
    async serahTerima(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: SerahTerimaCreate,
    ): Promise<{ id: string; replayed: boolean }> {
      const existing = await repo.findSerahTerimaByClientId(db, input.clientId);
      if (existing) return { id: sameElection(existing, pemilihan).id, replayed: true };
      const leg = await requireLeg(actor, pemilihan, input.legId);
      authorize(actor, 'logistik:handover', leg.ke_kode);
      if (ms(input.diterimaPada) > deps.clock.now().getTime() + 10 * 60_000)
        throw new DomainError('validation', 'Waktu serah terima tidak boleh di masa depan', {
          field: 'diterimaPada',
        });
      if ((input.koreksiAtas === null) !== (input.alasanKoreksi === null))
        throw new DomainError(
          'validation',
          'Koreksi harus menyebut berita acara yang dikoreksi dan alasannya',
          {
            field: input.koreksiAtas === null ? 'koreksiAtas' : 'alasanKoreksi',
          },
        );
      return db.transaction().execute(async (trx) => {
        if (input.koreksiAtas !== null) {
          const target = await repo.findSerahTerima(trx, input.koreksiAtas);
          if (!target || target.leg_id !== leg.id)
            throw new DomainError('validation', 'Berita acara yang dikoreksi tidak ada pada perjalanan ini', {
              field: 'koreksiAtas',
            });
          const all = await repo.findSerahTerimaOfLegs(trx, [leg.id]);
          if (all.some((h) => h.koreksi_atas === target.id))
            throw new DomainError(
              'invalid_state',
              'Berita acara ini sudah dikoreksi; koreksi yang terakhir',
              {
                field: 'koreksiAtas',
              },
            );
        }
        const row = await repo.insertSerahTerima(trx, {
          pemilihan_id: pemilihan.id,
          client_id: input.clientId,
          leg_id: leg.id,
          koreksi_atas: input.koreksiAtas,
          alasan_koreksi: input.alasanKoreksi,
          pemberi_nama: input.pemberiNama,
          pemberi_jabatan: input.pemberiJabatan,
          penerima_nama: input.penerimaNama,
          penerima_jabatan: input.penerimaJabatan,
          kotak: input.kotak,
          surat_suara: input.suratSuara,
          segel: input.segel,
          diterima_pada: new Date(input.diterimaPada),
          tempat: input.tempat,
          lat: input.lat,
          lon: input.lon,
          dicatat_oleh: actor.userId,
        });
        if (!row) {
          const winner = await repo.findSerahTerimaByClientId(trx, input.clientId);
          return { id: sameElection(winner!, pemilihan).id, replayed: true };
        }
        await deps.audit.record(trx, actor, {
          action: input.koreksiAtas === null ? 'create' : 'correct',
          entity: 'logistik_serah_terima',
          entityId: row.id,
          kodeWilayah: leg.ke_kode,
          before: null,
          after: { ...input, pemilihanId: pemilihan.id },
        });
        return { id: row.id, replayed: false };
      });
    },

    /** The photo or drawn signature of a handover, once; the same file again is a harmless retry. */
    async putBerkas(
      actor: Actor,
      pemilihan: PemilihanContext,
      id: string,
      kind: 'foto' | 'ttd',
      upload: { contentType: string | undefined; bytes: Buffer },
    ): Promise<{ sha256: string; mime: string; bytes: number }> {
      const st = await repo.findSerahTerima(db, id);
      if (!st || st.pemilihan_id !== pemilihan.id) throw notFound('Berita acara');
      const leg = await requireLeg(actor, pemilihan, st.leg_id);
      authorize(actor, 'logistik:handover', leg.ke_kode);
      const file = await deps.berkas.periksaGambar(
        upload,
        kind === 'foto' ? { field: 'foto', nama: 'Foto' } : { field: 'ttd', nama: 'Tanda tangan' },
      );
      const { sha256, mime } = file;
      await db.transaction().execute(async (trx) => {
        await deps.berkas.simpan(trx, file);
        const attached = await repo.attachBerkas(trx, id, kind, sha256);
        if (!attached) {
          const current = await repo.findSerahTerima(trx, id);
          const had = kind === 'foto' ? current?.foto_sha256 : current?.ttd_sha256;
          if (had === sha256) return;
          throw new DomainError(
            'conflict',
            kind === 'foto'
              ? 'Berita acara ini sudah berfoto; catat koreksi untuk menggantinya'
              : 'Berita acara ini sudah bertanda tangan; catat koreksi untuk menggantinya',
          );
        }
        await deps.audit.record(trx, actor, {
          action: kind,
          entity: 'logistik_serah_terima',
          entityId: id,
          kodeWilayah: leg.ke_kode,
          before: null,
          after: { sha256, mime, bytes: upload.bytes.length },
        });
      });
      return { sha256, mime, bytes: upload.bytes.length };
    },

    async getBerkas(actor: Actor, pemilihan: PemilihanContext, id: string, kind: 'foto' | 'ttd') {
      const st = await repo.findSerahTerima(db, id);
      if (!st || st.pemilihan_id !== pemilihan.id) throw notFound('Berita acara');
      const leg = await requireLeg(actor, pemilihan, st.leg_id);
      const sha = kind === 'foto' ? st.foto_sha256 : st.ttd_sha256;
      const file =
        sha === null
          ? undefined
          : await deps.berkas.unduh(actor, sha, {
              action: `logistik.${kind}.unduh`,
              entity: 'logistik_serah_terima',
              entityId: id,
              kodeWilayah: leg.ke_kode,
              keterangan: { jenis: kind },
            });
      if (!file) throw notFound(kind === 'foto' ? 'Foto' : 'Tanda tangan');
      return file;
    },
  };
}
