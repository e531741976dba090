import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { I18nProvider } from '../../i18n/i18n';
import { ImportErrors, ImportRefusal, SheetFileInput } from './ImportErrors';

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

describe('ImportRefusal', () => {
  const details = { errors: [{ row: 4, column: 'nik', value: '…1234', reason: 'NIK harus 16 angka' }] };

  it('says what went wrong and lists the bad rows of a refused file', () => {
    render(
      <I18nProvider>
        <ImportRefusal error={new ApiError(422, 'import_invalid', '1 kesalahan di berkas', details)} />
      </I18nProvider>,
    );
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.getByTestId('import-errors')).toHaveTextContent('4nik…1234NIK harus 16 angka');
  });

  it('lists no rows for another refusal, and shows nothing without an error', () => {
    const { container, rerender } = render(
      <I18nProvider>
        <ImportRefusal error={new ApiError(409, 'conflict', 'Kunci dipakai', details)} />
      </I18nProvider>,
    );
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.queryByTestId('import-errors')).toBeNull();
    rerender(
      <I18nProvider>
        <ImportRefusal error={null} />
      </I18nProvider>,
    );
    expect(container).toBeEmptyDOMElement();
  });
});

describe('SheetFileInput', () => {
  it('asks for one XLSX or CSV and hands over the file chosen', () => {
    const chosen: (File | null)[] = [];
    render(
      <I18nProvider>
        <SheetFileInput onFile={(file) => chosen.push(file)} />
      </I18nProvider>,
    );
    const input = screen.getByLabelText<HTMLInputElement>(/berkas/i);
    expect(input).toBeRequired();
    expect(input.accept).toContain('.xlsx');
    expect(input.accept).toContain('.csv');
    const file = new File(['kode,dpt\n'], 'tps.csv', { type: 'text/csv' });
    // A file input tells its choice by a 'change' event (testing-library/preact's fireEvent.change sends 'input').
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent(input, new Event('change', { bubbles: true }));
    expect(chosen).toEqual([file]);
  });
});
