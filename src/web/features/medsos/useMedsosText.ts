import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n';
import './i18n';

/** The app's texts (this feature's are in i18n.ts) with the durations and file sizes its pages show. */
export function useMedsosText() {
  const i18n = useI18n();
  return useMemo(() => {
    const { t, lang, formatNumber } = i18n;
    /** "12 menit", "3 jam 5 menit", "2 hari 4 jam" for a number of minutes. */
    const duration = (minutes: number) => {
      const m = Math.max(0, Math.floor(minutes));
      if (m < 60) return t('med.minutes', { n: m });
      if (m < 24 * 60) return t('med.hoursMinutes', { h: Math.floor(m / 60), m: m % 60 });
      return t('med.days', { d: Math.floor(m / 1440), h: Math.floor((m % 1440) / 60) });
    };
    const size = (bytes: number) =>
      bytes < 1024 * 1024
        ? `${formatNumber(Math.ceil(bytes / 1024))} KB`
        : `${new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'id-ID', { maximumFractionDigits: 1 }).format(bytes / 1048576)} MB`;
    /** An instant on the clock of the item's region with its zone (the app's one rule, i18n.tsx). */
    const formatTime = (iso: string, kodeWilayah: string | null) => i18n.formatDateTime(iso, kodeWilayah);
    return { ...i18n, formatTime, duration, size };
  }, [i18n]);
}
