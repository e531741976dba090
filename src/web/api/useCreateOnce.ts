import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * A form that creates a record once however often it is sent: its client id goes with every try and
 * is renewed only when the server holds the record, so a retry after a lost answer is not a second
 * record (the server answers a known client id with the first). Lists under `listKey` are refetched.
 */
export function useCreateOnce<T, D>(listKey: readonly unknown[], run: (body: T) => Promise<D>) {
  const client = useQueryClient();
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const mutation = useMutation({
    mutationFn: run,
    onSuccess: () => {
      setClientId(crypto.randomUUID());
      void client.invalidateQueries({ queryKey: listKey });
    },
  });
  return { clientId, mutation };
}
