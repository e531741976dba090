import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { useCreateOnce } from './useCreateOnce';

function Form({ send }: { send: (body: { clientId: string }) => Promise<void> }) {
  const { clientId, mutation } = useCreateOnce(['daftar'], send);
  return (
    <button type="button" onClick={() => mutation.mutate({ clientId })}>
      kirim
    </button>
  );
}

describe('useCreateOnce', () => {
  it('sends the same client id until the server holds the record, then a new one; and refetches the list', async () => {
    const sent: string[] = [];
    let fail = true;
    const send = async (body: { clientId: string }) => {
      sent.push(body.clientId);
      if (fail) throw new Error('jaringan putus');
    };
    const client = new QueryClient();
    const refetched: unknown[] = [];
    client.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'invalidate')
        refetched.push(event.query.queryKey);
    });
    client.setQueryData(['daftar'], []);
    render(
      <QueryClientProvider client={client}>
        <Form send={send} />
      </QueryClientProvider>,
    );
    fireEvent.click(screen.getByText('kirim'));
    await waitFor(() => expect(sent).toHaveLength(1));
    fail = false;
    fireEvent.click(screen.getByText('kirim'));
    await waitFor(() => expect(refetched).toEqual([['daftar']]));
    fireEvent.click(screen.getByText('kirim'));
    await waitFor(() => expect(sent).toHaveLength(3));
    expect(sent[1]).toBe(sent[0]);
    expect(sent[2]).not.toBe(sent[1]);
  });
});
