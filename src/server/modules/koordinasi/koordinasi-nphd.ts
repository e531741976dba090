/**
 * NPHD (Naskah Perjanjian Hibah Daerah, the region's grant to KPU, Bawaslu, Polri and TNI) of a
 * kab/kota: one per recipient with its value and signing day, the disbursements and realised spending
 * against it, and the alerts of domain/koordinasi/nphd.ts (unsigned, a late tranche, lagging
 * absorption, spending beyond what was disbursed).
 */
import { hasPermission } from '../../../domain/access/roles';
import { isInScope, isRelated, type Actor } from '../../../domain/access/scope';
import { PENERIMA_NPHD } from '../../../domain/koordinasi/nphd';
import { authorize } from '../../cross-cutting/access';
import { DomainError, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { authorizeRead, requireKabKota, type KoordinasiContext } from './koordinasi-context';
import * as repo from './koordinasi-nphd.repo';
import { toNphdRow } from './koordinasi.view';

const PER_KABKOTA = 'NPHD dicatat per kabupaten/kota';

export function createNphdUseCases(ctx: KoordinasiContext) {
  const { db, deps, today } = ctx;

  async function nphd(actor: Actor, pemilihan: PemilihanContext, kode: string) {
    authorizeRead(actor, kode);
    requireKabKota(kode, PER_KABKOTA);
    const wilayah = await deps.wilayah.require(kode);
    const day = today(kode);
    const rows = await repo.findNphdOf(db, pemilihan.id, kode);
    const transaksi = await repo.findNphdTransaksi(
      db,
      rows.map((r) => r.id),
    );
    return {
      kodeWilayah: kode,
      namaWilayah: wilayah.nama,
      canManage: !pemilihan.ditutup && isInScope(actor, kode) && hasPermission(actor.role, 'nphd:manage'),
      rows: PENERIMA_NPHD.map((penerima) =>
        toNphdRow(
          penerima,
          rows.find((r) => r.penerima === penerima),
          transaksi,
          pemilihan.hariPemungutan,
          day,
        ),
      ),
    };
  }

  async function upsertNphd(
    actor: Actor,
    pemilihan: PemilihanContext,
    kode: string,
    penerima: (typeof PENERIMA_NPHD)[number],
    input: { nomor: string; nilai: number; ditandatanganiOn: string | null },
  ) {
    authorize(actor, 'nphd:manage', kode);
    requireKabKota(kode, PER_KABKOTA);
    await deps.wilayah.require(kode);
    await db.transaction().execute(async (trx) => {
      const { id } = await repo.upsertNphd(trx, {
        pemilihan_id: pemilihan.id,
        kode_wilayah: kode,
        penerima,
        nomor: input.nomor,
        nilai: input.nilai,
        ditandatangani_on: input.ditandatanganiOn,
        updated_by: actor.userId,
      });
      await deps.audit.record(trx, actor, {
        action: 'upsert',
        entity: 'nphd',
        entityId: id,
        kodeWilayah: kode,
        before: null,
        after: { penerima, ...input },
      });
    });
    return nphd(actor, pemilihan, kode);
  }

  /** A disbursement or realisation, once per client id; never dated after the region's today. */
  async function addNphdTransaksi(
    actor: Actor,
    pemilihan: PemilihanContext,
    nphdId: string,
    input: {
      clientId: string;
      jenis: 'pencairan' | 'realisasi';
      nilai: number;
      tanggal: string;
      keterangan: string;
    },
  ) {
    const found = await repo.findNphdById(db, pemilihan.id, nphdId);
    if (!found || !isRelated(actor, found.kode_wilayah)) throw notFound('NPHD');
    authorize(actor, 'nphd:manage', found.kode_wilayah);
    if (input.tanggal > today(found.kode_wilayah)) {
      throw new DomainError('validation', 'Tanggal transaksi tidak boleh di masa depan', {
        field: 'tanggal',
      });
    }
    await db.transaction().execute(async (trx) => {
      const inserted = await repo.insertNphdTransaksi(trx, {
        client_id: input.clientId,
        nphd_id: nphdId,
        jenis: input.jenis,
        nilai: input.nilai,
        tanggal: input.tanggal,
        keterangan: input.keterangan,
        created_by: actor.userId,
      });
      if (inserted) {
        await deps.audit.record(trx, actor, {
          action: input.jenis,
          entity: 'nphd',
          entityId: nphdId,
          kodeWilayah: found.kode_wilayah,
          before: null,
          after: input,
        });
      }
    });
    return nphd(actor, pemilihan, found.kode_wilayah);
  }

  return { nphd, upsertNphd, addNphdTransaksi };
}
