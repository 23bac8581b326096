import { describe, expect, it } from 'vitest';
import { FUZZ_TIMEOUT_MS, ITERATIONS, SEED, flip, fuzzFixture, truncate } from './fuzz-helpers';

/** The first page of a table (up to the 14th line break): the parsers see every feature. */
function firstPage(bytes: Uint8Array): Uint8Array {
  let lines = 0;
  const end = bytes.findIndex((byte) => byte === 0x0a && (lines += 1) === 14);
  return end < 0 ? bytes : bytes.slice(0, end + 1);
}

describe(`fuzz text and CSV: ${ITERATIONS} mutated inputs each (seed ${SEED})`, () => {
  it.each([
    ['seed-libreoffice-gbk.csv', 'x.csv'],
    ['seed-libreoffice-utf8.csv', 'x.csv'],
    ['seed-guangzhou-2025-jidian-disclosure.txt', 'x.txt'],
  ])(
    '%s',
    async (file, name) => {
      const outcome = await fuzzFixture(file, name, [flip, truncate], {
        slice: firstPage,
      });
      expect(outcome.imported).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT_MS,
  );
});
