import type { KejadianDetail as Detail } from '../../../contracts/kejadian';
import { useDetailMutation as useRecordMutation } from '../../api/useDetailMutation';
import { KEJADIAN_KEY } from './KejadianPage';

/** The query key of one incident as the detail page reads it. */
export const detailKey = (id: string) => [...KEJADIAN_KEY, 'detail', id] as const;

/** A change of the incident whose answer is the incident as it now stands: shown at once, the list refetched. */
export function useDetailMutation<T>(id: string, run: (input: T) => Promise<Detail>) {
  return useRecordMutation({ detail: detailKey(id), list: [...KEJADIAN_KEY, 'list'] }, run);
}
