import { describe, expect, it } from 'vitest';
import { labelTableCells } from './card-tables';

function table(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

const labels = (root: HTMLElement) =>
  Array.from(root.querySelectorAll('tbody tr')).map((row) =>
    Array.from(row.children).map((cell) => cell.getAttribute('data-label')),
  );

describe('tables that turn into cards', () => {
  it("labels each body cell with its column's header, colspans counted", () => {
    const root =
      table(`<table class="table"><thead><tr><th>TPS</th><th colspan="2">DPT</th><th></th></tr></thead>
      <tbody><tr><th scope="row">001</th><td>254</td><td>288</td><td><button>Ubah</button></td></tr>
      <tr><td colspan="2">002</td><td>390</td><td></td></tr></tbody></table>`);
    expect(labelTableCells(root)).toBe(7);
    expect(labels(root)).toEqual([
      ['TPS', 'DPT', 'DPT', ''],
      ['TPS', 'DPT', ''],
    ]);
    expect(root.querySelector('table')!.hasAttribute('data-cards')).toBe(true);
    expect(labelTableCells(root)).toBe(0); // nothing changes twice
  });

  it("keeps a page's own label, follows a header that changes, leaves headerless tables alone", () => {
    const root = table(`<table class="table"><thead><tr><th>Nama</th><th>Peran</th></tr></thead>
      <tbody><tr><td data-label="Pengguna">a</td><td>lurah</td></tr></tbody></table>
      <table class="table"><tbody><tr><td>Wara</td><td>Belum lapor</td></tr></tbody></table>`);
    labelTableCells(root);
    expect(labels(root)).toEqual([
      ['Pengguna', 'Peran'],
      [null, null],
    ]);
    root.querySelectorAll('th')[1]!.textContent = 'Role';
    labelTableCells(root);
    expect(labels(root)[0]).toEqual(['Pengguna', 'Role']);
    expect(root.querySelectorAll('table')[1]!.hasAttribute('data-cards')).toBe(false);
  });
});
