/**
 * What makes a whole area vulnerable beside its TPS: area factors (flood season, river or sea access,
 * conflict history…) at, below and above a wilayah, and Bawaslu's index scores (IKP) of a provinsi or
 * kab/kota. Logistics reads the active factors on a leg's route.
 */
import type { AreaFactorInput, IkpInput } from '../../../contracts/kerawanan';
import { isInScope, type Actor } from '../../../domain/access/scope';
import { AREA_FACTORS } from '../../../domain/kerawanan/area-factors';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { authorize } from '../../cross-cutting/access';
import { DomainError, notFound } from '../../errors';
import type { KerawananContext } from './kerawanan-context';
import {
  endAreaFactor,
  findAreaFactor,
  findAreaFactors,
  findIkp,
  insertAreaFactor,
  upsertIkp,
} from './kerawanan-area.repo';
import { toAreaFactor, toIkp } from './kerawanan.view';

export function createAreaUseCases(ctx: KerawananContext) {
  const { db, deps } = ctx;

  /** Area factors at, below and above a wilayah, and the IKP scores of the provinsi and kab/kota. */
  async function areaFactors(actor: Actor, kode: string) {
    authorize(actor, 'kerawanan:read', kode);
    await deps.wilayah.require(kode);
    const parsed = parseKodeWilayah(kode);
    const ancestors = parsed.ok ? parsed.value.ancestorKodes : [];
    const labels = new Map<string, string>(AREA_FACTORS.map((f) => [f.kode, f.label]));
    const [factors, ikp] = await Promise.all([
      findAreaFactors(db, kode, ancestors),
      findIkp(
        db,
        [...ancestors, kode].filter((k) => k.split('.').length <= 2),
      ),
    ]);
    return {
      items: factors.map((f) => toAreaFactor(f, labels)),
      ikp: ikp.map(toIkp),
    };
  }

  return {
    /**
     * Active area factors of the given kinds at, below and above a wilayah, for another module's rule
     * (logistics: flood season, river or sea access on a leg's route). The caller has checked access.
     */
    async faktorAktif(kode: string, factors: readonly string[]) {
      const parsed = parseKodeWilayah(kode);
      const ancestors = parsed.ok ? parsed.value.ancestorKodes : [];
      const rows = await findAreaFactors(db, kode, ancestors);
      return rows
        .filter((f) => factors.includes(f.factor))
        .map((f) => ({ kodeWilayah: f.kode_wilayah, factor: f.factor, note: f.note }));
    },

    areaFactors,

    async addAreaFactor(actor: Actor, input: AreaFactorInput) {
      authorize(actor, 'kerawanan:override', input.kodeWilayah);
      await deps.wilayah.require(input.kodeWilayah);
      await db.transaction().execute(async (trx) => {
        const { id } = await insertAreaFactor(trx, {
          kode_wilayah: input.kodeWilayah,
          factor: input.factor,
          phase: input.phase,
          note: input.note,
          created_by: actor.userId,
        });
        await deps.audit.record(trx, actor, {
          action: 'create',
          entity: 'area_factor',
          entityId: id,
          kodeWilayah: input.kodeWilayah,
          before: null,
          after: input,
        });
      });
      return areaFactors(actor, input.kodeWilayah);
    },

    async endAreaFactor(actor: Actor, id: string): Promise<void> {
      const factor = await findAreaFactor(db, id);
      if (!factor || !factor.is_active || !isInScope(actor, factor.kode_wilayah))
        throw notFound('Faktor wilayah');
      authorize(actor, 'kerawanan:override', factor.kode_wilayah);
      await db.transaction().execute(async (trx) => {
        await endAreaFactor(trx, id);
        await deps.audit.record(trx, actor, {
          action: 'end',
          entity: 'area_factor',
          entityId: id,
          kodeWilayah: factor.kode_wilayah,
          before: factor,
          after: null,
        });
      });
    },

    /** Records a score of one of Bawaslu's indexes for a provinsi or kab/kota, one per index. */
    async setIkp(actor: Actor, kode: string, input: IkpInput) {
      const parsed = parseKodeWilayah(kode);
      if (!parsed.ok || (parsed.value.level !== 'provinsi' && parsed.value.level !== 'kabkota')) {
        throw new DomainError('validation', 'IKP dicatat untuk provinsi atau kab/kota', { field: 'kode' });
      }
      authorize(actor, 'kerawanan:override', kode);
      await deps.wilayah.require(kode);
      await db.transaction().execute(async (trx) => {
        await upsertIkp(trx, {
          kode_wilayah: kode,
          indeks: input.indeks,
          kategori_rilis: input.kategoriRilis,
          score: input.score,
          year: input.year,
          source: input.source,
          updated_by: actor.userId,
        });
        await deps.audit.record(trx, actor, {
          action: 'set_ikp',
          entity: 'wilayah_ikp',
          entityId: kode,
          kodeWilayah: kode,
          before: null,
          after: input,
        });
      });
      return areaFactors(actor, kode);
    },
  };
}
