/** A change of one post whose answer is the post itself: kept as the detail, the lists refetched. */
import type { z } from 'zod';
import type { MedsosDetail } from '../../../contracts/medsos';
import { useDetailMutation as useRecordMutation } from '../../api/useDetailMutation';
import { MEDSOS_KEY } from './MedsosPage';

export type Detail = z.infer<typeof MedsosDetail>;

export function useDetailMutation<T>(id: string, run: (input: T) => Promise<Detail>) {
  return useRecordMutation({ detail: [...MEDSOS_KEY, 'detail', id], list: [...MEDSOS_KEY, 'list'] }, run);
}
