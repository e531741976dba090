import { useQuery } from '@tanstack/react-query';
import { PublicConfig } from '../../../contracts/system';
import { api } from '../../api/client';

/** The server's public settings (tile URL, voting day), read once per session. */
export function usePublicConfig() {
  return useQuery({
    queryKey: ['config'],
    queryFn: () => api(PublicConfig, '/api/config'),
    staleTime: Infinity,
  });
}
