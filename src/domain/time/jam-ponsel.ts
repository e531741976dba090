/**
 * A phone's clock against the server's: a report may say when it was written (offline outboxes send
 * it later), but not a moment ahead of now. Five minutes of drift are forgiven. Siaga default,
 * configurable.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Whether `at` lies further ahead of `now` than a phone's clock may drift. */
export function isAheadOfClock(at: Date, now: Date): boolean {
  return at.getTime() > now.getTime() + CLOCK_SKEW_MS;
}
