/**
 * The filters over a paged list (kejadian, medsos): a labelled select per field whose first option,
 * '', is every value, and the state behind them, which goes back to page 1 when a filter changes (page
 * 3 of the old filter may not exist in the new one).
 */
import { useState } from 'react';

/** The chosen filters and page of a list; `setFilter` also returns to page 1. */
export function useListFilters<F extends { [K in keyof F]: string }>(initial: F) {
  const [page, setPage] = useState(1);
  const [filters, setFilters] = useState<F>(initial);
  const setFilter = (name: keyof F, value: string) => {
    setFilters((current) => ({ ...current, [name]: value }));
    setPage(1);
  };
  return { filters, setFilter, page, setPage };
}

export function FilterSelect<T extends string>(props: {
  label: string;
  /** The first option's text: every value (''). */
  all: string;
  value: string;
  options: readonly T[];
  optionLabel: (option: T) => string;
  onChange: (value: string) => void;
}) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.optionLabel(o)}
          </option>
        ))}
      </select>
    </label>
  );
}
