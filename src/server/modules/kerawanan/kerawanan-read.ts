/**
 * Reads of a mapping as it stands: the summary (kept figures from a kecamatan up), the map of TPS
 * points, what changed between two phases, and what other modules ask of it (the rawan kelurahan
 * for campaign and patrol planning, one TPS's category for deployment planning).
 */
import type { SummaryResponse } from '../../../contracts/kerawanan';
import type { MapResponse } from '../../../contracts/tps';
import type { Actor } from '../../../domain/access/scope';
import { boundingBox } from '../../../domain/geo/bbox';
import type { Phase } from '../../../domain/kerawanan/catalogue';
import { diffPhases } from '../../../domain/kerawanan/phase-diff';
import type { Kategori } from '../../../domain/kerawanan/score-tps';
import { formatNamaTps } from '../../../domain/tps/kode-tps';
import { authorize, scopeFor } from '../../cross-cutting/access';
import { DomainError, notFound } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { KerawananContext } from './kerawanan-context';
import { summaryFromRollup, summaryFromScan } from './kerawanan-summary';
import { findOneTpsWithKerawanan, findTpsWithKerawanan, type TpsKerawananRow } from './kerawanan.repo';
import { kategoriOf } from './kerawanan.view';

/** Enough for the largest kab/kota (Kabupaten Bogor: about 9,000 TPS at 600 voters each). */
const MAP_POINT_LIMIT = 20_000;

export function createReadUseCases(ctx: KerawananContext) {
  const { db, regionFor } = ctx;
  return {
    /** Counts per category and per indicator, in total and per kecamatan (in Bawaslu's published form). */
    async summary(
      actor: Actor,
      pemilihan: PemilihanContext,
      wilayah: string | undefined,
      phase: Phase,
    ): Promise<SummaryResponse> {
      const scope = scopeFor(actor, wilayah);
      authorize(actor, 'kerawanan:read', scope);
      const { catalogue } = await regionFor(scope ?? '');
      // Below a kecamatan the few TPS are scanned; from a kecamatan up the kept figures are read.
      const read = scope !== null && scope.split('.').length > 3 ? summaryFromScan : summaryFromRollup;
      return read(db, pemilihan.id, scope, phase, catalogue);
    },

    /** TPS points coloured by their effective category, optionally only those holding an indicator. */
    async map(
      actor: Actor,
      pemilihan: PemilihanContext,
      wilayah: string | undefined,
      phase: Phase,
      indicator: string | undefined,
    ): Promise<MapResponse> {
      const scope = scopeFor(actor, wilayah);
      authorize(actor, 'kerawanan:read', scope);
      if (scope === null)
        throw new DomainError('validation', 'Pilih wilayah (provinsi, kab/kota atau kecamatan)');
      const { known } = await regionFor(scope);
      if (indicator !== undefined && !known.has(indicator)) {
        throw new DomainError('validation', 'Indikator tidak dikenal', { field: 'indicator' });
      }
      const rows = (await findTpsWithKerawanan(db, pemilihan.id, scope, phase)).filter(
        (r) =>
          r.lat !== null &&
          r.lon !== null &&
          (indicator === undefined || (r.indicators ?? []).includes(indicator)),
      );
      if (rows.length > MAP_POINT_LIMIT) {
        throw new DomainError(
          'too_many_results',
          `Lebih dari ${MAP_POINT_LIMIT} TPS; pilih wilayah yang lebih kecil`,
        );
      }
      return {
        mode: 'tps',
        bbox: boundingBox(rows.map((r) => [r.lon!, r.lat!] as const)),
        geojson: {
          type: 'FeatureCollection',
          features: rows.map((r) => ({
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [r.lon!, r.lat!] },
            properties: {
              id: r.id,
              kode: r.kode,
              nomor: r.nomor,
              kelurahan: r.nama_kelurahan,
              kategori: kategoriOf(r) ?? 'belum',
              score: r.score,
              lokasiKhusus: r.lokasi_khusus,
            },
          })),
        },
      };
    },

    /** What changed per TPS between two phases in a wilayah (pra → saat, saat → pasca). */
    async phaseChanges(actor: Actor, pemilihan: PemilihanContext, kode: string, from: Phase, to: Phase) {
      authorize(actor, 'kerawanan:read', kode);
      const [before, after] = await Promise.all([
        findTpsWithKerawanan(db, pemilihan.id, kode, from),
        findTpsWithKerawanan(db, pemilihan.id, kode, to),
      ]);
      const state = (rows: TpsKerawananRow[]) =>
        new Map(
          rows.flatMap((r) => {
            const kategori = kategoriOf(r);
            return kategori === null ? [] : [[r.id, { indicators: r.indicators ?? [], kategori }] as const];
          }),
        );
      const byId = new Map(after.map((r) => [r.id, r]));
      return {
        from,
        to,
        // A TPS not yet assessed in the later phase has not changed; it is simply pending.
        items: diffPhases(state(before), state(after))
          .filter((change) => change.to !== null)
          .map((change) => {
            const row = byId.get(change.tpsId)!;
            return {
              tpsId: change.tpsId,
              kode: row.kode,
              nama: formatNamaTps(row.nomor),
              kelurahan: row.nama_kelurahan,
              added: change.added,
              cleared: change.cleared,
              fromKategori: change.from,
              toKategori: change.to,
            };
          }),
      };
    },

    /**
     * For campaign and patrol planning (issue 18): the kelurahan/desa of an area whose worst TPS is
     * rawan or sangat rawan in a phase (override first), in code order. No access check: the caller's
     * own read of the area has been authorised.
     */
    async kelurahanRawan(
      pemilihan: PemilihanContext,
      kode: string,
      phase: Phase,
    ): Promise<{ kode: string; nama: string; kategori: 'rawan' | 'sangat_rawan' }[]> {
      const worst = new Map<string, { kode: string; nama: string; kategori: 'rawan' | 'sangat_rawan' }>();
      for (const row of await findTpsWithKerawanan(db, pemilihan.id, kode, phase)) {
        const kategori = kategoriOf(row);
        if (kategori !== 'rawan' && kategori !== 'sangat_rawan') continue;
        const known = worst.get(row.kode_wilayah);
        if (known?.kategori === 'sangat_rawan') continue;
        worst.set(row.kode_wilayah, { kode: row.kode_wilayah, nama: row.nama_kelurahan, kategori });
      }
      return [...worst.values()];
    },

    /** For deployment planning: a TPS's category in a phase (override first), or null if unassessed. */
    async effectiveKategoriOf(
      pemilihan: PemilihanContext,
      tpsId: string,
      phase: Phase,
    ): Promise<Kategori | null> {
      const row = await findOneTpsWithKerawanan(db, pemilihan.id, tpsId, phase);
      if (!row) throw notFound('TPS');
      return kategoriOf(row);
    },
  };
}
