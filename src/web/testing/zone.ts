import { onTestFinished } from 'vitest';

/**
 * Runs the rest of the test with the process (jsdom's "browser") on `zone`, as a phone or laptop set
 * to another time zone would be; Node reads TZ anew when it changes. Restored when the test ends.
 */
export function inProcessZone(zone: string): void {
  const before = process.env.TZ;
  process.env.TZ = zone;
  onTestFinished(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });
}
