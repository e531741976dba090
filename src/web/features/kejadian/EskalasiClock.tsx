/** The escalation clock everyone on the chain sees, ticking in the browser from the server's dueAt. */
import { useEffect, useState } from 'react';
import type { EskalasiClock as Clock } from '../../../contracts/kejadian';
import { useKejadianText } from './useKejadianText';
import './i18n';

/** The current time, refreshed every `intervalMs`. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function EskalasiClockText({ clock, isOpen }: { clock: Clock; isOpen: boolean }) {
  const { t, duration } = useKejadianText();
  const now = useNow();
  if (clock.nextLevel === null || clock.dueAt === null) {
    if (!isOpen) return null;
    return (
      <span className="muted small">
        {clock.level === 'kabkota' ? t('kej.clock.top') : t('kej.clock.stopped')}
      </span>
    );
  }
  const level = t(`kej.level.${clock.nextLevel}`);
  const minutesLeft = Math.floor((Date.parse(clock.dueAt) - now) / 60_000);
  return (
    <span className="small" role="timer" style={{ color: minutesLeft < 15 ? '#a4000f' : '#7a4b00' }}>
      {minutesLeft <= 0
        ? t('kej.clock.now', { level })
        : t('kej.clock.in', { level, left: duration(minutesLeft) })}
    </span>
  );
}

/** Colours of a deadline's status; the words say it too, colour is never the only signal. */
export const TENGGAT_COLOR = {
  aman: '#1b7f3a',
  segera: '#7a4b00',
  lewat: '#a4000f',
  terpenuhi: '#555',
} as const;
