/**
 * Tables that turn into cards on a phone (issue 14): below 40rem every `table.table` with a header row
 * is drawn as one card per row (styles.css, `table[data-cards]`), each cell under its column's name. The names come from the table's own
 * header, so no page writes them twice: this labels each body cell with `data-label` from the header
 * cell above it (colspans counted), and keeps doing so as React redraws rows. A page may set
 * `data-label` itself; a cell whose column has no header text (an action) takes the card's full width.
 */
import { useEffect, type RefObject } from 'react';

const AUTO = 'data-label-auto';

function columnNames(table: HTMLTableElement): string[] {
  const headRows = table.tHead?.rows;
  const row = headRows?.[headRows.length - 1];
  if (!row) return [];
  const names: string[] = [];
  for (const cell of Array.from(row.cells)) {
    const name = (cell.textContent ?? '').trim();
    for (let span = 0; span < Math.max(1, cell.colSpan); span++) names.push(name);
  }
  return names;
}

/** Labels the body cells of every `table.table` under `root`; returns how many it changed. */
export function labelTableCells(root: ParentNode): number {
  let changed = 0;
  for (const table of Array.from(root.querySelectorAll<HTMLTableElement>('table.table'))) {
    const names = columnNames(table);
    // Only a table with a header row becomes cards: a headerless one is a short list already.
    if (names.length === 0) continue;
    if (!table.hasAttribute('data-cards')) table.setAttribute('data-cards', '');
    for (const section of [...Array.from(table.tBodies), ...(table.tFoot ? [table.tFoot] : [])]) {
      for (const row of Array.from(section.rows)) {
        let column = 0;
        for (const cell of Array.from(row.cells)) {
          const name = names[column] ?? '';
          column += Math.max(1, cell.colSpan);
          // A label the page wrote itself is kept; ours follow the header.
          if (cell.hasAttribute('data-label') && !cell.hasAttribute(AUTO)) continue;
          if (cell.getAttribute('data-label') === name) continue;
          cell.setAttribute('data-label', name);
          cell.setAttribute(AUTO, '');
          changed++;
        }
      }
    }
  }
  return changed;
}

/** Keeps the tables under `root` labelled while the page renders (one observer for the whole app). */
export function useCardTables(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        labelTableCells(element);
      });
    };
    labelTableCells(element);
    // Only rows and text coming and going matter; our own attribute writes are not observed.
    const observer = new MutationObserver(schedule);
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [root]);
}
