import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { choose } from '../../testing/choose';
import { I18nProvider } from '../../i18n/i18n';
import { WilayahPicker } from './WilayahPicker';

const child = (kode: string, nama: string) => ({
  kode,
  nama,
  level: kode.split('.').length,
  jenis: kode.split('.').length === 4 ? 'kelurahan' : 'kecamatan',
  parentKode: kode.split('.').slice(0, -1).join('.'),
  stats: { children: 0, tps: 0, dpt: 0 },
});
const CHILDREN: Record<string, unknown[]> = {
  '73.73': [child('73.73.01', 'Wara'), child('73.73.02', 'Wara Utara')],
  '73.73.01': [child('73.73.01.1001', 'Tompotikka'), child('73.73.01.1002', 'Lagaligo')],
};

function Harness(props: { scope: string; scopeName: string; maxDepth?: number }) {
  const [kode, setKode] = useState<string | null>(null);
  return (
    <form aria-label="uji">
      <WilayahPicker
        scope={props.scope}
        scopeName={props.scopeName}
        value={kode}
        onChange={setKode}
        label="Tempat kejadian"
        name="kodeWilayah"
        {...(props.maxDepth ? { maxDepth: props.maxDepth } : {})}
      />
    </form>
  );
}

function renderPicker(props: { scope: string; scopeName: string; maxDepth?: number }) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const parent = new URL(url, 'http://x').searchParams.get('parent') ?? '';
      return new Response(JSON.stringify({ items: CHILDREN[parent] ?? [] }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  const { container } = render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <I18nProvider>
        <Harness {...props} />
      </I18nProvider>
    </QueryClientProvider>,
  );
  return () => (container.querySelector('input[name=kodeWilayah]') as HTMLInputElement).value;
}

afterEach(() => vi.unstubAllGlobals());

describe('WilayahPicker', () => {
  it('lets Kesbangpol go down by name, kecamatan then kelurahan, and back up to the whole', async () => {
    const value = renderPicker({ scope: '73.73', scopeName: 'Palopo' });
    expect(value()).toBe('73.73');
    await screen.findByRole('option', { name: 'Wara' });
    choose(screen.getByLabelText('Kecamatan'), '73.73.01');
    expect(value()).toBe('73.73.01');
    await screen.findByRole('option', { name: 'Tompotikka' });
    choose(screen.getByLabelText('Kelurahan/desa'), '73.73.01.1001');
    expect(value()).toBe('73.73.01.1001');
    choose(screen.getByLabelText('Kelurahan/desa'), '');
    expect(value()).toBe('73.73.01');
    choose(screen.getByLabelText('Kecamatan'), '');
    expect(value()).toBe('73.73');
    await waitFor(() => expect(screen.queryByLabelText('Kelurahan/desa')).toBeNull());
    expect(screen.getByRole('option', { name: 'Seluruh Palopo' })).toBeTruthy();
  });

  it('stops at the deepest level asked for', async () => {
    renderPicker({ scope: '73.73', scopeName: 'Palopo', maxDepth: 3 });
    await screen.findByRole('option', { name: 'Wara' });
    choose(screen.getByLabelText('Kecamatan'), '73.73.01');
    expect(screen.queryByLabelText('Kelurahan/desa')).toBeNull();
  });

  it('names a lurah’s own kelurahan, with nothing to type or choose', () => {
    const value = renderPicker({ scope: '73.73.01.1001', scopeName: 'Tompotikka' });
    expect(screen.getByTestId('wilayah-picker-own').textContent).toBe('Tompotikka');
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(value()).toBe('73.73.01.1001');
  });
});
