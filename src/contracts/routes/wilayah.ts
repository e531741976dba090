/** The wilayah tree: children with their counts, search by name or kode, one wilayah with its ancestors. */
import { z } from 'zod';
import { KodeWilayah } from '../common';
import {
  WilayahChildrenQuery,
  WilayahChildrenResponse,
  WilayahDetail,
  WilayahSearchQuery,
  WilayahSearchResponse,
} from '../wilayah';
import { routeGroup } from '../route';

const route = routeGroup(['wilayah']);

export const wilayahApi = {
  children: route({
    method: 'GET',
    path: '/wilayah',
    permission: 'wilayah:read',
    summary: 'Anak wilayah (tanpa parent: provinsi) dengan jumlah TPS dan DPT',
    query: WilayahChildrenQuery,
    response: WilayahChildrenResponse,
  }),
  search: route({
    method: 'GET',
    path: '/wilayah/search',
    permission: 'wilayah:read',
    summary: 'Cari wilayah menurut nama atau kode',
    query: WilayahSearchQuery,
    response: WilayahSearchResponse,
  }),
  get: route({
    method: 'GET',
    path: '/wilayah/:kode',
    permission: 'wilayah:read',
    summary: 'Satu wilayah dengan leluhur dan ringkasannya',
    params: z.object({ kode: KodeWilayah }),
    response: WilayahDetail,
  }),
};
