import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n';
import './i18n';
import type { KejadianKey } from './i18n';

/**
 * This feature's texts in the user's language with the helpers the incident pages need
 * (durations, times); kept apart from i18n.ts so that the app dictionaries can import the texts.
 */
export function useKejadianText() {
  const { lang, errorText, t: text, formatDateTime } = useI18n();
  return useMemo(() => {
    const t = (key: KejadianKey, params?: Record<string, string | number>) => text(key, params);
    const locale = lang === 'en' ? 'en-GB' : 'id-ID';
    /** An instant on the clock of the incident's region with its zone (the app's one rule, i18n.tsx). */
    const formatTime = (iso: string, kodeWilayah: string | null) => formatDateTime(iso, kodeWilayah);
    /** "12 menit", "3 jam 5 menit", "2 hari 4 jam" for a positive number of minutes. */
    const duration = (minutes: number) => {
      const m = Math.max(0, Math.floor(minutes));
      if (m < 60) return t('kej.minutes', { n: m });
      if (m < 24 * 60) return t('kej.hoursMinutes', { h: Math.floor(m / 60), m: m % 60 });
      return t('kej.days', { d: Math.floor(m / 1440), h: Math.floor((m % 1440) / 60) });
    };
    return { t, lang, locale, formatTime, duration, errorText };
  }, [lang, errorText, text, formatDateTime]);
}
