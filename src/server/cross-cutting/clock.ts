/**
 * The server's clock, injected into every service that asks what time it is, so that tests set the
 * time instead of waiting for it (docs/architecture.md: time is a parameter).
 */
export interface Clock {
  now: () => Date;
}

/** The wall clock of the machine. */
export const systemClock: Clock = { now: () => new Date() };
