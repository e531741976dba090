import { fireEvent } from '@testing-library/preact';

/**
 * Picks an option the way a browser reports it: the value changes, then `input`, then `change` (HTML,
 * "the select element": a user's selection fires both). Testing Library's `fireEvent.change` for
 * Preact sends only `input` (it assumes every onChange became onInput, as it does for text fields), so a
 * select's onChange, which stays `change` in preact/compat, would never hear it.
 */
export function choose(select: HTMLElement, value: string): void {
  if (!(select instanceof HTMLSelectElement)) throw new Error('choose: not a <select>');
  select.value = value;
  fireEvent(select, new Event('input', { bubbles: true }));
  fireEvent(select, new Event('change', { bubbles: true }));
}
