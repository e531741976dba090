import { describe, expect, it } from 'vitest';
import { isAheadOfClock } from './jam-ponsel';

describe('isAheadOfClock', () => {
  const now = new Date('2024-11-27T08:00:00Z');
  it.each([
    ['an hour ago', '2024-11-27T07:00:00Z', false],
    ['now', '2024-11-27T08:00:00Z', false],
    ['five minutes ahead (drift)', '2024-11-27T08:05:00Z', false],
    ['five minutes and a second ahead', '2024-11-27T08:05:01Z', true],
    ['a day ahead', '2024-11-28T08:00:00Z', true],
    ['year 9999', '9999-12-31T23:59:59Z', true],
  ])('%s', (_, at, expected) => expect(isAheadOfClock(new Date(at), now)).toBe(expected));
});
