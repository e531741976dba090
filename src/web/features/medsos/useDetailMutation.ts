/** A change of one post whose answer is the post itself: kept as the detail, the lists refetched. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MedsosDetail } from '../../../contracts/medsos';
import { MEDSOS_KEY } from './MedsosPage';

export type Detail = z.infer<typeof MedsosDetail>;

export function useDetailMutation<T>(id: string, run: (input: T) => Promise<Detail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (detail) => {
      client.setQueryData([...MEDSOS_KEY, 'detail', id], detail);
      void client.invalidateQueries({ queryKey: [...MEDSOS_KEY, 'list'] });
    },
  });
}
