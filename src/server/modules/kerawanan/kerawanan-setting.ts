/** The catalogue and thresholds a provinsi or kab/kota scores its TPS with: set (a new version each time) and read. */
import type { RegionSettingInput } from '../../../contracts/kerawanan';
import type { Actor } from '../../../domain/access/scope';
import { extendCatalogue, type IndicatorCatalogue } from '../../../domain/kerawanan/catalogue';
import { DEFAULT_SCORING } from '../../../domain/kerawanan/score-tps';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { authorize } from '../../cross-cutting/access';
import { DomainError } from '../../errors';
import type { KerawananContext } from './kerawanan-context';
import { latestCatalogueVersion, upsertCatalogue, upsertRegionSetting } from './kerawanan-setting.repo';
import { toCatalogueView } from './kerawanan.view';

export function createSettingUseCases(ctx: KerawananContext) {
  const { db, deps, baseCatalogue, regionFor } = ctx;

  async function regionSetting(actor: Actor, kode: string) {
    authorize(actor, 'kerawanan:read', kode);
    const { catalogue, scoring } = await regionFor(kode);
    return {
      kodeWilayah: kode,
      catalogue: toCatalogueView(catalogue),
      scoring,
    };
  }

  return {
    /**
     * A region's own catalogue (Bawaslu's plus its extra indicators, as Kota Kupang's 26th) and
     * thresholds. Each change makes a new catalogue version; earlier assessments keep theirs.
     */
    async configureRegion(actor: Actor, kode: string, input: RegionSettingInput) {
      const parsed = parseKodeWilayah(kode);
      if (!parsed.ok || (parsed.value.level !== 'provinsi' && parsed.value.level !== 'kabkota')) {
        throw new DomainError('validation', 'Pengaturan kerawanan dibuat untuk provinsi atau kab/kota', {
          field: 'kode',
        });
      }
      authorize(actor, 'kerawanan:configure', kode);
      const area = await deps.wilayah.require(kode);
      const id = `wilayah-${kode.replaceAll('.', '')}`;
      let catalogue: IndicatorCatalogue;
      try {
        catalogue = extendCatalogue(baseCatalogue, {
          id,
          nama: `${baseCatalogue.nama} + indikator ${area.nama}`,
          source: `${baseCatalogue.source}; tambahan ${area.nama}`,
          indicators: input.extraIndicators.map((i) => ({ ...i, nomor: null })),
        });
      } catch (error) {
        throw new DomainError(
          'validation',
          (error as Error).message.replace('already exists in', 'sudah ada di'),
        );
      }
      const scoring = { ...DEFAULT_SCORING, ...input.scoring };
      if (scoring.sangatRawanFrom <= scoring.rawanFrom) {
        throw new DomainError('validation', 'Ambang sangat rawan harus di atas ambang rawan', {
          field: 'scoring',
        });
      }
      await db.transaction().execute(async (trx) => {
        const version = (await latestCatalogueVersion(trx, id)) + 1;
        catalogue = { ...catalogue, version };
        await upsertCatalogue(trx, {
          id,
          version,
          nama: catalogue.nama,
          source: catalogue.source,
          indicators: catalogue.indicators,
        });
        await upsertRegionSetting(trx, {
          kode_wilayah: kode,
          catalogue_id: id,
          catalogue_version: version,
          scoring,
          updated_by: actor.userId,
        });
        await deps.audit.record(trx, actor, {
          action: 'configure',
          entity: 'kerawanan_setting',
          entityId: kode,
          kodeWilayah: kode,
          before: null,
          after: { catalogue: `${id}@${version}`, extraIndicators: input.extraIndicators, scoring },
        });
      });
      return regionSetting(actor, kode);
    },

    regionSetting,
  };
}
