import type {
  MapResponse,
  Tps,
  TpsCreateInput,
  TpsListQuery,
  TpsPage,
  TpsUpdateInput,
} from '../../../contracts/tps';
import { decideAccess, type Actor } from '../../../domain/access/scope';
import { boundingBox } from '../../../domain/geo/bbox';
import { formatKodeTps } from '../../../domain/tps/kode-tps';
import type { Db } from '../../db/client';
import { authorize, scopeFor } from '../../cross-cutting/access';
import { DomainError, notFound } from '../../errors';
import type { AuditLog } from '../../cross-cutting/audit-log';
import type { WilayahService } from '../wilayah/wilayah.service';
import {
  findChildCentroids,
  findTpsById,
  findTpsByKodeWilayahNomor,
  findTpsPoints,
  insertTps,
  streamTps,
  updateTps,
} from './tps.repo';
import { listTps } from './tps-list';
import { toTpsView } from './tps.view';

/** Above this many TPS the map shows one point per child area instead of every TPS. */
export const MAP_POINT_LIMIT = 5000;
const KODE_LENGTH_BY_LEVEL = [2, 5, 8, 13] as const;

/** The editable columns of a TPS from a create or update input. */
function toTpsColumns(input: TpsCreateInput | TpsUpdateInput) {
  return {
    dpt_total: input.dptTotal,
    dpt_laki: input.dptLaki,
    dpt_perempuan: input.dptPerempuan,
    alamat: input.alamat,
    lat: input.lat,
    lon: input.lon,
    akses: input.akses,
    lokasi_khusus: input.lokasiKhusus,
  };
}

function sameTps(before: Tps, input: TpsUpdateInput): boolean {
  return (
    before.dptTotal === input.dptTotal &&
    before.dptLaki === input.dptLaki &&
    before.dptPerempuan === input.dptPerempuan &&
    before.alamat === input.alamat &&
    before.lat === input.lat &&
    before.lon === input.lon &&
    before.akses === input.akses &&
    before.lokasiKhusus === input.lokasiKhusus
  );
}

export function createTpsService(deps: { audit: AuditLog; db: Db; wilayah: WilayahService }) {
  const { db } = deps;

  async function getVisible(actor: Actor, id: string): Promise<Tps> {
    const row = await findTpsById(db, id);
    if (!row) throw notFound('TPS');
    const view = toTpsView(row);
    // Out of scope reads answer "not found", so that TPS ids outside one's area cannot be probed.
    if (!decideAccess(actor, 'tps:read', view.kodeWilayah).allowed) throw notFound('TPS');
    return view;
  }

  return {
    list: (actor: Actor, query: TpsListQuery): Promise<TpsPage> => listTps(db, actor, query),

    get: getVisible,

    async create(actor: Actor, input: TpsCreateInput): Promise<Tps> {
      authorize(actor, 'tps:write', input.kodeWilayah);
      const wilayah = await deps.wilayah.require(input.kodeWilayah);
      if (wilayah.level !== 4) {
        throw new DomainError('validation', 'TPS harus berada di kelurahan/desa', { field: 'kodeWilayah' });
      }
      const id = await db.transaction().execute(async (trx) => {
        if (await findTpsByKodeWilayahNomor(trx, input.kodeWilayah, input.nomor)) {
          throw new DomainError('conflict', `TPS ${input.nomor} sudah ada di ${wilayah.nama}`);
        }
        const { id } = await insertTps(trx, {
          kode_wilayah: input.kodeWilayah,
          nomor: input.nomor,
          kode: formatKodeTps(input.kodeWilayah, input.nomor),
          ...toTpsColumns(input),
        });
        await deps.audit.record(trx, actor, {
          action: 'create',
          entity: 'tps',
          entityId: id,
          kodeWilayah: input.kodeWilayah,
          before: null,
          after: input,
        });
        return id;
      });
      return getVisible(actor, id);
    },

    async update(actor: Actor, id: string, input: TpsUpdateInput): Promise<Tps> {
      const before = await getVisible(actor, id);
      authorize(actor, 'tps:write', before.kodeWilayah);
      if (sameTps(before, input)) return before;
      await db.transaction().execute(async (trx) => {
        const updated = await updateTps(trx, id, input.version, {
          ...toTpsColumns(input),
          is_generated: false,
        });
        if (!updated) {
          throw new DomainError(
            'conflict',
            'TPS ini sudah diubah orang lain; muat ulang lalu ulangi perubahan Anda',
          );
        }
        const { version: _version, ...after } = input;
        await deps.audit.record(trx, actor, {
          action: 'update',
          entity: 'tps',
          entityId: id,
          kodeWilayah: before.kodeWilayah,
          before,
          after,
        });
      });
      return getVisible(actor, id);
    },

    /** Every TPS in scope, chunk by chunk, for exports. */
    async *stream(actor: Actor, wilayah: string | undefined): AsyncGenerator<Tps[]> {
      const scopeKode = scopeFor(actor, wilayah);
      authorize(actor, 'tps:read', scopeKode);
      for await (const rows of streamTps(db, { scopeKode })) yield rows.map(toTpsView);
    },

    async map(actor: Actor, wilayah: string | undefined): Promise<MapResponse> {
      const scopeKode = scopeFor(actor, wilayah);
      authorize(actor, 'tps:read', scopeKode);
      const points = await findTpsPoints(db, scopeKode, MAP_POINT_LIMIT + 1);
      if (points.length <= MAP_POINT_LIMIT) {
        return {
          mode: 'tps',
          bbox: boundingBox(points.map((p) => [p.lon!, p.lat!])),
          geojson: {
            type: 'FeatureCollection',
            features: points.map((p) => ({
              type: 'Feature',
              geometry: { type: 'Point', coordinates: [p.lon!, p.lat!] },
              properties: {
                id: p.id,
                kode: p.kode,
                nomor: p.nomor,
                kelurahan: p.nama_kelurahan,
                dpt: p.dpt_total,
                akses: p.akses,
                lokasiKhusus: p.lokasi_khusus,
              },
            })),
          },
        };
      }
      const level = scopeKode === null ? 0 : scopeKode.split('.').length;
      const childLength = KODE_LENGTH_BY_LEVEL[Math.min(level, 3)]!;
      const centroids = await findChildCentroids(db, scopeKode, childLength);
      const names = new Map(
        (await deps.wilayah.children(actor, scopeKode ?? undefined)).map((child) => [child.kode, child.nama]),
      );
      return {
        mode: 'wilayah',
        bbox: boundingBox(centroids.map((c) => [Number(c.lon), Number(c.lat)])),
        geojson: {
          type: 'FeatureCollection',
          features: centroids.map((c) => ({
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [Number(c.lon), Number(c.lat)] },
            properties: {
              kode: c.kode,
              nama: names.get(c.kode) ?? c.kode,
              tps: Number(c.tps),
              dpt: Number(c.dpt),
            },
          })),
        },
      };
    },
  };
}
export type TpsService = ReturnType<typeof createTpsService>;
