import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { inProcessZone } from '../testing/zone';
import { WaktuSetempatInput, waktuForm } from './WaktuSetempat';

/** A form of one time field for `kodeWilayah`; what its submit reads, through the shared rule. */
function renderForm(kodeWilayah: string | null, defaultInstant?: string) {
  const sent: string[] = [];
  render(
    <form
      aria-label="uji"
      onSubmit={(event) => {
        event.preventDefault();
        sent.push(waktuForm(new FormData(event.currentTarget), 'mulai', kodeWilayah));
      }}
    >
      <WaktuSetempatInput
        label={(zona) => `Waktu mulai (${zona})`}
        kodeWilayah={kodeWilayah}
        name="mulai"
        {...(defaultInstant === undefined ? {} : { defaultInstant })}
      />
    </form>,
  );
  return sent;
}

// The browser's own zone must not matter: a phone left on WIB in Papua, a laptop abroad.
describe.each(['Asia/Jakarta', 'America/New_York', 'Asia/Jayapura'])(
  'WaktuSetempatInput with the process in %s',
  (processZone) => {
    it.each([
      ['73.73', 'WITA', '2024-11-27T10:00:00+08:00', '2024-11-27T02:00:00.000Z'],
      ['91.71', 'WIT', '2024-11-27T10:00:00+09:00', '2024-11-27T01:00:00.000Z'],
      ['31.71', 'WIB', '2024-11-27T10:00:00+07:00', '2024-11-27T03:00:00.000Z'],
    ])('reads 10:00 typed for %s on the %s clock', (kode, zona, sentAs, instant) => {
      inProcessZone(processZone);
      const sent = renderForm(kode);
      const input = screen.getByLabelText(`Waktu mulai (${zona})`);
      expect(input).toHaveAttribute('type', 'datetime-local');
      fireEvent.input(input, { target: { value: '2024-11-27T10:00' } });
      fireEvent.submit(screen.getByRole('form', { name: 'uji' }));
      expect(sent).toEqual([sentAs]);
      expect(new Date(sent[0]!).toISOString()).toBe(instant);
    });

    it("shows a stored instant on the region's clock", () => {
      inProcessZone(processZone);
      renderForm('91.71', '2024-11-27T01:00:00Z');
      expect(screen.getByLabelText('Waktu mulai (WIT)')).toHaveValue('2024-11-27T10:00');
    });
  },
);

describe('waktuForm', () => {
  it("sends '' for an empty field, for the contract to name", () => {
    const sent = renderForm('73.73');
    fireEvent.submit(screen.getByRole('form', { name: 'uji' }));
    expect(sent).toEqual(['']);
  });

  it('reads a user without an area (national) on WIB, as zonaOf does', () => {
    const sent = renderForm(null);
    fireEvent.input(screen.getByLabelText('Waktu mulai (WIB)'), { target: { value: '2024-11-27T10:00' } });
    fireEvent.submit(screen.getByRole('form', { name: 'uji' }));
    expect(sent).toEqual(['2024-11-27T10:00:00+07:00']);
  });
});
