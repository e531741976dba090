import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { FilterSelect, useListFilters } from './ListFilters';

const STATUS = ['baru', 'selesai'] as const;

function List() {
  const { filters, setFilter, page, setPage } = useListFilters({ status: '' });
  return (
    <>
      <FilterSelect
        label="Status"
        all="Semua"
        value={filters.status}
        options={STATUS}
        optionLabel={(s) => s.toUpperCase()}
        onChange={(v) => setFilter('status', v)}
      />
      <button type="button" onClick={() => setPage(page + 1)}>
        next
      </button>
      <output>{`${filters.status || 'semua'} · halaman ${page}`}</output>
    </>
  );
}

describe('FilterSelect and useListFilters', () => {
  it('offers every value first, then each option by its label', () => {
    render(<List />);
    const select = screen.getByLabelText('Status');
    expect([...select.querySelectorAll('option')].map((o) => [o.value, o.textContent])).toEqual([
      ['', 'Semua'],
      ['baru', 'BARU'],
      ['selesai', 'SELESAI'],
    ]);
  });

  it('goes back to page 1 when a filter changes', async () => {
    render(<List />);
    fireEvent.click(screen.getByText('next'));
    fireEvent.click(screen.getByText('next'));
    expect(screen.getByRole('status').textContent).toBe('semua · halaman 3');
    // A select tells its choice by a 'change' event (testing-library/preact's fireEvent.change sends 'input').
    const select = screen.getByLabelText<HTMLSelectElement>('Status');
    select.value = 'selesai';
    fireEvent(select, new Event('change', { bubbles: true }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('selesai · halaman 1'));
  });
});
