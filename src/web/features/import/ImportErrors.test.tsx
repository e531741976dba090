import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import { ImportErrors } from './ImportErrors';

describe('ImportErrors', () => {
  it('lists every bad row with its column, value and Indonesian reason', () => {
    render(
      <I18nProvider>
        <ImportErrors
          details={{
            errors: [
              {
                row: 2,
                column: 'dpt_total',
                value: '700',
                reason: 'DPT per TPS Pilkada paling banyak 600 pemilih',
              },
              {
                row: 3,
                column: 'kelurahan',
                value: 'Wara / X',
                reason: 'Kecamatan/kelurahan tidak ditemukan',
              },
            ],
            totalErrors: 2,
          }}
        />
      </I18nProvider>,
    );
    const table = screen.getByRole('table', { name: 'Kesalahan per baris (2)' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('2dpt_total700DPT per TPS Pilkada paling banyak 600 pemilih');
  });

  it('renders nothing for details that are not an import report', () => {
    const { container } = render(
      <I18nProvider>
        <ImportErrors details={{ field: 'wilayah' }} />
      </I18nProvider>,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
