import { useQuery } from '@tanstack/react-query';
import { WilayahChildrenResponse, WilayahDetail, WilayahSearchResponse } from '../../../contracts/wilayah';
import { api, query } from '../../api/client';

export function useWilayahDetail(kode: string | undefined) {
  return useQuery({
    queryKey: ['wilayah', kode],
    queryFn: () => api(WilayahDetail, `/api/wilayah/${kode}`),
    enabled: kode !== undefined && kode !== '',
  });
}

export function useWilayahChildren(parent: string | undefined) {
  return useQuery({
    queryKey: ['wilayah-children', parent ?? ''],
    queryFn: () => api(WilayahChildrenResponse, `/api/wilayah${query({ parent })}`),
  });
}

export function useWilayahSearch(q: string) {
  return useQuery({
    queryKey: ['wilayah-search', q],
    queryFn: () => api(WilayahSearchResponse, `/api/wilayah/search${query({ q, limit: 15 })}`),
    enabled: q.trim().length >= 2,
  });
}
