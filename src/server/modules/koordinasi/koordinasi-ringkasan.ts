/**
 * The dashboard of a kab/kota (ringkasan): the H-minus countdown to voting day, the election's
 * stages as the region holds them (its own offsets when adjusted), readiness of the region and of
 * each agency, the actor's own open action items and unacknowledged imbauan; and the region's own
 * stage offsets set or reset. Rules: src/domain/koordinasi/tahapan.ts.
 */
import type { Ringkasan } from '../../../contracts/koordinasi';
import type { Actor } from '../../../domain/access/scope';
import {
  countdown,
  materializeTahapan,
  readiness,
  type TahapanTemplate,
} from '../../../domain/koordinasi/tahapan';
import { kabKotaOf, parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { authorize } from '../../cross-cutting/access';
import { DomainError } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { authorizeRead, requireKabKota, type KoordinasiContext } from './koordinasi-context';
import * as tindakLanjutRepo from './koordinasi-tindak-lanjut.repo';
import * as regionRepo from './koordinasi.repo';
import * as imbauanRepo from './koordinasi-imbauan.repo';
import { readinessChecklist, toKesiapanItem } from './koordinasi.view';

export type RingkasanOf = (actor: Actor, pemilihan: PemilihanContext, kode: string) => Promise<Ringkasan>;

export function createRingkasanUseCases(ctx: KoordinasiContext) {
  const { db, deps, today, tahapanOf } = ctx;

  /** The dashboard of a kab/kota (or of the actor's own area inside it). */
  async function ringkasan(actor: Actor, pemilihan: PemilihanContext, kode: string): Promise<Ringkasan> {
    authorizeRead(actor, kode);
    const parsed = parseKodeWilayah(kode);
    if (!parsed.ok || parsed.value.level === 'provinsi') {
      throw new DomainError('validation', 'Pilih kabupaten/kota atau wilayah di bawahnya', {
        field: 'kode',
      });
    }
    const kabKota = kabKotaOf(kode)!;
    const wilayah = await deps.wilayah.require(kabKota);
    const day = today(kabKota);
    const votingDayOn = pemilihan.hariPemungutan;
    const [{ template, adjusted }, items, actions, mine, unacked] = await Promise.all([
      tahapanOf(kabKota, pemilihan),
      regionRepo.findKesiapan(db, pemilihan.id, kabKota),
      tindakLanjutRepo.findTindakLanjutForReadiness(db, pemilihan.id, kabKota),
      tindakLanjutRepo.countTindakLanjutFor(db, pemilihan.id, actor.kodeWilayah, actor.agency, day),
      imbauanRepo.countUnacknowledged(db, pemilihan.id, actor.userId),
    ]);
    const checklist = readinessChecklist(items, actions, votingDayOn, kabKota);
    const agencies = [...new Set(checklist.map((i) => i.agency))].sort();
    return {
      kodeWilayah: kabKota,
      namaWilayah: wilayah.nama,
      today: day,
      votingDayOn,
      countdown: countdown(votingDayOn, day),
      tahapan: materializeTahapan(template, votingDayOn, day),
      tahapanDisesuaikan: adjusted,
      kesiapan: {
        materialised: items.length > 0,
        region: readiness(checklist, votingDayOn, day),
        perAgency: agencies.map((agency) => ({
          agency,
          ...readiness(
            checklist.filter((c) => c.agency === agency),
            votingDayOn,
            day,
          ),
        })),
        items: items.map((item) => toKesiapanItem(item, votingDayOn, day)),
      },
      tindakLanjutSaya: { terbuka: mine.terbuka, terlambat: Number(mine.terlambat ?? 0) },
      imbauanBelumDikonfirmasi: unacked,
    };
  }

  /** The region's own stage offsets (null: back to the election's); audited with what they were. */
  async function updateTahapan(
    actor: Actor,
    pemilihan: PemilihanContext,
    kode: string,
    tahapan: TahapanTemplate[] | null,
  ) {
    authorize(actor, 'koordinasi:manage', kode);
    requireKabKota(kode, 'Tahapan diatur per kabupaten/kota');
    await deps.wilayah.requireKnown({ kode });
    const problems = (tahapan ?? []).flatMap((t, index) =>
      t.fromOffset > t.toOffset
        ? [{ index, kode: t.kode, message: 'Tanggal mulai setelah tanggal selesai' }]
        : [],
    );
    if (problems.length > 0)
      throw new DomainError('validation', `Tahapan "${problems[0]!.kode}": ${problems[0]!.message}`, {
        problems,
      });
    const kodes = (tahapan ?? []).map((t) => t.kode);
    if (new Set(kodes).size !== kodes.length) throw new DomainError('validation', 'Kode tahapan ganda');
    const before = await tahapanOf(kode, pemilihan);
    await db.transaction().execute(async (trx) => {
      await regionRepo.upsertRegion(trx, pemilihan.id, kode, { tahapan, updated_by: actor.userId });
      await deps.audit.record(trx, actor, {
        action: tahapan === null ? 'reset' : 'update',
        entity: 'tahapan',
        entityId: null,
        kodeWilayah: kode,
        before: before.adjusted ? before.template : null,
        after: tahapan,
      });
    });
    return ringkasan(actor, pemilihan, kode);
  }

  return { ringkasan, updateTahapan };
}
