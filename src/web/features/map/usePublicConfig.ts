import { useQuery } from '@tanstack/react-query';
import { systemApi } from '../../../contracts/routes/system';
import { call } from '../../api/client';

/** The server's public settings (tile URL, voting day), read once per session. */
export function usePublicConfig() {
  return useQuery({
    queryKey: ['config'],
    queryFn: () => call(systemApi.config),
    staleTime: Infinity,
  });
}
