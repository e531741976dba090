import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A change of one record whose answer is the record as it now stands (an incident, a post): the
 * answer is kept as the record's detail at once, and the lists it appears in are refetched.
 */
export function useDetailMutation<D, T>(
  keys: { detail: readonly unknown[]; list: readonly unknown[] },
  run: (input: T) => Promise<D>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (detail) => {
      client.setQueryData(keys.detail, detail);
      void client.invalidateQueries({ queryKey: keys.list });
    },
  });
}
