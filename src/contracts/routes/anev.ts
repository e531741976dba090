import { AnevCetakQuery, AnevImportResult, AnevParams, AnevQuery, AnevResponse } from '../anev';
import { ErrorResponse } from '../common';
import { routeGroup } from '../route';

const route = routeGroup(['anev']);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const anevApi = {
  banding: route({
    method: 'GET',
    path: '/anev/:kode',
    permission: 'koordinasi:read',
    summary: 'Anev: pemilihan ini dibandingkan dengan pemilihan sebelumnya, per kecamatan',
    pemilihan: 'read',
    params: AnevParams,
    query: AnevQuery,
    response: AnevResponse,
  }),
  cetak: route({
    method: 'GET',
    path: '/anev/:kode/cetak',
    permission: 'koordinasi:read',
    summary: 'Anev untuk rakor evaluasi: PDF (A4) atau XLSX',
    pemilihan: 'read',
    params: AnevParams,
    query: AnevCetakQuery,
    produces: ['application/pdf', XLSX],
  }),
  templat: route({
    method: 'GET',
    path: '/anev/:kode/templat.xlsx',
    permission: 'koordinasi:read',
    summary: 'Templat ringkasan angka pemilihan (satu baris per kecamatan) untuk diisi dan diimpor',
    pemilihan: 'read',
    params: AnevParams,
    produces: [XLSX],
  }),
  importRingkasan: route({
    method: 'POST',
    path: '/anev/:kode/ringkasan',
    permission: 'koordinasi:manage',
    summary:
      'Impor ringkasan angka pemilihan dari templat (multipart: file). Semua atau tidak sama sekali; menggantikan angka yang pernah dimasukkan.',
    // Entering the figures of a past election documents an archive: allowed when it is closed.
    pemilihan: 'read',
    upload: 'multipart',
    params: AnevParams,
    response: AnevImportResult,
    responses: { 422: ErrorResponse },
  }),
};
