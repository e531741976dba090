import { render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import { LaporanHarian } from './LaporanHarian';

afterEach(() => vi.useRealTimers());

describe('LaporanHarian', () => {
  // 16:30 UTC on 27 November is 23:30 WIB the same day, 00:30 WITA and 01:30 WIT the next.
  it.each([
    ['35.74', '2024-11-27'],
    ['73.73', '2024-11-28'],
    ['91.71', '2024-11-28'],
  ])("starts on the region's today for %s", (kode, today) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-11-27T16:30:00Z'));
    render(
      <I18nProvider>
        <LaporanHarian kode={kode} />
      </I18nProvider>,
    );
    expect(screen.getByLabelText('Tanggal')).toHaveValue(today);
  });
});
