/**
 * The success indicators of a kab/kota (domain/koordinasi/indikator.ts): readiness, late action
 * items and rakor held from koordinasi, serious incidents and clashes from the incident module when
 * present, and the turnout target, turnout and PSU count Kesbangpol enters.
 */
import type { Actor } from '../../../domain/access/scope';
import { indikatorKeberhasilan } from '../../../domain/koordinasi/indikator';
import { authorize } from '../../cross-cutting/access';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { requireKabKota, type KoordinasiContext } from './koordinasi-context';
import type { RingkasanOf } from './koordinasi-ringkasan';
import * as rakorRepo from './koordinasi-rakor.repo';
import * as tindakLanjutRepo from './koordinasi-tindak-lanjut.repo';
import * as regionRepo from './koordinasi.repo';

export function createIndikatorUseCases(ctx: KoordinasiContext, ringkasan: RingkasanOf) {
  const { db, deps } = ctx;

  async function indikator(actor: Actor, pemilihan: PemilihanContext, kode: string) {
    const summary = await ringkasan(actor, pemilihan, kode);
    const kabKota = summary.kodeWilayah;
    const [region, late, rakorSelesai, insiden] = await Promise.all([
      regionRepo.findRegion(db, pemilihan.id, kabKota),
      tindakLanjutRepo.countLateTindakLanjutWithin(db, pemilihan.id, kabKota, summary.today),
      rakorRepo.countRakorSelesai(db, pemilihan.id, kabKota),
      deps.kejadian?.countForIndicators(kabKota, pemilihan) ?? Promise.resolve(null),
    ]);
    const target = {
      targetPartisipasi: region?.target_partisipasi ?? null,
      partisipasi: region?.partisipasi ?? null,
      psuCount: region?.psu_count ?? null,
    };
    return {
      kodeWilayah: kabKota,
      namaWilayah: summary.namaWilayah,
      indikator: indikatorKeberhasilan({
        readinessPercent: summary.kesiapan.region.due > 0 ? summary.kesiapan.region.percent : null,
        tindakLanjutTerlambat: late,
        rakorSelesai,
        partisipasiPersen: target.partisipasi,
        targetPartisipasiPersen: target.targetPartisipasi,
        insidenBerat: insiden?.berat ?? null,
        insidenKonflik: insiden?.konflik ?? null,
        psuCount: target.psuCount,
      }),
      target,
    };
  }

  async function updateTarget(
    actor: Actor,
    pemilihan: PemilihanContext,
    kode: string,
    input: { targetPartisipasi: number | null; partisipasi: number | null; psuCount: number | null },
  ) {
    authorize(actor, 'koordinasi:manage', kode);
    requireKabKota(kode, 'Target diatur per kabupaten/kota');
    await deps.wilayah.requireKnown({ kode });
    await db.transaction().execute(async (trx) => {
      await regionRepo.upsertRegion(trx, pemilihan.id, kode, {
        target_partisipasi: input.targetPartisipasi,
        partisipasi: input.partisipasi,
        psu_count: input.psuCount,
        updated_by: actor.userId,
      });
      await deps.audit.record(trx, actor, {
        action: 'update',
        entity: 'target_keberhasilan',
        entityId: null,
        kodeWilayah: kode,
        before: null,
        after: input,
      });
    });
    return indikator(actor, pemilihan, kode);
  }

  return { indikator, updateTarget };
}
