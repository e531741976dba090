/** Recapitulation venues: where and when each PPK and the KPU kab/kota recapitulate, and who guards them. */
import { RekapList, RekapLokasiInput, RekapParams, RekapVenue } from '../rekapitulasi';
import { routeGroup } from '../route';

const route = routeGroup(['rekapitulasi']);

export const rekapitulasiApi = {
  list: route({
    method: 'GET',
    path: '/rekapitulasi/:kode',
    permission: 'koordinasi:read',
    summary: 'Lokasi, waktu dan pengamanan rekapitulasi PPK dan KPU kabupaten/kota',
    pemilihan: 'read',
    params: RekapParams,
    response: RekapList,
  }),
  put: route({
    method: 'PUT',
    path: '/rekapitulasi/:kode',
    permission: 'koordinasi:manage',
    summary: 'Tetapkan lokasi, waktu dan kebutuhan personel rekapitulasi satu kecamatan atau kab/kota',
    pemilihan: 'write',
    params: RekapParams,
    body: RekapLokasiInput,
    response: RekapVenue,
  }),
};
