import { useQuery } from '@tanstack/react-query';
import { wilayahApi } from '../../../contracts/routes/wilayah';
import { call } from '../../api/client';

export function useWilayahDetail(kode: string | undefined) {
  return useQuery({
    queryKey: ['wilayah', kode],
    queryFn: () => call(wilayahApi.get, { params: { kode: kode ?? '' } }),
    enabled: kode !== undefined && kode !== '',
  });
}

export function useWilayahChildren(parent: string | undefined) {
  return useQuery({
    queryKey: ['wilayah-children', parent ?? ''],
    queryFn: () => call(wilayahApi.children, { query: { parent } }),
  });
}

export function useWilayahSearch(q: string) {
  return useQuery({
    queryKey: ['wilayah-search', q],
    queryFn: () => call(wilayahApi.search, { query: { q, limit: 15 } }),
    enabled: q.trim().length >= 2,
  });
}
