import { act, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import '../features/tps/i18n';
import { en } from './en';
import { id } from './id';
import { inProcessZone } from '../testing/zone';
import { I18nProvider, useI18n } from './i18n';

/** Every feature's Indonesian texts: the dictionary as it is once every page has been opened. */
const features = import.meta.glob<Record<string, Record<string, string>>>('../features/*/i18n.ts', {
  eager: true,
});
const allIndonesian: Record<string, string> = Object.assign(
  { ...id },
  ...Object.values(features).flatMap((module) => Object.values(module)),
);

function Probe() {
  const { t, lang, setLang, errorText, formatNumber, formatPercent, formatDate } = useI18n();
  return (
    <div>
      <p>{t('nav.tps')}</p>
      <p>{formatNumber(125572)}</p>
      <p data-testid="message">{t('tps.total', { count: 2837, dpt: 1250572 })}</p>
      <p data-testid="percent">{formatPercent(29.4)}</p>
      <p data-testid="date">{formatDate('2026-12-17')}</p>
      <p>{errorText(new ApiError(401, 'invalid_credentials', 'server text'))}</p>
      <button onClick={() => setLang(lang === 'id' ? 'en' : 'id')}>{t('lang.switch')}</button>
    </div>
  );
}

describe('i18n', () => {
  it('speaks Indonesian first and switches to English, with numbers formatted per language', async () => {
    localStorage.clear();
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByText('TPS')).toBeInTheDocument();
    expect(screen.getByText('125.572')).toBeInTheDocument();
    // Numbers inside messages too, percentages with a decimal comma, days by name (issue 14).
    expect(screen.getByTestId('message').textContent).toBe('2.837 TPS, 1.250.572 pemilih');
    expect(screen.getByTestId('percent').textContent).toBe('29,4%');
    expect(screen.getByTestId('date').textContent).toBe('17 Des 2026');
    expect(screen.getByText('Nama pengguna atau kata sandi salah.')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('id');
    await act(() => screen.getByRole('button', { name: 'English' }).click());
    // English arrives as its own chunk: the Indonesian stays until it has.
    expect(await screen.findByText('Polling stations')).toBeInTheDocument();
    expect(screen.getByText('125,572')).toBeInTheDocument();
    expect(screen.getByTestId('percent').textContent).toBe('29.4%');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('siaga.lang')).toBe('en');
  });

  it('has an English text for every Indonesian key, and no other', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(allIndonesian).sort());
    expect(Object.keys(allIndonesian).length).toBeGreaterThan(1000);
  });

  it('opens in English for a reader who chose it, without showing Indonesian first', async () => {
    localStorage.setItem('siaga.lang', 'en');
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.queryByText('TPS')).toBeNull();
    expect(await screen.findByText('Polling stations')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    localStorage.clear();
  });

  it("shows a WIT record's time on Jayapura's clock with its zone, on a phone set to Jakarta", async () => {
    // 03:00 UTC is 12.00 in Jayapura (UTC+9) and 10.00 on a WIB phone (UTC+7): a BKO officer from
    // Java reading a Papua record must see the record's own clock, and which clock it is.
    inProcessZone('Asia/Jakarta');
    localStorage.clear();
    function Times() {
      const { formatDateTime, lang, setLang } = useI18n();
      return (
        <div>
          <p data-testid="wit">{formatDateTime('2024-11-27T03:00:00Z', '91.71.01.1001')}</p>
          <p data-testid="wita">{formatDateTime('2024-11-27T03:00:00Z', '73.73')}</p>
          <p data-testid="device">{formatDateTime('2024-11-27T03:00:00Z')}</p>
          <button onClick={() => setLang(lang === 'id' ? 'en' : 'id')}>switch</button>
        </div>
      );
    }
    render(
      <I18nProvider>
        <Times />
      </I18nProvider>,
    );
    expect(screen.getByTestId('wit').textContent).toBe('27 Nov 2024, 12.00 WIT');
    expect(screen.getByTestId('wita').textContent).toBe('27 Nov 2024, 11.00 WITA');
    // No region known: the phone's own clock, as before, without a zone.
    expect(screen.getByTestId('device').textContent).toBe('27 Nov 2024, 10.00');
    await act(() => screen.getByRole('button', { name: 'switch' }).click());
    // English keeps the app's English words and order, on the same region's clock.
    await waitFor(() => expect(screen.getByTestId('wit').textContent).toBe('Nov 27, 2024, 12:00 PM WIT'));
    expect(screen.getByTestId('device').textContent).toBe('Nov 27, 2024, 10:00 AM');
    localStorage.clear();
  });
  it('names the day of a range once when both ends fall on one day on the region clock', async () => {
    inProcessZone('Asia/Jakarta');
    localStorage.clear();
    // 01:00-04:00 UTC is morning in all three zones; 14:00-17:00 UTC stays on 10 December in UTC but
    // crosses midnight in WITA (22.00-01.00) and WIT; 14:00-16:30 UTC stays within the day in WIB.
    function Ranges() {
      const { formatRange, lang, setLang } = useI18n();
      const morning = ['2026-12-10T01:00:00Z', '2026-12-10T04:00:00Z'] as const;
      const night = ['2026-12-10T14:00:00Z', '2026-12-10T17:00:00Z'] as const;
      return (
        <div>
          <p data-testid="wib">{formatRange(...morning, '31.71')}</p>
          <p data-testid="wita">{formatRange(...morning, '73.73.01')}</p>
          <p data-testid="wit">{formatRange(...morning, '91.71')}</p>
          <p data-testid="days">{formatRange('2026-12-10T01:00:00Z', '2026-12-11T04:00:00Z', '73.73')}</p>
          <p data-testid="night-wita">{formatRange(...night, '73.73')}</p>
          <p data-testid="night-wib">
            {formatRange('2026-12-10T14:00:00Z', '2026-12-10T16:30:00Z', '31.71')}
          </p>
          <p data-testid="device">{formatRange(...morning)}</p>
          <p data-testid="reversed">{formatRange(morning[1], morning[0], '73.73')}</p>
          <button onClick={() => setLang(lang === 'id' ? 'en' : 'id')}>switch</button>
        </div>
      );
    }
    render(
      <I18nProvider>
        <Ranges />
      </I18nProvider>,
    );
    const text = (id: string) => screen.getByTestId(id).textContent;
    expect(text('wib')).toBe('10 Des 2026 08.00–11.00 WIB');
    expect(text('wita')).toBe('10 Des 2026 09.00–12.00 WITA');
    expect(text('wit')).toBe('10 Des 2026 10.00–13.00 WIT');
    expect(text('days')).toBe('10 Des 2026, 09.00 – 11 Des 2026, 12.00 WITA');
    expect(text('night-wita')).toBe('10 Des 2026, 22.00 – 11 Des 2026, 01.00 WITA');
    expect(text('night-wib')).toBe('10 Des 2026 21.00–23.30 WIB');
    // No region known: the phone's clock (Jakarta here) without a zone, as formatDateTime does.
    expect(text('device')).toBe('10 Des 2026 08.00–11.00');
    expect(text('reversed')).toBe('10 Des 2026, 12.00 – 10 Des 2026, 09.00 WITA');
    await act(() => screen.getByRole('button', { name: 'switch' }).click());
    await waitFor(() => expect(text('wib')).toBe('Dec 10, 2026, 8:00 – 11:00 AM WIB'));
    expect(text('wita')).toBe('Dec 10, 2026, 9:00 AM – 12:00 PM WITA');
    expect(text('wit')).toBe('Dec 10, 2026, 10:00 AM – 1:00 PM WIT');
    expect(text('days')).toBe('Dec 10, 2026, 9:00 AM – Dec 11, 2026, 12:00 PM WITA');
    expect(text('night-wita')).toBe('Dec 10, 2026, 10:00 PM – Dec 11, 2026, 1:00 AM WITA');
    expect(text('night-wib')).toBe('Dec 10, 2026, 9:00 – 11:30 PM WIB');
    localStorage.clear();
  });
});
