import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/model';

describe('newId', () => {
  it('gives 100,000 distinct ids of the usual form: prefix, clock, counter and random in base 36', () => {
    const ids = Array.from({ length: 100_000 }, () => newId('ind'));
    expect(new Set(ids).size).toBe(ids.length);
    const clock = Date.now().toString(36);
    for (const id of ids.slice(0, 1000)) {
      // The clock (8 digits until the year 2059), a 4-digit counter, 1–6 random digits.
      expect(id).toMatch(/^ind-[0-9a-z]{8}[0-9a-z]{4}[0-9a-z]{1,6}$/);
      expect(id.slice(4, 4 + clock.length) <= clock).toBe(true);
    }
    // The random part is a number below 36⁶ written without padding: 35 in 36 have six digits.
    const tails = ids.map((id) => id.slice(16));
    expect(tails.filter((tail) => tail.length === 6).length).toBeGreaterThan(96_500);
    expect(tails.some((tail) => tail.length > 1 && tail.startsWith('0'))).toBe(false);
  });
});
